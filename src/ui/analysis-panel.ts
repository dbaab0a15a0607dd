/**
 * The analysis panel: choose an analysis, set its parameters, follow its
 * progress (shown past 300 ms, cancellable), read its key figures and summary.
 * The DOM is rebuilt when the analysis, language, parameters or filter
 * change; an answer only replaces the results part, so a distance being typed
 * (or a weight being dragged) when the answer arrives is kept; progress ticks
 * only update the progress bar.
 */

import { figureContext } from '../analyses/key-figures';
import type { ParameterSpec } from '../analyses/parameters';
import { ANALYSES, ANALYSIS_IDS, type AnalysisId, type AnyAnalysis, analysisOf } from '../analyses/registry';
import type { AnalysisController } from '../analysis/analysis-controller';
import type { AnalysisResults } from '../analysis/analysis-results';
import { overviewFigures } from '../analysis/overview-figures';
import { translator } from '../i18n/translate';
import type { AppState, MapMode } from '../state/app-state';
import { coalesced } from '../state/coalesce';
import type { Store } from '../state/store';
import {
  downloadFigures,
  filterNote,
  keyFiguresList,
  overlayLegendList,
  provenance,
  summaryBlocks,
} from './analysis-summaries';
import { element } from './dom';
import { priorityWeightsControls } from './priority-weights-controls';

/** Progress shows only for runs longer than this, so quick answers do not flicker. */
const PROGRESS_DELAY_MILLISECONDS = 300;

/**
 * The panel is rebuilt on every change, which would drop keyboard focus on the page body:
 * remembers the focused control (by its data-analysis, data-action or id) and returns a
 * function that focuses its counterpart in the new DOM.
 */
function focusedControl(container: HTMLElement): () => void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !container.contains(focused)) return () => {};
  const selector = ['data-analysis', 'data-action', 'id']
    .filter((name) => focused.hasAttribute(name))
    .map((name) => `[${name}="${CSS.escape(focused.getAttribute(name) ?? '')}"]`)[0];
  return () => {
    if (selector && !focused.isConnected) container.querySelector<HTMLElement>(selector)?.focus();
  };
}

