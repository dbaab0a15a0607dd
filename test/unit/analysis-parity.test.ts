/**
 * Property-based parity with Turf 7.4: random zones (holes, MultiPolygons,
 * points on vertices and edge midpoints) and random sites, our indexed
 * answers against the naive Turf loops.
 */
import { booleanPointInPolygon, nearestPoint, pointToPolygonDistance } from '@turf/turf';
import fc from 'fast-check';
import type { FeatureCollection, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceToNearestZone, nearestTargets, zonesContainingSites } from '../../workers/analysis/index';
import { pointCollection, zonesAndSitesArbitrary } from '../fixtures/analysis/arbitraries';

/** Within 1 m or 0.5 %, the tolerance the issue sets for distances. */
function closeEnough(ours: number, turf: number): boolean {
  return Math.abs(ours - turf) <= Math.max(1, 0.005 * Math.abs(turf));
}

describe('zonesContainingSites', () => {
  it('matches booleanPointInPolygon for every site and zone, boundaries and holes included', () => {
    fc.assert(
      fc.property(zonesAndSitesArbitrary, ({ zones, sites }) => {
        const ours = zonesContainingSites(sites, zones);
        sites.features.forEach((site, index) => {
          const expected = zones.features.flatMap((zone, zoneIndex) =>
            booleanPointInPolygon(site, zone) ? [zoneIndex] : [],
          );
          expect(ours[index], `site ${JSON.stringify(site.geometry.coordinates)}`).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('counts a point on a hole edge as inside, as Turf does', () => {
    const zones: FeatureCollection<import('geojson').Polygon> = {
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
                [0, 0],
              ],
              [
                [4, 4],
                [4, 6],
                [6, 6],
                [6, 4],
                [4, 4],
              ],
            ],
          },
        },
      ],
    };
    const sites = pointCollection([
      [5, 5],
      [4, 5],
      [6, 6],
      [5, 4],
      [0, 5],
      [10, 10],
      [11, 5],
    ]);
    const expected = sites.features.map((site) =>
      booleanPointInPolygon(site, zones.features[0]!) ? [0] : [],
    );
    expect(zonesContainingSites(sites, zones)).toEqual(expected);
    expect(expected).toEqual([[], [0], [0], [0], [0], [0], []]);
  });
});

describe('distanceToNearestZone', () => {
  it('matches the minimum of pointToPolygonDistance over zones (0 inside) within 1 m or 0.5 %', () => {
    fc.assert(
      fc.property(zonesAndSitesArbitrary, ({ zones, sites }) => {
        const ours = distanceToNearestZone(sites, zones);
        sites.features.forEach((site, index) => {
          let expected = Infinity;
          for (const zone of zones.features) {
            const meters = booleanPointInPolygon(site, zone)
              ? 0
              : Math.abs(pointToPolygonDistance(site, zone, { units: 'meters' }));
            expected = Math.min(expected, meters);
          }
          const value = ours[index]!;
          expect(closeEnough(value, expected), `site ${index}: ours ${value}, Turf ${expected}`).toBe(true);
        });
      }),
      { numRuns: 120 },
    );
  });
});

const targetsArbitrary = fc
  .array(
    fc.oneof(
      // Coarse grid: duplicates and equidistant targets, to exercise tie-breaking.
      fc
        .tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }))
        .map(([x, y]): Position => [-72.5 + x / 32, 18.8 + y / 32]),
      fc
        .tuple(
          fc.double({ min: -74, max: -71.5, noNaN: true }),
          fc.double({ min: 17.5, max: 20, noNaN: true }),
        )
        .map(([x, y]): Position => [x, y]),
    ),
    { minLength: 1, maxLength: 200 },
  )
  .map(pointCollection);

describe('nearestTargets', () => {
  it('picks the same target as turf.nearestPoint, ties included', () => {
    fc.assert(
      fc.property(
        targetsArbitrary,
        targetsArbitrary,
        (sites: FeatureCollection<Point>, targets: FeatureCollection<Point>) => {
          const ours = nearestTargets(sites, targets);
          sites.features.forEach((site, index) => {
            const turf = nearestPoint(site, targets);
            expect(ours[index]!.index).toBe(turf.properties.featureIndex);
            expect(closeEnough(ours[index]!.meters, turf.properties.distanceToPoint * 1000)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('distanceToNearestZone regressions', () => {
  it('finds a site just north of the middle of a long east–west edge (the arc bows out of the edge box)', () => {
    const zones: FeatureCollection<import('geojson').Polygon> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-73.078125, 18.21875],
                [-73, 18.03125],
                [-72.921875, 18.21875],
                [-73.078125, 18.21875],
              ],
            ],
          },
        },
      ],
    };
    const site = pointCollection([[-72.95262001747572, 18.21876000329199]]);
    const expected = Math.abs(
      pointToPolygonDistance(site.features[0]!, zones.features[0]!, { units: 'meters' }),
    );
    expect(expected).toBeLessThan(1);
    expect(Math.abs(distanceToNearestZone(site, zones)[0]! - expected)).toBeLessThan(1);
  });
});
