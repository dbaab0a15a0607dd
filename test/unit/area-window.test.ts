import { booleanPointInPolygon, area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areasInWindow, placedInWindow } from '../../src/map/area-window';

const square = (west: number, south: number, size: number): [number, number][] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];
const polygon = (id: string, rings: [number, number][][]): Feature<Polygon> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Polygon', coordinates: rings },
  properties: { name: id },
});
const window = { west: 0, south: 0, east: 10, north: 10 };

describe('areasInWindow', () => {
  it('draws every area as it is without a window (country zoom)', () => {
    const areas = [polygon('far', [square(50, 50, 1)])];
    expect(areasInWindow(areas, null)).toBe(areas);
  });

  it('leaves out areas outside the window, keeps those inside as they are, cuts those across its edge', () => {
    const inside = polygon('inside', [square(2, 2, 1)]);
    const outside = polygon('outside', [square(20, 20, 1)]);
    const across = polygon('across', [square(8, 8, 4)]);
    const drawn = areasInWindow([inside, outside, across], window);
    expect(drawn.map((area) => area.id)).toEqual(['inside', 'across']);
    expect(drawn[0]).toBe(inside);
    const cut = drawn[1] as Feature<Polygon>;
    // The same area for picking, its details and selection: id and properties kept.
    expect(cut.properties).toBe(across.properties);
    const corners = cut.geometry.coordinates[0] ?? [];
    for (const [longitude = Number.NaN, latitude = Number.NaN] of corners) {
      expect(longitude).toBeGreaterThanOrEqual(8);
      expect(longitude).toBeLessThanOrEqual(10);
      expect(latitude).toBeGreaterThanOrEqual(8);
      expect(latitude).toBeLessThanOrEqual(10);
    }
    // Exactly the part in the window: a 2 × 2 degree square.
    expect(turfArea(cut)).toBeCloseTo(turfArea(polygon('expected', [square(8, 8, 2)])), -3);
    expect(across.geometry.coordinates[0]).toEqual(square(8, 8, 4));
  });

  it('keeps the holes of a cut area, and drops the parts of a multipolygon outside the window', () => {
    const holed = polygon('holed', [square(-5, -5, 10), square(1, 1, 2)]);
    const [cut] = areasInWindow([holed], window) as Feature<Polygon>[];
    expect(cut?.geometry.coordinates).toHaveLength(2);
    expect(booleanPointInPolygon([2, 2], cut as Feature<Polygon>)).toBe(false);
    expect(booleanPointInPolygon([4, 4], cut as Feature<Polygon>)).toBe(true);
    const parts: Feature<MultiPolygon> = {
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[square(1, 1, 1)], [square(9, 9, 3)], [square(30, 30, 1)]],
      },
      properties: {},
    };
    const [multi] = areasInWindow([parts], window) as Feature<MultiPolygon>[];
    expect(multi?.geometry.coordinates).toHaveLength(2);
  });

  it('hands back the same array for the same window, and a new one for another', () => {
    const areas = [polygon('across', [square(8, 8, 4)])];
    const first = areasInWindow(areas, window);
    expect(areasInWindow(areas, window)).toBe(first);
    expect(areasInWindow(areas, { ...window })).not.toBe(first);
  });
});

describe('placedInWindow', () => {
  it('keeps the labels anchored in the window', () => {
    const labels = [
      { text: 'in', position: [5, 5] },
      { text: 'out', position: [15, 5] },
    ];
    expect(placedInWindow(labels, window).map((label) => label.text)).toEqual(['in']);
    expect(placedInWindow(labels, null)).toBe(labels);
    expect(placedInWindow(labels, window)).toBe(placedInWindow(labels, window));
  });
});
