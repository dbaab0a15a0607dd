/**
 * The one palette table: map layers read their colours here and the legend is
 * generated from the same entries, so the two can never disagree. Colours are
 * Okabe–Ito and ColorBrewer hues chosen to stay apart for colour-blind readers;
 * each layer also differs by shape (circle, square icon, hatch, line), so the
 * map still reads in grey print. Within a layer whose entries share a shape
 * (site types, hazard types) the hues are set at lightness steps at least ~10
 * CIELAB L* apart, so they also stay apart in grey print; a unit test checks every
 * pair under deuteranopia, protanopia, tritanopia and greyscale
 * (test/unit/palette-colour-vision.test.ts).
 */
import {
  CONTROL_LEVELS,
  type ControlLevel,
  HAZARD_TYPES,
  type HazardType,
  type LayerId,
  SERVICE_TYPES,
  type ServiceType,
  type Severity,
  SITE_TYPES,
  type SiteType,
} from '../domain/types';
import type { MessageKey } from '../i18n/fr';

export type RGB = readonly [number, number, number];
export type RGBA = readonly [number, number, number, number];

/** How a legend swatch is drawn; mirrors how the layer draws the feature. */
export type LegendSymbol =
  | { kind: 'circle'; color: RGB }
  /** An outline circle: the ring an analysis draws around the sites it flags. */
  | { kind: 'ring'; color: RGB }
  | { kind: 'fill'; color: RGB; fillAlpha: number }
  | { kind: 'pattern'; color: RGB; pattern: ControlPattern }
  | { kind: 'icon'; serviceType: ServiceType }
  | {
      kind: 'line';
      color: RGB;
      width: number;
      dashed: boolean;
      /** Pixels on, pixels off, when not the communes' 4 and 3. */
      dash?: readonly [number, number];
    };

export interface LegendEntry {
  key: string;
  label: MessageKey;
  symbol: LegendSymbol;
}

export type ControlPattern = 'cross-hatch' | 'hatch' | 'dots';

/** Okabe–Ito hues at L* ≈ 52, 41, 63, 73 and 85 (the group colour is 30). */
export const SITE_COLORS: Record<SiteType, RGB> = {
  spontaneous_site: [205, 88, 0],
  collective_centre: [0, 100, 165],
  planned_camp: [0, 172, 126],
  transit_centre: [236, 155, 200],
  evacuation_centre: [250, 207, 60],
};
export const SITE_OUTLINE: RGB = [255, 255, 255];
/** Groups of sites at country zoom: neutral, since a group mixes site types. */
export const SITE_CLUSTER_COLOR: RGB = [52, 73, 94];

/** L* ≈ 70, 44, 29 and 55, so the four types also differ in grey print. */
export const HAZARD_COLORS: Record<HazardType, RGB> = {
  flood: [86, 180, 233],
  landslide: [150, 90, 15],
  storm_surge: [90, 45, 140],
  earthquake: [150, 130, 0],
};
/** Fill alpha (0–255) by severity: the darker, the more severe. */
export const SEVERITY_FILL_ALPHA: Record<Severity, number> = { low: 28, medium: 60, high: 105 };

export const CONTROL_COLORS: Record<ControlLevel, RGB> = {
  controlled: [103, 0, 31],
  contested: [178, 24, 43],
  influence: [231, 41, 138],
};
export const CONTROL_PATTERNS: Record<ControlLevel, ControlPattern> = {
  controlled: 'cross-hatch',
  contested: 'hatch',
  influence: 'dots',
};

/** Service icons: a square in this colour with a white glyph per service type. */
export const SERVICE_BACKGROUND: RGB = [26, 35, 126];
export const SERVICE_GLYPH: RGB = [255, 255, 255];

export const ADMIN_COLORS = {
  department: [97, 97, 97] as RGB,
  commune: [150, 150, 150] as RGB,
  section: [190, 190, 190] as RGB,
  label: [66, 66, 66] as RGB,
  labelHalo: [255, 255, 255] as RGB,
};

/** Offline basemap colours (MapLibre style). */
export const BASEMAP_COLORS = {
  sea: '#cfe3ec',
  land: '#efede8',
  haiti: '#f9f7f2',
  border: '#b5aea5',
  coast: '#9fb7c2',
};

/**
 * Reference layers (PMTiles archives drawn over the basemap), one colour each in the order they
 * are added: muted purple, brown, teal and slate, apart from the site types and hazard fills.
 */
export const REFERENCE_COLORS = ['#7b3294', '#8c510a', '#01665e', '#4d5b6a'] as const;

