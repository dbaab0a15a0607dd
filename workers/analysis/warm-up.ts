/**
 * Warms the engine's hot paths in a fresh worker: the first call of a
 * function runs in V8's baseline tiers and costs several times a later one,
 * so a worker that runs this once after loading answers its first real
 * analysis at full speed. Synthetic, deterministic, small (a few tens of
 * milliseconds); results are discarded.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { containmentOfPoints, firstZoneAt } from './point-in-zone';
import { nearestPointsOf, preparePoints } from './prepared-points';
import { prepareZones } from './prepared-zones';
import { nearestZonesOfPoints, prepareZoneEdges } from './zone-distance';

/** A closed star ring of `vertices` vertices around (x, y), counter-clockwise or not. */
function starRing(x: number, y: number, radius: number, vertices: number, clockwise: boolean): Position[] {
  const ring: Position[] = [];
  for (let vertex = 0; vertex < vertices; vertex += 1) {
    const angle = ((clockwise ? -vertex : vertex) / vertices) * 2 * Math.PI;
    const distance = radius * (vertex % 2 === 0 ? 1 : 0.8);
    ring.push([x + distance * Math.cos(angle), y + distance * Math.sin(angle)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

/** Zones with holes on a 6 × 4 grid over a Haiti-sized extent. */
function warmUpZones(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (let zone = 0; zone < 24; zone += 1) {
    const x = -74.3 + (zone % 6) * 0.45;
    const y = 18.2 + Math.floor(zone / 6) * 0.45;
    const rings = [starRing(x, y, 0.2, 60, false)];
    if (zone % 3 === 0) rings.push(starRing(x, y, 0.06, 12, true));
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } });
  }
  return { type: 'FeatureCollection', features };
}

/** Interleaved coordinates on a regular lattice, some on zone vertices (boundary cases). */
function warmUpPoints(zones: FeatureCollection<Polygon>, count: number): Float64Array {
  const points = new Float64Array(count * 2);
  for (let point = 0; point < count; point += 1) {
    if (point % 50 === 0) {
      const ring = zones.features[point % zones.features.length]!.geometry.coordinates[0]!;
      const vertex = ring[point % (ring.length - 1)]!;
      points[point * 2] = vertex[0]!;
      points[point * 2 + 1] = vertex[1]!;
    } else {
      points[point * 2] = -74.5 + ((point * 0.618034) % 1) * 2.9;
      points[point * 2 + 1] = 18.0 + ((point * 0.414214) % 1) * 2.0;
    }
  }
  return points;
}

/**
 * Runs point-in-zone, distance to zones and nearest point a few times on
 * synthetic data. Returns a checksum only so that no work can be skipped.
 */
export function warmUpEngine(rounds = 4): number {
  const zones = warmUpZones();
  const points = warmUpPoints(zones, 4000);
  let checksum = 0;
  for (let round = 0; round < rounds; round += 1) {
    const prepared = prepareZones(zones);
    checksum += containmentOfPoints(points, prepared).zoneIndices.length;
    checksum += firstZoneAt(prepared, points[2]!, points[3]!);
    const edges = prepareZoneEdges(prepared);
    const near = nearestZonesOfPoints(points, edges, 20_000, 0, 1000);
    checksum += near.zones[0]!;
    checksum += nearestZonesOfPoints(points, edges, Infinity, 0, 200).zones[0]!;
    const targets = preparePoints(points.subarray(0, 1000));
    checksum += nearestPointsOf(points, targets, 1000, 2000).indices[0]!;
  }
  return checksum;
}
