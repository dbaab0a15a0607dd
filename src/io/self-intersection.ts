/**
 * Finding where a polygon ring crosses itself (a "bow-tie"): point-in-polygon
 * tests give answers that depend on the rule each tool uses, so such a zone
 * is flagged and a repair offered. Segments are swept by their x extent and
 * only overlapping ones compared, so ordinary rings cost about n log n; a
 * budget of pair tests bounds pathological ones (then nothing is reported).
 */
import type { Position } from 'geojson';

/** Segment pairs compared at most, per ring. */
const PAIR_BUDGET = 2_000_000;

/** The first crossing found between two non-adjacent edges of a closed ring, if any. */
export function findSelfIntersection(ring: readonly Position[]): [number, number] | undefined {
  // Consecutive duplicates make zero-length edges whose neighbours would look like they touch.
  const points: Position[] = [];
  for (const position of ring) {
    const last = points[points.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) points.push(position);
  }
  const edgeCount = points.length - 1;
  if (edgeCount < 4) return undefined;
  const order = Array.from({ length: edgeCount }, (_, index) => index);
  const minimumX = order.map((index) => Math.min(x(points, index), x(points, index + 1)));
  const maximumX = order.map((index) => Math.max(x(points, index), x(points, index + 1)));
  order.sort((a, b) => (minimumX[a] ?? 0) - (minimumX[b] ?? 0));
  let pairs = 0;
  for (let first = 0; first < order.length; first++) {
    const a = order[first] ?? 0;
    for (let second = first + 1; second < order.length; second++) {
      const b = order[second] ?? 0;
      if ((minimumX[b] ?? 0) > (maximumX[a] ?? 0)) break;
      if (++pairs > PAIR_BUDGET) return undefined;
      if (adjacent(a, b, edgeCount)) continue;
      const crossing = segmentsMeet(points, a, b);
      if (crossing) return crossing;
    }
  }
  return undefined;
}

const x = (points: readonly Position[], index: number) => points[index]?.[0] ?? 0;

function adjacent(a: number, b: number, edgeCount: number): boolean {
  const gap = Math.abs(a - b);
  return gap <= 1 || gap === edgeCount - 1;
}

/** Where edges a and b meet (crossing or touching), else undefined. */
function segmentsMeet(points: readonly Position[], a: number, b: number): [number, number] | undefined {
  const [ax, ay] = points[a] as [number, number];
  const [bx, by] = points[a + 1] as [number, number];
  const [cx, cy] = points[b] as [number, number];
  const [dx, dy] = points[b + 1] as [number, number];
  const d1 = orientation(cx, cy, dx, dy, ax, ay);
  const d2 = orientation(cx, cy, dx, dy, bx, by);
  const d3 = orientation(ax, ay, bx, by, cx, cy);
  const d4 = orientation(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return [ax, ay];
  if (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return [bx, by];
  if (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return [cx, cy];
  if (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return [dx, dy];
  return undefined;
}

function orientation(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return (qx - px) * (ry - py) - (qy - py) * (rx - px);
}

function onSegment(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}
