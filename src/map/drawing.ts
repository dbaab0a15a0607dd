/**
 * Drawing an area of interest by clicks, as a pure state machine: the map
 * wiring feeds it clicks and pointer moves, and gets back the finished shape.
 * Polygons: a click adds a vertex, a double-click (or Enter) finishes with at
 * least three. Circles: a click sets the centre, a second the edge.
 */
import { circle, distance } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { AreaShape } from '../../workers/analysis/index';

export type Position = [number, number];

export interface Drawing {
  kind: 'polygon' | 'circle';
  vertices: Position[];
  /** Where the pointer is, for the rubber-band preview. */
  cursor: Position | null;
}

export type DrawStep = { drawing: Drawing; shape: null } | { drawing: null; shape: AreaShape };

export function startDrawing(kind: Drawing['kind']): Drawing {
  return { kind, vertices: [], cursor: null };
}

export function addPoint(drawing: Drawing, point: Position): DrawStep {
  if (drawing.kind === 'circle') {
    const [center] = drawing.vertices;
    if (!center) return { drawing: { ...drawing, vertices: [point] }, shape: null };
    const radiusMeters = distance(center, point, { units: 'meters' });
    if (radiusMeters <= 0) return { drawing, shape: null };
    return {
      drawing: null,
      shape: { kind: 'circle', longitude: center[0], latitude: center[1], radiusMeters },
    };
  }
  const last = drawing.vertices.at(-1);
  // The two clicks of a double-click arrive as clicks first: ignore a repeated point.
  if (last && last[0] === point[0] && last[1] === point[1]) return { drawing, shape: null };
  return { drawing: { ...drawing, vertices: [...drawing.vertices, point] }, shape: null };
}

export function moveCursor(drawing: Drawing, point: Position): Drawing {
  return { ...drawing, cursor: point };
}

/** Closes a polygon drawing; null when it has fewer than three distinct vertices. */
export function finishPolygon(drawing: Drawing): AreaShape | null {
  if (drawing.kind !== 'polygon') return null;
  const vertices = drawing.vertices.filter(
    (vertex, index) => index === 0 || !samePosition(vertex, drawing.vertices[index - 1]),
  );
  if (vertices.length < 3) return null;
  const first = vertices[0] as Position;
  return { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [[...vertices, first]] } };
}

/** The outline to draw for a finished shape or a drawing in progress (circles as 64-gons). */
export function shapeOutline(shape: AreaShape): Polygon | null {
  if (shape.kind === 'circle') {
    return circle([shape.longitude, shape.latitude], shape.radiusMeters, { units: 'meters', steps: 64 })
      .geometry;
  }
  return shape.geometry.type === 'Polygon' ? shape.geometry : null;
}

/** The preview path of a drawing in progress: vertices, then the cursor. */
export function previewPath(drawing: Drawing): Position[] {
  if (drawing.kind === 'circle') {
    const [center] = drawing.vertices;
    if (!center || !drawing.cursor) return [];
    const outline = shapeOutline({
      kind: 'circle',
      longitude: center[0],
      latitude: center[1],
      radiusMeters: Math.max(1, distance(center, drawing.cursor, { units: 'meters' })),
    });
    return (outline?.coordinates[0] ?? []) as Position[];
  }
  return drawing.cursor ? [...drawing.vertices, drawing.cursor] : [...drawing.vertices];
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}
