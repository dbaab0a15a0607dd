/**
 * The site table's data and order: the sites' columns (read at once when
 * few, else prepared in slices or taken from their columnar form), the
 * flags that belong to those very sites, the sort the user chose (or the
 * priority once flags are known), and the sorted order — here for small
 * tables, in the site table's worker for large ones, showing data order
 * meanwhile. No DOM: the table asks, and is told to refresh when a prepared
 * source, search keys or a worker's order arrive.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import { siteTypeLabel } from '../analysis/site-table-cells';
import {
  firstDirection,
  SITE_TABLE_COLUMNS,
  type SiteTableColumnId,
  type SiteTableData,
  sortKeyOf,
} from '../analysis/site-table-columns';
import { allIndices, type SortDirection, sortIndices } from '../analysis/site-table-order';
import { createSiteTableSorter, WORKER_SORT_THRESHOLD } from '../analysis/site-table-sorter';
import {
  prepareSearchKeys,
  prepareSiteTableSource,
  readySearchKeys,
  readySiteTableSource,
  type SiteTableSource,
  searchKeysOf,
  siteTableSource,
} from '../analysis/site-table-source';
import { textSortColumn } from '../analysis/site-table-text-keys';
import type { SiteCollection } from '../domain/types';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/**
 * Up to this many sites, columns or search keys not yet prepared are read at
 * once when the open table needs them (a few hundred milliseconds at most);
 * above, the table says it is preparing them and shows them when ready.
 */
const AT_ONCE_LIMIT = 100_000;

export interface Sort {
  column: SiteTableColumnId;
  direction: SortDirection;
}

export interface SiteTableState {
  /**
   * The current data, or null before the sites load (or while their columns
   * are prepared). Flags only when they are for these very sites.
   */
  currentData(): SiteTableData | null;
  /** The data last returned by `currentData`. */
  data(): SiteTableData | null;
  /** The sorted order, or the sites in data order while the worker sorts a large table. */
  sortedOrder(current: SiteTableData): Uint32Array;
  /** The search keys; null while a large table's are prepared. */
  searchKeysFor(table: SiteTableSource): string[] | null;
  sort(): Sort;
  /** True while the worker sorts these data. */
  sorting(current: SiteTableData): boolean;
  /** A header click: that column, or the other direction when it is already the sort. */
  sortBy(column: SiteTableColumnId): void;
  /** Type labels and collation follow the language: every sort key is made again. */
  languageChanged(): void;
  dispose(): void;
}

