/** Pixel statistics of PNG screenshots, to assert what the map actually drew. */
import { PNG } from 'pngjs';

export type Colour = readonly [number, number, number];

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Counts pixels whose every channel is within `tolerance` of `colour`, optionally inside a region. */
export function countColour(png: Buffer, colour: Colour, tolerance = 12, region?: Region): number {
  const image = PNG.sync.read(png);
  const left = region?.x ?? 0;
  const top = region?.y ?? 0;
  const right = Math.min(image.width, left + (region?.width ?? image.width));
  const bottom = Math.min(image.height, top + (region?.height ?? image.height));
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const offset = (y * image.width + x) * 4;
      if (
        Math.abs((image.data[offset] ?? 0) - colour[0]) <= tolerance &&
        Math.abs((image.data[offset + 1] ?? 0) - colour[1]) <= tolerance &&
        Math.abs((image.data[offset + 2] ?? 0) - colour[2]) <= tolerance
      ) {
        count++;
      }
    }
  }
  return count;
}

/** Number of distinct colours (quantised to 5 bits a channel): a blank canvas has very few. */
export function distinctColours(png: Buffer, region?: Region): number {
  const image = PNG.sync.read(png);
  const seen = new Set<number>();
  const left = region?.x ?? 0;
  const top = region?.y ?? 0;
  const right = Math.min(image.width, left + (region?.width ?? image.width));
  const bottom = Math.min(image.height, top + (region?.height ?? image.height));
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const offset = (y * image.width + x) * 4;
      seen.add(
        ((image.data[offset] ?? 0) >> 3) |
          (((image.data[offset + 1] ?? 0) >> 3) << 5) |
          (((image.data[offset + 2] ?? 0) >> 3) << 10),
      );
    }
  }
  return seen.size;
}

/** The map without its edge controls (zoom buttons, scale bar, attribution), whose text is grey too. */
export function mapInterior(png: Buffer): Region {
  const image = PNG.sync.read(png);
  return { x: 0, y: 0, width: image.width - 60, height: image.height - 50 };
}
