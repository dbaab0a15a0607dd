/**
 * The site table: every site with its analysis flags, sortable, searchable,
 * filterable by flag, exportable to CSV, and linked both ways to the map
 * (a row click selects and flies to the site; a map selection highlights and
 * reveals its row). Sorting and filtering are the pure functions of
 * src/analysis/site-table-*.ts over index arrays; the body is virtualised.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import { siteTypeLabel } from '../analysis/site-table-cells';
import {
  firstDirection,
  SITE_TABLE_COLUMNS,
  SITE_TABLE_FLAGS,
  type SiteTableColumnId,
  type SiteTableData,
  sortKeyOf,
} from '../analysis/site-table-columns';
import { csvText, siteTableCsvRows } from '../analysis/site-table-csv';
import { allIndices, filterIndices, type SortDirection, sortIndices } from '../analysis/site-table-order';
import { createSiteTableSorter, WORKER_SORT_THRESHOLD } from '../analysis/site-table-sorter';
import {
  prepareSearchKeys,
  prepareSiteTableSource,
  readySearchKeys,
  readySiteTableSource,
  type SiteTableSource,
  searchKeysOf,
  siteIndexOf,
  siteTableSource,
} from '../analysis/site-table-source';
import { textSortColumn } from '../analysis/site-table-text-keys';
import type { SiteCollection } from '../domain/types';
import { translator } from '../i18n/translate';
import { exportFileName } from '../io/export-file-name';
import { normaliseText } from '../io/field-names';
import { CSV_DIALECTS } from '../io/write-csv';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import { storedCsvStyle } from '../state/preferences';
import { isSiteFilterActive, normaliseSiteFilter } from '../state/site-filter';
import type { Store } from '../state/store';
import { element } from './dom';
import { downloadText } from './export-dialog';
import { createSiteTableBody } from './site-table-body';

/** Zoom a row click flies to (never zooms out: see MapView.flyTo). */
const SITE_ZOOM = 14;
/**
 * Above this many sites the table's columns are read in slices, in the
 * background as soon as the sites load, so opening the table finds them
 * ready and no task freezes the page.
 */
const BACKGROUND_THRESHOLD = 20_000;
/**
 * Up to this many sites, columns or search keys not yet prepared are read at
 * once when the open table needs them (a few hundred milliseconds at most);
 * above, the table says it is preparing them and shows them when ready.
 */
const AT_ONCE_LIMIT = 100_000;
/** Milliseconds between new sites and their background preparation. */
const BACKGROUND_DELAY = 1500;

interface Sort {
  column: SiteTableColumnId;
  direction: SortDirection;
}

/**
 * Mounts the table in `container` (the hidden #table-panel) and its toggle
 * button in #toolbar. Returns the unmount function.
 */
