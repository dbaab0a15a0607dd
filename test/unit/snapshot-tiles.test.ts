/**
 * A print-size capture in tiles: the plan covers the frame with tiles whose
 * device size is whole (so they meet without a seam), each tile's camera sits
 * exactly one tile away from its neighbour's, and the stitched pixels put
 * every tile in its place, rows bottom-up as GL reads them, cropped at the
 * frame.
 */
import { describe, expect, it } from 'vitest';
import type { Camera } from '../../src/map/camera';
import type { MapPixels } from '../../src/map/snapshot-capture';
import { stitchTiles, type TilePlan, tileCamera, tilePlan } from '../../src/map/snapshot-tiles';

const PRINT = 300 / 96;
const CAMERA: Camera = { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0, pitch: 0 };

const mercator = (camera: Camera) => {
  const world = 512 * 2 ** camera.zoom;
  const sine = Math.sin((camera.latitude * Math.PI) / 180);
  return {
    x: ((camera.longitude + 180) / 360) * world,
    y: (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world,
  };
};

describe('tiled capture', () => {
  it('leaves a screen-sized capture whole and tiles A4 and A3 frames at 300 ppi', () => {
    expect(tilePlan({ width: 1100, height: 700 }, 1)).toBeNull();
    expect(tilePlan({ width: 840, height: 480 }, 2)).toBeNull();
    for (const frame of [
      { width: 838, height: 480 },
      { width: 1207, height: 700 },
      { width: 520, height: 760 },
    ]) {
      const plan = tilePlan(frame, PRINT) as TilePlan;
      expect(plan).not.toBeNull();
      expect([plan.width, plan.height]).toEqual([
        Math.round(frame.width * PRINT),
        Math.round(frame.height * PRINT),
      ]);
      const deviceWidth = plan.tileWidth * PRINT;
      const deviceHeight = plan.tileHeight * PRINT;
      expect(Number.isInteger(deviceWidth) && Number.isInteger(deviceHeight)).toBe(true);
      // Each tile's buffer is at most a quarter of an A3 frame's.
      expect(deviceWidth * deviceHeight).toBeLessThanOrEqual(1400 * 1400);
      const last = plan.tiles.at(-1);
      expect((last?.x ?? 0) + deviceWidth).toBeGreaterThanOrEqual(plan.width);
      expect((last?.y ?? 0) + deviceHeight).toBeGreaterThanOrEqual(plan.height);
    }
  });

  it('moves the camera by exactly one tile between neighbours, from the frame’s top-left corner', () => {
    const frame = { width: 838, height: 480 };
    const plan = tilePlan(frame, PRINT) as TilePlan;
    const [first, right, below] = [plan.tiles[0], plan.tiles[1], plan.tiles.find((tile) => tile.row === 1)];
    if (!first || !right || !below) throw new Error('expected a 2 × 2 plan');
    const centre = mercator(CAMERA);
    const at = mercator(tileCamera(CAMERA, frame, plan, first));
    expect(at.x - centre.x).toBeCloseTo(plan.tileWidth / 2 - frame.width / 2, 6);
    expect(at.y - centre.y).toBeCloseTo(plan.tileHeight / 2 - frame.height / 2, 6);
    expect(mercator(tileCamera(CAMERA, frame, plan, right)).x - at.x).toBeCloseTo(plan.tileWidth, 6);
    expect(mercator(tileCamera(CAMERA, frame, plan, below)).y - at.y).toBeCloseTo(plan.tileHeight, 6);
    expect(tileCamera(CAMERA, frame, plan, right).zoom).toBe(CAMERA.zoom);
  });

  it('stitches tiles into the frame’s pixels, bottom row first, cropping what reaches past the frame', () => {
    // A 5 × 3 frame in 3 × 2 tiles: two columns, two rows; the second column and row are cropped.
    const plan: TilePlan = {
      width: 5,
      height: 3,
      tileWidth: 3,
      tileHeight: 2,
      tiles: [
        { column: 0, row: 0, x: 0, y: 0 },
        { column: 1, row: 0, x: 3, y: 0 },
        { column: 0, row: 1, x: 0, y: 2 },
        { column: 1, row: 1, x: 3, y: 2 },
      ],
    };
    /** A tile whose every pixel says its tile and its row from the top. */
    const tilePixels = (index: number): MapPixels => {
      const pixels = new Uint8Array(3 * 2 * 4);
      for (let rowFromBottom = 0; rowFromBottom < 2; rowFromBottom++)
        for (let x = 0; x < 3; x++)
          pixels.set([index, 1 - rowFromBottom, x, 255], (rowFromBottom * 3 + x) * 4);
      return { width: 3, height: 2, pixels };
    };
    const stitched = stitchTiles(
      plan,
      plan.tiles.map((tile, index) => ({ tile, pixels: tilePixels(index) })),
    );
    const pixel = (x: number, yFromTop: number) => {
      const offset = ((stitched.height - 1 - yFromTop) * stitched.width + x) * 4;
      return [...stitched.pixels.subarray(offset, offset + 3)];
    };
    expect(pixel(0, 0)).toEqual([0, 0, 0]);
    expect(pixel(2, 1)).toEqual([0, 1, 2]);
    expect(pixel(3, 0)).toEqual([1, 0, 0]);
    expect(pixel(4, 1)).toEqual([1, 1, 1]);
    expect(pixel(1, 2)).toEqual([2, 0, 1]);
    expect(pixel(4, 2)).toEqual([3, 0, 1]);
    expect(stitched.pixels.length).toBe(5 * 3 * 4);
  });
});
