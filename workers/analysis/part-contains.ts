/**
 * The exact point-in-part test with Turf 7.4's convention
 * (`booleanPointInPolygon` over `point-in-polygon-hao`), reading only the
 * edges of one horizontal band of the part. Kept apart from the prepared
 * zones so that building their grid can call it without an import cycle.
 */
import { determinantSign } from './orientation';

/** The fields of the prepared zones the banded test reads. */
export interface BandedParts {
  coordinates: Float64Array;
  partBoxes: Float64Array;
  bandCounts: Uint32Array;
  bandScales: Float64Array;
  bandEdgeStarts: Uint32Array;
  bandOffsets: Uint32Array;
  bandEdges: Uint32Array;
}

/**
 * The band of latitude y in a part: one monotone formula for edges and
 * queries alike, so an edge spanning y is always listed in y's band.
 */
export function bandOf(y: number, minY: number, scale: number, bandCount: number): number {
  const band = Math.floor((y - minY) * scale);
  return band < 0 ? 0 : band >= bandCount ? bandCount - 1 : band;
}

/**
 * Whether polygon part `part` contains (x, y), boundary included. Reads only
 * the edges of the band holding y: edges that do not span y never change
 * hao's count, and any edge spanning y is listed in that band.
 */
export function bandedPartContains(zones: BandedParts, part: number, x: number, y: number): boolean {
  const box = part * 4;
  const boxes = zones.partBoxes;
  if (!(x >= boxes[box]! && x <= boxes[box + 2]! && y >= boxes[box + 1]! && y <= boxes[box + 3]!)) {
    return false;
  }
  const coordinates = zones.coordinates;
  const band =
    zones.bandOffsets[part]! + bandOf(y, boxes[box + 1]!, zones.bandScales[part]!, zones.bandCounts[part]!);
  const end = zones.bandEdgeStarts[band + 1]!;
  const bandEdges = zones.bandEdges;
  let crossings = 0;
  for (let slot = zones.bandEdgeStarts[band]!; slot < end; slot += 1) {
    const edge = bandEdges[slot]! * 2;
    const u1 = coordinates[edge]! - x;
    const v1 = coordinates[edge + 1]! - y;
    const u2 = coordinates[edge + 2]! - x;
    const v2 = coordinates[edge + 3]! - y;
    // The body below is point-in-polygon-hao's loop body, branch for branch.
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const sign = determinantSign(u1, u2, v1, v2);
      if (sign === 0) return true;
      if ((sign > 0 && v2 > 0 && v1 <= 0) || (sign < 0 && v2 <= 0 && v1 > 0)) crossings += 1;
    }
  }
  return crossings % 2 === 1;
}
