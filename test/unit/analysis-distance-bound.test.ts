/**
 * The planar lower bound in front of the exact great-circle distance must
 * never change an answer: nearestZone against a brute-force scan of every
 * edge with the same exact distance, on zones with many short edges (where
 * the bound skips most of them), with and without a search radius.
 */
import { describe, expect, it } from 'vitest';
import { hazardZones, randomPositions } from '../../bench/workloads';
import {
  distanceToSegmentMetres,
  firstZoneAt,
  nearestZone,
  prepareZoneEdges,
  prepareZones,
} from '../../workers/analysis/index';

const zones = hazardZones(20, 200, 3);
const edges = prepareZoneEdges(prepareZones(zones));
const geometries = zones.features.map((zone) => zone.geometry);

/** Every edge measured exactly: nearest wins, ties to the lowest zone. */
function bruteForce(x: number, y: number, maximumMeters: number): { zone: number; meters: number } {
  const inside = firstZoneAt(edges.zones, x, y);
  if (inside >= 0) return { zone: inside, meters: 0 };
  let zone = -1;
  let meters = Infinity;
  const coordinates = edges.zones.coordinates;
  for (let edge = 0; edge < edges.edgeStarts.length; edge += 1) {
    const vertex = edges.edgeStarts[edge]! * 2;
    const distance = distanceToSegmentMetres(
      x,
      y,
      coordinates[vertex]!,
      coordinates[vertex + 1]!,
      coordinates[vertex + 2]!,
      coordinates[vertex + 3]!,
    );
    const edgeZone = edges.edgeZone[edge]!;
    if (distance < meters || (distance === meters && edgeZone < zone)) {
      meters = distance;
      zone = edgeZone;
    }
  }
  return meters > maximumMeters ? { zone: -1, meters: Infinity } : { zone, meters };
}

describe('nearest zone with a lower bound before the exact distance', () => {
  // Sites all over the extent, 5 % on vertices: near, far, inside and on the boundary.
  const sites = randomPositions(400, 4, geometries, 0.05);

  it('finds exactly what a scan of every edge finds, without a radius', () => {
    for (const [x, y] of sites) expect(nearestZone(edges, x!, y!)).toEqual(bruteForce(x!, y!, Infinity));
  });

  it('finds exactly what a scan of every edge finds within 1 km and within 10 km', () => {
    for (const radius of [1000, 10_000]) {
      for (const [x, y] of sites)
        expect(nearestZone(edges, x!, y!, radius)).toEqual(bruteForce(x!, y!, radius));
    }
  });
});
