/**
 * Imported datasets and cached analysis results in IndexedDB, through idb.
 * Every failure a user can meet — full disk, another tab holding an old
 * version open, a record written by a broken build — comes back as a value.
 * A dataset's metadata and features are written in one transaction, so a
 * failed write leaves the previous state whole.
 */
import type { FeatureCollection } from 'geojson';
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { canonicalJson, contentHash, sha256Hex } from './content-hash';
import { DATABASE_NAME, runUpgrades, STORES, UPGRADE_STEPS, type UpgradeStep } from './dataset-schema';
import type { LayerRole } from './field-candidates';
import type { FieldMapping } from './field-mapping';

/** What the dataset list shows, without the features. */
export interface DatasetRecord {
  id: string;
  name: string;
  role: LayerRole;
  fieldMapping: FieldMapping | null;
  featureCount: number;
  /** ISO timestamp. */
  importedAt: string;
  sourceFileName: string;
  contentHash: string;
}

export interface StoredDataset extends DatasetRecord {
  collection: FeatureCollection;
}

/** What a caller provides; count and hash are computed here. */
export type NewDataset = Omit<StoredDataset, 'featureCount' | 'contentHash' | 'importedAt'> & {
  importedAt?: string;
};

export type StoreErrorCode =
  | 'unavailable'
  | 'blocked'
  | 'newer-version'
  | 'closed'
  | 'quota-exceeded'
  | 'unstorable-data'
  | 'unreadable-record'
  | 'not-found'
  | 'storage-failed';

export type StoreResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: StoreErrorCode; name?: string } };

export interface DatasetStore {
  /** Adds or overwrites a dataset (metadata and features together). */
  put(dataset: NewDataset): Promise<StoreResult<DatasetRecord>>;
  get(id: string): Promise<StoreResult<StoredDataset>>;
  /** Metadata of every dataset, oldest import first. */
  list(): Promise<StoreResult<DatasetRecord[]>>;
  rename(id: string, name: string): Promise<StoreResult<DatasetRecord>>;
  /** New features for an existing dataset (after repairs or a re-import). */
  replaceCollection(
    id: string,
    collection: FeatureCollection,
    fieldMapping?: FieldMapping | null,
  ): Promise<StoreResult<DatasetRecord>>;
  remove(id: string): Promise<StoreResult<void>>;
  getAnalysis(key: string): Promise<StoreResult<unknown>>;
  putAnalysis(key: string, result: unknown): Promise<StoreResult<void>>;
  close(): void;
}

export interface OpenOptions {
  name?: string;
  /** Schema steps; tests pass a longer list to exercise an upgrade. */
  upgrades?: readonly UpgradeStep[];
  /** Another tab wants a newer schema: this connection closed itself; tell the user to reload. */
  onVersionChange?: () => void;
}

type Database = IDBPDatabase<unknown>;

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
const fail = <T>(code: StoreErrorCode, name?: string): StoreResult<T> => ({
  ok: false,
  error: name ? { code, name } : { code },
});
const ignore = () => {};

/** Maps a DOMException (or anything thrown) to a store error code. */
export function storeErrorCode(error: unknown): StoreErrorCode {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'QuotaExceededError':
      return 'quota-exceeded';
    case 'DataCloneError':
      return 'unstorable-data';
    case 'VersionError':
      return 'newer-version';
    case 'InvalidStateError':
      return 'closed';
    default:
      return 'storage-failed';
  }
}

const failFrom = <T>(error: unknown): StoreResult<T> => {
  const name = (error as { name?: unknown } | null)?.name;
  return fail(storeErrorCode(error), typeof name === 'string' ? name : undefined);
};

/**
 * Opens (creating or upgrading) the database. Resolves `blocked` as soon as
 * another tab holds an older version open; if that tab lets go later, the
 * late connection is closed so it never leaks.
 */
export function openDatasetStore(options: OpenOptions = {}): Promise<StoreResult<DatasetStore>> {
  const steps = options.upgrades ?? UPGRADE_STEPS;
  if (typeof indexedDB === 'undefined') return Promise.resolve(fail('unavailable'));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: StoreResult<DatasetStore>) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    let database: Database | undefined;
    let opening: Promise<Database>;
    try {
      opening = openDB(options.name ?? DATABASE_NAME, steps.length, {
        upgrade: (db, oldVersion, newVersion, transaction) =>
          runUpgrades(
            steps,
            db,
            oldVersion,
            newVersion ?? steps.length,
            transaction as IDBPTransaction<unknown, string[], 'versionchange'>,
          ),
        blocked: () => settle(fail('blocked')),
        blocking: () => {
          database?.close();
          options.onVersionChange?.();
        },
      });
    } catch (error) {
      // openDB throws synchronously on an invalid version (an empty step list).
      settle(failFrom(error));
      return;
    }
    opening.then(
      (opened) => {
        if (settled) {
          opened.close();
          return;
        }
        database = opened;
        settle(ok(createStore(opened)));
      },
      (error: unknown) => settle(failFrom(error)),
    );
  });
}

