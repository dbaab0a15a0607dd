/**
 * Colours and legend of the flows layer (issue 17), read by the arcs, the
 * points of entry and the legend alike. Arcs fade from a light origin to a
 * dark destination, so direction reads without arrowheads and in grey print.
 */
import { ENTRY_TYPES, type EntryType } from '../flows/points-of-entry';
import type { LegendEntry, RGB } from './palette';

export const FLOW_ORIGIN_COLOR: RGB = [253, 174, 97];
export const FLOW_DESTINATION_COLOR: RGB = [84, 39, 136];

/** Points of entry: by type, each a distinct hue apart from the site types. */
export const ENTRY_COLORS: Record<EntryType, RGB> = {
  land: [64, 64, 64],
  airport: [0, 114, 178],
  seaport: [0, 158, 115],
};

/** Widest arc, in pixels, for the largest movement shown; the others by the square root of their share. */
export const FLOW_MAXIMUM_WIDTH = 12;

export const FLOW_LEGEND: readonly LegendEntry[] = [
  {
    key: 'origin',
    label: 'flows.legend.origin',
    symbol: { kind: 'line', color: FLOW_ORIGIN_COLOR, width: 4, dashed: false },
  },
  {
    key: 'destination',
    label: 'flows.legend.destination',
    symbol: { kind: 'line', color: FLOW_DESTINATION_COLOR, width: 4, dashed: false },
  },
  ...ENTRY_TYPES.map(
    (type): LegendEntry => ({
      key: `entry-${type}`,
      label: `flows.entryType.${type}` as const,
      symbol: { kind: 'circle', color: ENTRY_COLORS[type] },
    }),
  ),
];
