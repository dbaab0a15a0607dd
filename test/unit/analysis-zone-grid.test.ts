/**
 * The uniform grid behind point-in-zone answers whole cells without an edge
 * test; these tests check it never changes an answer: many points per zone
 * (fine grids, most cells answered whole), points on vertices, on edge
 * midpoints and on grid lines, against Turf's booleanPointInPolygon, and the
 * same answers whatever size the grid was built for.
 */
import { booleanPointInPolygon } from '@turf/turf';
import fc from 'fast-check';
import type { FeatureCollection, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  containmentOfPoints,
  coordinatesOf,
  firstZoneAt,
  prepareZones,
  warmUpEngine,
  zonesAt,
  zonesContainingSites,
  zonesOfPoint,
} from '../../workers/analysis/index';
import { gridFor } from '../../workers/analysis/zone-grid';
import { boundaryPositions, pointCollection, zonesArbitrary } from '../fixtures/analysis/arbitraries';

/** Turf's answer for every site: ascending containing zone indices. */
function turfContainment(
  positions: Position[],
  zones: FeatureCollection<Polygon | import('geojson').MultiPolygon>,
): number[][] {
  return pointCollection(positions).features.map((site) =>
    zones.features.flatMap((zone, index) => (booleanPointInPolygon(site, zone) ? [index] : [])),
  );
}

/** Seeded uniform positions over the zones' extent, plus the boundary cases and grid-line points. */
function densePositions(
  zones: FeatureCollection<Polygon | import('geojson').MultiPolygon>,
  seed: number,
): Position[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const positions: Position[] = [];
  for (let index = 0; index < 3000; index += 1)
    positions.push([-73.4 + random() * 1.8, 17.6 + random() * 1.8]);
  positions.push(...boundaryPositions(zones));
  // Points on the grid's own lines: where a rounding slip would show.
  const grid = gridFor(prepareZones(zones), positions.length);
  for (let column = 0; column <= grid.columns; column += 7)
    for (let row = 0; row <= grid.rows; row += 7)
      positions.push([grid.minX + column / grid.scaleX, grid.minY + row / grid.scaleY]);
  return positions;
}

describe('zone grid', () => {
  it('answers like booleanPointInPolygon with thousands of points per layer (fine grids)', () => {
    fc.assert(
      fc.property(zonesArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (zones, seed) => {
        const positions = densePositions(zones, seed);
        const containment = containmentOfPoints(
          coordinatesOf(pointCollection(positions)),
          prepareZones(zones),
        );
        const expected = turfContainment(positions, zones);
        expected.forEach((zonesOfSite, site) => {
          expect(zonesOfPoint(containment, site), JSON.stringify(positions[site])).toEqual(zonesOfSite);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same answers whether the grid was sized for one point or for many', () => {
    fc.assert(
      fc.property(zonesArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (zones, seed) => {
        const positions = densePositions(zones, seed);
        const points = coordinatesOf(pointCollection(positions));
        const prepared = prepareZones(zones);
        // Single-point queries first: the grid is built coarse, then rebuilt finer for the bulk query.
        const single = positions.map(([x, y]) => zonesAt(prepared, x!, y!));
        const first = positions.map(([x, y]) => firstZoneAt(prepared, x!, y!));
        const bulk = containmentOfPoints(points, prepared);
        single.forEach((zonesOfSite, site) => {
          expect(zonesOfPoint(bulk, site)).toEqual(zonesOfSite);
          expect(first[site]).toBe(zonesOfSite[0] ?? -1);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('the contract answers dense sites like Turf, each site with its own array, none for a missing geometry', () => {
    fc.assert(
      fc.property(zonesArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (zones, seed) => {
        const positions = densePositions(zones, seed);
        const sites = pointCollection(positions);
        const lists = zonesContainingSites(sites, zones);
        expect(lists).toEqual(turfContainment(positions, zones));
        // A list is never shared between sites unless it is the frozen empty one: no change leaks to another site.
        const nonEmpty = lists.filter((list) => list.length > 0);
        expect(new Set(nonEmpty).size).toBe(nonEmpty.length);
        for (const list of lists) if (list.length === 0) expect(Object.isFrozen(list)).toBe(true);
      }),
      { numRuns: 20 },
    );
    const sites = pointCollection([[0, 0]]) as FeatureCollection<Point | null>;
    sites.features.push({ type: 'Feature', properties: {}, geometry: null });
    const square: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-1, -1],
                [1, -1],
                [1, 1],
                [-1, 1],
                [-1, -1],
              ],
            ],
          },
        },
      ],
    };
    expect(zonesContainingSites(sites as FeatureCollection<Point>, square)).toEqual([[0], []]);
  });

  it('tests every point of a part with an open ring exactly, cell by cell', () => {
    // An unclosed ring breaks the "whole cell has one answer" argument: such parts are never answered whole.
    const zones: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [10, 0],
                [10, 10],
                [0, 10],
                [0, 1],
              ],
            ],
          },
        },
      ],
    };
    const prepared = prepareZones(zones);
    const grid = gridFor(prepared, 10_000);
    let insideEntries = 0;
    for (let slot = 0; slot < grid.cellEntries.length; slot += 1)
      insideEntries += grid.cellEntries[slot]! & 1;
    expect(insideEntries).toBe(0);
  });
});

describe('engine warm-up', () => {
  it('runs the hot paths on synthetic data and leaves answers unchanged', () => {
    const zones = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {},
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [0, 0],
                [4, 0],
                [4, 4],
                [0, 4],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    const before = zonesAt(prepareZones(zones), 2, 2);
    expect(Number.isFinite(warmUpEngine(1))).toBe(true);
    expect(zonesAt(prepareZones(zones), 2, 2)).toEqual(before);
    expect(before).toEqual([0]);
  });
});
