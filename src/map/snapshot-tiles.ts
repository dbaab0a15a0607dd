/**
 * A large capture in tiles: the frame is rendered as a few smaller views at
 * the print pixel ratio, each with the camera moved to its tile's centre, and
 * their pixels are put side by side into the frame's. The map's drawing
 * buffer then never grows to the print size (a 300 ppi A3 frame is about
 * 8 million pixels), whose synchronous resize held the page for seconds on
 * software WebGL. Pure: the plan, the cameras and the stitching.
 */
import type { Camera } from './camera';

/** RGBA pixels, bottom row first (snapshot-capture.ts's MapPixels, by shape: no import back). */
interface Pixels {
  width: number;
  height: number;
  pixels: Uint8Array<ArrayBuffer>;
}

/** The largest capture drawn in one piece, in device pixels (an A4 PNG at 2× stays whole). */
const SINGLE_CAPTURE_PIXELS = 2_000_000;
/** The longest side of a tile, in device pixels. */
const TILE_SIDE = 1400;
const TILE_SIZE = 512;

/** One tile: its column and row, and its place in the frame in device pixels. */
export interface Tile {
  column: number;
  row: number;
  /** Left and top edge in the frame, in device pixels. */
  x: number;
  y: number;
}

/** How a frame is captured: its size in device pixels, and its tiles (one when it is small). */
export interface TilePlan {
  width: number;
  height: number;
  /** Every tile's CSS size (tiles share one size; the last column and row may reach past the frame). */
  tileWidth: number;
  tileHeight: number;
  tiles: Tile[];
}

/** A CSS length from `wanted` up whose device length at `pixelRatio` is whole, so tiles meet without seams. */
function wholeDeviceLength(wanted: number, pixelRatio: number): number {
  for (let length = Math.ceil(wanted); length < Math.ceil(wanted) + 64; length++) {
    const device = length * pixelRatio;
    if (Math.abs(device - Math.round(device)) < 1e-6) return length;
  }
  return Math.ceil(wanted);
}

/** Splits a frame (CSS pixels) at a pixel ratio into tiles; null when one capture is small enough. */
export function tilePlan(frame: { width: number; height: number }, pixelRatio: number): TilePlan | null {
  const width = Math.round(frame.width * pixelRatio);
  const height = Math.round(frame.height * pixelRatio);
  if (width * height <= SINGLE_CAPTURE_PIXELS) return null;
  const columns = Math.ceil(width / TILE_SIDE);
  const rows = Math.ceil(height / TILE_SIDE);
  const tileWidth = wholeDeviceLength(frame.width / columns, pixelRatio);
  const tileHeight = wholeDeviceLength(frame.height / rows, pixelRatio);
  const deviceWidth = Math.round(tileWidth * pixelRatio);
  const deviceHeight = Math.round(tileHeight * pixelRatio);
  const tiles: Tile[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++)
      tiles.push({ column, row, x: column * deviceWidth, y: row * deviceHeight });
  return { width, height, tileWidth, tileHeight, tiles };
}

/**
 * The camera of one tile: the frame's camera moved by the distance from the frame's centre to the
 * tile's, in CSS pixels at the frame's zoom (turned by the bearing), in Web Mercator.
 */
export function tileCamera(
  camera: Camera,
  frame: { width: number; height: number },
  plan: TilePlan,
  tile: Tile,
): Camera {
  const world = TILE_SIZE * 2 ** camera.zoom;
  const offsetX = (tile.column + 0.5) * plan.tileWidth - frame.width / 2;
  const offsetY = (tile.row + 0.5) * plan.tileHeight - frame.height / 2;
  const angle = (camera.bearing * Math.PI) / 180;
  const sine = Math.sin(camera.latitude * (Math.PI / 180));
  const centreX = ((camera.longitude + 180) / 360) * world;
  const centreY = (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world;
  const x = centreX + offsetX * Math.cos(angle) - offsetY * Math.sin(angle);
  const y = centreY + offsetX * Math.sin(angle) + offsetY * Math.cos(angle);
  return {
    ...camera,
    longitude: (x / world) * 360 - 180,
    latitude: (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI,
  };
}

/** Puts tiles' pixels (rows bottom-up, as GL reads them) into one frame's, cropping what reaches past it. */
export function stitchTiles(plan: TilePlan, tiles: readonly { tile: Tile; pixels: Pixels }[]): Pixels {
  const pixels = new Uint8Array(plan.width * plan.height * 4);
  for (const { tile, pixels: part } of tiles) {
    const columns = Math.min(part.width, plan.width - tile.x);
    for (let rowFromTop = 0; rowFromTop < part.height; rowFromTop++) {
      const frameRow = tile.y + rowFromTop;
      if (frameRow >= plan.height) break;
      const source = (part.height - 1 - rowFromTop) * part.width * 4;
      const target = ((plan.height - 1 - frameRow) * plan.width + tile.x) * 4;
      pixels.set(part.pixels.subarray(source, source + columns * 4), target);
    }
  }
  return { width: plan.width, height: plan.height, pixels };
}
