/**
 * The site table: every site with its analysis flags, sortable, searchable,
 * filterable by flag, exportable to CSV, and linked both ways to the map
 * (a row click selects and flies to the site; a map selection highlights and
 * reveals its row). Sorting and filtering are the pure functions of
 * src/analysis/site-table-*.ts over index arrays; the body is virtualised.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import { SITE_TABLE_COLUMNS, type SiteTableData } from '../analysis/site-table-columns';
import { csvText, siteTableCsvRows } from '../analysis/site-table-csv';
import { filterIndices } from '../analysis/site-table-order';
import { siteRowOfId } from '../analysis/site-table-row-index';
import { prepareSiteTableSource, readySearchKeys, siteIndexOf } from '../analysis/site-table-source';
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
import { siteTableElements } from './site-table-elements';
import { createSiteTableState } from './site-table-state';

/** Zoom a row click flies to (never zooms out: see MapView.flyTo). */
const SITE_ZOOM = 14;
/**
 * Above this many sites the table's columns are read in slices, in the
 * background as soon as the sites load, so opening the table finds them
 * ready and no task freezes the page.
 */
const BACKGROUND_THRESHOLD = 20_000;
/** Milliseconds between new sites and their background preparation. */
const BACKGROUND_DELAY = 1500;

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
  // Search words and flag chips edit the one site filter (state/site-filter.ts): `datasets` is already filtered.
  const words: string[] = [];
  let order: Uint32Array = new Uint32Array(0);
  const model = createSiteTableState(store, analysis, () => refresh());

  const t = () => translator(store.get().language);

  const {
    toggle,
    title,
    count,
    computing,
    preparing,
    searchLabel,
    search,
    exportButton,
    close,
    sensitive,
    filterLegend,
    flagInputs,
    filters,
    headerButtons,
    head,
    scroller,
  } = siteTableElements(container.id);
  for (const { flag, input } of flagInputs)
    input.addEventListener('change', () => {
      const filter = store.get().siteFilter;
      const flags = filter.flags.filter((id) => id !== flag.id);
      store.set({
        siteFilter: normaliseSiteFilter({ ...filter, flags: input.checked ? [...flags, flag.id] : flags }),
      });
    });
  for (const { column, button } of headerButtons)
    button.addEventListener('click', () => {
      model.sortBy(column.id);
      refresh();
    });
  const body = createSiteTableBody(scroller, () => head.offsetHeight, choose);
  const columns = SITE_TABLE_COLUMNS.map((column) => element('col', { className: `column-${column.id}` }));
  const table = element('table', { className: 'site-table', attributes: { 'aria-labelledby': title.id } }, [
    element('colgroup', {}, columns),
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

  function selectedIndex(current: SiteTableData): number {
    const selection = store.get().selection;
    if (selection?.layerId !== 'sites') return -1;
    // The shared id index, when the table shows the current sites (checked on the row's id).
    const sites = store.get().datasets?.sites.features;
    if (sites?.length === current.source.count) {
      const row = siteRowOfId(sites, selection.featureId);
      if (row < 0 || current.source.ids[row] === selection.featureId) return row;
    }
    return siteIndexOf(current.source, selection.featureId);
  }

  function refresh(): void {
    if (!visible) return;
    const current = model.currentData();
    if (!current) {
      // Rows of the sites before must not stay clickable while the new ones are read.
      const data = model.data();
      if (data && order.length > 0) {
        order = new Uint32Array(0);
        body.update({ order, data, language: store.get().language, t: t(), selectedIndex: -1 });
      }
      describePreparation(null);
      return;
    }
    const searchKeys = words.length > 0 ? model.searchKeysFor(current.source) : [];
    order = filterIndices(model.sortedOrder(current), searchKeys ?? [], current.flags?.flags ?? null, {
      words: searchKeys ? words : [],
      requiredFlags: 0,
    });
    const language = store.get().language;
    showRoundColumns(current);
    body.update({ order, data: current, language, t: t(), selectedIndex: selectedIndex(current) });
    table.setAttribute('aria-rowcount', String(order.length + 1));
    empty.hidden = order.length > 0;
    describeState(current);
    describePreparation(current);
  }

  /**
   * The round columns are there only while two rounds are compared: marked
   * unavailable otherwise, so the stylesheet collapses them and the column
   * chooser leaves them out.
   */
  function showRoundColumns(current: SiteTableData): void {
    const active = Boolean(current.rounds);
    table.toggleAttribute('data-rounds', active);
    SITE_TABLE_COLUMNS.forEach((column, index) => {
      if (column.rounds) columns[index]?.toggleAttribute('data-unavailable', !active);
    });
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
    const closed = current.rounds?.closed ?? 0;
    // Closed sites are not in the later round, so no row can show them: the count line says how many,
    // in a part that gives way (ellipsis, whole in its tooltip) before the search and export do.
    const note =
      current.rounds && closed > 0
        ? translate('roundTable.closedNotListed', { count: closed, label: current.rounds.base.label })
        : '';
    count.replaceChildren(
      translate('siteTable.count', { shown: order.length, total }),
      ...(note
        ? [
            element('span', {
              className: 'site-table-count-note',
              text: `· ${note}`,
              attributes: { title: note },
            }),
          ]
        : []),
    );
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
      heading.setAttribute('aria-sort', column.id === model.sort().column ? model.sort().direction : 'none');
    }
  }

  /** Says the columns are being prepared, or the rows sorted, for a large table. */
  function describePreparation(current: SiteTableData | null): void {
    const translate = t();
    const sites = store.get().datasets?.sites;
    preparing.textContent =
      sites && !current
        ? translate('siteTable.preparing')
        : current && model.sorting(current)
          ? translate('siteTable.sorting')
          : current && words.length > 0 && !readySearchKeys(current.source)
            ? translate('siteTable.preparing')
            : '';
    preparing.hidden = preparing.textContent === '';
    if (sites && !current) count.textContent = '';
  }

  function describeProgress(): void {
    const data = model.data();
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
    model.languageChanged();
    refresh();
  }

  // --- Actions ------------------------------------------------------------------------------------
  function choose(siteIndex: number): void {
    const current = model.data();
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
    // The map gets shorter or taller: the map view follows its container without resizing its
    // canvas (canvas-fit.ts), whose reallocation was the long task of opening the table.
    if (next) {
      analysis.ensureFlags();
      refresh();
      revealSelection();
    }
  }

  function revealSelection(): void {
    const data = model.data();
    if (!visible || !data) return;
    const index = selectedIndex(data);
    const position = index < 0 ? -1 : order.indexOf(index);
    if (position < 0) return;
    body.setActive(position);
    body.reveal(position);
  }

  function exportCsv(): void {
    const current = model.data();
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
    store.subscribe((state) => state.roundChange, refresh),
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
    model.dispose();
    resizeObserver.disconnect();
    if (frame) cancelAnimationFrame(frame);
    toggle.remove();
    container.replaceChildren();
    container.hidden = true;
  };
}