export function mountAnalysisPanel(
  container: HTMLElement,
  store: Store<AppState>,
  analysis: AnalysisController,
): () => void {
  const progressBar = element('progress', { attributes: { max: 1, 'aria-label': '' } });
  const progressText = element('span');
  const cancel = element('button', {
    className: 'text-button',
    attributes: { type: 'button', 'data-action': 'cancel-analysis' },
  });
  const progressRow = element('div', { className: 'analysis-progress', attributes: { role: 'status' } }, [
    progressBar,
    progressText,
    cancel,
  ]);
  cancel.addEventListener('click', () => {
    const running = analysis.results.get().running;
    if (running) analysis.cancel(running.analysis);
  });
  let progressTimer: ReturnType<typeof setTimeout> | undefined;

  const choose = (id: AnalysisId | null) => {
    const descriptor = id ? analysisOf(id) : null;
    store.set({
      activeAnalysis: id,
      mapMode: descriptor?.mapMode ?? 'select',
      choropleth: descriptor?.panel.choroplethToggle ? store.get().choropleth : false,
    });
  };

  /** The results part of the open analysis, and its map-mode hint; answers replace only these. */
  let resultSlot: { id: AnalysisId; results: HTMLElement; hint: HTMLElement } | null = null;

  const render = () => {
    const state = store.get();
    const results = analysis.results.get();
    const t = translator(state.language);
    const active = state.activeAnalysis;
    const buttons = element(
      'div',
      {
        className: 'analysis-choices',
        attributes: { role: 'group', 'aria-label': t('analysis.panelTitle') },
      },
      ANALYSES.map(({ id, name }) => {
        const button = element('button', {
          className: 'analysis-choice',
          text: t(name),
          attributes: {
            type: 'button',
            'aria-pressed': id === active ? 'true' : 'false',
            'data-analysis': id,
          },
        });
        button.addEventListener('click', () => choose(id === active ? null : id));
        return button;
      }),
    );
    cancel.textContent = t('analysis.cancel');
    progressBar.setAttribute('aria-label', t('analysis.running', { percent: '' }));
    const body = active ? activeBody(active, state, results) : overview(state);
    const refocus = focusedControl(container);
    // Keep the weights section open across rebuilds once the user opened it.
    const weightsOpen = container.querySelector<HTMLDetailsElement>('[data-priority]')?.open ?? false;
    container.replaceChildren(
      element('h2', { text: t('analysis.panelTitle'), attributes: { id: 'analysis-panel-title' } }),
      buttons,
      ...filterNote(state),
      progressRow,
      body,
      priorityWeightsControls(store, weightsOpen),
    );
    refocus();
    updateProgress();
  };

  /** Before any analysis: what the map shows, in totals. */
  const overview = (state: AppState): HTMLElement => {
    const t = translator(state.language);
    const datasets = state.datasets;
    return element('section', { className: 'analysis-body analysis-overview' }, [
      element('p', { className: 'analysis-note', text: t('analysis.intro') }),
      ...(datasets
        ? [
            element('h3', { text: t('overview.title') }),
            keyFiguresList(overviewFigures(datasets, t), state.language),
          ]
        : []),
    ]);
  };

  const activeBody = (active: AnalysisId, state: AppState, results: AnalysisResults): HTMLElement => {
    const t = translator(state.language);
    const descriptor = analysisOf(active);
    const close = element('button', {
      className: 'icon-button',
      text: '×',
      attributes: { type: 'button', 'aria-label': t('analysis.close'), 'data-action': 'close-analysis' },
    });
    close.addEventListener('click', () => {
      choose(null);
      // The close button is gone with the analysis: keyboard users continue from its choice.
      container.querySelector<HTMLElement>(`[data-analysis="${active}"]`)?.focus();
    });
    const hint = element('p', { className: 'analysis-hint' });
    const resultPart = element('div', { className: 'analysis-results' });
    resultSlot = { id: active, results: resultPart, hint };
    fillResults(active, state, results);
    return element(
      'section',
      { className: 'analysis-body', attributes: { 'data-active-analysis': active } },
      [
        element('div', { className: 'details-header' }, [element('h3', { text: t(descriptor.name) }), close]),
        element('p', { className: 'analysis-note', text: t(descriptor.description) }),
        ...parameterControls(descriptor, state, hint),
        resultPart,
      ],
    );
  };

  /** Fills the results part and the map-mode hint of the open analysis from the latest answer. */
  const fillResults = (active: AnalysisId, state: AppState, results: AnalysisResults) => {
    if (!resultSlot || resultSlot.id !== active) return;
    const t = translator(state.language);
    const descriptor = analysisOf(active);
    const datasets = state.datasets;
    const result = datasets && results.sites === datasets.sites ? results[active] : null;
    const { panel } = descriptor;
    const mode = panel.mapModes?.find((choice) => choice.mode === state.mapMode);
    const hintText = mode ? t(mode.hint) : panel.emptyHint && !results[active] ? t(panel.emptyHint) : '';
    resultSlot.hint.textContent = hintText;
    resultSlot.hint.hidden = hintText === '';
    // Layers it cannot answer without, empty in the data on the map (e.g. an import without services).
    const missing = descriptor.requires.filter((layerId) => (datasets?.[layerId].features.length ?? 0) === 0);
    const context = datasets
      ? figureContext(state.language, state.analysisParameters, datasets, {
          filter: state.siteFilter,
          source: state.sourceDatasets,
        })
      : null;
    const summary =
      result && context ? summaryBlocks(descriptor.summary(result, context), active, store) : null;
    const exportFigures = element('button', {
      className: 'text-button',
      text: t('analysis.exportFigures'),
      attributes: { type: 'button', 'data-action': 'export-figures' },
    });
    exportFigures.addEventListener('click', () => downloadFigures(store.get(), active));
    const refocus = focusedControl(resultSlot.results);
    resultSlot.results.replaceChildren(
      ...[
        results.error
          ? element('p', {
              className: 'analysis-error',
              text: t(results.error.key, results.error.parameters),
              attributes: { role: 'alert' },
            })
          : null,
        state.keyFigures.length > 0
          ? element('div', {}, [
              element('h4', { text: t('analysis.keyFigures') }),
              keyFiguresList(state.keyFigures, state.language),
              provenance(results, active, t),
              exportFigures,
            ])
          : null,
        state.analysisLegend
          ? overlayLegendList(state.analysisLegend, `${t('panel.legend')} — ${t(descriptor.name)}`)
          : null,
        missing.length > 0
          ? element('p', {
              className: 'analysis-note analysis-missing',
              text: t('analysis.missingLayers', {
                layers: missing.map((layerId) => t(`layer.${layerId}`)).join(', '),
              }),
            })
          : null,
        summary ??
          (state.keyFigures.length === 0 && descriptor.input === 'none' && missing.length === 0
            ? element('p', { className: 'analysis-note', text: t('analysis.noResult') })
            : null),
      ].filter((node): node is HTMLElement => node !== null),
    );
    refocus();
  };

  const parameterControls = (
    descriptor: AnyAnalysis,
    state: AppState,
    hint: HTMLElement,
  ): (HTMLElement | null)[] => {
    const t = translator(state.language);
    const { panel } = descriptor;
    const controls: (HTMLElement | null)[] = descriptor.parameters.map((spec) =>
      numberInput(spec, t(spec.label), state),
    );
    if (panel.mapModes) {
      controls.push(
        element(
          'div',
          { className: 'analysis-actions' },
          panel.mapModes.map((choice) => modeButton(choice.mode, t(choice.label), state)),
        ),
        hint,
      );
    }
    if (panel.hint) controls.push(element('p', { className: 'analysis-hint', text: t(panel.hint) }));
    if (panel.choroplethToggle) {
      const checkbox = element('input', { attributes: { type: 'checkbox', id: 'choropleth-toggle' } });
      checkbox.checked = state.choropleth;
      checkbox.addEventListener('change', () => store.set({ choropleth: checkbox.checked }));
      controls.push(
        element('div', { className: 'analysis-option' }, [
          checkbox,
          element('label', { text: t(panel.choroplethToggle), attributes: { for: checkbox.id } }),
        ]),
      );
    }
    return controls;
  };

  const numberInput = (spec: ParameterSpec, label: string, state: AppState): HTMLElement => {
    const { key, minimum, maximum, step } = spec;
    const input = element('input', {
      attributes: {
        type: 'number',
        id: `parameter-${key}`,
        min: minimum,
        max: maximum,
        step,
        inputmode: 'numeric',
      },
    });
    input.value = String(state.analysisParameters[key]);
    // Applied on change (Enter or leaving the field), not on each keystroke: each value reruns the analysis.
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (!Number.isFinite(value) || value < minimum || value > maximum) {
        input.value = String(store.get().analysisParameters[key]);
        return;
      }
      store.set((state) => ({ analysisParameters: { ...state.analysisParameters, [key]: value } }));
    });
    return element('div', { className: 'analysis-option' }, [
      element('label', { text: label, attributes: { for: input.id } }),
      input,
    ]);
  };

  const modeButton = (mode: MapMode, label: string, state: AppState): HTMLElement => {
    const button = element('button', {
      className: 'analysis-choice',
      text: label,
      attributes: {
        type: 'button',
        'aria-pressed': state.mapMode === mode ? 'true' : 'false',
        'data-map-mode': mode,
      },
    });
    button.addEventListener('click', () =>
      store.set({ mapMode: store.get().mapMode === mode ? 'select' : mode }),
    );
    return button;
  };

  const updateProgress = () => {
    const running = analysis.results.get().running;
    clearTimeout(progressTimer);
    if (!running) {
      progressRow.hidden = true;
      return;
    }
    const elapsed = performance.now() - running.startedAt;
    if (elapsed < PROGRESS_DELAY_MILLISECONDS) {
      progressRow.hidden = true;
      progressTimer = setTimeout(updateProgress, PROGRESS_DELAY_MILLISECONDS - elapsed);
      return;
    }
    const share = running.total > 0 ? running.done / running.total : 0;
    progressRow.hidden = false;
    progressBar.value = share;
    progressText.textContent = translator(store.get().language)('analysis.running', {
      percent: Math.round(share * 100),
    });
  };

  /** An answer alone refills the results part; anything else rebuilds the panel. */
  const renderResults = () => {
    const state = store.get();
    if (!state.activeAnalysis || resultSlot?.id !== state.activeAnalysis || !resultSlot.results.isConnected) {
      render();
      return;
    }
    fillResults(state.activeAnalysis, state, analysis.results.get());
  };

  render();
  let rebuild = false;
  const flush = coalesced(() => {
    // Cleared first: a change made while rendering asks for its own rebuild.
    const whole = rebuild;
    rebuild = false;
    if (whole) render();
    else renderResults();
  });
  const scheduleRender = () => {
    rebuild = true;
    flush();
  };
  const scheduleResults = flush;
  const unsubscribers = [
    store.subscribe((state) => state.language, scheduleRender),
    store.subscribe((state) => state.datasets, scheduleRender),
    store.subscribe((state) => state.activeAnalysis, scheduleRender),
    store.subscribe((state) => state.analysisParameters, scheduleRender),
    store.subscribe((state) => state.priorityWeights, scheduleRender),
    store.subscribe((state) => state.siteFilter, scheduleRender),
    store.subscribe((state) => state.mapMode, scheduleRender),
    store.subscribe((state) => state.choropleth, scheduleRender),
    store.subscribe((state) => state.keyFigures, scheduleResults),
    store.subscribe((state) => state.analysisLegend, scheduleResults),
    analysis.results.subscribe((results) => results.running, updateProgress),
    analysis.results.subscribe((results) => results.error, scheduleResults),
    ...ANALYSIS_IDS.map((id) => analysis.results.subscribe((results) => results[id], scheduleResults)),
  ];
  return () => {
    clearTimeout(progressTimer);
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
