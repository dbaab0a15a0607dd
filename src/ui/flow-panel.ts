/**
 * The flows section of the side column (issue 17): show the movements and
 * the points of entry, choose categories and a period, read the legend, the
 * last import's report (rows not placed, by row number) and the aggregates of
 * the selection — arrivals and departures per commune with their host
 * pressure, and the largest origin–destination pairs — computed in the
 * analysis worker. Controls are built once per language, so a click keeps focus.
 */
import type { FlowColumns, FlowSelection, MovementSummary } from '../../workers/analysis/flow-aggregation';
import { formatFigure } from '../analyses/figure-format';
import { FLOW_CATEGORIES, type FlowCategory } from '../flows/flow-categories';
import type { FlowImport } from '../flows/flow-import';
import { movementRows } from '../flows/flow-panel-rows';
import { displacedByArea, flowColumns, flowSelection } from '../flows/flow-selection';
import type { FlowState } from '../flows/flow-state';
import { type Translate, translator } from '../i18n/translate';
import { FLOW_LEGEND } from '../map/flow-palette';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { legendSwatch } from '../symbology/legend-swatch';
import { element } from './dom';
import { flowReportLines } from './flow-report';

/** The worker call that aggregates a selection (the analysis client's remote). */
export type SummariseMovements = (
  flows: FlowColumns,
  selection: FlowSelection,
  displacedInSites: Float64Array,
) => Promise<MovementSummary>;

export interface FlowPanelParts {
  store: Store<AppState>;
  flows: Store<FlowState>;
  importer: FlowImport;
  summarise: SummariseMovements;
}

const checkbox = (attribute: string, value: string, checked: boolean) =>
  element('input', { attributes: { type: 'checkbox', [attribute]: value, checked } });

