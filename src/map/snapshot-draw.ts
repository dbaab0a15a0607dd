/**
 * The display list of a map product: drawing operations in layout units
 * (see snapshot-layout.ts). The PNG and PDF renderers draw the same list, so
 * the two outputs cannot disagree, and tests check the list for collisions
 * without pixels.
 */
import type { LegendSymbol } from './palette';
import type { TextStyle } from './snapshot-text';

export type Point = readonly [number, number];

/** Images the renderers are given beside the list: the captured map and the user's logo. */
export type ImageSlot = 'map' | 'logo';

export type DrawOperation =
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill?: string;
      stroke?: string;
      lineWidth?: number;
    }
  | ({
      kind: 'text';
      x: number;
      y: number;
      text: string;
      color: string;
      align?: 'left' | 'right' | 'center';
      /** An outline drawn under the letters (map labels), `width` its full stroke width. */
      halo?: { color: string; width: number };
    } & TextStyle)
  | { kind: 'line'; points: readonly Point[]; color: string; width: number }
  | {
      kind: 'polygon';
      /** One or more rings, filled with the even-odd rule. */
      rings: readonly (readonly Point[])[];
      fill?: string;
      stroke?: string;
      lineWidth?: number;
    }
  | { kind: 'circle'; x: number; y: number; radius: number; fill: string; stroke: string; lineWidth: number }
  | { kind: 'image'; slot: ImageSlot; x: number; y: number; width: number; height: number }
  | { kind: 'swatch'; x: number; y: number; size: number; symbol: LegendSymbol };
