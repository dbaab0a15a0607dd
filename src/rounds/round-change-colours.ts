/**
 * One colour per kind of change, read by the map layer and the legend alike,
 * so they cannot disagree. Blue for growth and orange for decline stay apart
 * for colour-blind readers; closed sites also differ by shape (hollow).
 */
import type { RoundChangeKind } from './round-marks';

export const ROUND_CHANGE_COLOURS: Record<RoundChangeKind, readonly [number, number, number, number]> = {
  opened: [0, 158, 115, 235],
  grew: [0, 114, 178, 235],
  steady: [190, 190, 190, 235],
  declined: [230, 159, 0, 235],
  unknown: [255, 255, 255, 235],
  closed: [213, 94, 0, 255],
};

/** A colour as CSS, for the legend. */
export const cssColour = ([red, green, blue, alpha]: readonly number[]): string =>
  `rgba(${red}, ${green}, ${blue}, ${((alpha ?? 255) / 255).toFixed(2)})`;
