/**
 * Checks on what is read back from IndexedDB. A record may have been written
 * by an older or broken build, cut short by a crash or edited by hand; a bad
 * one must be named and removable, never hide the good ones or throw later
 * while drawing. The checks are shallow but cover every feature, so they stay
 * linear and cheap (a few milliseconds for a million sites).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { isRoundInfo } from '../rounds/round-info';
import { type ColumnarSites, type PackedTexts, TEXT_COLUMNS, type TextColumn } from './columnar-sites';
import type { DatasetRecord } from './dataset-schema';
import { isObject } from './plain-object';

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
      (typeof value.partCount === 'number' && Number.isInteger(value.partCount) && value.partCount >= 0)) &&
    (value.round === undefined || isRoundInfo(value.round))
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

const isTyped = <T extends Float64Array | Uint8Array | Uint32Array>(
  value: unknown,
  kind: new (length: number) => T,
  length: number,
): value is T => value instanceof kind && value.length === length;

/** True when stored packed strings are whole: ends never go back, and the last one is the text's length. */
function isPackedTexts(value: unknown): value is PackedTexts {
  if (!isObject(value) || typeof value.text !== 'string' || !(value.ends instanceof Uint32Array))
    return false;
  let previous = 0;
  for (const end of value.ends) {
    if (end < previous) return false;
    previous = end;
  }
  return previous === value.text.length;
}

function isTextColumn(value: unknown, count: number): value is TextColumn {
  if (!isObject(value) || !isTyped(value.codes, Uint32Array, count) || !isPackedTexts(value.values))
    return false;
  const distinct = value.values.ends.length;
  for (const code of value.codes) if (code >= distinct) return false;
  return true;
}

/**
 * The stored columns of a site dataset of `featureCount` sites when they are
 * whole (every column of that length, every code in its dictionary, every
 * packed dictionary consistent), else undefined: they are derived data, so
 * damaged ones are dropped and rebuilt from the features, never trusted.
 */
export function checkColumnarSites(value: unknown, featureCount: number): ColumnarSites | undefined {
  if (!isObject(value) || value.count !== featureCount || typeof value.hash !== 'string') return undefined;
  const numbers =
    isTyped(value.coordinates, Float64Array, featureCount * 2) &&
    isTyped(value.individuals, Float64Array, featureCount) &&
    isTyped(value.households, Float64Array, featureCount) &&
    isTyped(value.areaSquareMetres, Float64Array, featureCount) &&
    isTyped(value.coveredSquareMetres, Float64Array, featureCount) &&
    isTyped(value.communalServicesOutside, Uint8Array, featureCount);
  if (!numbers || !isObject(value.texts)) return undefined;
  const texts = value.texts;
  if (!TEXT_COLUMNS.every((name) => isTextColumn(texts[name], featureCount))) return undefined;
  return value as unknown as ColumnarSites;
}
