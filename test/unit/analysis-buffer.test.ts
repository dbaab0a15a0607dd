/**
 * Why access uses exact distances: turf.buffer approximates the arc around a
 * corner with straight chords (and projects), so "buffer, then contains"
 * misclassifies sites near the threshold. Regression guard for that choice.
 */
import { booleanPointInPolygon, buffer, destination, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceToNearestZone } from '../../workers/analysis/index';
import { pointCollection } from '../fixtures/analysis/arbitraries';

const zone: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-72.34, 18.54],
        [-72.33, 18.54],
        [-72.33, 18.55],
        [-72.34, 18.55],
        [-72.34, 18.54],
      ],
    ],
  },
};

describe('distance to zone versus buffer-then-contains', () => {
  it('classifies sites 998 m off a corner as within 1 km where the buffer says outside', () => {
    const zoneBuffer = buffer(zone, 1, { units: 'kilometers' })!;
    // Walk round the north-east corner at 998 m: the true distance is 998 m in every direction of that
    // quadrant, but the buffer's chords sag up to ~5 m inside the arc.
    const candidates = Array.from({ length: 90 }, (_value, step) =>
      destination([-72.33, 18.55], 0.998, 0.5 + step, { units: 'kilometers' }),
    );
    const missed = candidates.filter((candidate) => !booleanPointInPolygon(candidate, zoneBuffer));
    expect(missed.length).toBeGreaterThan(0);
    const ours = distanceToNearestZone(
      pointCollection(missed.map((candidate) => candidate.geometry.coordinates)),
      { type: 'FeatureCollection', features: [zone] },
    );
    missed.forEach((candidate, index) => {
      const turfMeters = pointToPolygonDistance(candidate, zone, { units: 'meters' });
      expect(ours[index]).toBeLessThan(1000);
      expect(Math.abs(ours[index]! - turfMeters)).toBeLessThan(1);
    });
  });
});
