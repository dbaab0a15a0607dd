/**
 * At city zoom, areas and names are drawn only around the view, as sites and
 * commune dashes are (site-window.ts). deck.gl shades every vertex of a layer
 * on every frame, in view or not: on software WebGL (SwiftShader) a panned
 * frame at zoom 11 spent about 70 ms on the hazard zones' outlines and 30 ms
 * on their fill, most of it on vertices far outside the view.
 *
 * Areas outside the window are left out, areas inside it kept as they are,
 * and areas across its edge cut to it (Turf's bboxClip: Sutherland–Hodgman,
 * exact on the window's edge). A cut adds edges along the window's border,
 * which lies half a view beyond the screen, so the outlines drawn there are
 * never seen. A cut area keeps its id and properties: picking it, its details
 * and its selection are the whole area's.
 */
import { bbox, bboxClip } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import type { Bounds } from './camera';
import { inWindow } from './site-window';

/** A feature deck draws as a filled or outlined area. */
export type AreaFeature = Feature<Polygon | MultiPolygon>;

const boxes = new WeakMap<AreaFeature, BBox>();

function boxOf(feature: AreaFeature): BBox {
  let box = boxes.get(feature);
  if (!box) {
    box = bbox(feature);
    boxes.set(feature, box);
  }
  return box;
}

/** The area cut to `box`, or null when nothing of it is left (a sliver along the edge). */
function cut<Area extends AreaFeature>(feature: Area, box: BBox): Area | null {
  const { geometry } = bboxClip(feature, box);
  if (geometry.type === 'Polygon') {
    return geometry.coordinates.length > 0 ? { ...feature, geometry } : null;
  }
  // A part of a multipolygon outside the window comes back without rings.
  const parts = (geometry as MultiPolygon).coordinates.filter((rings) => rings.length > 0);
  return parts.length > 0 ? { ...feature, geometry: { type: 'MultiPolygon', coordinates: parts } } : null;
}

const drawn = new WeakMap<AreaFeature[], { window: Bounds; areas: AreaFeature[] }>();

/**
 * The areas to draw in `window`: all of them without a window (country zoom); else those
 * that reach into it, cut to it. Memoised per collection and window (the window object is kept
 * while the view stays inside it), so an unchanged window keeps deck's buffers.
 */
export function areasInWindow<Area extends AreaFeature>(areas: Area[], window: Bounds | null): Area[] {
  if (!window) return areas;
  const cached = drawn.get(areas);
  if (cached?.window === window) return cached.areas as Area[];
  const { west, south, east, north } = window;
  const box: BBox = [west, south, east, north];
  const inside: Area[] = [];
  for (const area of areas) {
    // An area without geometry has nothing to draw (deck skips it as well).
    if (!area.geometry) continue;
    const [areaWest, areaSouth, areaEast, areaNorth] = boxOf(area);
    if (areaEast < west || areaWest > east || areaNorth < south || areaSouth > north) continue;
    if (areaWest >= west && areaEast <= east && areaSouth >= south && areaNorth <= north) {
      inside.push(area);
      continue;
    }
    const part = cut(area, box);
    if (part) inside.push(part);
  }
  drawn.set(areas, { window, areas: inside });
  return inside;
}

const placed = new WeakMap<
  readonly { position: readonly number[] }[],
  { window: Bounds; items: unknown[] }
>();

/** The labels (or any placed items) whose anchor lies in `window`: all without a window; memoised like the areas. */
export function placedInWindow<Item extends { position: readonly number[] }>(
  items: Item[],
  window: Bounds | null,
): Item[] {
  if (!window) return items;
  const cached = placed.get(items);
  if (cached?.window === window) return cached.items as Item[];
  const inside = items.filter((item) => inWindow(window, item.position));
  placed.set(items, { window, items: inside });
  return inside;
}