export function mountSiteTable(
  container: HTMLElement,
  store: Store<AppState>,
  analysis: AnalysisController,
  view: MapView,
): () => void {
  let visible = false;
  let sort: Sort = { column: 'individuals', direction: 'descending' };
  // Until the user picks a column, the table sorts by priority once an analysis is open and the flags are known.
  let userSorted = false;
  // Search words and flag chips edit the one site filter (state/site-filter.ts): `datasets` is already filtered.
  const words: string[] = [];
  let source: { sites: SiteCollection; table: SiteTableSource } | null = null;
  let data: SiteTableData | null = null;
  let sortKeys = new Map<SiteTableColumnId, Float64Array>();
  let sorted: Uint32Array | null = null;
  let order: Uint32Array = new Uint32Array(0);
  /** The sort asked of the worker, so a late answer for an older sort is dropped. */
  let sortRequest = 0;
  /** The sort the worker is doing, and the data order shown meanwhile. */
  let pending: { data: SiteTableData; sort: string; placeholder: Uint32Array } | null = null;
  const sorter = createSiteTableSorter();

  const t = () => translator(store.get().language);

  // --- Elements -----------------------------------------------------------------------------------
  const toggle = element('button', {
    attributes: {
      type: 'button',
      'aria-pressed': 'false',
      'aria-controls': container.id,
      'data-action': 'site-table',
    },
  });
  const title = element('h2', { className: 'site-table-title', attributes: { id: 'site-table-title' } });
  const count = element('span', { className: 'site-table-count', attributes: { role: 'status' } });
  const computing = element('span', {
    className: 'site-table-computing',
    attributes: { 'aria-live': 'polite' },
  });
  const preparing = element('span', {
    className: 'site-table-preparing',
    attributes: { 'aria-live': 'polite', 'data-site-table-preparing': '' },
  });
  const searchLabel = element('label', {
    className: 'site-table-visually-hidden',
    attributes: { for: 'site-table-search' },
  });
  const search = element('input', {
    className: 'site-table-search',
    attributes: { id: 'site-table-search', type: 'search', autocomplete: 'off', spellcheck: 'false' },
  });
  const exportButton = element('button', {
    className: 'site-table-export',
    attributes: { type: 'button', 'data-action': 'site-table-export' },
  });
  const close = element('button', {
    className: 'icon-button',
    text: '×',
    attributes: { type: 'button', 'data-action': 'site-table-close' },
  });
  const sensitive = element('span', { className: 'sensitive-badge site-table-sensitive' });
  const filterLegend = element('legend');
  const flagInputs = SITE_TABLE_FLAGS.map((flag) => {
    const input = element('input', { attributes: { type: 'checkbox', 'data-flag-filter': flag.id } });
    const badge = element('span', { className: `site-flag site-flag-${flag.id}` });
    input.addEventListener('change', () => {
      const filter = store.get().siteFilter;
      const flags = filter.flags.filter((id) => id !== flag.id);
      store.set({
        siteFilter: normaliseSiteFilter({ ...filter, flags: input.checked ? [...flags, flag.id] : flags }),
      });
    });
    return { flag, input, badge, label: element('label', { className: 'site-flag-filter' }, [input, badge]) };
  });
  const filters = element('fieldset', { className: 'site-table-filters' }, [
    filterLegend,
    ...flagInputs.map(({ label }) => label),
    sensitive,
  ]);
  const headerButtons = SITE_TABLE_COLUMNS.map((column) => {
    const button = element('button', {
      className: 'site-table-sort',
      attributes: { type: 'button', 'data-sort': column.id },
    });
    const heading = element(
      'th',
      {
        className:
          column.kind === 'number' && column.id !== 'flags'
            ? `numeric column-${column.id}`
            : `column-${column.id}`,
        attributes: { scope: 'col' },
      },
      [button],
    );
    button.addEventListener('click', () => {
      sort =
        sort.column === column.id
          ? { column: column.id, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column: column.id, direction: firstDirection(column.id) };
      userSorted = true;
      sorted = null;
      refresh();
    });
    return { column, button, heading };
  });
  const headerRow = element(
    'tr',
    { attributes: { 'aria-rowindex': 1 } },
    headerButtons.map(({ heading }) => heading),
  );
  const head = element('thead', {}, [headerRow]);
  const scroller = element('div', { className: 'site-table-scroller' });
  const body = createSiteTableBody(scroller, () => head.offsetHeight, choose);
  const table = element('table', { className: 'site-table', attributes: { 'aria-labelledby': title.id } }, [
    element(
      'colgroup',
      {},
      SITE_TABLE_COLUMNS.map((column) => element('col', { className: `column-${column.id}` })),
    ),
    head,
    body.element,
  ]);
  const empty = element('p', { className: 'site-table-empty', attributes: { hidden: true } });
  scroller.append(table, empty);
  container.replaceChildren(
    element('div', { className: 'site-table-bar' }, [
      title,
      count,
      computing,
      preparing,
      element('span', { className: 'site-table-spacer-flex' }),
      searchLabel,
      search,
      exportButton,
      close,
    ]),
    filters,
    scroller,
  );
  container.setAttribute('aria-labelledby', title.id);
  const toolbar = document.querySelector<HTMLElement>('#toolbar');
  toolbar?.append(toggle);

  // --- Data and order -----------------------------------------------------------------------------
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
    if (flags && !userSorted && sort.column !== 'priority' && store.get().activeAnalysis !== null) {
      sort = { column: 'priority', direction: 'descending' };
      sorted = null;
    }
    if (data?.source !== table || data.flags !== flags || data.weights !== weights) {
      if (data?.source === table && data.weights !== weights) {
        sortKeys.delete('priority');
        if (sort.column === 'priority') sorted = null;
      }
      if (data?.source === table && data.flags !== flags) {
        // Flag-derived sort keys are stale; the sites' own columns stay valid.
        for (const column of SITE_TABLE_COLUMNS) if (column.fromFlags) sortKeys.delete(column.id);
        if (SITE_TABLE_COLUMNS.find((column) => column.id === sort.column)?.fromFlags) sorted = null;
      }
      data = { source: table, flags, weights };
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

  function selectedIndex(current: SiteTableData): number {
    const selection = store.get().selection;
    if (selection?.layerId !== 'sites') return -1;
    return siteIndexOf(current.source, selection.featureId);
  }

  function refresh(): void {
    if (!visible) return;
    const current = currentData();
    if (!current) {
      // Rows of the sites before must not stay clickable while the new ones are read.
      if (data && order.length > 0) {
        order = new Uint32Array(0);
        body.update({ order, data, language: store.get().language, t: t(), selectedIndex: -1 });
      }
      describePreparation(null);
      return;
    }
    const searchKeys = words.length > 0 ? searchKeysFor(current.source) : [];
    order = filterIndices(sortedOrder(current), searchKeys ?? [], current.flags?.flags ?? null, {
      words: searchKeys ? words : [],
      requiredFlags: 0,
    });
    const language = store.get().language;
    body.update({ order, data: current, language, t: t(), selectedIndex: selectedIndex(current) });
    table.setAttribute('aria-rowcount', String(order.length + 1));
    empty.hidden = order.length > 0;
    describeState(current);
    describePreparation(current);
  }

  /** Texts that depend on the counts and the flags' progress. */
  function describeState(current: SiteTableData): void {
    const translate = t();
    // Out of every loaded site while a filter (search, chips, Filters panel) makes `shown` smaller.
    const state = store.get();
    const total =
      isSiteFilterActive(state.siteFilter) && state.sourceDatasets
        ? state.sourceDatasets.sites.features.length
        : current.source.count;
    count.textContent = translate('siteTable.count', { shown: order.length, total });
    const results = analysis.results.get();
    const running = results.running?.analysis === 'flags' ? results.running : null;
    if (current.flags) computing.textContent = '';
    else if (results.error && !running)
      computing.textContent = translate('siteTable.error', {
        detail: translate(results.error.key, results.error.parameters),
      });
    else if (running && running.total > 0)
      computing.textContent = translate('siteTable.computingProgress', {
        percent: Math.floor((100 * running.done) / running.total),
      });
    else computing.textContent = translate('siteTable.computing');
    computing.hidden = computing.textContent === '';
    computing.title = computing.textContent;
    exportButton.disabled = !current.flags;
    exportButton.title = current.flags ? '' : translate('siteTable.exportWait');
    const filter = store.get().siteFilter;
    for (const { flag, input } of flagInputs) input.checked = filter.flags.includes(flag.id);
    if (document.activeElement !== search && normaliseText(search.value) !== filter.search)
      search.value = filter.search;
    for (const { column, heading } of headerButtons) {
      heading.setAttribute('aria-sort', column.id === sort.column ? sort.direction : 'none');
    }
  }

  /** Says the columns are being prepared, or the rows sorted, for a large table. */
  function describePreparation(current: SiteTableData | null): void {
    const translate = t();
    const sites = store.get().datasets?.sites;
    preparing.textContent =
      sites && !current
        ? translate('siteTable.preparing')
        : current && pending?.data === current && !sorted
          ? translate('siteTable.sorting')
          : current && words.length > 0 && !readySearchKeys(current.source)
            ? translate('siteTable.preparing')
            : '';
    preparing.hidden = preparing.textContent === '';
    if (sites && !current) count.textContent = '';
  }

  function describeProgress(): void {
    if (visible && data) describeState(data);
  }

  /** Every text that depends only on the language. */
  function applyLanguage(): void {
    const translate = t();
    toggle.textContent = translate('siteTable.toggle');
    title.textContent = translate('siteTable.title');
    searchLabel.textContent = translate('siteTable.search');
    search.placeholder = translate('siteTable.searchPlaceholder');
    search.setAttribute('aria-label', translate('siteTable.search'));
    exportButton.textContent = translate('siteTable.export');
    close.setAttribute('aria-label', translate('siteTable.close'));
    close.title = translate('siteTable.close');
    sensitive.textContent = translate('siteTable.sensitive');
    filterLegend.textContent = translate('siteTable.flagFilter');
    empty.textContent = translate('siteTable.empty');
    for (const { flag, badge, label } of flagInputs) {
      badge.textContent = translate(flag.label);
      label.title = translate(flag.description);
    }
    for (const { column, button } of headerButtons) {
      button.textContent = translate(column.label);
      button.title = translate(column.description);
    }
    // Type labels and collation both follow the language.
    sortKeys = new Map();
    sorted = null;
    refresh();
  }

  // --- Actions ------------------------------------------------------------------------------------
  function choose(siteIndex: number): void {
    const current = data;
    if (!current) return;
    const id = current.source.ids[siteIndex];
    if (!id) return;
    store.set({ selection: { layerId: 'sites', featureId: id } });
    const longitude = current.source.longitudes[siteIndex] ?? Number.NaN;
    const latitude = current.source.latitudes[siteIndex] ?? Number.NaN;
    if (Number.isFinite(longitude) && Number.isFinite(latitude)) view.flyTo(longitude, latitude, SITE_ZOOM);
  }

  function setVisible(next: boolean): void {
    if (visible === next) return;
    visible = next;
    container.hidden = !next;
    toggle.setAttribute('aria-pressed', String(next));
    // The map's container changed size: let MapLibre and deck redraw at the new size.
    view.resize();
    if (next) {
      analysis.ensureFlags();
      refresh();
      revealSelection();
    }
  }

  function revealSelection(): void {
    if (!visible || !data) return;
    const index = selectedIndex(data);
    const position = index < 0 ? -1 : order.indexOf(index);
    if (position < 0) return;
    body.setActive(position);
    body.reveal(position);
  }

  function exportCsv(): void {
    const current = data;
    if (!current) return;
    const dialect = CSV_DIALECTS[storedCsvStyle(globalThis.localStorage, store.get().language)];
    const text = csvText(siteTableCsvRows(current, order, t()), dialect);
    downloadText(exportFileName('site-flags', 'csv', new Date()), text, 'text/csv;charset=utf-8');
  }

  toggle.addEventListener('click', () => setVisible(!visible));
  close.addEventListener('click', () => {
    setVisible(false);
    toggle.focus();
  });
  exportButton.addEventListener('click', exportCsv);
  search.addEventListener('input', () => {
    // At once, as the table's search always did: filtering is quick, and a newer analysis run supersedes an older one.
    store.set((state) => ({
      siteFilter: normaliseSiteFilter({ ...state.siteFilter, search: search.value }),
    }));
  });
  /**
   * New sites: shown now when the table is open; when it is closed and they
   * are many, their columns are read in slices in the background, so the
   * table opens at once later.
   */
  function prepareInBackground(): void {
    if (visible) {
      refresh();
      return;
    }
    const sites = store.get().datasets?.sites;
    if (!sites || sites.features.length <= BACKGROUND_THRESHOLD) return;
    // After the map's first draw of them, which needs the machine more.
    setTimeout(() => {
      if (store.get().datasets?.sites === sites) void prepareSiteTableSource(sites);
    }, BACKGROUND_DELAY);
  }

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      body.render();
    });
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  const resizeObserver = new ResizeObserver(onScroll);
  resizeObserver.observe(scroller);

  const unsubscribers = [
    store.subscribe((state) => state.language, applyLanguage),
    store.subscribe((state) => state.datasets, prepareInBackground),
    store.subscribe((state) => state.siteFilter, refresh),
    store.subscribe((state) => state.priorityWeights, refresh),
    store.subscribe((state) => state.activeAnalysis, refresh),
    store.subscribe(
      (state) => state.selection,
      () => {
        refresh();
        revealSelection();
      },
    ),
    analysis.results.subscribe((results) => results.flags, refresh),
    analysis.results.subscribe((results) => results.running, describeProgress),
    analysis.results.subscribe((results) => results.error, describeProgress),
    analysis.results.subscribe(
      (results) => results.sites,
      () => {
        // New sites: ask for their flags, after the controller has sent them to the worker.
        if (visible) queueMicrotask(() => analysis.ensureFlags());
      },
    ),
  ];
  container.hidden = true;
  applyLanguage();

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    sorter.dispose();
    resizeObserver.disconnect();
    if (frame) cancelAnimationFrame(frame);
    toggle.remove();
    container.replaceChildren();
    container.hidden = true;
  };
}