/** The state of one mounted table; `refresh` is called when something prepared in the background arrives. */
export function createSiteTableState(
  store: Store<AppState>,
  analysis: AnalysisController,
  refresh: () => void,
): SiteTableState {
  let sort: Sort = { column: 'individuals', direction: 'descending' };
  // Until the user picks a column, the table sorts by priority once an analysis is open and the flags are known.
  let userSorted = false;
  let source: { sites: SiteCollection; table: SiteTableSource } | null = null;
  let data: SiteTableData | null = null;
  let sortKeys = new Map<SiteTableColumnId, Float64Array>();
  let sorted: Uint32Array | null = null;
  /** The sort asked of the worker, so a late answer for an older sort is dropped. */
  let sortRequest = 0;
  /** The sort the worker is doing, and the data order shown meanwhile. */
  let pending: { data: SiteTableData; sort: string; placeholder: Uint32Array } | null = null;
  const sorter = createSiteTableSorter();

  /** The sites' columns: at once when small, else prepared in slices (null until ready). */
  function sourceFor(sites: SiteCollection): SiteTableSource | null {
    if (source?.sites === sites) return source.table;
    const ready = readySiteTableSource(sites);
    if (ready) return adopt(sites, ready);
    if (sites.features.length <= AT_ONCE_LIMIT) return adopt(sites, siteTableSource(sites));
    void prepareSiteTableSource(sites).then((table) => {
      if (store.get().datasets?.sites !== sites || source?.sites === sites) return;
      adopt(sites, table);
      refresh();
    });
    return null;
  }

  function adopt(sites: SiteCollection, table: SiteTableSource): SiteTableSource {
    source = { sites, table };
    sortKeys = new Map();
    sorted = null;
    return table;
  }

  /**
   * The current data, or null before the sites load (or while their columns
   * are prepared). Flags only when they are for these very sites.
   */
  function currentData(): SiteTableData | null {
    const sites = store.get().datasets?.sites;
    if (!sites) return null;
    const table = sourceFor(sites);
    if (!table) return null;
    const results = analysis.results.get();
    const flags = results.sites === sites ? results.flags : null;
    const weights = store.get().priorityWeights;
    const rounds = store.get().roundChange?.sites ?? null;
    if (flags && !userSorted && sort.column !== 'priority' && store.get().activeAnalysis !== null) {
      sort = { column: 'priority', direction: 'descending' };
      sorted = null;
    }
    if (data?.source === table && (data.rounds ?? null) !== rounds) {
      // Another comparison: the round columns' keys are stale.
      for (const column of SITE_TABLE_COLUMNS) if (column.rounds) sortKeys.delete(column.id);
      if (SITE_TABLE_COLUMNS.find((column) => column.id === sort.column)?.rounds) sorted = null;
    }
    if (
      data?.source !== table ||
      data.flags !== flags ||
      data.weights !== weights ||
      (data.rounds ?? null) !== rounds
    ) {
      if (data?.source === table && data.weights !== weights) {
        sortKeys.delete('priority');
        if (sort.column === 'priority') sorted = null;
      }
      if (data?.source === table && data.flags !== flags) {
        // Flag-derived sort keys are stale; the sites' own columns stay valid.
        for (const column of SITE_TABLE_COLUMNS) if (column.fromFlags) sortKeys.delete(column.id);
        if (SITE_TABLE_COLUMNS.find((column) => column.id === sort.column)?.fromFlags) sorted = null;
      }
      data = { source: table, flags, weights, rounds };
    }
    return data;
  }

  /**
   * The sorted order, or the sites in data order while the worker sorts a
   * large table (the table opens at once and is re-drawn when the order comes).
   */
  function sortedOrder(current: SiteTableData): Uint32Array {
    if (sorted) return sorted;
    const wanted = `${sort.column}:${sort.direction}`;
    if (pending?.data === current && pending.sort === wanted) return pending.placeholder;
    if (current.source.count < WORKER_SORT_THRESHOLD) {
      const keys = keysFor(sort.column, current);
      pending = null;
      sorted = sortIndices(allIndices(keys.length), keys, sort.direction);
      return sorted;
    }
    const request = ++sortRequest;
    pending = { data: current, sort: wanted, placeholder: allIndices(current.source.count) };
    // Text is ranked in the worker too: collating a million names here froze the page for seconds.
    const language = store.get().language;
    const translate = translator(language);
    const text = textSortColumn(sort.column, current.source, (code) => siteTypeLabel(translate, code));
    const ordering = text
      ? sorter.orderByText(text, sort.direction, language)
      : sorter.order(keysFor(sort.column, current), sort.direction);
    void ordering.then((indices) => {
      if (request !== sortRequest || data !== current) return;
      sorted = indices;
      pending = null;
      refresh();
    });
    return pending.placeholder;
  }

  /**
   * The search keys, built here for a small table; for a large one built in
   * slices, the rows staying unfiltered until they are ready.
   */
  function searchKeysFor(table: SiteTableSource): string[] | null {
    if (table.count <= AT_ONCE_LIMIT) return searchKeysOf(table);
    const ready = readySearchKeys(table);
    if (ready) return ready;
    void prepareSearchKeys(table).then(() => {
      if (data?.source === table) refresh();
    });
    return null;
  }

  function keysFor(column: SiteTableColumnId, current: SiteTableData): Float64Array {
    let keys = sortKeys.get(column);
    if (!keys) {
      const language = store.get().language;
      const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
      const translate = translator(language);
      keys = sortKeyOf(column, current, collator, (code) => siteTypeLabel(translate, code));
      sortKeys.set(column, keys);
    }
    return keys;
  }

  return {
    currentData,
    data: () => data,
    sortedOrder,
    searchKeysFor,
    sort: () => sort,
    sorting: (current) => pending?.data === current && !sorted,
    sortBy(column) {
      sort =
        sort.column === column
          ? { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: firstDirection(column) };
      userSorted = true;
      sorted = null;
    },
    languageChanged() {
      sortKeys = new Map();
      sorted = null;
    },
    dispose: () => sorter.dispose(),
  };
}
