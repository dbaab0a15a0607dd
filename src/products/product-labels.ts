/**
 * The admin-area names of a map product, drawn by the product itself rather
 * than copied with the map's pixels: in the page's font, as real text in the
 * PDF, above the site circles and outlines with a white halo, never clipped at
 * the frame and moved off the largest circles where they can be
 * (label-placement.ts). The capture leaves the live map's names out
 * (snapshot-capture.ts), so each name is printed once.
 */

import type { Datasets } from '../domain/types';
import { type AdminLabel, COMMUNE_LABEL_ZOOM, SECTION_LABEL_ZOOM } from '../map/admin-labels';
import { adminParts } from '../map/admin-parts';
import type { Camera } from '../map/camera';
import { ADMIN_COLORS, clusterRadiusPixels, siteRadiusMetres } from '../map/palette';
import { siteGrouping } from '../map/site-grouping';
import type { DrawOperation, Point } from '../map/snapshot-draw';
import { metresPerPixel, type Rectangle } from '../map/snapshot-layout';
import type { Measure, TextStyle } from '../map/snapshot-text';
import type { AppState } from '../state/app-state';
import {
  type Box,
  type CircleSymbol,
  type LabelRequest,
  type Placement,
  type PlacementScene,
  placeLabels,
} from './label-placement';

const TILE_SIZE = 512;
/** The live map's bounds on a site circle's radius (layer-specs.ts), in CSS pixels = layout units. */
const SITE_RADIUS_PIXELS = { minimum: 3.5, maximum: 30 };
/** Circles from this radius up are large enough that a name on them would be lost. */
const LARGE_SYMBOL_RADIUS = 8;
/** Width of the white halo's stroke (half of it shows outside the letters). */
const HALO_WIDTH = 3;
/** Space kept between a label and the frame's edge. */
const FRAME_MARGIN = 3;
/** Above and below the baseline, as multiples of the type size (Noto Sans). */
const ASCENT = 0.78;
const DESCENT = 0.24;

type LabelStyle = TextStyle & { color: readonly [number, number, number] };

/** Type of a name by admin level, as on the live map (layer-specs.ts). */
const LEVEL_STYLES: Record<AdminLabel['level'], LabelStyle> = {
  1: { size: 12, bold: true, color: ADMIN_COLORS.label },
  2: { size: 11, bold: true, color: ADMIN_COLORS.label },
  3: { size: 9.5, color: [107, 107, 107] },
};

/** Projects longitude and latitude to a frame's layout units for a camera (Web Mercator, bearing applied). */
function frameProjection(
  camera: Pick<Camera, 'longitude' | 'latitude' | 'zoom' | 'bearing'>,
  frame: Rectangle,
): (longitude: number, latitude: number) => Point {
  const world = TILE_SIZE * 2 ** camera.zoom;
  const mercatorX = (longitude: number) => ((longitude + 180) / 360) * world;
  const mercatorY = (latitude: number) => {
    const sine = Math.sin((latitude * Math.PI) / 180);
    return (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world;
  };
  const centreX = mercatorX(camera.longitude);
  const centreY = mercatorY(camera.latitude);
  const angle = (-camera.bearing * Math.PI) / 180;
  const cosine = Math.cos(angle);
  const sine = Math.sin(angle);
  return (longitude, latitude) => {
    const deltaX = mercatorX(longitude) - centreX;
    const deltaY = mercatorY(latitude) - centreY;
    return [
      frame.x + frame.width / 2 + deltaX * cosine - deltaY * sine,
      frame.y + frame.height / 2 + deltaX * sine + deltaY * cosine,
    ];
  };
}

/** The names drawn at a zoom: departments, then communes, then communes and their sections (most important first). */
function labelsAtZoom(datasets: Datasets, zoom: number): AdminLabel[] {
  const { communeLabels, departmentLabels, sectionLabels } = adminParts(datasets.admin);
  if (zoom < COMMUNE_LABEL_ZOOM) return departmentLabels;
  if (zoom < SECTION_LABEL_ZOOM) return communeLabels;
  return [...communeLabels, ...sectionLabels];
}

/** The site symbols the frame shows, in layout units: groups at country zoom, single sites otherwise. */
function siteCircles(
  state: AppState,
  datasets: Datasets,
  zoom: number,
  project: (longitude: number, latitude: number) => Point,
): CircleSymbol[] {
  if (!state.layers.sites.visible) return [];
  const circles: CircleSymbol[] = [];
  const grouping = siteGrouping(state, zoom);
  const clusters = grouping.kind === 'grouped' ? grouping.clusters : null;
  if (clusters) {
    for (let index = 0; index < clusters.clusterIndividuals.length; index++) {
      const [x, y] = project(
        clusters.clusterPositions[index * 2] ?? 0,
        clusters.clusterPositions[index * 2 + 1] ?? 0,
      );
      circles.push({ x, y, radius: clusterRadiusPixels(clusters.clusterIndividuals[index] ?? 0) });
    }
  }
  for (const site of datasets.sites.features) {
    if (!site.geometry) continue;
    const [longitude = 0, latitude = 0] = site.geometry.coordinates;
    const [x, y] = project(longitude, latitude);
    const metres = siteRadiusMetres(site.properties.individuals);
    const radius = Math.min(
      SITE_RADIUS_PIXELS.maximum,
      Math.max(SITE_RADIUS_PIXELS.minimum, metres / metresPerPixel(latitude, zoom)),
    );
    circles.push({ x, y, radius });
  }
  return circles;
}

/** The gang-control outlines, in layout units (a name is better not cut by one). */
function controlOutlines(
  state: AppState,
  datasets: Datasets,
  project: (longitude: number, latitude: number) => Point,
): Point[][] {
  if (!state.layers.control.visible) return [];
  const outlines: Point[][] = [];
  for (const feature of datasets.control.features) {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons)
      for (const ring of polygon)
        outlines.push(ring.map(([longitude = 0, latitude = 0]) => project(longitude, latitude)));
  }
  return outlines;
}

