/**
 * The peers Katsit is measured against, written as a developer would reach
 * for them: Turf loops (with `feature.bbox` set, which lets Turf skip most
 * zones cheaply), Flatbush + Turf, which-polygon, geokdbush, kdbush +
 * haversine. Each exact peer follows Turf's conventions, so its answers are
 * the reference the disagreements are counted against.
 */
import { bbox, booleanPointInPolygon, distance, pointToPolygonDistance } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import whichPolygon from 'which-polygon';

export type Zone = Feature<Polygon | MultiPolygon>;
export type Zones = FeatureCollection<Polygon | MultiPolygon>;
export type Sites = FeatureCollection<Point>;

/** The zones with `bbox` set on every feature (the fairer naive loop). */
export function withBoxes(zones: Zones): Zones {
  return {
    type: 'FeatureCollection',
    features: zones.features.map((zone) => ({ ...zone, bbox: bbox(zone) })),
  };
}

/** Naive Turf loop: every zone for every site (Turf rejects most by their bbox). */
export function naiveContainment(sites: Sites, zones: Zones, indices: number[]): number[][] {
  return indices.map((site) => {
    const found: number[] = [];
    const point = sites.features[site]!;
    for (let zone = 0; zone < zones.features.length; zone += 1) {
      if (booleanPointInPolygon(point, zones.features[zone]!)) found.push(zone);
    }
    return found;
  });
}

/** A Flatbush over zone boxes (one box per feature). */
export function zoneBoxIndex(zones: Zones): Flatbush {
  const index = new Flatbush(Math.max(1, zones.features.length));
  for (const zone of zones.features) {
    const [minX, minY, maxX, maxY] = bbox(zone);
    index.add(minX, minY, maxX, maxY);
  }
  if (zones.features.length === 0) index.add(Infinity, Infinity, Infinity, Infinity);
  index.finish();
  return index;
}

/** Flatbush + Turf: box candidates, then booleanPointInPolygon, ascending. */
export function flatbushContainment(sites: Sites, zones: Zones, index: Flatbush): number[][] {
  return sites.features.map((site) => {
    const [x, y] = site.geometry.coordinates as [number, number];
    return index
      .search(x, y, x, y)
      .filter((zone) => booleanPointInPolygon(site, zones.features[zone]!))
      .sort((a, b) => a - b);
  });
}

/** which-polygon over zones whose properties carry their index. */
export function whichPolygonOf(zones: Zones): whichPolygon.Query<{ zone: number }> {
  return whichPolygon({
    type: 'FeatureCollection',
    features: zones.features.map((feature, zone) => ({ ...feature, properties: { zone } })),
  });
}

/** which-polygon's one match per site (−1 when none). */
export function whichPolygonMatches(sites: Sites, query: whichPolygon.Query<{ zone: number }>): Int32Array {
  const found = new Int32Array(sites.features.length);
  sites.features.forEach((site, index) => {
    found[index] = query(site.geometry.coordinates as [number, number])?.zone ?? -1;
  });
  return found;
}

/** Turf's metres from a point to a zone, 0 inside. */
export function turfMeters(point: Feature<Point>, zone: Zone): number {
  return booleanPointInPolygon(point, zone)
    ? 0
    : Math.abs(pointToPolygonDistance(point, zone, { units: 'meters' }));
}

const METRES_PER_DEGREE = 111_194.9;

/**
 * Flatbush + Turf nearest zone: the nearest box seeds a radius, every zone
 * whose box lies within it is measured with Turf. `maximumMeters` skips the
 * seed and answers Infinity beyond it.
 */
export function flatbushNearestZone(
  point: Feature<Point>,
  zones: Zones,
  index: Flatbush,
  maximumMeters = Infinity,
): number {
  const [x, y] = point.geometry.coordinates as [number, number];
  let radius = maximumMeters;
  if (!Number.isFinite(radius)) {
    const seed = index.neighbors(x, y, 1)[0];
    if (seed === undefined) return Infinity;
    radius = turfMeters(point, zones.features[seed]!);
  }
  const halfLatitude = (radius / METRES_PER_DEGREE) * 1.001 + 1e-6;
  const halfLongitude = halfLatitude / Math.cos(((Math.abs(y) + halfLatitude) * Math.PI) / 180);
  let best = Infinity;
  for (const zone of index.search(x - halfLongitude, y - halfLatitude, x + halfLongitude, y + halfLatitude)) {
    best = Math.min(best, turfMeters(point, zones.features[zone]!));
    if (best === 0) break;
  }
  return best <= maximumMeters ? best : Infinity;
}

/** A KDBush over target points. */
export function pointIndex(targets: Float64Array): KDBush {
  const count = targets.length / 2;
  const tree = new KDBush(Math.max(1, count));
  for (let target = 0; target < count; target += 1) tree.add(targets[target * 2]!, targets[target * 2 + 1]!);
  if (count === 0) tree.add(Infinity, Infinity);
  tree.finish();
  return tree;
}

/** geokdbush: the nearest target of each site (its own great-circle formula). */
export function geokdbushNearest(sites: Float64Array, tree: KDBush): Int32Array {
  const count = sites.length / 2;
  const found = new Int32Array(count);
  for (let site = 0; site < count; site += 1)
    found[site] = around(tree, sites[site * 2]!, sites[site * 2 + 1]!, 1)[0] ?? -1;
  return found;
}

/**
 * kdbush + Turf's haversine: a growing box until a target is found, then the
 * box that must hold the nearest one, each candidate measured with Turf
 * (ties to the lowest index, as turf.nearestPoint).
 */
export function kdbushHaversineNearest(sites: Float64Array, targets: Float64Array, tree: KDBush): Int32Array {
  const count = sites.length / 2;
  const found = new Int32Array(count).fill(-1);
  const from = [0, 0];
  const to = [0, 0];
  for (let site = 0; site < count; site += 1) {
    const x = sites[site * 2]!;
    const y = sites[site * 2 + 1]!;
    from[0] = x;
    from[1] = y;
    let half = 0.01;
    let candidates: number[] = [];
    while (candidates.length === 0 && half < 360) {
      candidates = tree.range(x - half * 1.1, y - half, x + half * 1.1, y + half);
      half *= 4;
    }
    let bestMeters = Infinity;
    for (const candidate of candidates) {
      to[0] = targets[candidate * 2]!;
      to[1] = targets[candidate * 2 + 1]!;
      bestMeters = Math.min(bestMeters, distance(from, to, { units: 'meters' }));
    }
    if (!Number.isFinite(bestMeters)) continue;
    const halfLatitude = (bestMeters / METRES_PER_DEGREE) * 1.001 + 1e-6;
    const halfLongitude = halfLatitude / Math.cos(((Math.abs(y) + halfLatitude) * Math.PI) / 180);
    let best = -1;
    bestMeters = Infinity;
    for (const candidate of tree.range(
      x - halfLongitude,
      y - halfLatitude,
      x + halfLongitude,
      y + halfLatitude,
    )) {
      to[0] = targets[candidate * 2]!;
      to[1] = targets[candidate * 2 + 1]!;
      const meters = distance(from, to, { units: 'meters' });
      if (meters < bestMeters || (meters === bestMeters && candidate < best)) {
        bestMeters = meters;
        best = candidate;
      }
    }
    found[site] = best;
  }
  return found;
}
