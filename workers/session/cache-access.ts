/**
 * The engine's use of the (optional) answer cache: keys from a run's
 * snapshot, reads that are checked before they are served, and writes that
 * land.
 *
 * - Optional: no cache, or a layer whose hash cannot be computed, means no
 *   key, and the analysis simply runs.
 * - Checked: an entry of the wrong shape for its kind and site count is
 *   deleted and the analysis recomputed (its answer then replaces it).
 * - Writes land: a write is issued before the run's answer is returned (so
 *   the store has it queued before the figures appear) but not awaited, so
 *   the figures are not delayed by the disk; it is tracked, and `settled()`
 *   resolves once every write issued so far has finished.
 */
import { type AnalysisCache, cacheKey, validCacheEntry } from '../analysis/result-cache';
import { siteCount } from '../analysis/site-table';
import type { DatasetsSession, LayerName, Snapshot } from './datasets-session';

/** What a run's answer depends on, for its cache key. */
export interface CacheSpecification {
  layers: readonly LayerName[];
  parameters?: unknown;
}

export interface CacheAccess {
  /** The key of an answer on this snapshot; null when there is no cache or an input cannot be hashed. */
  keyOf(kind: string, snapshot: Snapshot, specification: CacheSpecification): string | null;
  /** A stored answer that passes the check; a failing one is deleted and reads as missing. */
  read(kind: string, key: string, snapshot: Snapshot): Promise<unknown>;
  /** Stores an answer; never rejects. */
  write(key: string, value: unknown): void;
  /** Resolves when every write issued so far has finished (stored or failed). */
  settled(): Promise<void>;
}

export function createCacheAccess(cache: AnalysisCache | undefined, session: DatasetsSession): CacheAccess {
  const writing = new Set<Promise<void>>();
  const track = (operation: () => Promise<void>): void => {
    let attempt: Promise<void>;
    try {
      attempt = operation();
    } catch (error) {
      attempt = Promise.reject(error);
    }
    // A full disk or a closed database only costs the shortcut: the answer is on its way.
    const tracked = attempt.catch(() => undefined).finally(() => writing.delete(tracked));
    writing.add(tracked);
  };

  return {
    keyOf(kind, snapshot, specification) {
      if (!cache) return null;
      const hashes: string[] = [];
      for (const name of specification.layers) {
        const layer = snapshot[name];
        const hash = layer ? session.hashOf(layer) : null;
        if (!hash) return null;
        hashes.push(hash);
      }
      return cacheKey(kind, hashes, specification.parameters ?? null);
    },
    async read(kind, key, snapshot) {
      if (!cache) return undefined;
      let stored: unknown;
      try {
        stored = await cache.get(key);
      } catch {
        return undefined;
      }
      if (stored === undefined || stored === null) return undefined;
      const sites = snapshot.sites ? siteCount(snapshot.sites.prepared) : 0;
      if (validCacheEntry(kind, stored, sites)) return stored;
      track(() => cache.delete(key));
      return undefined;
    },
    write(key, value) {
      if (cache) track(() => cache.put(key, value));
    },
    async settled() {
      while (writing.size > 0) await Promise.all([...writing]);
    },
  };
}
