/**
 * Thin wrappers over Turf's polygon clipping that speak geometries and
 * return `undefined` for an empty result, which is what the generators need
 * (Turf returns null and wants Features in a FeatureCollection).
 */
import { difference, featureCollection, intersect, polygon, simplify, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;

const asFeature = (geometry: Polygonal): Feature<Polygonal> => ({
  type: 'Feature',
  properties: {},
  geometry,
});

export function intersectGeometries(first: Polygonal, second: Polygonal): Polygonal | undefined {
  return intersect(featureCollection([asFeature(first), asFeature(second)]))?.geometry ?? undefined;
}

export function unionGeometries(geometries: readonly Polygonal[]): Polygonal | undefined {
  const [only] = geometries;
  if (geometries.length <= 1) return only;
  return union(featureCollection(geometries.map(asFeature)))?.geometry ?? undefined;
}

/** `first` minus `second`. */
export function subtractGeometry(first: Polygonal, second: Polygonal): Polygonal | undefined {
  return difference(featureCollection([asFeature(first), asFeature(second)]))?.geometry ?? undefined;
}

/** Douglas–Peucker in degrees; never mutates its input (it may be shared). */
export function simplifyGeometry(geometry: Polygonal, tolerance: number): Polygonal {
  return simplify(asFeature(geometry), { tolerance, highQuality: true, mutate: false }).geometry;
}

/** A closed ring from corner positions (closes it if needed). */
export function polygonFromCorners(corners: readonly [number, number][]): Polygon {
  const first = corners[0];
  if (first === undefined) throw new Error('polygonFromCorners() needs corners');
  return polygon([[...corners, first]]).geometry;
}

/** Number of positions in all rings: the "vertex count" the size budget is about. */
export function vertexCount(geometry: Polygonal): number {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.reduce((sum, part) => sum + part.reduce((ringSum, ring) => ringSum + ring.length, 0), 0);
}
