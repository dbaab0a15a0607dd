/**
 * The analysis cache in IndexedDB (the app's database, `analysisCache`
 * store), beside the worker entry so the pure engine never touches storage.
 * Undefined where there is no IndexedDB (Node worker threads): the engine
 * then runs without a cache.
 */
import { openDatasetStore } from '../src/io/dataset-store';
import type { AnalysisCache } from './analysis/result-cache';

export function indexedDbAnalysisCache(): AnalysisCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let opening: ReturnType<typeof openDatasetStore> | null = null;
  const store = () => {
    opening ??= openDatasetStore({ onVersionChange: () => (opening = null) });
    return opening;
  };
  const write = async (key: string, value: unknown): Promise<void> => {
    const opened = await store();
    if (!opened.ok) throw new Error(opened.error.code);
    const written = await opened.value.putAnalysis(key, value);
    if (!written.ok) throw new Error(written.error.code);
  };
  return {
    async get(key) {
      const opened = await store();
      if (!opened.ok) return undefined;
      const entry = await opened.value.getAnalysis(key);
      return entry.ok ? entry.value : undefined;
    },
    put: write,
    // The store has no delete yet: an entry without a result reads as missing.
    delete: (key) => write(key, undefined),
  };
}
