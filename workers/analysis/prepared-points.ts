/**
 * Points (service points, any targets) in a KDBush tree, with a nearest-point
 * search that reproduces `turf.nearestPoint` exactly: Turf's haversine in
 * kilometres decides, and ties go to the lowest index. The tree is walked
 * depth first with a haversine lower bound per splitting line, so a query
 * touches a few dozen points instead of all of them.
 */
import KDBush from 'kdbush';
import { cosineOfLatitude, haversineTerm, kilometresFromHaversineTerm } from './geodesy';

/** Points ready for nearest-neighbour queries. */
export interface PreparedPoints {
  /** Number of points (indices refer to the original order). */
  count: number;
  /** The original coordinates, `x0, y0, x1, y1, …` (not copied, not mutated). */
  coordinates: Float64Array;
  /** Cosine of each point's latitude, as Turf computes it. */
  cosines: Float64Array;
  /** Smallest latitude cosine over all points: bounds east–west distances from below. */
  smallestCosine: number;
  /** The KD-tree; its `ids` and `coords` are read directly by the search. */
  tree: KDBush;
}

const NODE_SIZE = 16;

const HALF_RADIANS_PER_DEGREE = Math.PI / 360;

/** Builds the tree over interleaved coordinates (`lon0, lat0, lon1, lat1, …`). */
export function preparePoints(coordinates: Float64Array): PreparedPoints {
  const count = coordinates.length / 2;
  const tree = new KDBush(Math.max(count, 1), NODE_SIZE);
  const cosines = new Float64Array(count);
  let smallestCosine = 1;
  for (let point = 0; point < count; point += 1) {
    const x = coordinates[point * 2]!;
    const y = coordinates[point * 2 + 1]!;
    tree.add(x, y);
    const cosine = cosineOfLatitude(y);
    cosines[point] = cosine;
    if (cosine < smallestCosine) smallestCosine = cosine;
  }
  // KDBush needs at least one point; an empty set gets an unreachable dummy.
  if (count === 0) tree.add(Infinity, Infinity);
  tree.finish();
  return { count, coordinates, cosines, smallestCosine: Math.max(0, smallestCosine), tree };
}

/** The nearest point of a query: index (−1 when there are none) and Turf's distance in metres. */
export interface NearestPoint {
  index: number;
  meters: number;
}

/**
 * A lower bound pruning must respect without ever dropping a candidate Turf
 * could rank first: terms within this relative margin are still visited.
 */
const PRUNING_MARGIN = 1 + 1e-9;

/** Mutable search state, kept in one object so the recursion allocates nothing. */
interface Search {
  points: PreparedPoints;
  x: number;
  y: number;
  cosine: number;
  bestIndex: number;
  bestKilometres: number;
  bestTerm: number;
  accept: ((index: number) => boolean) | undefined;
}

function consider(search: Search, slot: number): void {
  const tree = search.points.tree;
  const index = tree.ids[slot]!;
  if (index >= search.points.count) return;
  if (search.accept && !search.accept(index)) return;
  const x = tree.coords[slot * 2]!;
  const y = tree.coords[slot * 2 + 1]!;
  // A few multiplications reject most candidates before any sine: since
  // sin t ≥ t(1 − t²/6), this is a lower bound of Turf's haversine term.
  const halfLatitude = Math.abs(y - search.y) * HALF_RADIANS_PER_DEGREE;
  const halfLongitude = Math.abs(x - search.x) * HALF_RADIANS_PER_DEGREE;
  if (halfLatitude < 0.5 && halfLongitude < 0.5) {
    const sineLatitude = halfLatitude * (1 - (halfLatitude * halfLatitude) / 6);
    const sineLongitude = halfLongitude * (1 - (halfLongitude * halfLongitude) / 6);
    const bound =
      sineLatitude * sineLatitude +
      sineLongitude * sineLongitude * search.cosine * search.points.smallestCosine;
    if (bound > search.bestTerm * PRUNING_MARGIN) return;
  }
  const term = haversineTerm(search.x, search.y, search.cosine, x, y, search.points.cosines[index]!);
  if (term > search.bestTerm * PRUNING_MARGIN) return;
  const kilometres = kilometresFromHaversineTerm(term);
  if (
    kilometres < search.bestKilometres ||
    (kilometres === search.bestKilometres && index < search.bestIndex)
  ) {
    search.bestKilometres = kilometres;
    search.bestIndex = index;
    search.bestTerm = Math.min(search.bestTerm, term);
  }
}

/** Haversine-term lower bound for points on the far side of a splitting line. */
function boundBeyond(search: Search, axis: number, split: number): number {
  if (axis === 1) {
    const half = Math.sin(((search.y - split) * Math.PI) / 360);
    return half * half;
  }
  const difference = Math.abs(search.x - split);
  if (difference >= 180) return 0;
  const half = Math.sin((difference * Math.PI) / 360);
  return half * half * search.cosine * search.points.smallestCosine;
}

function visit(search: Search, left: number, right: number, axis: number): void {
  const tree = search.points.tree;
  if (right - left <= tree.nodeSize) {
    for (let slot = left; slot <= right; slot += 1) consider(search, slot);
    return;
  }
  const middle = (left + right) >> 1;
  consider(search, middle);
  const split = tree.coords[middle * 2 + axis]!;
  const query = axis === 0 ? search.x : search.y;
  const nextAxis = 1 - axis;
  // Nearer half first, so the far half is usually pruned.
  if (query < split) {
    visit(search, left, middle - 1, nextAxis);
    if (boundBeyond(search, axis, split) <= search.bestTerm * PRUNING_MARGIN)
      visit(search, middle + 1, right, nextAxis);
  } else {
    visit(search, middle + 1, right, nextAxis);
    if (boundBeyond(search, axis, split) <= search.bestTerm * PRUNING_MARGIN)
      visit(search, left, middle - 1, nextAxis);
  }
}

/**
 * The point nearest (x, y), as `turf.nearestPoint` would pick it. `accept`
 * restricts the candidates (e.g. to one service type) without a second tree.
 */
export function nearestPoint(
  points: PreparedPoints,
  x: number,
  y: number,
  accept?: (index: number) => boolean,
): NearestPoint {
  if (points.count === 0) return { index: -1, meters: Infinity };
  const search: Search = {
    points,
    x,
    y,
    cosine: cosineOfLatitude(y),
    bestIndex: -1,
    bestKilometres: Infinity,
    bestTerm: Infinity,
    accept,
  };
  visit(search, 0, points.tree.ids.length - 1, 0);
  if (search.bestIndex < 0) return { index: -1, meters: Infinity };
  return { index: search.bestIndex, meters: search.bestKilometres * 1000 };
}

/** Nearest target per query point: parallel typed arrays (index −1 when no target). */
export interface NearestPoints {
  indices: Int32Array;
  meters: Float64Array;
}

/** Nearest point of `targets` for each query point from `start` to `end` (exclusive). */
export function nearestPointsOf(
  queries: Float64Array,
  targets: PreparedPoints,
  start = 0,
  end = queries.length / 2,
  accept?: (index: number) => boolean,
): NearestPoints {
  const indices = new Int32Array(end - start);
  const meters = new Float64Array(end - start);
  for (let query = start; query < end; query += 1) {
    const nearest = nearestPoint(targets, queries[query * 2]!, queries[query * 2 + 1]!, accept);
    indices[query - start] = nearest.index;
    meters[query - start] = nearest.meters;
  }
  return { indices, meters };
}
