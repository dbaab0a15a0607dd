/**
 * Outlines as line segments in typed arrays, for the vertex line layer
 * (vertex-layers.ts): the admin outlines' dashes (admin-parts.ts), the
 * departments' outlines and the hazard zones' and control areas' outlines.
 * Drawn as paths, each segment was an instance of twelve vertices whose shader
 * projects four points and works out joins; on software WebGL the 5,000
 * dashes around a city view took about 90 ms of every panned frame, and the
 * control areas' outlines about 19 ms. A segment is six vertices of a triangle
 * list with two projected points; a dash needs no join, and at the outlines'
 * one to two and a half pixels a join shows no more than the segments meeting
 * end to end (a notch of about a pixel on the outside of a sharp corner).
 * Every value is written once per vertex, as the vertex line layer reads them.
 */
import type { Position } from 'geojson';
import type { CommuneDashes } from './admin-parts';
import type { AreaFeature } from './area-window';
import type { Bounds } from './camera';
import type { RGBA } from './palette';
import { inWindow } from './site-window';
import { SEGMENT_VERTICES } from './vertex-layers';

/**
 * Line segments in deck's binary form, per vertex: start and end positions (longitude then
 * latitude), each repeated for the segment's six vertices; `length` counts vertices.
 */
export interface LineSegments {
  length: number;
  /** How many segments (`length` / SEGMENT_VERTICES). */
  segments: number;
  attributes: {
    getSourcePosition: { value: Float64Array; size: 2 };
    getTargetPosition: { value: Float64Array; size: 2 };
  };
}

/** Segments with a colour each (RGBA bytes), for outlines coloured by their area. */
export interface ColouredSegments extends LineSegments {
  attributes: LineSegments['attributes'] & { getColor: { value: Uint8Array; size: 4; normalized: true } };
}

/** Gathers segments into typed arrays: `each` calls `add` once per segment. */
function collect(each: (add: (start: Position, end: Position) => void) => void): LineSegments {
  let count = 0;
  each(() => {
    count += 1;
  });
  const sources = new Float64Array(count * SEGMENT_VERTICES * 2);
  const targets = new Float64Array(count * SEGMENT_VERTICES * 2);
  let index = 0;
  each((start, end) => {
    for (let vertex = 0; vertex < SEGMENT_VERTICES; vertex += 1, index += 2) {
      sources[index] = start[0] ?? 0;
      sources[index + 1] = start[1] ?? 0;
      targets[index] = end[0] ?? 0;
      targets[index + 1] = end[1] ?? 0;
    }
  });
  return {
    length: count * SEGMENT_VERTICES,
    segments: count,
    attributes: {
      getSourcePosition: { value: sources, size: 2 },
      getTargetPosition: { value: targets, size: 2 },
    },
  };
}

const dashesBuilt = new WeakMap<CommuneDashes[], { window: Bounds | null; segments: LineSegments }>();

/**
 * The dashes of `dashes` starting in `window` (all without one; a dash is a few pixels long:
 * where it starts says where it is), as segments: one object per dash array and window, so
 * deck keeps its buffers while the window holds.
 */
export function dashSegments(dashes: CommuneDashes[], window: Bounds | null): LineSegments {
  const cached = dashesBuilt.get(dashes);
  if (cached && cached.window === window) return cached.segments;
  const segments = collect((add) => {
    for (const area of dashes)
      for (const [start, end] of area.geometry.coordinates)
        if (start && end && (!window || inWindow(window, start))) add(start, end);
  });
  dashesBuilt.set(dashes, { window, segments });
  return segments;
}

/** A polyline (the drawing in progress) as segments, from each vertex to the next. */
export function pathSegments(path: readonly Position[]): LineSegments {
  return collect((add) => {
    for (let index = 1; index < path.length; index += 1) add(path[index - 1] ?? [], path[index] ?? []);
  });
}

/** Every ring of every area, in order, with the area it bounds. */
function ringsOf<Area extends AreaFeature>(areas: Area[]): { ring: Position[]; area: Area }[] {
  const rings: { ring: Position[]; area: Area }[] = [];
  for (const area of areas) {
    const geometry = area.geometry;
    if (!geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) rings.push({ ring, area });
  }
  return rings;
}

const ringsBuilt = new WeakMap<AreaFeature[], LineSegments>();

/** The rings of `areas` as segments, for an outline of one colour; one object per areas array. */
export function ringSegments(areas: AreaFeature[]): LineSegments {
  const cached = ringsBuilt.get(areas);
  if (cached) return cached;
  const segments = collect((add) => {
    for (const { ring } of ringsOf(areas))
      for (let index = 1; index < ring.length; index += 1) add(ring[index - 1] ?? [], ring[index] ?? []);
  });
  ringsBuilt.set(areas, segments);
  return segments;
}

const outlinesBuilt = new WeakMap<AreaFeature[], ColouredSegments>();

/** The rings of `areas` as segments coloured by `colourOf` their area; one object per areas array. */
export function outlineSegments<Area extends AreaFeature>(
  areas: Area[],
  colourOf: (area: Area) => RGBA,
): ColouredSegments {
  const cached = outlinesBuilt.get(areas);
  if (cached) return cached;
  const segments = ringSegments(areas);
  // The same rings in the same order: each segment's six vertices take its area's colour.
  const value = new Uint8Array(segments.length * 4);
  let offset = 0;
  for (const { ring, area } of ringsOf(areas)) {
    const colour = colourOf(area);
    for (let index = 1; index < ring.length; index += 1)
      for (let vertex = 0; vertex < SEGMENT_VERTICES; vertex += 1, offset += 4) value.set(colour, offset);
  }
  const coloured: ColouredSegments = {
    ...segments,
    attributes: { ...segments.attributes, getColor: { value, size: 4, normalized: true } },
  };
  outlinesBuilt.set(areas, coloured);
  return coloured;
}
