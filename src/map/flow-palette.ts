/**
 * Colours and legend of the flows layer (issue 17), read by the arcs, the
 * points of entry and the legend alike. Each category has its hue (Okabe–Ito,
 * told apart with the common colour-vision deficiencies; air and sea as their
 * airports and seaports); an arc fades from a light origin to its full hue at
 * the destination, so direction reads without arrowheads and in grey print.
 */
import type { FlowCategory } from '../flows/flow-categories';
import { ENTRY_TYPES, type EntryType } from '../flows/points-of-entry';
import type { LegendEntry, LegendSymbol, RGB } from './palette';

/** The legend's explanation of direction, in neutral greys: light origin, dark destination. */
const ORIGIN_GREY: RGB = [200, 200, 200];
const DESTINATION_GREY: RGB = [60, 60, 60];

/** An arc's colour at its destination, by category. */
export const FLOW_CATEGORY_COLORS: Record<FlowCategory, RGB> = {
  repatriation_land: [213, 94, 0],
  repatriation_air: [0, 114, 178],
  repatriation_sea: [0, 158, 115],
  internal: [84, 39, 136],
};

/** A category's legend swatch: a line in its destination hue. */
export const flowCategorySymbol = (category: FlowCategory): LegendSymbol => ({
  kind: 'line',
  color: FLOW_CATEGORY_COLORS[category],
  width: 4,
  dashed: false,
});

/** An arc's colour at its origin: its category's hue, most of the way to white. */
export function flowOriginColor(category: FlowCategory): RGB {
  const [red, green, blue] = FLOW_CATEGORY_COLORS[category];
  const fade = (channel: number) => Math.round(channel + (255 - channel) * 0.6);
  return [fade(red), fade(green), fade(blue)];
}

/** Points of entry: by type, each a distinct hue apart from the site types. */
export const ENTRY_COLORS: Record<EntryType, RGB> = {
  land: [64, 64, 64],
  airport: [0, 114, 178],
  seaport: [0, 158, 115],
};

/** Widest arc, in pixels, for the largest movement shown; the others by the square root of their share. */
const FLOW_MAXIMUM_WIDTH = 12;

/** Arc width in pixels for a count, against the largest count shown (the map and the legends alike). */
export function flowWidth(count: number, largest: number): number {
  return largest > 0 ? 1 + (FLOW_MAXIMUM_WIDTH - 1) * Math.sqrt(count / largest) : 1;
}

/** The width legend's lines: the neutral destination grey. */
export const FLOW_WIDTH_COLOR = DESTINATION_GREY;

/** How to read an arc's direction, then the points of entry (the categories' colours sit by their boxes). */
export const FLOW_LEGEND: readonly LegendEntry[] = [
  {
    key: 'origin',
    label: 'flows.legend.origin',
    symbol: { kind: 'line', color: ORIGIN_GREY, width: 4, dashed: false },
  },
  {
    key: 'destination',
    label: 'flows.legend.destination',
    symbol: { kind: 'line', color: DESTINATION_GREY, width: 4, dashed: false },
  },
  ...ENTRY_TYPES.map(
    (type): LegendEntry => ({
      key: `entry-${type}`,
      label: `flows.entryType.${type}` as const,
      symbol: { kind: 'circle', color: ENTRY_COLORS[type] },
    }),
  ),
];

/**
 * Host pressure (arrivals in the period per displaced person already in a
 * commune's sites): upper limits of each class, round numbers so the legend
 * reads plainly, and ColorBrewer's YlGnBu ramp (colour-blind safe, and apart
 * from the arcs' orange-to-purple so both read on top of each other).
 */
export const HOST_PRESSURE_BREAKS = [0.05, 0.1, 0.2, 0.5] as const;
export const HOST_PRESSURE_COLORS: readonly RGB[] = [
  [255, 255, 204],
  [161, 218, 180],
  [65, 182, 196],
  [44, 127, 184],
  [37, 52, 148],
];
/** Communes where no one is displaced in sites: the ratio is undefined, drawn grey, never as 0. */
export const HOST_PRESSURE_NO_DATA: RGB = [150, 150, 150];
/** Fill opacity of the classes (0–255), so the basemap's names stay legible. */
export const HOST_PRESSURE_ALPHA = 180;
export const HOST_PRESSURE_NO_DATA_ALPHA = 90;

/** The class of a host pressure (0 … HOST_PRESSURE_COLORS.length − 1), or null where it is undefined. */
export function hostPressureClass(pressure: number): number | null {
  if (!Number.isFinite(pressure)) return null;
  const index = HOST_PRESSURE_BREAKS.findIndex((upper) => pressure < upper);
  return index === -1 ? HOST_PRESSURE_BREAKS.length : index;
}
