/**
 * Sorts the site table off the main thread when it is large: the keys go to
 * the site table's worker (a copy, transferred), the order comes back
 * transferred. Small tables, and places without workers, sort here at once,
 * which is quicker than a round trip.
 */
import { type Remote, transfer, wrap } from 'comlink';
import type { SiteTableApi } from '../../workers/site-table-api';
import { allIndices, type SortDirection, sortIndices } from './site-table-order';

/** Below this many sites a sort takes a few milliseconds: the table sorts at once, with no worker. */
export const WORKER_SORT_THRESHOLD = 20_000;

export interface SiteTableSorter {
  /** Every site index ordered by `keys` (not modified) in `direction`. */
  order(keys: Float64Array, direction: SortDirection): Promise<Uint32Array>;
  dispose(): void;
}

export function createSiteTableSorter(): SiteTableSorter {
  let worker: Worker | undefined;
  let remote: Remote<SiteTableApi> | undefined;
  const here = (keys: Float64Array, direction: SortDirection) =>
    sortIndices(allIndices(keys.length), keys, direction);
  return {
    async order(keys, direction) {
      if (keys.length < WORKER_SORT_THRESHOLD || typeof Worker === 'undefined') return here(keys, direction);
      if (!remote) {
        worker = new Worker(new URL('../../workers/site-table.worker.ts', import.meta.url), {
          type: 'module',
          name: 'katsit-site-table',
        });
        remote = wrap<SiteTableApi>(worker);
      }
      const copy = keys.slice();
      try {
        return await remote.order(transfer(copy, [copy.buffer]), direction);
      } catch {
        // A worker that cannot start or died: the table still sorts, here.
        return here(keys, direction);
      }
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
