/**
 * Commune outlines are cut into dash segments for the zoom step (a shader
 * dash cost a third of the first map idle on software WebGL): the dashes lie
 * on the outline, are 4 pixels long on screen, stay the same arrays for a
 * step, and stop getting finer past zoom 12.
 */
import { describe, expect, it } from 'vitest';
import type { AdminAreaCollection } from '../../src/domain/types';
import { COMMUNE_DASH, communeDashes } from '../../src/map/admin-parts';

const square: AdminAreaCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { pcode: 'HT0111', name: 'Commune', level: 2, parentPcode: 'HT01', parentName: 'Ouest' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-72.4, 18.5],
            [-72.3, 18.5],
            [-72.3, 18.6],
            [-72.4, 18.6],
            [-72.4, 18.5],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { pcode: 'HT01', name: 'Ouest', level: 1 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-73, 18],
            [-72, 18],
            [-72, 19],
            [-73, 19],
            [-73, 18],
          ],
        ],
      },
    },
  ],
} as AdminAreaCollection;

/** Screen pixels per degree of longitude at zoom z (512-pixel tiles). */
const pixelsPerDegree = (zoom: number) => (512 * 2 ** zoom) / 360;

describe('commune dashes', () => {
  it('cuts only communes, with their properties, into 4-pixel dashes on the outline', () => {
    const dashes = communeDashes(square, 10);
    expect(dashes).toHaveLength(1);
    expect(dashes[0]!.properties.pcode).toBe('HT0111');
    const segments = dashes[0]!.geometry.coordinates;
    // Perimeter in pixels at zoom 10 along the bottom edge alone: 0.1° of longitude.
    const bottomPixels = 0.1 * pixelsPerDegree(10);
    const bottom = segments.filter(([start, end]) => start![1] === 18.5 && end![1] === 18.5);
    expect(bottom.length).toBeGreaterThan(
      Math.floor(bottomPixels / (COMMUNE_DASH.dash + COMMUNE_DASH.gap)) - 1,
    );
    for (const [start, end] of bottom) {
      const length = (end![0]! - start![0]!) * pixelsPerDegree(10);
      expect(length).toBeGreaterThan(0);
      expect(length).toBeLessThanOrEqual(COMMUNE_DASH.dash + 1e-6);
    }
    for (const segment of segments) {
      for (const [x, y] of segment) {
        const onOutline = x === -72.4 || x === -72.3 || y === 18.5 || y === 18.6;
        expect(onOutline || Math.abs(x! + 72.4) < 1e-9 || Math.abs(y! - 18.6) < 1e-9).toBe(true);
      }
    }
  });

  it('returns the same arrays for a zoom step, and the zoom-12 dashes beyond it', () => {
    expect(communeDashes(square, 9.5)).toBe(communeDashes(square, 9.5));
    expect(communeDashes(square, 14)).toBe(communeDashes(square, 12));
    expect(communeDashes(square, 11)[0]!.geometry.coordinates.length).toBeGreaterThan(
      communeDashes(square, 9)[0]!.geometry.coordinates.length,
    );
  });
});
