/**
 * The site table's worker: sorts site indices by their keys with the table's
 * own order rule (`sortIndices`, stable, unknowns last), so sorting a million
 * sites never freezes the page. Numeric keys, or a dictionary-encoded text
 * column ranked here with the collator, come in; the order goes back as a
 * transferred typed array. It also runs the search box's site search over
 * the sites' text columns (site-table-search.ts).
 */
import { transfer } from 'comlink';
import { allIndices, type SortDirection, sortIndices, textRanks } from '../src/analysis/site-table-order';
import { type TextColumn, unpackTexts } from '../src/io/columnar-sites';
import {
  type SearchColumns,
  type SiteMatch,
  searchKeysOfColumns,
  searchSiteColumns,
} from './site-table-search';

const sorted = (keys: ArrayLike<number>, direction: SortDirection): Uint32Array => {
  const order = sortIndices(allIndices(keys.length), keys, direction);
  return transfer(order, [order.buffer]);
};

/** The search keys of the last columns loaded, by their hash. */
let searchKeys: { hash: string; keys: ReturnType<typeof searchKeysOfColumns> } | undefined;

export const siteTableApi = {
  /** Every site index, ordered by `keys` in `direction`. */
  order(keys: Float64Array, direction: SortDirection): Uint32Array {
    return sorted(keys, direction);
  },
  /** Every site index, ordered by its text in `column` as `locale` collates it (accents and case aside). */
  orderByText(column: TextColumn, direction: SortDirection, locale: string): Uint32Array {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const ranks = textRanks(unpackTexts(column.values), collator);
    const keys = new Float64Array(column.codes.length);
    for (let index = 0; index < keys.length; index += 1)
      keys[index] = ranks[column.codes[index] ?? 0] ?? Number.NaN;
    return sorted(keys, direction);
  },
  /** Keeps the text columns of the sites with this content hash for `searchSites`. */
  loadSearch(hash: string, columns: SearchColumns): void {
    if (searchKeys?.hash !== hash) searchKeys = { hash, keys: searchKeysOfColumns(columns) };
  },
  /** The best `limit` sites for a query; null when the sites of `hash` are not the ones loaded. */
  searchSites(hash: string, query: string, limit: number): SiteMatch[] | null {
    return searchKeys?.hash === hash ? searchSiteColumns(searchKeys.keys, query, limit) : null;
  },
};

export type SiteTableApi = typeof siteTableApi;
