/**
 * Point-in-zone with Turf 7.4's exact convention (`booleanPointInPolygon`
 * over `point-in-polygon-hao`): a point on an edge or a vertex of any ring —
 * outer ring or hole — is inside; crossings are counted over all rings of a
 * polygon part together; a MultiPolygon contains the point if any part does;
 * a feature `bbox` that excludes the point wins.
 */
import { determinantSign } from './orientation';
import { bandOf, type PreparedZones } from './prepared-zones';

/**
 * Whether polygon part `part` contains (x, y), boundary included. Reads only
 * the edges of the band holding y: edges that do not span y never change
 * hao's count, and any edge spanning y is listed in that band.
 */
export function partContains(zones: PreparedZones, part: number, x: number, y: number): boolean {
  const box = part * 4;
  if (
    !(
      x >= zones.partBoxes[box]! &&
      x <= zones.partBoxes[box + 2]! &&
      y >= zones.partBoxes[box + 1]! &&
      y <= zones.partBoxes[box + 3]!
    )
  ) {
    return false;
  }
  const coordinates = zones.coordinates;
  const bandCount = zones.bandCounts[part]!;
  const band =
    zones.bandOffsets[part]! + bandOf(y, zones.partBoxes[box + 1]!, zones.bandScales[part]!, bandCount);
  const end = zones.bandEdgeStarts[band + 1]!;
  let crossings = 0;
  for (let slot = zones.bandEdgeStarts[band]!; slot < end; slot += 1) {
    const edge = zones.bandEdges[slot]! * 2;
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

/** Whether the feature's own bbox (if any) lets (x, y) through, as Turf checks first. */
function featureBoxAdmits(zones: PreparedZones, zone: number, x: number, y: number): boolean {
  const offset = zone * 4;
  const minX = zones.featureBoxes[offset]!;
  if (Number.isNaN(minX)) return true;
  return (
    minX <= x &&
    zones.featureBoxes[offset + 1]! <= y &&
    zones.featureBoxes[offset + 2]! >= x &&
    zones.featureBoxes[offset + 3]! >= y
  );
}

/** Ascending indices of the zones containing (x, y). */
export function zonesAt(zones: PreparedZones, x: number, y: number): number[] {
  const index = zones.partIndex;
  if (!index) return [];
  const found: number[] = [];
  for (const part of index.search(x, y, x, y)) {
    const zone = zones.partZone[part]!;
    if (found.includes(zone)) continue;
    if (featureBoxAdmits(zones, zone, x, y) && partContains(zones, part, x, y)) found.push(zone);
  }
  return found.sort((a, b) => a - b);
}

/** Whether zone `zone` contains (x, y) (any of its parts, boundary included). */
export function zoneContains(zones: PreparedZones, zone: number, x: number, y: number): boolean {
  if (!featureBoxAdmits(zones, zone, x, y)) return false;
  const index = zones.partIndex;
  if (!index) return false;
  for (const part of index.search(x, y, x, y)) {
    if (zones.partZone[part] === zone && partContains(zones, part, x, y)) return true;
  }
  return false;
}

/**
 * Containment of many points, in compressed rows: the zones of point i are
 * `zoneIndices[offsets[i] .. offsets[i + 1])`, ascending. Two typed arrays
 * travel between threads for free; an array of arrays would not.
 */
export interface Containment {
  offsets: Uint32Array;
  zoneIndices: Uint32Array;
}

/**
 * Zones containing each point of `points` (`x0, y0, x1, y1, …`), for points
 * `start` (inclusive) to `end` (exclusive), so long runs can be chunked.
 */
export function containmentOfPoints(
  points: Float64Array,
  zones: PreparedZones,
  start = 0,
  end = points.length / 2,
): Containment {
  const offsets = new Uint32Array(end - start + 1);
  const collected: number[] = [];
  for (let point = start; point < end; point += 1) {
    const found = zonesAt(zones, points[point * 2]!, points[point * 2 + 1]!);
    for (const zone of found) collected.push(zone);
    offsets[point - start + 1] = collected.length;
  }
  return { offsets, zoneIndices: Uint32Array.from(collected) };
}

/** Concatenates containment chunks computed for consecutive point ranges. */
export function concatenateContainment(chunks: readonly Containment[]): Containment {
  let pointCount = 0;
  let zoneCount = 0;
  for (const chunk of chunks) {
    pointCount += chunk.offsets.length - 1;
    zoneCount += chunk.zoneIndices.length;
  }
  const offsets = new Uint32Array(pointCount + 1);
  const zoneIndices = new Uint32Array(zoneCount);
  let point = 0;
  let base = 0;
  for (const chunk of chunks) {
    for (let row = 1; row < chunk.offsets.length; row += 1) offsets[point + row] = base + chunk.offsets[row]!;
    zoneIndices.set(chunk.zoneIndices, base);
    point += chunk.offsets.length - 1;
    base += chunk.zoneIndices.length;
  }
  return { offsets, zoneIndices };
}

/** The zones of point `point` as a plain array (convenience for small callers). */
export function zonesOfPoint(containment: Containment, point: number): number[] {
  return Array.from(
    containment.zoneIndices.subarray(containment.offsets[point]!, containment.offsets[point + 1]!),
  );
}
