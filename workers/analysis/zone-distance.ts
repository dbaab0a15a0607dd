/**
 * Exact geodesic distance from points to the nearest zone, as Turf's
 * `pointToPolygonDistance` measures it (great-circle segments, haversine),
 * 0 when the point is inside (Turf's boundary convention). A Flatbush over
 * every ring edge finds a first nearby edge; its exact distance bounds a
 * latitude/longitude box that must hold the true nearest edge.
 */
import Flatbush from 'flatbush';
import { distanceToSegmentMetres, EARTH_RADIUS_METRES, searchBoxHalfSizes } from './geodesy';
import { firstZoneAt } from './point-in-zone';
import type { PreparedZones } from './prepared-zones';

/** Every ring edge of a set of prepared zones, indexed for proximity queries. */
export interface PreparedZoneEdges {
  zones: PreparedZones;
  /** Start vertex of each indexed edge (the edge runs to the next vertex). */
  edgeStarts: Uint32Array;
  /** Zone of each indexed edge. */
  edgeZone: Uint32Array;
  /** Flatbush over edge boxes; null when the zones have no edges. */
  edgeIndex: Flatbush | null;
  /** Smallest latitude cosine over every edge box: bounds east–west distances from below. */
  smallestCosine: number;
}

/**
 * How far (degrees of latitude) a great-circle edge can stray from the box
 * of its end points: it bows towards the pole by about sinφ·cosφ·(Δλ/2)²/2
 * radians; we allow Δλ²/4 (four times that at worst), and for edges over 20°
 * of longitude give up and span every latitude. Without this, a site just
 * beside the middle of a long east–west edge could miss its nearest edge.
 */
function arcBulgeDegrees(longitudeSpan: number): number {
  const span = Math.abs(longitudeSpan);
  if (span > 20) return 180;
  const radians = (span * Math.PI) / 180;
  return ((radians * radians) / 4) * (180 / Math.PI);
}

/** Indexes the edges of prepared zones; build once, query many times. */
export function prepareZoneEdges(zones: PreparedZones): PreparedZoneEdges {
  const { ringStarts, partRingStarts, partZone, coordinates } = zones;
  const partCount = partZone.length;
  let edgeCount = 0;
  for (let ring = 0; ring + 1 < ringStarts.length; ring += 1) {
    edgeCount += Math.max(0, ringStarts[ring + 1]! - ringStarts[ring]! - 1);
  }
  const edgeStarts = new Uint32Array(edgeCount);
  const edgeZone = new Uint32Array(edgeCount);
  const index = edgeCount > 0 ? new Flatbush(edgeCount, 16) : null;
  let edge = 0;
  let largestLatitude = 0;
  for (let part = 0; part < partCount; part += 1) {
    for (let ring = partRingStarts[part]!; ring < partRingStarts[part + 1]!; ring += 1) {
      for (let vertex = ringStarts[ring]!; vertex + 1 < ringStarts[ring + 1]!; vertex += 1) {
        const x1 = coordinates[vertex * 2]!;
        const y1 = coordinates[vertex * 2 + 1]!;
        const x2 = coordinates[vertex * 2 + 2]!;
        const y2 = coordinates[vertex * 2 + 3]!;
        edgeStarts[edge] = vertex;
        edgeZone[edge] = partZone[part]!;
        const bulge = arcBulgeDegrees(x2 - x1);
        index?.add(Math.min(x1, x2), Math.min(y1, y2) - bulge, Math.max(x1, x2), Math.max(y1, y2) + bulge);
        largestLatitude = Math.max(largestLatitude, Math.abs(y1) + bulge, Math.abs(y2) + bulge);
        edge += 1;
      }
    }
  }
  index?.finish();
  const smallestCosine = largestLatitude >= 90 ? 0 : Math.cos((largestLatitude * Math.PI) / 180);
  return {
    zones,
    edgeStarts,
    edgeZone,
    edgeIndex: index,
    smallestCosine: Number.isNaN(smallestCosine) ? 0 : smallestCosine,
  };
}

function edgeDistanceMetres(edges: PreparedZoneEdges, edge: number, x: number, y: number): number {
  const vertex = edges.edgeStarts[edge]! * 2;
  const coordinates = edges.zones.coordinates;
  return distanceToSegmentMetres(
    x,
    y,
    coordinates[vertex]!,
    coordinates[vertex + 1]!,
    coordinates[vertex + 2]!,
    coordinates[vertex + 3]!,
  );
}

/**
 * Candidates whose lower bound exceeds the best term by more than this
 * relative margin are skipped: far above any rounding in the terms, so no
 * candidate that could tie or win is ever dropped.
 */
const PRUNING_MARGIN = 1 + 1e-6;

const HALF_RADIANS_PER_DEGREE = Math.PI / 360;

/** Scratch space for the candidates' bounds (queries run one at a time on a thread). */
let bounds = new Float64Array(256);

/** The haversine term sin²(d / 2R) of a distance in metres. */
function haversineTermOfMetres(metres: number): number {
  const half = Math.sin(metres / (2 * EARTH_RADIUS_METRES));
  return half * half;
}

/**
 * A lower bound of the haversine term from (x, y) to any point of the
 * edge's box (padded for the arc's bulge, as indexed): latitude and
 * longitude gaps to the box, sines bounded below by t − t³/6 (no
 * trigonometry), and the smallest cosine the edges reach. `cosine` is the
 * point's latitude cosine times that smallest cosine.
 */
