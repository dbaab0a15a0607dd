/**
 * The flows section of the side column (issue 17): show the movements, the
 * points of entry and the communes coloured by host pressure (with its legend
 * of classes), choose categories and a period, read the arcs' legend, where
 * the movements come from (with "remove" for an imported table, kept across
 * reloads), the last import's report (rows not placed, by row number) and the
 * aggregates of the selection computed in the analysis worker (flow-figures.ts).
 * Controls are built once per language, so a click keeps focus; a change made
 * elsewhere (a link, Back) sets their values in place.
 */
import type { FlowColumns, FlowSelection, MovementSummary } from '../../workers/analysis/flow-aggregation';
import { FLOW_CATEGORIES, type FlowCategory } from '../flows/flow-categories';
import type { FlowImport } from '../flows/flow-import';
import { displacedByArea, flowColumns, flowSelection } from '../flows/flow-selection';
import type { FlowState } from '../flows/flow-state';
import { translator } from '../i18n/translate';
import { hostPressureLegend } from '../map/flow-legend';
import { FLOW_LEGEND, flowCategorySymbol } from '../map/flow-palette';
import type { LegendSymbol } from '../map/palette';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { legendSwatch } from '../symbology/legend-swatch';
import { element } from './dom';
import { flowFigures } from './flow-figures';
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

const legendList = (label: string, entries: readonly { symbol: LegendSymbol; label: string }[]) =>
  element(
    'ul',
    { className: 'flows-legend', attributes: { 'aria-label': label } },
    entries.map((entry) =>
      element('li', {}, [legendSwatch(entry.symbol), element('span', { text: entry.label })]),
    ),
  );

function mountFlowPanel(container: HTMLElement, parts: FlowPanelParts): () => void {
  const { store, flows, importer, summarise } = parts;
  let request = 0;
  const source = element('p', { className: 'flows-source', attributes: { 'data-flows-source': '' } });
  const remove = element('button', {
    className: 'io-button',
    attributes: { type: 'button', 'data-flows-action': 'remove' },
  });
  remove.addEventListener('click', () => void importer.remove());
  const notice = element('p', {
    className: 'flows-notice',
    attributes: { 'data-flows-notice': '', role: 'status' },
  });
  const report = element('div', { className: 'flows-report', attributes: { 'data-flows-report': '' } });
  const figures = element('div', { className: 'flows-summary', attributes: { 'data-flows-summary': '' } });
  let pressureLegend: HTMLElement = element('ul');
  /** Sets the controls' values from the state, for changes made elsewhere. */
  let syncControls = () => {};

  const build = () => {
    const language = store.get().language;
    const t = translator(language);
    const state = flows.get();
    const shown = checkbox('data-flows-control', 'shown', state.shown);
    shown.addEventListener('change', () => flows.set({ shown: shown.checked }));
    const entries = checkbox('data-flows-control', 'entries', state.entriesShown);
    entries.addEventListener('change', () => flows.set({ entriesShown: entries.checked }));
    const pressure = checkbox('data-flows-control', 'pressure', state.pressureShown);
    pressure.addEventListener('change', () => flows.set({ pressureShown: pressure.checked }));
    const categories = FLOW_CATEGORIES.map((category) => {
      const box = checkbox('data-flows-category', category, state.filter.categories.has(category));
      box.addEventListener('change', () => {
        const next = new Set<FlowCategory>(flows.get().filter.categories);
        if (box.checked) next.add(category);
        else next.delete(category);
        flows.set({ filter: { ...flows.get().filter, categories: next } });
      });
      const swatch = legendSwatch(flowCategorySymbol(category));
      return {
        category,
        box,
        label: element('label', {}, [box, ' ', swatch, ` ${t(`flows.category.${category}`)}`]),
      };
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
      return input;
    };
    const [from, to] = [dateInput('from'), dateInput('to')];
    pressureLegend = legendList(t('flows.pressure.heading'), hostPressureLegend(language));
    pressureLegend.classList.add('flows-pressure-legend');
    pressureLegend.dataset.flowsLegend = 'pressure';
    syncControls = () => {
      const current = flows.get();
      shown.checked = current.shown;
      entries.checked = current.entriesShown;
      pressure.checked = current.pressureShown;
      for (const { category, box } of categories) box.checked = current.filter.categories.has(category);
      from.value = current.filter.fromDate ?? '';
      to.value = current.filter.toDate ?? '';
      pressureLegend.hidden = !(current.shown && current.pressureShown);
    };
    remove.textContent = t('flows.remove');
    container.replaceChildren(
      element('h2', { text: t('flows.title'), attributes: { id: 'flows-panel-title' } }),
      element('label', {}, [shown, ` ${t('flows.show')}`]),
      element('label', {}, [entries, ` ${t('flows.showEntries')}`]),
      element('label', {}, [pressure, ` ${t('flows.pressure.show')}`]),
      element('fieldset', { className: 'flows-categories' }, [
        element('legend', { text: t('flows.categories') }),
        ...categories.map((entry) => entry.label),
      ]),
      element('div', { className: 'flows-period' }, [
        element('label', {}, [`${t('flows.from')} `, from]),
        element('label', {}, [`${t('flows.to')} `, to]),
      ]),
      legendList(
        t('flows.legend'),
        FLOW_LEGEND.map((entry) => ({ symbol: entry.symbol, label: t(entry.label) })),
      ),
      pressureLegend,
      source,
      remove,
      notice,
      report,
      figures,
    );
    syncControls();
    update();
  };

  const update = () => {
    const language = store.get().language;
    const t = translator(language);
    const state = flows.get();
    source.textContent =
      state.source === null
        ? t('flows.noData')
        : state.source === 'demo'
          ? t('flows.sourceDemo')
          : t('flows.sourceFile', { file: state.source.fileName });
    remove.hidden = state.source === null || state.source === 'demo';
    notice.textContent = state.notice ? t(`flows.notice.${state.notice}`) : '';
    notice.hidden = state.notice === null;
    report.replaceChildren(...flowReportLines(state.report, t).map((line) => element('p', { text: line })));
    figures.replaceChildren(
      ...(state.summary && state.records.length > 0 ? flowFigures(state.summary, state, t, language) : []),
    );
  };

  // The aggregates follow the records, the filter and the sites (host pressure's denominator).
  const recompute = async () => {
    const state = flows.get();
    const sites = store.get().datasets?.sites;
    const asked = ++request;
    if (state.records.length === 0 || !sites) {
      flows.set({ summary: null });
      return;
    }
    const answer = await summarise(
      flowColumns(state.records, state.communes.length),
      flowSelection(state.filter),
      displacedByArea(sites, state.communes),
    );
    if (asked === request) flows.set({ summary: answer });
  };
  // Shown by the box, a link or a saved view: the kept import or the demo comes in if nothing is loaded.
  const loadWhenShown = () => {
    if (flows.get().shown) void importer.loadDemo();
  };

  container.hidden = false;
  build();
  void recompute();
  loadWhenShown();
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
    flows.subscribe((state) => state.shown, loadWhenShown),
    ...(['shown', 'entriesShown', 'pressureShown', 'filter'] as const).map((key) =>
      flows.subscribe(
        (state) => state[key],
        () => syncControls(),
      ),
    ),
    ...(['report', 'source', 'summary', 'notice'] as const).map((key) =>
      flows.subscribe((state) => state[key], update),
    ),
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
