/**
 * Where a map product's labels go inside its frame. A label is tried at a few
 * positions around its anchor (on it, then above, below, right, left and the
 * corners, at three distances); a position is allowed only wholly inside the frame (less a
 * margin) and clear of the frame's furniture and of labels already placed,
 * and among the allowed ones the first that covers no large symbol and
 * crosses no outline is taken, else the one covering the fewest. A label with
 * no allowed position is dropped and counted, never clipped. Pure, in layout
 * units, so it is checked in Node without pixels.
 */

/** A rectangle in layout units: x, y its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label to place: its anchor, the size of its text box (halo included) and where its baseline sits in it. */
export interface LabelRequest {
  text: string;
  anchor: { x: number; y: number };
  width: number;
  height: number;
}

/** A symbol drawn on the map: labels avoid it when its radius reaches the threshold. */
export interface CircleSymbol {
  x: number;
  y: number;
  radius: number;
}

/** What a frame holds besides the labels. */
export interface PlacementScene {
  frame: Box;
  /** Space kept free inside the frame's edge. */
  margin: number;
  /** Boxes no label may touch (scale bar, north arrow, locator, sensitivity band). */
  furniture: readonly Box[];
  circles: readonly CircleSymbol[];
  /** Circles from this radius up are avoided where a free position exists. */
  largeRadius: number;
  /** Outlines (polylines) a label should rather not cross, such as gang-control boundaries. */
  outlines: readonly (readonly (readonly [number, number])[])[];
}

/** A placed label: its box (halo included) in layout units. */
export interface PlacedLabel {
  /** The label's position in the requests. */
  index: number;
  text: string;
  box: Box;
  /** Large symbols and outlines the chosen box still touches (0 when a free position was found). */
  conflicts: number;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Labels left out because no position kept them whole inside the frame and clear of other labels. */
  dropped: number;
}

/** Directions of a label's centre from its anchor, in multiples of half its size plus a gap: first wins on ties. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];

/** Space between an anchor and a label moved off it. */
const GAP = 3;
/** Further steps out from the anchor, in layout units: past a large circle (radius up to 30) if need be. */
const REACHES = [0, 14, 28] as const;
/** Places labels in the order given (the most important first). */
export function placeLabels(requests: readonly LabelRequest[], scene: PlacementScene): Placement {
  const inner: Box = {
    x: scene.frame.x + scene.margin,
    y: scene.frame.y + scene.margin,
    width: scene.frame.width - 2 * scene.margin,
    height: scene.frame.height - 2 * scene.margin,
  };
  const large = scene.circles.filter((circle) => circle.radius >= scene.largeRadius);
  const placed: PlacedLabel[] = [];
  let dropped = 0;
  for (const [index, request] of requests.entries()) {
    let best: PlacedLabel | null = null;
    for (const box of candidateBoxes(request)) {
      if (!contains(inner, box)) continue;
      if (scene.furniture.some((other) => overlaps(other, box))) continue;
      if (placed.some((other) => overlaps(other.box, box))) continue;
      const conflicts =
        2 * large.filter((circle) => circleTouches(circle, box)).length +
        scene.outlines.filter((outline) => lineCrosses(outline, box)).length;
      if (!best || conflicts < best.conflicts) best = { index, text: request.text, box, conflicts };
      if (conflicts === 0) break;
    }
    if (best) placed.push(best);
    else dropped++;
  }
  return { placed, dropped };
}

/** The label on its anchor, then around it at each reach. */
function candidateBoxes(request: LabelRequest): Box[] {
  const { anchor, width, height } = request;
  const at = (offsetX: number, offsetY: number): Box => ({
    x: anchor.x - width / 2 + offsetX,
    y: anchor.y - height / 2 + offsetY,
    width,
    height,
  });
  return [
    at(0, 0),
    ...REACHES.flatMap((reach) =>
      DIRECTIONS.map(([column, row]) =>
        at(column * (width / 2 + GAP + reach), row * (height / 2 + GAP + reach)),
      ),
    ),
  ];
}

/** Whether `inner` lies wholly inside `outer`. */
function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether two boxes share any area. */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a circle's disc reaches into a box. */
function circleTouches(circle: CircleSymbol, box: Box): boolean {
  const nearestX = Math.min(Math.max(circle.x, box.x), box.x + box.width);
  const nearestY = Math.min(Math.max(circle.y, box.y), box.y + box.height);
  return (circle.x - nearestX) ** 2 + (circle.y - nearestY) ** 2 < circle.radius ** 2;
}

/** Whether a polyline passes through a box (a segment with an end inside, or crossing an edge). */
function lineCrosses(line: readonly (readonly [number, number])[], box: Box): boolean {
  for (let index = 1; index < line.length; index++) {
    const start = line[index - 1];
    const end = line[index];
    if (start && end && segmentMeetsBox(start, end, box)) return true;
  }
  return false;
}

/** Liang–Barsky: whether any part of a segment lies inside a box. */
function segmentMeetsBox(
  start: readonly [number, number],
  end: readonly [number, number],
  box: Box,
): boolean {
  const deltaX = end[0] - start[0];
  const deltaY = end[1] - start[1];
  let low = 0;
  let high = 1;
  const edges: [number, number][] = [
    [-deltaX, start[0] - box.x],
    [deltaX, box.x + box.width - start[0]],
    [-deltaY, start[1] - box.y],
    [deltaY, box.y + box.height - start[1]],
  ];
  for (const [direction, distance] of edges) {
    if (direction === 0) {
      if (distance < 0) return false;
      continue;
    }
    const ratio = distance / direction;
    if (direction < 0) low = Math.max(low, ratio);
    else high = Math.min(high, ratio);
    if (low > high) return false;
  }
  return true;
}