function lowerBoundTerm(
  edges: PreparedZoneEdges,
  edge: number,
  x: number,
  y: number,
  cosine: number,
): number {
  const vertex = edges.edgeStarts[edge]! * 2;
  const coordinates = edges.zones.coordinates;
  const x1 = coordinates[vertex]!;
  const y1 = coordinates[vertex + 1]!;
  const x2 = coordinates[vertex + 2]!;
  const y2 = coordinates[vertex + 3]!;
  const bulge = arcBulgeDegrees(x2 - x1);
  const minY = Math.min(y1, y2) - bulge;
  const maxY = Math.max(y1, y2) + bulge;
  const minX = Math.min(x1, x2);
  const maxX = Math.max(x1, x2);
  const gapY = y < minY ? minY - y : y > maxY ? y - maxY : 0;
  const gapX = x < minX ? minX - x : x > maxX ? x - maxX : 0;
  const halfLatitude = gapY * HALF_RADIANS_PER_DEGREE;
  const halfLongitude = gapX * HALF_RADIANS_PER_DEGREE;
  if (halfLatitude >= 1 || halfLongitude >= 1) return 0;
  const sineLatitude = halfLatitude * (1 - (halfLatitude * halfLatitude) / 6);
  const sineLongitude = halfLongitude * (1 - (halfLongitude * halfLongitude) / 6);
  return sineLatitude * sineLatitude + sineLongitude * sineLongitude * cosine;
}

/** The best edge so far and the haversine term no other candidate may exceed. */
interface Best {
  zone: number;
  meters: number;
  limitTerm: number;
}

/** Measures one candidate edge exactly; nearer wins, ties go to the lower zone index. */
function consider(edges: PreparedZoneEdges, best: Best, edge: number, x: number, y: number): void {
  const meters = edgeDistanceMetres(edges, edge, x, y);
  const zone = edges.edgeZone[edge]!;
  if (meters < best.meters || (meters === best.meters && zone < best.zone)) {
    if (meters < best.meters) best.limitTerm = Math.min(best.limitTerm, haversineTermOfMetres(meters));
    best.meters = meters;
    best.zone = zone;
  }
}

/** Nearest zone of one point: its index (−1 when there are no zones) and the metres to it. */
export interface NearestZone {
  zone: number;
  meters: number;
}

/**
 * The nearest zone to (x, y): 0 m and the lowest containing zone when inside
 * one, otherwise the zone owning the nearest edge (lowest index on ties).
 * `maximumMeters` lets callers who only care about a radius stop early:
 * beyond it the answer is `{ zone: -1, meters: Infinity }`.
 */
export function nearestZone(
  edges: PreparedZoneEdges,
  x: number,
  y: number,
  maximumMeters = Infinity,
): NearestZone {
  const inside = firstZoneAt(edges.zones, x, y);
  if (inside >= 0) return { zone: inside, meters: 0 };
  const index = edges.edgeIndex;
  if (!index) return { zone: -1, meters: Infinity };
  let bestMeters = maximumMeters;
  if (!Number.isFinite(bestMeters)) {
    // Seed with the nearest edge in plain degrees: not exact, but close, and
    // its exact distance bounds the search box below.
    const seed = index.neighbors(x, y, 1)[0];
    if (seed === undefined) return { zone: -1, meters: Infinity };
    bestMeters = edgeDistanceMetres(edges, seed, x, y);
  }
  const { halfLatitude, halfLongitude } = searchBoxHalfSizes(y, bestMeters);
  const candidates = index.search(x - halfLongitude, y - halfLatitude, x + halfLongitude, y + halfLatitude);
  // A cheap lower bound per candidate first; the exact great-circle distance
  // only for candidates that could still beat the best found so far.
  if (bounds.length < candidates.length) bounds = new Float64Array(candidates.length * 2);
  const cosine = Math.cos((y * Math.PI) / 180) * edges.smallestCosine;
  let nearestSlot = -1;
  let nearestBound = Infinity;
  for (let slot = 0; slot < candidates.length; slot += 1) {
    const bound = lowerBoundTerm(edges, candidates[slot]!, x, y, cosine);
    bounds[slot] = bound;
    if (bound < nearestBound) {
      nearestBound = bound;
      nearestSlot = slot;
    }
  }
  const best: Best = {
    zone: -1,
    meters: Infinity,
    limitTerm: Number.isFinite(maximumMeters) ? haversineTermOfMetres(maximumMeters) : Infinity,
  };
  // The most promising edge first: its exact distance lets the bound skip most others.
  if (nearestSlot >= 0) consider(edges, best, candidates[nearestSlot]!, x, y);
  for (let slot = 0; slot < candidates.length; slot += 1) {
    if (slot === nearestSlot || bounds[slot]! > best.limitTerm * PRUNING_MARGIN) continue;
    consider(edges, best, candidates[slot]!, x, y);
  }
  const found = best.meters;
  const bestZone = best.zone;
  if (found > maximumMeters) return { zone: -1, meters: Infinity };
  return { zone: bestZone, meters: found };
}

/** Nearest zones of many points: parallel typed arrays. */
export interface NearestZones {
  /** Zone index per point, −1 when none (or none within the maximum). */
  zones: Int32Array;
  /** Metres per point, 0 inside a zone, Infinity when none. */
  meters: Float64Array;
}

/**
 * Nearest zone of each point of `points` (`x0, y0, …`) from `start` to `end`
 * (exclusive), optionally only within `maximumMeters`.
 */
export function nearestZonesOfPoints(
  points: Float64Array,
  edges: PreparedZoneEdges,
  maximumMeters = Infinity,
  start = 0,
  end = points.length / 2,
): NearestZones {
  const zones = new Int32Array(end - start);
  const meters = new Float64Array(end - start);
  for (let point = start; point < end; point += 1) {
    const nearest = nearestZone(edges, points[point * 2]!, points[point * 2 + 1]!, maximumMeters);
    zones[point - start] = nearest.zone;
    meters[point - start] = nearest.meters;
  }
  return { zones, meters };
}
