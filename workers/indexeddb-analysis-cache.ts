/**
 * The analysis cache in IndexedDB, for the analysis worker: the adapter
 * between the pure engine (which only knows the small `AnalysisCache`
 * interface) and the app's database. It lives beside the worker entry, not in
 * `workers/analysis/`, so the engine imports nothing from `src/io`.
 *
 * A cache is optional: every failure (no IndexedDB, a full disk, another tab
 * holding or upgrading the database, a closed connection) is a miss or a
 * skipped write, never an error out of here; the analysis still runs.
 */
import {
  type AnalysisCacheOptions,
  type AnalysisCacheStore,
  openAnalysisCacheStore,
} from '../src/io/analysis-cache-store';
import type { OpenOptions, StoreResult } from '../src/io/database';
import type { AnalysisCache } from './analysis/result-cache';

type OpenedCache = StoreResult<AnalysisCacheStore & { close(): void }>;

/** The cache in the app's database; undefined where there is no IndexedDB. */
export function indexedDbAnalysisCache(
  options: OpenOptions & AnalysisCacheOptions = {},
): AnalysisCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let opening: Promise<OpenedCache> | null = null;
  const store = () => {
    opening ??= openAnalysisCacheStore({
      ...options,
      // Another tab upgraded the database: open again next time (the new
      // schema then refuses us with `newer-version`, a miss).
      onVersionChange: () => {
        opening = null;
        options.onVersionChange?.();
      },
    }).catch((): OpenedCache => ({ ok: false, error: { code: 'storage-failed' } }));
    return opening;
  };
  /** Runs one call, turning any failure into `fallback`. */
  const attempt = async <T>(
    work: (cache: AnalysisCacheStore) => Promise<StoreResult<T>>,
    fallback: T,
  ): Promise<T> => {
    try {
      const opened = await store();
      if (!opened.ok) {
        // A blocked open may succeed later; try again on the next call.
        if (opened.error.code === 'blocked') opening = null;
        return fallback;
      }
      const result = await work(opened.value);
      if (!result.ok && result.error.code === 'closed') opening = null;
      return result.ok ? result.value : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt((cache) => cache.get(key), undefined),
    put: (key, value) => attempt((cache) => cache.put(key, value), undefined),
    delete: (key) => attempt((cache) => cache.delete(key), undefined),
  };
}
