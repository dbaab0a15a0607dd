/**
 * Checks on what is read back from IndexedDB. A record may have been written
 * by an older or broken build, cut short by a crash or edited by hand; a bad
 * one must be named and removable, never hide the good ones or throw later
 * while drawing. The checks are shallow but cover every feature, so they stay
 * linear and cheap (a few milliseconds for a million sites).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { DatasetRecord } from './dataset-schema';

/** Why a stored dataset cannot be shown. */
export type DatasetDamage =
  /** The metadata record does not have the fields of a dataset. */
  | 'wrong-shape'
  /** The metadata is there, the features are not. */
  | 'missing-collection'
  /** Fewer or more features than the metadata says were saved. */
  | 'truncated-collection'
  /** The features are not a list of GeoJSON features (null, a string, an object…). */
  | 'invalid-features'
  /** Features without their metadata record. */
  | 'orphan-collection';

export const DATASET_DAMAGES: readonly DatasetDamage[] = [
  'wrong-shape',
  'missing-collection',
  'truncated-collection',
  'invalid-features',
  'orphan-collection',
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a metadata record has every field the data manager and the map read. */
export function isDatasetRecord(value: unknown): value is DatasetRecord {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.role === 'string' &&
    typeof value.featureCount === 'number' &&
    Number.isInteger(value.featureCount) &&
    value.featureCount >= 0 &&
    typeof value.importedAt === 'string' &&
    typeof value.sourceFileName === 'string' &&
    (value.fieldMapping === null || value.fieldMapping === undefined || isObject(value.fieldMapping)) &&
    (value.partCount === undefined ||
      (typeof value.partCount === 'number' && Number.isInteger(value.partCount) && value.partCount >= 0))
  );
}

function isFeature(value: unknown): boolean {
  if (!isObject(value) || value.type !== 'Feature') return false;
  const { geometry, properties } = value;
  const geometryOk = geometry === null || (isObject(geometry) && typeof geometry.type === 'string');
  return geometryOk && (properties === null || properties === undefined || isObject(properties));
}

/** Why a stored collection that has its metadata cannot be shown. */
export type CollectionDamage = Exclude<DatasetDamage, 'wrong-shape' | 'orphan-collection'>;

/**
 * Checks the collection kept beside the parts (version 4) or whole (before):
 * its own members and the features it holds. `expectedCount` is checked by
 * the caller once the parts are read.
 */
export function checkCollectionHead(
  value: unknown,
): { ok: true; head: FeatureCollection } | { ok: false; damage: CollectionDamage } {
  if (value === undefined) return { ok: false, damage: 'missing-collection' };
  if (!isObject(value) || !isFeaturePart(value.features)) return { ok: false, damage: 'invalid-features' };
  return { ok: true, head: value as unknown as FeatureCollection };
}

/** True when a stored part is a list of GeoJSON features. */
export function isFeaturePart(value: unknown): value is Feature[] {
  return Array.isArray(value) && value.every(isFeature);
}
