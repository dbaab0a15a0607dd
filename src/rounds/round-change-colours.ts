/**
 * One colour per kind of change, read by the map layer and the legend alike,
 * so they cannot disagree. Blue for growth and yellow for decline stay apart
 * for colour-blind readers; closed sites also differ by shape (hollow).
 */
import type { RoundChangeKind } from './round-marks';

export const ROUND_CHANGE_COLOURS: Record<RoundChangeKind, readonly [number, number, number, number]> = {
  opened: [0, 158, 115, 255],
  grew: [0, 114, 178, 255],
  steady: [190, 190, 190, 255],
  declined: [240, 228, 66, 255],
  unknown: [255, 255, 255, 255],
  // Not the sites' own orange: a closed site's ring must read over the circle of its earlier round.
  closed: [204, 121, 167, 255],
};

/** A colour as CSS, for the legend. */
export const cssColour = ([red, green, blue, alpha]: readonly number[]): string =>
  `rgba(${red}, ${green}, ${blue}, ${((alpha ?? 255) / 255).toFixed(2)})`;
