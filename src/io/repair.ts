/**
 * Repairs the user accepted: swapping latitude/longitude, closing rings, and
 * splitting self-intersecting (bow-tie) polygons into simple parts with Turf's
 * `unkinkPolygon`. A split zone is marked `repaired: 'self-intersection'` in
 * its properties (kept through field mapping) so analyses can say which
 * zones were repaired. Returns a new collection; the input and its features
 * are never modified.
 */
import { unkinkPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Problem, RepairKind } from './problem';
import { REPAIRED_PROPERTY, SELF_INTERSECTION_REPAIRED } from './repair-marks';

/**
 * Applies accepted repairs to the features the problems point at. Problems
 * name the file's feature; `sourceIndexes` gives that index for each feature
 * of `collection` when it was prepared (a MultiPoint split into sites).
 */
export function applyRepairs(
  collection: FeatureCollection,
  problems: readonly Problem[],
  repairsAccepted: readonly RepairKind[],
  sourceIndexes?: readonly number[],
): FeatureCollection {
  const accepted = new Set(repairsAccepted);
  const repairsByFeature = new Map<number, Set<RepairKind>>();
  for (const problem of problems) {
    if (problem.repair === undefined || problem.featureIndex === undefined || !accepted.has(problem.repair))
      continue;
    const repairs = repairsByFeature.get(problem.featureIndex) ?? new Set<RepairKind>();
    repairs.add(problem.repair);
    repairsByFeature.set(problem.featureIndex, repairs);
  }
  const features = collection.features.map((feature, index) => {
    const repairs = repairsByFeature.get(sourceIndexes?.[index] ?? index);
    if (!repairs || !feature?.geometry) return feature;
    try {
      let geometry: Geometry = structuredClone(feature.geometry);
      if (repairs.has('swap-coordinates'))
        geometry = mapPositions(geometry, ([x, y, ...rest]) => [y as number, x as number, ...rest]);
      if (repairs.has('close-ring')) geometry = closeRings(geometry);
      if (repairs.has('unkink') && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
        return {
          ...feature,
          geometry: unkink(geometry),
          properties: { ...(feature.properties ?? {}), [REPAIRED_PROPERTY]: SELF_INTERSECTION_REPAIRED },
        } as Feature;
      }
      return { ...feature, geometry } as Feature;
    } catch {
      // A geometry too malformed to repair stays as it was; validation still reports it.
      return feature;
    }
  });
  return { ...collection, features };
}

function mapPositions(geometry: Geometry, change: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: change(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(change) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(change)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(change))),
      };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((member) => mapPositions(member, change)) };
  }
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || ring.length < 3 || (first[0] === last[0] && first[1] === last[1])) return ring;
  return [...ring, [...first]];
}

function closeRings(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(closeRing) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(closeRing)) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(closeRings) };
    default:
      return geometry;
  }
}

/** The simple polygons of a self-intersecting one, as one MultiPolygon (one zone stays one feature). */
function unkink(geometry: Polygon | MultiPolygon): Geometry {
  const parts = unkinkPolygon({ type: 'Feature', properties: {}, geometry });
  const polygons = parts.features.map((part) => part.geometry.coordinates);
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}
