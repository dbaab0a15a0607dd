/**
 * The data model of every layer the app draws. Property names are camelCase
 * whole words; the same shapes are used by the demo generator, the map, the
 * analysis worker and (later) importers, which normalise raw fields into them.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** CCCM site typology (see shared/DOMAIN.md). */
export const SITE_TYPES = [
  'planned_camp',
  'spontaneous_site',
  'collective_centre',
  'transit_centre',
  'evacuation_centre',
] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** Needs severity, on the 1–5 scale of the JIAF (1 none/minimal … 5 catastrophic). */
export type NeedSeverity = 1 | 2 | 3 | 4 | 5;

export const NEED_SECTORS = ['shelter', 'wash', 'health', 'protection'] as const;
export type NeedSector = (typeof NEED_SECTORS)[number];

/** A displacement site, modelled on a DTM site assessment row. */
export interface SiteProperties {
  id: string;
  name: string;
  siteType: SiteType;
  admin1Pcode: string;
  admin1Name: string;
  admin2Pcode: string;
  admin2Name: string;
  households: number;
  individuals: number;
  managementAgency: string;
  /** Total site area in square metres (Sphere: ≥ 45 m² per person; 30 m² with services outside). */
  areaSquareMetres: number;
  /** Covered living space in square metres, where a shelter assessment gives it (Sphere: ≥ 3.5 m² per person). */
  coveredSquareMetres?: number;
  /** Communal services (latrines, water, cooking, health) are provided outside the site: Sphere's area standard is then 30 m². */
  communalServicesOutside?: boolean;
  needShelter: NeedSeverity;
  needWash: NeedSeverity;
  needHealth: NeedSeverity;
  needProtection: NeedSeverity;
  /** ISO date (YYYY-MM-DD) of the last assessment. */
  lastAssessment: string;
}

export const HAZARD_TYPES = ['flood', 'landslide', 'storm_surge', 'earthquake'] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface HazardZoneProperties {
  id: string;
  name: string;
  hazardType: HazardType;
  severity: Severity;
  source: string;
  /** Set when the import repaired the geometry (a self-intersecting polygon split into simple parts). */
  repaired?: 'self-intersection';
}

export const CONTROL_LEVELS = ['controlled', 'contested', 'influence'] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];

/** A gang-controlled area. Sensitive: every view and export carries the label. */
export interface ControlAreaProperties {
  id: string;
  name: string;
  controlLevel: ControlLevel;
  /** ISO date (YYYY-MM-DD) of the last update. */
  lastUpdate: string;
  source: string;
  sensitivity: 'sensitive';
}

export const SERVICE_TYPES = ['water', 'health', 'distribution'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const WATER_POINT_TYPES = ['tap', 'hand_pump', 'well'] as const;
export type WaterPointType = (typeof WATER_POINT_TYPES)[number];

export interface ServicePointProperties {
  id: string;
  name: string;
  serviceType: ServiceType;
  /** Water points only: tap stand, hand pump or open well. */
  waterPointType?: WaterPointType;
  /** Water points only: litres delivered per day. */
  capacityLitresPerDay?: number;
  operator: string;
}

export interface AdminAreaProperties {
  pcode: string;
  name: string;
  /** 1 = department, 2 = commune, 3 = communal section. */
  level: 1 | 2 | 3;
  parentPcode?: string;
  parentName?: string;
  /** True for generated areas that only approximate the official boundaries. */
  approximate: boolean;
}

/** Collection-level metadata carried by every demo file. */
export interface DatasetMetadata {
  synthetic: boolean;
  description: string;
  seed?: number;
  generatedBy?: string;
  /** "Data as of" date, ISO. */
  asOf: string;
  source: string;
  /** The DTM round a sites dataset is (its label and date), which products name. */
  round?: { asOf: string; label: string };
}

export type DatasetCollection<G extends Point | Polygon | MultiPolygon, P> = FeatureCollection<G, P> & {
  metadata?: DatasetMetadata;
};

export type SiteFeature = Feature<Point, SiteProperties>;
export type HazardZoneFeature = Feature<Polygon | MultiPolygon, HazardZoneProperties>;
export type ControlAreaFeature = Feature<Polygon | MultiPolygon, ControlAreaProperties>;
export type ServicePointFeature = Feature<Point, ServicePointProperties>;
export type AdminAreaFeature = Feature<Polygon | MultiPolygon, AdminAreaProperties>;

export type SiteCollection = DatasetCollection<Point, SiteProperties>;
export type HazardZoneCollection = DatasetCollection<Polygon | MultiPolygon, HazardZoneProperties>;
export type ControlAreaCollection = DatasetCollection<Polygon | MultiPolygon, ControlAreaProperties>;
export type ServicePointCollection = DatasetCollection<Point, ServicePointProperties>;
export type AdminAreaCollection = DatasetCollection<Polygon | MultiPolygon, AdminAreaProperties>;

/** The five thematic layers, in drawing order (bottom to top). */
export const LAYER_IDS = ['admin', 'hazards', 'control', 'services', 'sites'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Everything the app shows at once. */
export interface Datasets {
  sites: SiteCollection;
  hazards: HazardZoneCollection;
  control: ControlAreaCollection;
  services: ServicePointCollection;
  admin: AdminAreaCollection;
}
