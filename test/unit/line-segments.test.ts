import { polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { outlineSegments, pathSegments, ringSegments } from '../../src/map/line-segments';
import { SEGMENT_VERTICES } from '../../src/map/vertex-layers';

/** The segments' (start, end) pairs, read from their first vertex, and a check that all six agree. */
function pairs(segments: {
  segments: number;
  attributes: { getSourcePosition: { value: Float64Array }; getTargetPosition: { value: Float64Array } };
}): number[][] {
  const { getSourcePosition: sources, getTargetPosition: targets } = segments.attributes;
  const result: number[][] = [];
  for (let segment = 0; segment < segments.segments; segment += 1) {
    const first = segment * SEGMENT_VERTICES * 2;
    for (let vertex = 1; vertex < SEGMENT_VERTICES; vertex += 1) {
      expect(sources.value[first + vertex * 2]).toBe(sources.value[first]);
      expect(targets.value[first + vertex * 2 + 1]).toBe(targets.value[first + 1]);
    }
    result.push([
      sources.value[first] ?? Number.NaN,
      sources.value[first + 1] ?? Number.NaN,
      targets.value[first] ?? Number.NaN,
      targets.value[first + 1] ?? Number.NaN,
    ]);
  }
  return result;
}

describe('line segments', () => {
  it('turns a drawing path into one segment per step, six vertices each', () => {
    const segments = pathSegments([
      [-72.3, 18.5],
      [-72.2, 18.5],
      [-72.2, 18.6],
    ]);
    expect(segments.length).toBe(2 * SEGMENT_VERTICES);
    expect(pairs(segments)).toEqual([
      [-72.3, 18.5, -72.2, 18.5],
      [-72.2, 18.5, -72.2, 18.6],
    ]);
    expect(pathSegments([[-72.3, 18.5]]).length).toBe(0);
  });

  it('outlines every ring of an area in its colour', () => {
    const square = polygon([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
    const outline = outlineSegments([square], () => [10, 20, 30, 255]);
    expect(pairs(outline)).toEqual([
      [0, 0, 1, 0],
      [1, 0, 1, 1],
      [1, 1, 0, 0],
    ]);
    expect([...outline.attributes.getColor.value.subarray(0, 4)]).toEqual([10, 20, 30, 255]);
    expect(outline.attributes.getColor.value).toHaveLength(3 * SEGMENT_VERTICES * 4);
    // The same rings for an outline of one colour, which carries none of its own.
    const plain = ringSegments([square]);
    expect(pairs(plain)).toEqual(pairs(outline));
    expect(plain.attributes).not.toHaveProperty('getColor');
  });
});
