/**
 * Admin outlines' dashes (admin-parts.ts) as deck.gl line segments in typed
 * arrays. Drawn as a path, each dash was an instance of twelve vertices whose
 * shader projects four points and works out joins; on software WebGL
 * (SwiftShader) the 5,000 dashes around a city view took about 90 ms of every
 * panned frame. A line segment is four vertices and two projected points, and
 * a dash needs no join. Only the dashes starting inside the window are kept at
 * city zoom (a dash is a few pixels long: where it starts says where it is).
 */
import type { CommuneDashes } from './admin-parts';
import type { Bounds } from './camera';

/** Dash segments in deck's binary form: start and end positions, longitude then latitude. */
export interface DashSegments {
  length: number;
  attributes: {
    getSourcePosition: { value: Float64Array; size: 2 };
    getTargetPosition: { value: Float64Array; size: 2 };
  };
}

const built = new WeakMap<CommuneDashes[], { window: Bounds | null; segments: DashSegments }>();

function inside(window: Bounds | null, longitude: number, latitude: number): boolean {
  return (
    !window ||
    (longitude >= window.west &&
      longitude <= window.east &&
      latitude >= window.south &&
      latitude <= window.north)
  );
}

/**
 * The dashes of `dashes` starting in `window` (all without one), as segments: one object per
 * dash array and window, so deck keeps its buffers while the window holds.
 */
export function dashSegments(dashes: CommuneDashes[], window: Bounds | null): DashSegments {
  const cached = built.get(dashes);
  if (cached && cached.window === window) return cached.segments;
  let count = 0;
  for (const area of dashes)
    for (const [start] of area.geometry.coordinates)
      if (start && inside(window, start[0] ?? Number.NaN, start[1] ?? Number.NaN)) count += 1;
  const sources = new Float64Array(count * 2);
  const targets = new Float64Array(count * 2);
  let index = 0;
  for (const area of dashes)
    for (const [start, end] of area.geometry.coordinates) {
      if (!start || !end || !inside(window, start[0] ?? Number.NaN, start[1] ?? Number.NaN)) continue;
      sources[index] = start[0] ?? 0;
      sources[index + 1] = start[1] ?? 0;
      targets[index] = end[0] ?? 0;
      targets[index + 1] = end[1] ?? 0;
      index += 2;
    }
  const segments: DashSegments = {
    length: count,
    attributes: {
      getSourcePosition: { value: sources, size: 2 },
      getTargetPosition: { value: targets, size: 2 },
    },
  };
  built.set(dashes, { window, segments });
  return segments;
}
