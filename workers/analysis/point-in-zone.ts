/**
 * Point-in-zone with Turf 7.4's exact convention (`booleanPointInPolygon`
 * over `point-in-polygon-hao`): a point on an edge or a vertex of any ring —
 * outer ring or hole — is inside; crossings are counted over all rings of a
 * polygon part together; a MultiPolygon contains the point if any part does;
 * a feature `bbox` that excludes the point wins.
 */
import type { FeatureCollection, Point } from 'geojson';
import { bandedPartContains } from './part-contains';
import type { PreparedZones } from './prepared-zones';
import { gridCellAt, gridFor } from './zone-grid';

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

/**
 * Calls `found(zone)` for each zone containing (x, y), in ascending order,
 * each zone once; stops early when `found` returns false. Reads one grid cell:
 * parts marked inside need no edge test, the others get the exact band test.
 */
export function forEachZoneAt(
  zones: PreparedZones,
  x: number,
  y: number,
  found: (zone: number) => boolean | undefined,
): void {
  // Sized for single points; a bulk query sized it larger already if one ran.
  const grid = gridFor(zones, 1);
  const cell = gridCellAt(grid, x, y);
  if (cell < 0) return;
  const entries = grid.cellEntries;
  const end = grid.cellStarts[cell + 1]!;
  let last = -1;
  for (let slot = grid.cellStarts[cell]!; slot < end; slot += 1) {
    const entry = entries[slot]!;
    const part = entry >>> 1;
    const zone = zones.partZone[part]!;
    if (zone === last) continue;
    if (!featureBoxAdmits(zones, zone, x, y)) continue;
    if ((entry & 1) === 1 || bandedPartContains(zones, part, x, y)) {
      last = zone;
      if (found(zone) === false) return;
    }
  }
}

/** Ascending indices of the zones containing (x, y). */
export function zonesAt(zones: PreparedZones, x: number, y: number): number[] {
  const result: number[] = [];
  forEachZoneAt(zones, x, y, (zone) => {
    result.push(zone);
    return true;
  });
  return result;
}

/** The lowest index of a zone containing (x, y), −1 when none. */
export function firstZoneAt(zones: PreparedZones, x: number, y: number): number {
  let first = -1;
  forEachZoneAt(zones, x, y, (zone) => {
    first = zone;
    return false;
  });
  return first;
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
  let zoneIndices = new Uint32Array(Math.max(16, (end - start) >> 2));
  let count = 0;
  const grid = gridFor(zones, end - start);
  const { cellStarts, cellEntries } = grid;
  const partZone = zones.partZone;
  // The loop of forEachZoneAt, inlined: no closure call per zone found.
  for (let point = start; point < end; point += 1) {
    const x = points[point * 2]!;
    const y = points[point * 2 + 1]!;
    const cell = gridCellAt(grid, x, y);
    if (cell >= 0) {
      const cellEnd = cellStarts[cell + 1]!;
      let last = -1;
      for (let slot = cellStarts[cell]!; slot < cellEnd; slot += 1) {
        const entry = cellEntries[slot]!;
        const part = entry >>> 1;
        const zone = partZone[part]!;
        if (zone === last || !featureBoxAdmits(zones, zone, x, y)) continue;
        if ((entry & 1) === 1 || bandedPartContains(zones, part, x, y)) {
          last = zone;
          if (count === zoneIndices.length) {
            const grown = new Uint32Array(count * 2);
            grown.set(zoneIndices);
            zoneIndices = grown;
          }
          zoneIndices[count] = zone;
          count += 1;
        }
      }
    }
    offsets[point - start + 1] = count;
  }
  return { offsets, zoneIndices: zoneIndices.slice(0, count) };
}

/**
 * The one list of every site outside all zones: frozen, so it cannot be
 * changed through one site and seen at another. Most sites of a large
 * collection are in no zone; a shared list spares one allocation each (at a
 * million sites, most of the cost of building the lists and collecting them).
 */
const NO_ZONES: readonly number[] = Object.freeze([]);

/**
 * The zones containing each site of a GeoJSON collection, one ascending
 * array per site (the contract's shape). Three plain passes: coordinates
 * out of the features, the typed-array query, then one small array per site.
 * Fusing them into one loop measured about twice as slow at a million sites:
 * allocating the arrays between the grid look-ups evicts the grid from cache.
 */
export function zoneListsOfSites(
  sites: FeatureCollection<Point | null>,
  zones: PreparedZones,
): (readonly number[])[] {
  const features = sites.features;
  const siteCount = features.length;
  const points = new Float64Array(siteCount * 2);
  for (let site = 0; site < siteCount; site += 1) {
    const position = features[site]?.geometry?.coordinates;
    points[site * 2] = position?.[0] ?? Number.NaN;
    points[site * 2 + 1] = position?.[1] ?? Number.NaN;
  }
  const { offsets, zoneIndices } = containmentOfPoints(points, zones);
  // Sized once: pushing a million entries would copy the backing store about twenty times.
  const lists: (readonly number[])[] = new Array(siteCount);
  for (let site = 0; site < siteCount; site += 1) {
    const start = offsets[site]!;
    const end = offsets[site + 1]!;
    if (start === end) lists[site] = NO_ZONES;
    else if (end - start === 1) lists[site] = [zoneIndices[start]!];
    else {
      const list: number[] = [];
      for (let slot = start; slot < end; slot += 1) list.push(zoneIndices[slot]!);
      lists[site] = list;
    }
  }
  return lists;
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
  // A plain loop: Array.from over a subarray is an order of magnitude slower per call.
  const start = containment.offsets[point]!;
  const end = containment.offsets[point + 1]!;
  const zones: number[] = [];
  for (let slot = start; slot < end; slot += 1) zones.push(containment.zoneIndices[slot]!);
  return zones;
}
