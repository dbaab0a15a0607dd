/**
 * Imported datasets in IndexedDB, through the typed database module. Every
 * failure comes back as a value. A dataset's metadata and features are
 * written in one transaction, so a failed write leaves the previous state
 * whole. Every record read is validated: a damaged one is reported with its
 * key and name, so it can be shown and removed, and never hides the others.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { createAnalysisCacheStore } from './analysis-cache-store';
import { type ColumnsHead, columnPart, columnsHead, isColumnsHead, joinColumns } from './column-parts';
import { attachColumns, attachedColumns } from './columnar-sites';
import {
  fail,
  failFrom,
  type OpenOptions,
  ok,
  openDatabase,
  type StoreErrorCode,
  type StoreResult,
  storeErrorCode,
  writeTogether,
} from './database';
import { type DatasetRecord, type KatsitDatabase, PART_SIZE, STORES } from './dataset-schema';
import {
  type CollectionDamage,
  checkCollectionHead,
  checkColumnarSites,
  type DatasetDamage,
  isDatasetRecord,
  isFeaturePart,
} from './dataset-validation';

export type { DatasetRecord } from './dataset-schema';
export { type OpenOptions, type StoreErrorCode, type StoreResult, storeErrorCode };

export interface StoredDataset extends DatasetRecord {
  collection: FeatureCollection;
}

/** What a caller provides; the feature count is computed here. */
export type NewDataset = Omit<StoredDataset, 'featureCount' | 'contentHash' | 'importedAt'> & {
  importedAt?: string;
};

/** A stored dataset that cannot be shown, with what is known of it. */
export interface DamagedDataset {
  /** Its key in the store, to remove it. */
  key: IDBValidKey;
  /** The key as text, for the interface and tests. */
  id: string;
  /** Its name when the metadata still has one. */
  name?: string;
  damage: DatasetDamage;
}

/** Every stored dataset: the readable metadata, and what is damaged. */
export interface DatasetListing {
  /** Oldest import first. */
  records: DatasetRecord[];
  damaged: DamagedDataset[];
}

/** A failure that may say what is damaged in the record. */
export type DatasetFailure = {
  ok: false;
  error: { code: StoreErrorCode; name?: string; damage?: DatasetDamage };
};

export type DatasetRead = { ok: true; value: StoredDataset } | DatasetFailure;

/** Progress and cancellation of a long read or write (one step per stored part). */
export interface PartProgress {
  /** Called after each part with the share done, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting stops between two parts; a write then leaves the previous state whole. */
  signal?: AbortSignal;
}

export interface DatasetStore {
  /** Adds or overwrites a dataset (metadata and features together). */
  put(dataset: NewDataset, progress?: PartProgress): Promise<StoreResult<DatasetRecord>>;
  /** A dataset with its features; a damaged one fails with `unreadable-record` and its damage. */
  get(id: string, progress?: PartProgress): Promise<DatasetRead>;
  /** Metadata of every dataset, and the records that are damaged at that level. */
  list(): Promise<StoreResult<DatasetListing>>;
  rename(id: string, name: string): Promise<StoreResult<DatasetRecord>>;
  /** Removes a dataset's metadata and features, whatever their shape. */
  remove(key: IDBValidKey): Promise<StoreResult<void>>;
  /** Removes every dataset, damaged ones included. */
  clear(): Promise<StoreResult<void>>;
  /** The analysis cache, kept for the engine's adapter; new code uses `analysis-cache-store.ts`. */
  getAnalysis(key: string): Promise<StoreResult<unknown>>;
  putAnalysis(key: string, result: unknown): Promise<StoreResult<void>>;
  close(): void;
}

/** Parts read ahead of the one being checked. */
const READ_AHEAD = 4;

const DATASET_STORES = [
  STORES.datasets,
  STORES.collections,
  STORES.collectionParts,
  STORES.siteColumns,
  STORES.siteColumnParts,
];
const COLLECTION_STORES = [
  STORES.collections,
  STORES.collectionParts,
  STORES.siteColumns,
  STORES.siteColumnParts,
];

/** Every part of a dataset, whatever its count. */
const partsOf = (key: IDBValidKey): IDBKeyRange =>
  IDBKeyRange.bound([key, 0], [key, Number.POSITIVE_INFINITY]);

const stopped = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw new DOMException('stopped by the user', 'AbortError');
};

const damaged = (damage: CollectionDamage): DatasetFailure => ({
  ok: false,
  error: { code: 'unreadable-record', damage },
});