/** The box of an operation drawn over the map (furniture), or null for the map image itself. */
function operationBox(operation: DrawOperation, measure: Measure): Box | null {
  const pointsBox = (points: readonly Point[]): Box => {
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  };
  switch (operation.kind) {
    case 'rect':
    case 'swatch':
      return 'size' in operation
        ? { x: operation.x, y: operation.y, width: operation.size, height: operation.size }
        : operation;
    case 'text': {
      const width = measure(operation.text, operation);
      const shift = operation.align === 'center' ? width / 2 : operation.align === 'right' ? width : 0;
      return {
        x: operation.x - shift,
        y: operation.y - operation.size,
        width,
        height: operation.size * (1 + DESCENT),
      };
    }
    case 'line':
      return pointsBox(operation.points);
    case 'polygon':
      return pointsBox(operation.rings.flat());
    case 'circle':
      return {
        x: operation.x - operation.radius,
        y: operation.y - operation.radius,
        width: 2 * operation.radius,
        height: 2 * operation.radius,
      };
    case 'image':
      return operation.slot === 'map' ? null : operation;
  }
}

/** What is drawn over the frame already (sensitivity band, north arrow, scale bar, locator). */
function furnitureIn(operations: readonly DrawOperation[], frame: Rectangle, measure: Measure): Box[] {
  const boxes: Box[] = [];
  for (const operation of operations) {
    const box = operationBox(operation, measure);
    if (!box) continue;
    const coversFrame =
      box.x <= frame.x && box.y <= frame.y && box.x + box.width >= frame.x + frame.width - 1;
    const inside =
      box.x < frame.x + frame.width &&
      frame.x < box.x + box.width &&
      box.y < frame.y + frame.height &&
      frame.y < box.y + box.height;
    if (inside && !coversFrame) boxes.push(box);
  }
  return boxes;
}

/** The product's labels: where they go, what was dropped, and the operations drawing them. */
export interface ProductLabels extends Placement {
  operations: DrawOperation[];
}

/**
 * Places the admin names of the map a product shows (`camera` at the export zoom, `frame` the
 * product's map frame) among the product's `operations`, and returns the text operations to
 * draw over the map image.
 */
export function productLabels(
  state: AppState,
  camera: Camera,
  frame: Rectangle,
  operations: readonly DrawOperation[],
  measure: Measure,
): ProductLabels {
  const datasets = state.datasets;
  if (!datasets || !state.layers.admin.visible) return { placed: [], dropped: 0, operations: [] };
  const project = frameProjection(camera, frame);
  const labels = labelsAtZoom(datasets, camera.zoom);
  const styles: LabelStyle[] = [];
  const requests: LabelRequest[] = labels.map((label) => {
    const style = LEVEL_STYLES[label.level];
    const text = label.level === 1 ? label.text.toLocaleUpperCase('fr') : label.text;
    const [x, y] = project(label.position[0], label.position[1]);
    styles.push(style);
    return {
      text,
      anchor: { x, y },
      width: measure(text, style) + HALO_WIDTH,
      height: style.size * (ASCENT + DESCENT) + HALO_WIDTH,
    };
  });
  const scene: PlacementScene = {
    frame,
    margin: FRAME_MARGIN,
    furniture: furnitureIn(operations, frame, measure),
    circles: siteCircles(state, datasets, camera.zoom, project),
    largeRadius: LARGE_SYMBOL_RADIUS,
    outlines: controlOutlines(state, datasets, project),
  };
  // Labels far outside the frame can never be placed: leave them out of the count of dropped ones.
  const near = requests
    .map((request, index) => ({ request, style: styles[index] ?? LEVEL_STYLES[2] }))
    .filter(
      ({ request }) =>
        request.anchor.x > frame.x - request.width &&
        request.anchor.x < frame.x + frame.width + request.width &&
        request.anchor.y > frame.y - request.height &&
        request.anchor.y < frame.y + frame.height + request.height,
    );
  const placement = placeLabels(
    near.map(({ request }) => request),
    scene,
  );
  const opacity = state.layers.admin.opacity;
  const labelOperations: DrawOperation[] = placement.placed.map((label) => {
    const style = near[label.index]?.style ?? LEVEL_STYLES[2];
    return {
      kind: 'text',
      x: label.box.x + label.box.width / 2,
      y: label.box.y + HALO_WIDTH / 2 + style.size * ASCENT,
      text: label.text,
      color: faded(style.color, opacity),
      align: 'center',
      size: style.size,
      ...(style.bold ? { bold: true } : {}),
      halo: { color: '#ffffff', width: HALO_WIDTH },
    };
  });
  return { ...placement, operations: labelOperations };
}

/** A colour faded toward white by the layer's opacity (the halo is opaque, so the text is too), as hex. */
function faded(color: readonly number[], opacity: number): string {
  const hex = (channel: number) =>
    Math.round(255 - (255 - channel) * opacity)
      .toString(16)
      .padStart(2, '0');
  return `#${color.map(hex).join('')}`;
}
