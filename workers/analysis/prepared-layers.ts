/**
 * The thematic layers in the form the analyses read: prepared geometry plus
 * the few properties each analysis needs, as plain arrays indexed like the
 * source features. Built once per loaded dataset.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import {
  type AdminAreaProperties,
  CONTROL_LEVELS,
  type ControlAreaProperties,
  type ControlLevel,
  type HazardType,
  type HazardZoneProperties,
  type ServicePointProperties,
  type ServiceType,
  type Severity,
  type WaterPointType,
} from '../../src/domain/types';
import { type PreparedPoints, preparePoints } from './prepared-points';
import { type PreparedZones, prepareZones } from './prepared-zones';
import { coordinatesOf } from './site-table';
import { type PreparedZoneEdges, prepareZoneEdges } from './zone-distance';

type Zones<P> = FeatureCollection<Polygon | MultiPolygon | null, Partial<P> | null>;

/** Severity classes in increasing order; the rank is the index. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2 };

/** Hazard zones: geometry plus type and severity per zone. */
export interface HazardLayer {
  zones: PreparedZones;
  hazardTypes: HazardType[];
  severities: Severity[];
}

export function prepareHazardLayer(collection: Zones<HazardZoneProperties>): HazardLayer {
  return {
    zones: prepareZones(collection),
    hazardTypes: collection.features.map((feature) => feature.properties?.hazardType ?? 'flood'),
    severities: collection.features.map((feature) => feature.properties?.severity ?? 'low'),
  };
}

/** One control level's areas, with the map back to indices in the whole layer. */
export interface ControlLevelAreas {
  level: ControlLevel;
  edges: PreparedZoneEdges;
  /** Index in the whole control layer of each area of this level. */
  areaIndices: Uint32Array;
}

/**
 * Control areas split by level: an access analysis needs the distance to the
 * nearest area of each level, not only to the nearest area of any level.
 */
export interface ControlLayer {
  /** Whole-layer prepared zones (for containment of a single point). */
  zones: PreparedZones;
  levels: ControlLevel[];
  /** In CONTROL_LEVELS order: controlled, contested, influence. */
  byLevel: ControlLevelAreas[];
}

export function prepareControlLayer(collection: Zones<ControlAreaProperties>): ControlLayer {
  const levels = collection.features.map((feature) => feature.properties?.controlLevel ?? 'influence');
  const byLevel = CONTROL_LEVELS.map((level) => {
    const areaIndices: number[] = [];
    levels.forEach((value, index) => {
      if (value === level) areaIndices.push(index);
    });
    const subset = {
      type: 'FeatureCollection' as const,
      features: areaIndices.map((index) => collection.features[index]!),
    };
    return {
      level,
      edges: prepareZoneEdges(prepareZones(subset)),
      areaIndices: Uint32Array.from(areaIndices),
    };
  });
  return { zones: prepareZones(collection), levels, byLevel };
}

/** One service type's points, with the map back to indices in the whole layer. */
export interface ServiceTypePoints {
  serviceType: ServiceType;
  points: PreparedPoints;
  /** Index in the whole service layer of each point of this type. */
  serviceIndices: Uint32Array;
}

/** Service points split by type (nearest water, nearest health, nearest distribution). */
export interface ServiceLayer {
  serviceTypes: ServiceType[];
  /** Water points only; null otherwise or when unknown. */
  waterPointTypes: (WaterPointType | null)[];
  /** In SERVICE_TYPES order: water, health, distribution. */
  byType: ServiceTypePoints[];
}

export function prepareServiceLayer(
  collection: FeatureCollection<Point | null, Partial<ServicePointProperties> | null>,
): ServiceLayer {
  const coordinates = coordinatesOf(collection);
  const serviceTypes = collection.features.map(
    (feature) => feature.properties?.serviceType ?? 'distribution',
  );
  const waterPointTypes = collection.features.map((feature) => feature.properties?.waterPointType ?? null);
  const byType = (['water', 'health', 'distribution'] as const).map((serviceType) => {
    const indices: number[] = [];
    serviceTypes.forEach((value, index) => {
      if (value === serviceType && !Number.isNaN(coordinates[index * 2]!)) indices.push(index);
    });
    const subset = new Float64Array(indices.length * 2);
    indices.forEach((index, slot) => {
      subset[slot * 2] = coordinates[index * 2]!;
      subset[slot * 2 + 1] = coordinates[index * 2 + 1]!;
    });
    return { serviceType, points: preparePoints(subset), serviceIndices: Uint32Array.from(indices) };
  });
  return { serviceTypes, waterPointTypes, byType };
}

/** The admin levels the engine knows. */
export type AdminLevel = 1 | 2 | 3;

/** A level as declared; anything but 1 or 3 is a commune, as before sections were read. */
function adminLevelOf(level: unknown): AdminLevel {
  return level === 1 || level === 3 ? level : 2;
}

/** Admin areas: geometry plus P-code, name, level and parent per area. */
export interface AdminLayer {
  zones: PreparedZones;
  pcodes: string[];
  names: string[];
  /** 1 department, 2 commune, 3 communal section. */
  levels: AdminLevel[];
  parentPcodes: (string | null)[];
  parentNames: (string | null)[];
}

export function prepareAdminLayer(collection: Zones<AdminAreaProperties>): AdminLayer {
  const properties = collection.features.map((feature) => feature.properties ?? {});
  return {
    zones: prepareZones(collection),
    pcodes: properties.map((value) => value.pcode ?? ''),
    names: properties.map((value) => value.name ?? ''),
    levels: properties.map((value) => adminLevelOf(value.level)),
    parentPcodes: properties.map((value) => value.parentPcode ?? null),
    parentNames: properties.map((value) => value.parentName ?? null),
  };
}