/** A key as the interface shows it. */
const keyText = (key: IDBValidKey): string => (typeof key === 'string' ? key : JSON.stringify(key));
/** A key as a query: strings are the common case; any other valid key still reaches its record. */
const keyQuery = (key: IDBValidKey): string | IDBKeyRange =>
  typeof key === 'string' ? key : IDBKeyRange.only(key);

/** The name a damaged record still carries, if any, for the data manager. */
function nameOf(value: unknown): string | undefined {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/**
 * The columns a head's parts make (one request and one clone per part, each in its own task), not yet
 * checked; undefined when a part cannot be read or is damaged.
 */
async function readColumnParts(
  store: { get(key: [string, number]): Promise<unknown> },
  id: string,
  head: ColumnsHead,
): Promise<unknown> {
  const parts: unknown[] = [];
  try {
    for (let index = 0; index < head.partCount; index += 1) parts.push(await store.get([id, index]));
  } catch {
    // Derived data: the features are read, and the columns rebuilt from them.
    return undefined;
  }
  return joinColumns(head, parts);
}

/** The dataset store over an open connection. */
export function createDatasetStore(database: KatsitDatabase): DatasetStore {
  const cache = createAnalysisCacheStore(database);

  const readRecord = async (id: string): Promise<{ ok: true; value: DatasetRecord } | DatasetFailure> => {
    try {
      const record: unknown = await database.get(STORES.datasets, id);
      if (record === undefined) return fail('not-found');
      return isDatasetRecord(record)
        ? ok(record)
        : { ok: false, error: { code: 'unreadable-record', damage: 'wrong-shape' } };
    } catch (error) {
      return failFrom(error);
    }
  };

  /**
   * Writes the metadata and, when given, the features and the site columns in
   * parts, in one transaction: each part is its own request, awaited before the
   * next, so the main thread clones one part per task and can paint progress between.
   */
  const writeDataset = async (
    record: DatasetRecord,
    collection?: FeatureCollection,
    progress: PartProgress = {},
  ): Promise<StoreResult<DatasetRecord>> => {
    const written = await writeTogether(database, DATASET_STORES, async (transaction, track) => {
      track(transaction.objectStore(STORES.datasets).put(record));
      if (!collection) return;
      const parts = transaction.objectStore(STORES.collectionParts);
      track(parts.delete(partsOf(record.id)));
      track(transaction.objectStore(STORES.collections).put({ ...collection, features: [] }, record.id));
      const columns = attachedColumns(collection.features);
      const siteColumns = transaction.objectStore(STORES.siteColumns);
      const columnParts = transaction.objectStore(STORES.siteColumnParts);
      track(columnParts.delete(partsOf(record.id)));
      const head = columns ? columnsHead(columns) : undefined;
      track(head ? siteColumns.put(head, record.id) : siteColumns.delete(record.id));
      const partCount = record.partCount ?? 0;
      const steps = partCount + (head?.partCount ?? 0);
      for (let index = 0; index < partCount; index += 1) {
        stopped(progress.signal);
        const start = index * PART_SIZE;
        await parts.put(collection.features.slice(start, start + PART_SIZE), [record.id, index]);
        progress.onProgress?.((index + 1) / steps);
      }
      if (columns && head)
        for (let index = 0; index < head.partCount; index += 1) {
          stopped(progress.signal);
          await columnParts.put(columnPart(columns, head, index), [record.id, index]);
          progress.onProgress?.((partCount + index + 1) / steps);
        }
      stopped(progress.signal);
    });
    return written.ok ? ok(record) : written;
  };

  /** The features of a record: those kept whole (older records) then every part, checked as read. */
  const readFeatures = async (
    record: DatasetRecord,
    progress: PartProgress,
  ): Promise<{ ok: true; value: FeatureCollection } | DatasetFailure> => {
    const transaction = database.transaction(COLLECTION_STORES, 'readonly');
    const head = checkCollectionHead(await transaction.objectStore(STORES.collections).get(record.id));
    if (!head.ok) return damaged(head.damage);
    const features: Feature[] = [...head.head.features];
    const parts = transaction.objectStore(STORES.collectionParts);
    const partCount = record.partCount ?? 0;
    const storedColumns = transaction.objectStore(STORES.siteColumns).get(record.id);
    storedColumns.catch(() => undefined);
    // A few parts asked ahead: the next ones travel while this one is read,
    // and each still arrives (and is cloned) in its own task.
    const asked: Promise<unknown>[] = [];
    const ask = (index: number) => {
      if (index >= partCount) return;
      const request = parts.get([record.id, index]);
      // Parts still in flight when a read stops early must not report as unhandled.
      request.catch(() => undefined);
      asked[index] = request;
    };
    for (let index = 0; index < READ_AHEAD; index += 1) ask(index);
    for (let index = 0; index < partCount; index += 1) {
      stopped(progress.signal);
      const part: unknown = await asked[index];
      delete asked[index];
      ask(index + READ_AHEAD);
      if (part === undefined) return damaged('truncated-collection');
      if (!isFeaturePart(part)) return damaged('invalid-features');
      for (const feature of part) features.push(feature);
      progress.onProgress?.((index + 1) / partCount);
    }
    if (features.length !== record.featureCount) return damaged('truncated-collection');
    // Stored columns are derived data: whole ones are attached, damaged ones ignored (rebuilt from the features).
    const stored: unknown = await storedColumns;
    const columns = checkColumnarSites(
      isColumnsHead(stored)
        ? await readColumnParts(transaction.objectStore(STORES.siteColumnParts), record.id, stored)
        : stored,
      features.length,
    );
    if (columns) attachColumns(features, columns);
    return ok({ ...head.head, features });
  };

  return {
    put(dataset, progress) {
      const { collection, ...metadata } = dataset;
      const record: DatasetRecord = {
        ...metadata,
        importedAt: dataset.importedAt ?? new Date().toISOString(),
        featureCount: collection.features.length,
        partCount: Math.ceil(collection.features.length / PART_SIZE),
      };
      return writeDataset(record, collection, progress);
    },

    async get(id, progress = {}) {
      const record = await readRecord(id);
      if (!record.ok) return record;
      try {
        const read = await readFeatures(record.value, progress);
        return read.ok ? ok({ ...record.value, collection: read.value }) : read;
      } catch (error) {
        return failFrom(error);
      }
    },

    async list() {
      try {
        // Keys and values of one store read in one transaction come in the same order.
        const transaction = database.transaction(DATASET_STORES, 'readonly');
        const datasets = transaction.objectStore(STORES.datasets);
        const [keys, values, collectionKeys] = await Promise.all([
          datasets.getAllKeys(),
          datasets.getAll() as Promise<unknown[]>,
          transaction.objectStore(STORES.collections).getAllKeys(),
        ]);
        const records: DatasetRecord[] = [];
        const damaged: DamagedDataset[] = [];
        const known = new Set<string>();
        values.forEach((value, index) => {
          const key = keys[index] ?? '';
          known.add(keyText(key));
          if (isDatasetRecord(value)) records.push(value);
          else {
            const name = nameOf(value);
            damaged.push({ key, id: keyText(key), ...(name ? { name } : {}), damage: 'wrong-shape' });
          }
        });
        for (const key of collectionKeys) {
          if (!known.has(keyText(key))) damaged.push({ key, id: keyText(key), damage: 'orphan-collection' });
        }
        records.sort((first, second) => first.importedAt.localeCompare(second.importedAt));
        return ok({ records, damaged });
      } catch (error) {
        return failFrom(error);
      }
    },

    async rename(id, name) {
      const record = await readRecord(id);
      return record.ok ? writeDataset({ ...record.value, name }) : record;
    },

    remove(key) {
      return writeTogether(database, DATASET_STORES, (transaction, track) => {
        track(transaction.objectStore(STORES.datasets).delete(keyQuery(key)));
        track(transaction.objectStore(STORES.collections).delete(keyQuery(key)));
        track(transaction.objectStore(STORES.collectionParts).delete(partsOf(key)));
        track(transaction.objectStore(STORES.siteColumns).delete(keyQuery(key)));
        track(transaction.objectStore(STORES.siteColumnParts).delete(partsOf(key)));
      });
    },

    clear() {
      // "Reset to the demo" takes the imported movements too (flows/flow-store.ts).
      return writeTogether(database, [...DATASET_STORES, STORES.flowTables], (transaction, track) => {
        track(transaction.objectStore(STORES.flowTables).clear());
        track(transaction.objectStore(STORES.datasets).clear());
        track(transaction.objectStore(STORES.collections).clear());
        track(transaction.objectStore(STORES.collectionParts).clear());
        track(transaction.objectStore(STORES.siteColumns).clear());
        track(transaction.objectStore(STORES.siteColumnParts).clear());
      });
    },

    getAnalysis: (key) => cache.get(key),
    putAnalysis: (key, result) => cache.put(key, result),

    close() {
      database.close();
    },
  };
}

/** Opens the database and the dataset store over it. */
export async function openDatasetStore(options: OpenOptions = {}): Promise<StoreResult<DatasetStore>> {
  const opened = await openDatabase(options);
  return opened.ok ? ok(createDatasetStore(opened.value)) : opened;
}
