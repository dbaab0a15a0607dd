/**
 * The furniture drawn over a product's map frame: north arrow, scale bar and
 * the locator (Haiti from the offline country outline, with the map's extent
 * outlined). Pure: everything is computed in layout units.
 */
import type { Bounds } from './camera';
import type { LocatorCountry } from './snapshot-content';
import type { DrawOperation, Point } from './snapshot-draw';
import type { Rectangle, ScaleBar } from './snapshot-layout';
import { COLORS } from './snapshot-legend';
import { type Measure, STYLES } from './snapshot-text';

/** What the locator shows around Haiti (west, south, east, north). */
export const LOCATOR_WINDOW: Bounds = { west: -74.6, south: 17.95, east: -71.25, north: 20.15 };
const LOCATOR_LATITUDE_FACTOR = Math.cos((19 * Math.PI) / 180);

/** The locator's width over height, from its window. */
export const LOCATOR_ASPECT =
  ((LOCATOR_WINDOW.east - LOCATOR_WINDOW.west) * LOCATOR_LATITUDE_FACTOR) /
  (LOCATOR_WINDOW.north - LOCATOR_WINDOW.south);

const TILE_SIZE = 512;

/** The geographic extent of a frame of `size` units at a camera (Web Mercator, 512-px tiles). */
export function frameBounds(
  camera: { longitude: number; latitude: number; zoom: number },
  size: { width: number; height: number },
): Bounds {
  const world = TILE_SIZE * 2 ** camera.zoom;
  const x = ((camera.longitude + 180) / 360) * world;
  const sine = Math.sin((camera.latitude * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world;
  const longitude = (px: number) => (px / world) * 360 - 180;
  const latitude = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI;
  return {
    west: longitude(x - size.width / 2),
    east: longitude(x + size.width / 2),
    north: latitude(y - size.height / 2),
    south: latitude(y + size.height / 2),
  };
}

/** Sutherland–Hodgman: the part of a ring inside a box. */
function clipRing(ring: readonly (readonly [number, number])[], box: Bounds): [number, number][] {
  type Edge = {
    inside: (point: readonly [number, number]) => boolean;
    cut: (a: readonly [number, number], b: readonly [number, number]) => [number, number];
  };
  const atX =
    (value: number) =>
    (a: readonly [number, number], b: readonly [number, number]): [number, number] => [
      value,
      a[1] + ((b[1] - a[1]) * (value - a[0])) / (b[0] - a[0]),
    ];
  const atY =
    (value: number) =>
    (a: readonly [number, number], b: readonly [number, number]): [number, number] => [
      a[0] + ((b[0] - a[0]) * (value - a[1])) / (b[1] - a[1]),
      value,
    ];
  const edges: Edge[] = [
    { inside: (point) => point[0] >= box.west, cut: atX(box.west) },
    { inside: (point) => point[0] <= box.east, cut: atX(box.east) },
    { inside: (point) => point[1] >= box.south, cut: atY(box.south) },
    { inside: (point) => point[1] <= box.north, cut: atY(box.north) },
  ];
  let output: (readonly [number, number])[] = [...ring];
  for (const edge of edges) {
    const input = output;
    output = [];
    input.forEach((current, index) => {
      const previous = input[(index + input.length - 1) % input.length] ?? current;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cut(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) output.push(edge.cut(previous, current));
    });
    if (output.length === 0) break;
  }
  return output.map((point) => [point[0], point[1]]);
}

/** The white, thinly outlined box the north arrow and the scale bar sit on over the map. */
function furnitureFrame(x: number, y: number, width: number, height: number): DrawOperation {
  return { kind: 'rect', x, y, width, height, fill: COLORS.white, stroke: '#9a9a9a', lineWidth: 0.75 };
}

/** Draws the locator in `box`: the countries, Haiti stronger, and `extent` outlined in red. */
export function drawLocator(
  operations: DrawOperation[],
  box: Rectangle,
  countries: readonly LocatorCountry[],
  extent: Bounds,
): void {
  const window = LOCATOR_WINDOW;
  const project = ([longitude, latitude]: readonly [number, number]): Point => [
    box.x + ((longitude - window.west) / (window.east - window.west)) * box.width,
    box.y + ((window.north - latitude) / (window.north - window.south)) * box.height,
  ];
  operations.push({ kind: 'rect', ...box, fill: '#dcebf2', stroke: COLORS.frame, lineWidth: 0.75 });
  for (const country of countries) {
    const rings = country.rings
      .map((ring) => clipRing(ring, window))
      .filter((ring) => ring.length >= 3)
      .map((ring) => ring.map(project));
    if (rings.length === 0) continue;
    operations.push({
      kind: 'polygon',
      rings,
      fill: country.home ? '#bdbdbd' : '#f2f0eb',
      stroke: country.home ? '#5a5a5a' : '#a8a8a8',
      lineWidth: 0.5,
    });
  }
  const shown = clipRing(
    [
      [extent.west, extent.south],
      [extent.east, extent.south],
      [extent.east, extent.north],
      [extent.west, extent.north],
    ],
    window,
  ).map(project);
  if (shown.length < 3) return;
  const xs = shown.map((point) => point[0]);
  const ys = shown.map((point) => point[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  // A small extent (a commune) still gets a visible mark: at least 5 units square.
  const width = Math.max(5, Math.max(...xs) - left);
  const height = Math.max(5, Math.max(...ys) - top);
  const centerX = left + (Math.max(...xs) - left) / 2;
  const centerY = top + (Math.max(...ys) - top) / 2;
  operations.push({
    kind: 'rect',
    x: Math.max(box.x + 1, Math.min(box.x + box.width - width - 1, centerX - width / 2)),
    y: Math.max(box.y + 1, Math.min(box.y + box.height - height - 1, centerY - height / 2)),
    width: Math.min(width, box.width - 2),
    height: Math.min(height, box.height - 2),
    stroke: COLORS.sensitive,
    lineWidth: 1.4,
  });
}

export function drawNorthArrow(operations: DrawOperation[], map: Rectangle): void {
  const centerX = map.x + map.width - 30;
  const top = map.y + 12;
  operations.push(furnitureFrame(centerX - 17, top, 34, 50));
  const tipY = top + 20;
  const baseY = top + 45;
  operations.push({
    kind: 'polygon',
    rings: [
      [
        [centerX, tipY],
        [centerX - 8, baseY],
        [centerX, baseY - 7],
      ],
    ],
    fill: COLORS.black,
  });
  operations.push({
    kind: 'polygon',
    rings: [
      [
        [centerX, tipY],
        [centerX + 8, baseY],
        [centerX, baseY - 7],
      ],
    ],
    fill: COLORS.white,
    stroke: COLORS.black,
    lineWidth: 0.9,
  });
  operations.push({
    kind: 'text',
    x: centerX,
    y: top + 16,
    text: 'N',
    color: COLORS.black,
    align: 'center',
    size: 11,
    bold: true,
  });
}

export function drawScaleBar(
  operations: DrawOperation[],
  scale: ScaleBar,
  map: Rectangle,
  measure: Measure,
): void {
  const style = STYLES.small;
  const labelWidth = measure(scale.label, style);
  const left = map.x + 12;
  const boxWidth = scale.width + labelWidth / 2 + 24;
  const boxTop = map.y + map.height - 38;
  operations.push(furnitureFrame(left, boxTop, boxWidth, 28));
  const barX = left + 8;
  const barY = boxTop + 16;
  const half = scale.width / 2;
  operations.push({ kind: 'rect', x: barX, y: barY, width: half, height: 5, fill: COLORS.black });
  operations.push({
    kind: 'rect',
    x: barX + half,
    y: barY,
    width: half,
    height: 5,
    fill: COLORS.white,
    stroke: COLORS.black,
    lineWidth: 0.75,
  });
  operations.push({
    kind: 'rect',
    x: barX,
    y: barY,
    width: scale.width,
    height: 5,
    stroke: COLORS.black,
    lineWidth: 0.75,
  });
  operations.push({
    kind: 'text',
    x: barX,
    y: barY - 3,
    text: '0',
    color: COLORS.black,
    align: 'center',
    ...style,
  });
  operations.push({
    kind: 'text',
    x: barX + scale.width,
    y: barY - 3,
    text: scale.label,
    color: COLORS.black,
    align: 'center',
    ...style,
  });
}
