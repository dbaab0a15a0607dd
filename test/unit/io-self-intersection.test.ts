import { kinks } from '@turf/turf';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findSelfIntersection } from '../../src/io/self-intersection';

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('findSelfIntersection', () => {
  it('finds the crossing of a bow-tie', () => {
    expect(
      findSelfIntersection([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    ).toEqual([1, 1]);
  });

  it('accepts simple rings, also with repeated consecutive vertices (no false alarm)', () => {
    expect(findSelfIntersection(square)).toBeUndefined();
    expect(
      findSelfIntersection([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBeUndefined();
    // A concave ring whose edges come close but do not meet.
    expect(
      findSelfIntersection([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 1],
        [0, 4],
        [0, 0],
      ]),
    ).toBeUndefined();
  });

  it('agrees with Turf kinks on whether random small rings cross themselves', () => {
    const coordinate = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 4, maxLength: 8 }), (points) => {
        const ring: Position[] = [...points, points[0] as [number, number]];
        const distinct = new Set(points.map((point) => point.join(','))).size === points.length;
        fc.pre(distinct);
        const ours = findSelfIntersection(ring) !== undefined;
        const turf = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
        // Turf counts proper crossings; we also flag an edge touching another, so ours ⊇ Turf's.
        if (turf) expect(ours).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
