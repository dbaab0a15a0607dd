/**
 * Sorts the site table off the main thread when it is large: numeric keys
 * (a copy, transferred) or a dictionary-encoded text column go to the site
 * table's worker, the order comes back transferred. Small tables, and places
 * without workers, sort here at once, which is quicker than a round trip.
 */
import { type Remote, transfer, wrap } from 'comlink';
import type { SiteTableApi } from '../../workers/site-table-api';
import { siteTableApi } from '../../workers/site-table-api';
import type { TextColumn } from '../io/columnar-sites';
import { allIndices, type SortDirection, sortIndices } from './site-table-order';

/** Below this many sites a sort takes a few milliseconds: the table sorts at once, with no worker. */
export const WORKER_SORT_THRESHOLD = 20_000;

export interface SiteTableSorter {
  /** Every site index ordered by `keys` (not modified) in `direction`. */
  order(keys: Float64Array, direction: SortDirection): Promise<Uint32Array>;
  /** Every site index ordered by its text in `column` (not modified), collated for `locale`. */
  orderByText(column: TextColumn, direction: SortDirection, locale: string): Promise<Uint32Array>;
  dispose(): void;
}

export function createSiteTableSorter(): SiteTableSorter {
  let worker: Worker | undefined;
  let remote: Remote<SiteTableApi> | undefined;
  const here = (keys: Float64Array, direction: SortDirection) =>
    sortIndices(allIndices(keys.length), keys, direction);
  const started = (): Remote<SiteTableApi> => {
    if (!remote) {
      worker = new Worker(new URL('../../workers/site-table.worker.ts', import.meta.url), {
        type: 'module',
        name: 'katsit-site-table',
      });
      remote = wrap<SiteTableApi>(worker);
    }
    return remote;
  };
  const large = (count: number) => count >= WORKER_SORT_THRESHOLD && typeof Worker !== 'undefined';
  return {
    async order(keys, direction) {
      if (!large(keys.length)) return here(keys, direction);
      const copy = keys.slice();
      try {
        return await started().order(transfer(copy, [copy.buffer]), direction);
      } catch {
        // A worker that cannot start or died: the table still sorts, here.
        return here(keys, direction);
      }
    },
    async orderByText(column, direction, locale) {
      if (!large(column.codes.length)) return siteTableApi.orderByText(column, direction, locale);
      // Copies: the page keeps its own columns.
      const codes = column.codes.slice();
      const ends = column.values.ends.slice();
      try {
        return await started().orderByText(
          transfer({ codes, values: { text: column.values.text, ends } }, [codes.buffer, ends.buffer]),
          direction,
          locale,
        );
      } catch {
        return siteTableApi.orderByText(column, direction, locale);
      }
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
