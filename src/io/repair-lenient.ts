/**
 * Harmless shapes made usable before validation, for the chosen role:
 * a GeometryCollection of one member is that member; a MultiPoint in a point
 * layer (sites, services) becomes one feature per point, whose id gets a
 * reported suffix ("HT-017-1", "HT-017-2"), since one site per position is
 * what the map, the totals and the table count. Every split is reported with
 * its place. The input is not modified.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { LayerRole } from './field-candidates';
import type { FieldMapping } from './field-mapping';
import { makeProblem, type Problem } from './problem';

const POINT_ROLES: ReadonlySet<LayerRole> = new Set(['sites', 'services']);

export interface PreparedCollection {
  collection: FeatureCollection;
  /** For each prepared feature, the index of the file's feature it came from. */
  sourceIndexes: number[];
  problems: Problem[];
}

/** Unwraps single-member collections and splits MultiPoints for point roles. */
export function prepareForRole(
  collection: FeatureCollection,
  role: LayerRole,
  mapping: FieldMapping,
  fileName: string,
  sourceRows: readonly number[] | undefined,
): PreparedCollection {
  const features: Feature[] = [];
  const sourceIndexes: number[] = [];
  const problems: Problem[] = [];
  const idColumn = mapping.fields.id;
  const input = Array.isArray(collection?.features) ? collection.features : [];
  input.forEach((feature, index) => {
    const geometry = unwrapSingle(feature?.geometry);
    const unwrapped = geometry === feature?.geometry ? feature : { ...feature, geometry };
    if (!POINT_ROLES.has(role) || geometry?.type !== 'MultiPoint' || !Array.isArray(geometry.coordinates)) {
      features.push(unwrapped as Feature);
      sourceIndexes.push(index);
      return;
    }
    const points = geometry.coordinates;
    if (points.length > 1) {
      const row = sourceRows?.[index];
      problems.push(
        makeProblem('warning', 'multipoint-split', fileName, {
          featureIndex: index,
          ...(row === undefined ? {} : { row }),
          value: String(points.length),
        }),
      );
    }
    points.forEach((position, part) => {
      const point: Point = { type: 'Point', coordinates: position };
      const properties = { ...(feature.properties ?? {}) };
      const id = idColumn === undefined ? undefined : properties[idColumn];
      if (points.length > 1 && idColumn !== undefined && (typeof id === 'string' || typeof id === 'number')) {
        properties[idColumn] = `${id}-${part + 1}`;
      }
      features.push({ ...feature, geometry: point, properties });
      sourceIndexes.push(index);
    });
  });
  return { collection: { ...collection, features }, sourceIndexes, problems };
}

function unwrapSingle(geometry: Geometry | null | undefined): Geometry | null | undefined {
  let current = geometry;
  for (let depth = 0; depth < 4; depth++) {
    if (current?.type !== 'GeometryCollection' || !Array.isArray(current.geometries)) return current;
    if (current.geometries.length !== 1) return current;
    current = current.geometries[0];
  }
  return current;
}
