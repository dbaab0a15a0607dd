/**
 * Golden fixtures: each test/fixtures/analysis/<case>.geojson holds zones,
 * sites and targets (by `properties.role`); <case>.expected.json holds the
 * expected contract outputs. Regenerate with UPDATE_GOLDEN=1 after checking
 * the change is wanted; either way the expectations are checked against Turf.
 * A missing expected file fails: writing one silently would make the test pass
 * whatever the engine answers.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { booleanPointInPolygon, nearestPoint } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceToNearestZone, nearestTargets, zonesContainingSites } from '../../workers/analysis/index';

const directory = new URL('../fixtures/analysis/', import.meta.url);
const cases = readdirSync(directory).filter((name) => name.endsWith('.geojson'));

function byRole<G extends Point | Polygon | MultiPolygon>(
  collection: FeatureCollection,
  role: string,
): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: collection.features.filter((feature) => feature.properties?.role === role) as never,
  };
}

describe('golden fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  for (const name of cases) {
    it(name, () => {
      const input = JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as FeatureCollection;
      const zones = byRole<Polygon | MultiPolygon>(input, 'zone');
      const sites = byRole<Point>(input, 'site');
      const targets = byRole<Point>(input, 'target');
      const actual = {
        zonesContainingSites: zonesContainingSites(sites, zones),
        // Centimetres: enough to catch a change, not so fine that float noise churns the file.
        distanceToNearestZoneMeters: Array.from(
          distanceToNearestZone(sites, zones),
          (meters) => Math.round(meters * 100) / 100,
        ),
        nearestTargets:
          targets.features.length > 0
            ? nearestTargets(sites, targets).map(({ index, meters }) => ({
                index,
                meters: Math.round(meters * 100) / 100,
              }))
            : [],
      };
      const expectedFile = new URL(name.replace(/\.geojson$/, '.expected.json'), directory);
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 1)}\n`);
      }
      expect(
        existsSync(expectedFile),
        `${name}: no expected file; write it with UPDATE_GOLDEN=1 after checking the answers`,
      ).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      // The golden answers are Turf's answers.
      sites.features.forEach((site, index) => {
        const turf = zones.features.flatMap((zone, zoneIndex) =>
          booleanPointInPolygon(site, zone) ? [zoneIndex] : [],
        );
        expect(actual.zonesContainingSites[index]).toEqual(turf);
        if (targets.features.length > 0)
          expect(actual.nearestTargets[index]!.index).toBe(
            nearestPoint(site, targets).properties.featureIndex,
          );
      });
    });
  }
});