function mountFlowPanel(container: HTMLElement, parts: FlowPanelParts): () => void {
  const { store, flows, importer, summarise } = parts;
  let summary: MovementSummary | null = null;
  let request = 0;
  const source = element('p', { className: 'flows-source', attributes: { 'data-flows-source': '' } });
  const report = element('div', { className: 'flows-report', attributes: { 'data-flows-report': '' } });
  const figures = element('div', { className: 'flows-summary', attributes: { 'data-flows-summary': '' } });

  const build = () => {
    const t = translator(store.get().language);
    const state = flows.get();
    const shown = checkbox('data-flows-control', 'shown', state.shown);
    shown.addEventListener('change', () => {
      flows.set({ shown: shown.checked });
      if (shown.checked) void importer.loadDemo();
    });
    const entries = checkbox('data-flows-control', 'entries', state.entriesShown);
    entries.addEventListener('change', () => flows.set({ entriesShown: entries.checked }));
    const categories = FLOW_CATEGORIES.map((category) => {
      const box = checkbox('data-flows-category', category, state.filter.categories.has(category));
      box.addEventListener('change', () => {
        const next = new Set<FlowCategory>(flows.get().filter.categories);
        if (box.checked) next.add(category);
        else next.delete(category);
        flows.set({ filter: { ...flows.get().filter, categories: next } });
      });
      return element('label', {}, [box, ` ${t(`flows.category.${category}`)}`]);
    });
    const dateInput = (control: 'from' | 'to') => {
      const value = control === 'from' ? state.filter.fromDate : state.filter.toDate;
      const input = element('input', {
        attributes: { type: 'date', 'data-flows-control': control, value: value ?? undefined },
      });
      input.addEventListener('change', () => {
        const date = input.value === '' ? null : input.value;
        flows.set({ filter: { ...flows.get().filter, [control === 'from' ? 'fromDate' : 'toDate']: date } });
      });
      return element('label', {}, [`${t(control === 'from' ? 'flows.from' : 'flows.to')} `, input]);
    };
    const legend = element(
      'ul',
      { className: 'flows-legend', attributes: { 'aria-label': t('flows.legend') } },
      FLOW_LEGEND.map((entry) =>
        element('li', {}, [legendSwatch(entry.symbol), element('span', { text: t(entry.label) })]),
      ),
    );
    container.replaceChildren(
      element('h2', { text: t('flows.title'), attributes: { id: 'flows-panel-title' } }),
      element('label', {}, [shown, ` ${t('flows.show')}`]),
      element('label', {}, [entries, ` ${t('flows.showEntries')}`]),
      element('fieldset', { className: 'flows-categories' }, [
        element('legend', { text: t('flows.categories') }),
        ...categories,
      ]),
      element('div', { className: 'flows-period' }, [dateInput('from'), dateInput('to')]),
      legend,
      source,
      report,
      figures,
    );
    update();
  };

  const update = () => {
    const t = translator(store.get().language);
    const state = flows.get();
    source.textContent =
      state.source === null
        ? t('flows.noData')
        : state.source === 'demo'
          ? t('flows.sourceDemo')
          : t('flows.sourceFile', { file: state.source.fileName });
    report.replaceChildren(...flowReportLines(state.report, t).map((line) => element('p', { text: line })));
    renderSummary(t, state);
  };

  const renderSummary = (t: Translate, state: FlowState) => {
    const language = store.get().language;
    if (!summary || state.records.length === 0) {
      figures.replaceChildren();
      return;
    }
    const rows = movementRows(summary, state.communes);
    const count = (value: number) => formatFigure({ value, format: 'count', language });
    const cell = (column: string, text: string) =>
      element('td', { text, attributes: { 'data-column': column } });
    const header = (...keys: Parameters<Translate>[0][]) =>
      element('thead', {}, [
        element(
          'tr',
          {},
          keys.map((key) => element('th', { text: t(key) })),
        ),
      ]);
    figures.replaceChildren(
      element('p', {
        text: t('flows.totals', {
          people: count(rows.people),
          records: count(rows.recordCount),
          abroad: count(rows.arrivalsFromAbroad),
        }),
      }),
      element('table', { className: 'flows-table', attributes: { 'data-flows-table': 'communes' } }, [
        header(
          'flows.column.commune',
          'flows.column.arrivals',
          'flows.column.departures',
          'flows.column.hostPressure',
        ),
        element(
          'tbody',
          {},
          rows.communes.map((row) =>
            element('tr', { attributes: { 'data-commune': row.pcode } }, [
              cell('commune', row.name),
              cell('arrivals', count(row.arrivals)),
              cell('departures', count(row.departures)),
              cell('hostPressure', formatFigure({ value: row.hostPressure, format: 'percent', language })),
            ]),
          ),
        ),
      ]),
      element('table', { className: 'flows-table', attributes: { 'data-flows-table': 'pairs' } }, [
        header('flows.column.origin', 'flows.column.destination', 'flows.column.people'),
        element(
          'tbody',
          {},
          rows.pairs.map((pair) =>
            element('tr', {}, [
              cell('origin', pair.origin ?? t('flows.abroad')),
              cell('destination', pair.destination ?? t('flows.unknownPlace')),
              cell('people', count(pair.count)),
            ]),
          ),
        ),
      ]),
    );
  };

  // The aggregates follow the records, the filter and the sites (host pressure's denominator).
  const recompute = async () => {
    const state = flows.get();
    const sites = store.get().datasets?.sites;
    const asked = ++request;
    if (state.records.length === 0 || !sites) {
      summary = null;
      update();
      return;
    }
    const answer = await summarise(
      flowColumns(state.records, state.communes.length),
      flowSelection(state.filter),
      displacedByArea(sites, state.communes),
    );
    if (asked !== request) return;
    summary = answer;
    update();
  };

  container.hidden = false;
  build();
  void recompute();
  const unsubscribers = [
    store.subscribe((state) => state.language, build),
    flows.subscribe(
      (state) => state.records,
      () => void recompute(),
    ),
    flows.subscribe(
      (state) => state.filter,
      () => void recompute(),
    ),
    flows.subscribe((state) => state.report, update),
    flows.subscribe((state) => state.source, update),
    store.subscribe(
      (state) => state.datasets?.sites,
      () => void recompute(),
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}

/** Mounts the flows panel in its own section of the side column, after `after`; unmounting removes it. */
export function mountFlowSection(after: HTMLElement, parts: FlowPanelParts): () => void {
  const section = element('section', {
    className: 'side-panel flows-panel',
    attributes: { id: 'flows-panel', 'aria-labelledby': 'flows-panel-title' },
  });
  after.after(section);
  const unmount = mountFlowPanel(section, parts);
  return () => {
    unmount();
    section.remove();
  };
}