export function withAlpha(color: RGB, alpha: number): RGBA {
  return [color[0], color[1], color[2], Math.round(Math.max(0, Math.min(255, alpha)))];
}

/** Legend entries per layer, in the order the legend lists them. */
export const LEGEND: Record<LayerId, readonly LegendEntry[]> = {
  sites: [
    ...SITE_TYPES.map(
      (type): LegendEntry => ({
        key: type,
        label: `siteType.${type}` as const,
        symbol: { kind: 'circle', color: SITE_COLORS[type] },
      }),
    ),
    { key: 'cluster', label: 'legend.siteCluster', symbol: { kind: 'circle', color: SITE_CLUSTER_COLOR } },
  ],
  hazards: HAZARD_TYPES.map((type) => ({
    key: type,
    label: `hazardType.${type}` as const,
    symbol: { kind: 'fill', color: HAZARD_COLORS[type], fillAlpha: SEVERITY_FILL_ALPHA.medium },
  })),
  control: CONTROL_LEVELS.map((level) => ({
    key: level,
    label: `controlLevel.${level}` as const,
    symbol: { kind: 'pattern', color: CONTROL_COLORS[level], pattern: CONTROL_PATTERNS[level] },
  })),
  services: SERVICE_TYPES.map((type) => ({
    key: type,
    label: `serviceType.${type}` as const,
    symbol: { kind: 'icon', serviceType: type },
  })),
  admin: [
    {
      key: 'department',
      label: 'legend.department',
      symbol: { kind: 'line', color: ADMIN_COLORS.department, width: 2, dashed: false },
    },
    {
      key: 'commune',
      label: 'legend.commune',
      symbol: { kind: 'line', color: ADMIN_COLORS.commune, width: 1, dashed: true },
    },
    {
      key: 'section',
      label: 'legend.section',
      symbol: { kind: 'line', color: ADMIN_COLORS.section, width: 1, dashed: true, dash: [2, 2] },
    },
  ],
};

/**
 * Legend entries drawn only when the data has them: communal sections need
 * level-3 admin areas (a legend must not explain a symbol the map cannot show).
 */
const ENTRY_NEEDS: Record<string, (properties: Record<string, unknown>) => boolean> = {
  section: (properties) => properties.level === 3,
};

/** Whether a legend entry applies to the layer's data (entries without a need always do). */
export function legendEntryApplies(
  entryKey: string,
  collection: { features: readonly { properties: unknown }[] } | undefined,
): boolean {
  const needs = ENTRY_NEEDS[entryKey];
  if (!needs) return true;
  return (
    collection?.features.some(
      (feature) =>
        typeof feature.properties === 'object' &&
        feature.properties !== null &&
        needs(feature.properties as Record<string, unknown>),
    ) ?? false
  );
}

/** A note printed under a layer's legend entries (size key, sensitivity, approximation). */
export const LEGEND_NOTES: Partial<Record<LayerId, MessageKey>> = {
  sites: 'legend.sitesSize',
  hazards: 'legend.hazardsOpacity',
  control: 'legend.controlSensitive',
  admin: 'legend.adminApproximate',
};

/** Site circle radius in metres: area proportional to people, so sqrt. */
export function siteRadiusMetres(individuals: number): number {
  return Math.sqrt(Math.max(0, individuals)) * 9;
}

/** People per commune (choropleth): upper bounds of each class, and a sequential yellow–brown ramp. */
export const CHOROPLETH_BREAKS = [1000, 5000, 20_000, 50_000] as const;
export const CHOROPLETH_COLORS: readonly RGB[] = [
  [255, 247, 188],
  [254, 227, 145],
  [254, 196, 79],
  [236, 112, 20],
  [153, 52, 4],
];

/** The class index of a commune's total (0 … CHOROPLETH_COLORS.length − 1). */
export function choroplethClass(individuals: number): number {
  const index = CHOROPLETH_BREAKS.findIndex((upper) => individuals < upper);
  return index === -1 ? CHOROPLETH_BREAKS.length : index;
}

/** Candidate-site verdict colours (green, orange, red: also told apart by the verdict text). */
export const VERDICT_COLORS = {
  suitable: [26, 152, 80] as RGB,
  caution: [244, 165, 40] as RGB,
  unsuitable: [215, 48, 39] as RGB,
};

/** Outline of sites an analysis flags, and of drawn areas. */
export const ANALYSIS_INK: RGB = [17, 17, 17];

/** Pixel radius of a site group: area grows with the people it holds, within readable bounds. */
export function clusterRadiusPixels(individuals: number): number {
  return Math.min(34, 9 + Math.sqrt(Math.max(0, individuals)) / 14);
}
