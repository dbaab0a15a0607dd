/**
 * The search box's site search for large site lists, in the site table's
 * worker over the sites' columnar form: their text columns cross once per
 * content hash (a few packed strings and code arrays), then each query
 * returns the best few site indices. Answers to older queries are the
 * caller's to drop.
 */
import { type Remote, wrap } from 'comlink';
import type { SiteTableApi } from '../../workers/site-table-api';
import type { SiteMatch } from '../../workers/site-table-search';
import type { ColumnarSites } from '../io/columnar-sites';

export interface SiteSearch {
  /** The best `limit` sites of `columns` for `query`. */
  search(columns: ColumnarSites, query: string, limit: number): Promise<SiteMatch[]>;
  dispose(): void;
}

export function createSiteSearch(): SiteSearch {
  let worker: Worker | undefined;
  let remote: Remote<SiteTableApi> | undefined;
  let loaded: string | undefined;
  return {
    async search(columns, query, limit) {
      if (!remote) {
        worker = new Worker(new URL('../../workers/site-table.worker.ts', import.meta.url), {
          type: 'module',
          name: 'katsit-site-search',
        });
        remote = wrap<SiteTableApi>(worker);
      }
      if (loaded !== columns.hash) {
        const { id, name, admin1Pcode, admin2Pcode } = columns.texts;
        await remote.loadSearch(columns.hash, { id, name, admin1Pcode, admin2Pcode });
        loaded = columns.hash;
      }
      return (await remote.searchSites(columns.hash, query, limit)) ?? [];
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
      loaded = undefined;
    },
  };
}
