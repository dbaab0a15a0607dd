/**
 * Admin areas split for drawing (departments solid, communes dashed, communal
 * sections finely dashed) and their label points, computed once per admin collection. Layer specs run on every
 * state change; handing deck.gl the same arrays each time lets it skip
 * re-uploading their geometry.
 *
 * Commune dashes are geometry, not a shader effect: deck.gl's dash extension
 * compiles a path shader of its own, which on software WebGL (SwiftShader)
 * cost about a third of the first map idle. Plain dash segments, cut in
 * screen pixels for the current zoom step, are drawn by the path shader every
 * other outline already uses.
 */
import type { Feature, MultiLineString, Position } from 'geojson';
import type { AdminAreaCollection, AdminAreaFeature, AdminAreaProperties } from '../domain/types';
import { type AdminLabel, adminLabels } from './admin-labels';

export interface AdminParts {
  communes: AdminAreaFeature[];
  departments: AdminAreaFeature[];
  /** Communal sections (level 3), when the boundaries provide them. */
  sections: AdminAreaFeature[];
  communeLabels: AdminLabel[];
  departmentLabels: AdminLabel[];
  sectionLabels: AdminLabel[];
}

/** An area's outline as dash segments, with the area's properties (picking a dash picks the area). */
export type CommuneDashes = Feature<MultiLineString, AdminAreaProperties>;

const cache = new WeakMap<AdminAreaCollection, AdminParts>();
const dashCache = new WeakMap<AdminAreaCollection, Map<string, CommuneDashes[]>>();

export function adminParts(admin: AdminAreaCollection): AdminParts {
  const cached = cache.get(admin);
  if (cached) return cached;
  const labels = adminLabels(admin);
  const parts: AdminParts = {
    communes: admin.features.filter((feature) => feature.properties.level === 2),
    departments: admin.features.filter((feature) => feature.properties.level === 1),
    sections: admin.features.filter((feature) => feature.properties.level === 3),
    communeLabels: labels.filter((label) => label.level === 2),
    departmentLabels: labels.filter((label) => label.level === 1),
    sectionLabels: labels.filter((label) => label.level === 3),
  };
  cache.set(admin, parts);
  return parts;
}

/** A dash pattern in screen pixels: so long on, so long off (what the legend draws). */
interface DashPattern {
  dash: number;
  gap: number;
}

/** Communes: 4 on, 3 off. */
export const COMMUNE_DASH: DashPattern = { dash: 4, gap: 3 };
/** Communal sections: finer, 2 on, 2 off, so they read as the lesser boundary. */
export const SECTION_DASH: DashPattern = { dash: 2, gap: 2 };

/**
 * Above this zoom the dashes of this zoom are kept and simply grow on
 * screen: finer ones would multiply the segments without reading better.
 */
const FINEST_DASH_ZOOM = 12;

/** Web Mercator x, y in pixels at `zoom` (512-pixel tiles, as MapLibre). */
function projected(position: Position, zoom: number): [number, number] {
  const scale = 512 * 2 ** zoom;
  const longitude = position[0] ?? 0;
  const latitude = Math.max(-85, Math.min(85, position[1] ?? 0));
  const sine = Math.sin((latitude * Math.PI) / 180);
  return [
    ((longitude + 180) / 360) * scale,
    (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * scale,
  ];
}

/** Dash segments along one ring, the pattern restarting at the ring's first vertex. */
function dashRing(ring: Position[], zoom: number, pattern: DashPattern, segments: Position[][]): void {
  // Whether the pen is down, and how many pixels are left before it toggles.
  let drawing = true;
  let remaining = pattern.dash;
  for (let index = 1; index < ring.length; index += 1) {
    const [startX = 0, startY = 0] = ring[index - 1] ?? [];
    const [endX = 0, endY = 0] = ring[index] ?? [];
    const startPixel = projected([startX, startY], zoom);
    const endPixel = projected([endX, endY], zoom);
    const length = Math.hypot(endPixel[0] - startPixel[0], endPixel[1] - startPixel[1]);
    // Linear in degrees along an edge: edges are short next to a commune.
    const at = (distance: number): Position => {
      const share = length > 0 ? distance / length : 0;
      return [startX + (endX - startX) * share, startY + (endY - startY) * share];
    };
    let offset = 0;
    // Tolerances in pixels, so rounding can never leave a step too small to make progress.
    while (length - offset > 1e-9) {
      const step = Math.min(remaining, length - offset);
      if (drawing) segments.push([at(offset), at(offset + step)]);
      offset += step;
      remaining -= step;
      if (remaining <= 1e-9) {
        drawing = !drawing;
        remaining = drawing ? pattern.dash : pattern.gap;
      }
    }
  }
}

/** The communes' outlines as dashes for a zoom step; cached per collection and step. */
export function communeDashes(admin: AdminAreaCollection, zoomStep: number): CommuneDashes[] {
  return outlineDashes(admin, 2, zoomStep);
}

/** The communal sections' outlines as finer dashes for a zoom step; cached per collection and step. */
export function sectionDashes(admin: AdminAreaCollection, zoomStep: number): CommuneDashes[] {
  return outlineDashes(admin, 3, zoomStep);
}

function outlineDashes(admin: AdminAreaCollection, level: 2 | 3, zoomStep: number): CommuneDashes[] {
  const zoom = Math.min(FINEST_DASH_ZOOM, zoomStep);
  let byZoom = dashCache.get(admin);
  if (!byZoom) {
    byZoom = new Map();
    dashCache.set(admin, byZoom);
  }
  const key = `${level}:${zoom}`;
  const cached = byZoom.get(key);
  if (cached) return cached;
  const parts = adminParts(admin);
  const pattern = level === 2 ? COMMUNE_DASH : SECTION_DASH;
  const dashes = (level === 2 ? parts.communes : parts.sections).map((area): CommuneDashes => {
    const segments: Position[][] = [];
    const polygons =
      area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) dashRing(ring, zoom, pattern, segments);
    return {
      type: 'Feature',
      properties: area.properties,
      geometry: { type: 'MultiLineString', coordinates: segments },
    };
  });
  byZoom.set(key, dashes);
  return dashes;
}