/** Runs writes in one readwrite transaction; any failure aborts all of them. */
async function writeTogether(
  database: Database,
  stores: string[],
  work: (
    transaction: IDBPTransaction<unknown, string[], 'readwrite'>,
    track: (request: Promise<unknown>) => void,
  ) => void,
): Promise<StoreResult<void>> {
  let transaction: IDBPTransaction<unknown, string[], 'readwrite'>;
  try {
    transaction = database.transaction(stores, 'readwrite');
  } catch (error) {
    return failFrom(error);
  }
  // An aborted transaction rejects `done` and every request; all are awaited or silenced here.
  transaction.done.catch(ignore);
  const requests: Promise<unknown>[] = [];
  try {
    // Each request is silenced as soon as it exists: a later synchronous throw
    // (DataCloneError) aborts the transaction and rejects the earlier ones.
    work(transaction, (request) => {
      request.catch(ignore);
      requests.push(request);
    });
    await Promise.all(requests);
    await transaction.done;
    return ok(undefined);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already aborted by the failing request.
    }
    return failFrom(error);
  }
}

function isDatasetRecord(value: unknown): value is DatasetRecord {
  const record = value as Partial<DatasetRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.id === 'string' &&
    typeof record.name === 'string' &&
    typeof record.role === 'string' &&
    typeof record.featureCount === 'number' &&
    typeof record.importedAt === 'string' &&
    typeof record.sourceFileName === 'string'
  );
}

function isCollection(value: unknown): value is FeatureCollection {
  const collection = value as Partial<FeatureCollection> | null;
  return typeof collection === 'object' && collection !== null && Array.isArray(collection.features);
}

function createStore(database: Database): DatasetStore {
  const readRecord = async (id: string): Promise<StoreResult<DatasetRecord>> => {
    try {
      const record: unknown = await database.get(STORES.datasets, id);
      if (record === undefined) return fail('not-found');
      return isDatasetRecord(record) ? ok(record) : fail('unreadable-record');
    } catch (error) {
      return failFrom(error);
    }
  };

  const writeDataset = async (
    record: DatasetRecord,
    collection?: FeatureCollection,
  ): Promise<StoreResult<DatasetRecord>> => {
    const written = await writeTogether(
      database,
      [STORES.datasets, STORES.collections],
      (transaction, track) => {
        track(transaction.objectStore(STORES.datasets).put(record));
        if (collection) track(transaction.objectStore(STORES.collections).put(collection, record.id));
      },
    );
    return written.ok ? ok(record) : written;
  };

  return {
    async put(dataset) {
      const { collection, ...metadata } = dataset;
      const record: DatasetRecord = {
        ...metadata,
        importedAt: dataset.importedAt ?? new Date().toISOString(),
        featureCount: collection.features.length,
        // Hashed before the transaction opens: awaiting crypto inside it would let it auto-commit.
        contentHash: await contentHash(collection),
      };
      return writeDataset(record, collection);
    },

    async get(id) {
      const record = await readRecord(id);
      if (!record.ok) return record;
      try {
        const collection: unknown = await database.get(STORES.collections, id);
        return isCollection(collection) ? ok({ ...record.value, collection }) : fail('unreadable-record');
      } catch (error) {
        return failFrom(error);
      }
    },

    async list() {
      try {
        const records: unknown[] = await database.getAll(STORES.datasets);
        if (!records.every(isDatasetRecord)) return fail('unreadable-record');
        return ok([...records].sort((first, second) => first.importedAt.localeCompare(second.importedAt)));
      } catch (error) {
        return failFrom(error);
      }
    },

    async rename(id, name) {
      const record = await readRecord(id);
      return record.ok ? writeDataset({ ...record.value, name }) : record;
    },

    async replaceCollection(id, collection, fieldMapping) {
      const record = await readRecord(id);
      if (!record.ok) return record;
      const hash = await contentHash(collection);
      const updated: DatasetRecord = {
        ...record.value,
        featureCount: collection.features.length,
        contentHash: hash,
        ...(fieldMapping === undefined ? {} : { fieldMapping }),
      };
      return writeDataset(updated, collection);
    },

    async remove(id) {
      return writeTogether(database, [STORES.datasets, STORES.collections], (transaction, track) => {
        track(transaction.objectStore(STORES.datasets).delete(id));
        track(transaction.objectStore(STORES.collections).delete(id));
      });
    },

    async getAnalysis(key) {
      try {
        const entry = (await database.get(STORES.analysisCache, key)) as { result?: unknown } | undefined;
        return ok(entry?.result);
      } catch (error) {
        return failFrom(error);
      }
    },

    async putAnalysis(key, result) {
      return writeTogether(database, [STORES.analysisCache], (transaction, track) => {
        track(
          transaction
            .objectStore(STORES.analysisCache)
            .put({ result, storedAt: new Date().toISOString() }, key),
        );
      });
    },

    close() {
      database.close();
    },
  };
}

/**
 * Cache key for an analysis: the engine version in clear (so a new engine
 * never reads old results) and a hash of the inputs' content hashes and the
 * parameters.
 */
export async function analysisCacheKey(input: {
  engineVersion: string;
  contentHashes: readonly string[];
  parameters: unknown;
}): Promise<string> {
  const inputs = await sha256Hex(
    canonicalJson({ contentHashes: input.contentHashes, parameters: input.parameters }),
  );
  return `${input.engineVersion}:${inputs}`;
}
