/**
 * The site table's worker: sorts site indices by their keys with the table's
 * own order rule (`sortIndices`, stable, unknowns last), so sorting a million
 * sites never freezes the page. Keys come in and the order goes back as
 * transferred typed arrays.
 */
import { transfer } from 'comlink';
import { allIndices, type SortDirection, sortIndices } from '../src/analysis/site-table-order';

export const siteTableApi = {
  /** Every site index, ordered by `keys` in `direction`. */
  order(keys: Float64Array, direction: SortDirection): Uint32Array {
    const sorted = sortIndices(allIndices(keys.length), keys, direction);
    return transfer(sorted, [sorted.buffer]);
  },
};

export type SiteTableApi = typeof siteTableApi;
