/**
 * Analysis answers kept across reloads, with a lifecycle: each entry records
 * its approximate size and when it was last used, and writing past the size
 * cap evicts the least recently used entries first, so the cache never grows
 * without bound. The answers (`analysisCache`) and their bookkeeping
 * (`analysisCacheUsage`, indexed by last use) are written in one transaction,
 * and eviction reads only the small bookkeeping records.
 *
 * A cache is optional: callers treat every failure as a miss.
 */
import { approximateByteSize } from './approximate-size';
import { failFrom, type OpenOptions, ok, openDatabase, type StoreResult, writeTogether } from './database';
import { type AnalysisCacheUsageRecord, type KatsitDatabase, STORES } from './dataset-schema';

/** 50 MB: several large answers (100k sites) fit; a phone's storage is not eaten by a cache. */
export const DEFAULT_ANALYSIS_CACHE_BYTES = 50 * 1024 * 1024;

export interface AnalysisCacheUsage {
  entries: number;
  /** Approximate, as counted when the entries were written. */
  bytes: number;
}

export interface AnalysisCacheStore {
  /** The stored answer, or undefined on a miss; a hit counts as a use. */
  get(key: string): Promise<StoreResult<unknown>>;
  /** Stores an answer, then evicts the least recently used entries past the cap. */
  put(key: string, value: unknown): Promise<StoreResult<void>>;
  delete(key: string): Promise<StoreResult<void>>;
  clear(): Promise<StoreResult<void>>;
  usage(): Promise<StoreResult<AnalysisCacheUsage>>;
}

export interface AnalysisCacheOptions {
  /** The size cap in bytes; tests use a small one. */
  maxBytes?: number;
  /** Milliseconds since the epoch; injected by tests to order uses. */
  now?: () => number;
}

const CACHE_STORES = [STORES.analysisCache, STORES.analysisCacheUsage];

const recordBytes = (record: Partial<AnalysisCacheUsageRecord> | undefined): number =>
  typeof record?.bytes === 'number' && Number.isFinite(record.bytes) && record.bytes > 0 ? record.bytes : 0;

const hasResult = (entry: unknown): entry is { result: unknown } =>
  typeof entry === 'object' && entry !== null && 'result' in entry;

/** The cache over an open database connection. */
export function createAnalysisCacheStore(
  database: KatsitDatabase,
  options: AnalysisCacheOptions = {},
): AnalysisCacheStore {
  const maxBytes = options.maxBytes ?? DEFAULT_ANALYSIS_CACHE_BYTES;
  const now = options.now ?? Date.now;

  const remove = (key: string) =>
    writeTogether(database, CACHE_STORES, async (transaction) => {
      await transaction.objectStore(STORES.analysisCache).delete(key);
      await transaction.objectStore(STORES.analysisCacheUsage).delete(key);
    });

  /** Records a use (and the size, for an entry that has no bookkeeping yet). */
  const touch = (key: string, result: unknown) =>
    writeTogether(database, CACHE_STORES, async (transaction) => {
      // Deleted or evicted meanwhile: no bookkeeping for an answer that is gone.
      if ((await transaction.objectStore(STORES.analysisCache).getKey(key)) === undefined) return;
      const usage = transaction.objectStore(STORES.analysisCacheUsage);
      const record = await usage.get(key);
      const bytes = record ? recordBytes(record) : approximateByteSize(result);
      await usage.put({ key, bytes, lastUsedAt: now() });
    });

  return {
    async get(key) {
      let entry: unknown;
      try {
        entry = await database.get(STORES.analysisCache, key);
      } catch (error) {
        return failFrom(error);
      }
      if (entry === undefined) return ok(undefined);
      if (!hasResult(entry)) {
        // Not an entry this cache wrote: drop it rather than hand it on.
        const removed = await remove(key);
        return removed.ok ? ok(undefined) : removed;
      }
      // The answer goes back at once; its last use is written behind it. A
      // later write opens its transaction after this one, so eviction sees it.
      void touch(key, entry.result);
      return ok(entry.result);
    },

    async put(key, value) {
      const bytes = approximateByteSize(value);
      // An answer bigger than the whole cache would evict everything and still not fit.
      if (bytes > maxBytes) return remove(key);
      const stamp = now();
      return writeTogether(database, CACHE_STORES, async (transaction) => {
        const answers = transaction.objectStore(STORES.analysisCache);
        const usage = transaction.objectStore(STORES.analysisCacheUsage);
        await answers.put({ result: value, storedAt: new Date(stamp).toISOString() }, key);
        await usage.put({ key, bytes, lastUsedAt: stamp });
        let total = (await usage.getAll()).reduce((sum, record) => sum + recordBytes(record), 0);
        let cursor = await usage.index('by-last-used').openCursor();
        while (cursor && total > maxBytes) {
          if (cursor.primaryKey !== key) {
            total -= recordBytes(cursor.value);
            await answers.delete(cursor.primaryKey);
            await cursor.delete();
          }
          cursor = await cursor.continue();
        }
      });
    },

    delete: remove,

    clear() {
      return writeTogether(database, CACHE_STORES, async (transaction) => {
        await transaction.objectStore(STORES.analysisCache).clear();
        await transaction.objectStore(STORES.analysisCacheUsage).clear();
      });
    },

    async usage() {
      try {
        const records = await database.getAll(STORES.analysisCacheUsage);
        return ok({
          entries: records.length,
          bytes: records.reduce((sum, record) => sum + recordBytes(record), 0),
        });
      } catch (error) {
        return failFrom(error);
      }
    },
  };
}

/** Opens its own connection (the analysis worker has no other). */
export async function openAnalysisCacheStore(
  options: OpenOptions & AnalysisCacheOptions = {},
): Promise<StoreResult<AnalysisCacheStore & { close(): void }>> {
  const opened = await openDatabase(options);
  if (!opened.ok) return opened;
  const database = opened.value;
  return ok({ ...createAnalysisCacheStore(database, options), close: () => database.close() });
}
