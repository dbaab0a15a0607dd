/**
 * The layer panel: a toggle, an opacity slider and the legend of each layer,
 * plus the basemap choice. The legend comes from the palette table the layers
 * use. The DOM is rebuilt only when the language changes; layer changes just
 * update the controls, so a slider keeps focus while it is dragged. Above the
 * layers, the legend of the active analysis's overlays (rings, classes,
 * outline, marker) comes from the same overlay list the map draws.
 */
import type { LayerId } from '../domain/types';
import { translator } from '../i18n/translate';
import { LEGEND, LEGEND_NOTES, legendEntryApplies } from '../map/palette';
import { type AppState, withLayerSettings } from '../state/app-state';
import type { Store } from '../state/store';
import { legendSwatch } from '../symbology/legend-swatch';
import { overlayLegendList } from './analysis-summaries';
import { element } from './dom';

/** Top of the list = top of the map. */
const PANEL_ORDER: readonly LayerId[] = ['sites', 'services', 'control', 'hazards', 'admin'];

/** Fills `section` with the legend of the active analysis's overlays; hides it when there are none. */
function renderAnalysisLegend(section: HTMLElement, state: AppState): void {
  const legend = state.analysisLegend;
  section.hidden = legend === null;
  if (!legend) {
    section.replaceChildren();
    return;
  }
  const t = translator(state.language);
  section.replaceChildren(
    element('h3', { className: 'analysis-legend-heading', text: legend.heading }),
    overlayLegendList(legend, `${t('panel.legend')} — ${legend.heading}`),
    ...(legend.sensitive
      ? [element('p', { className: 'legend-note sensitive', text: t('legend.derivedSensitive') })]
      : []),
  );
}

export function mountLayerPanel(container: HTMLElement, store: Store<AppState>): () => void {
  const analysisLegend = element('section', {
    className: 'layer analysis-overlays',
    attributes: { 'data-analysis-legend': '' },
  });
  const syncAnalysisLegend = () => renderAnalysisLegend(analysisLegend, store.get());
  const render = () => {
    const state = store.get();
    const t = translator(state.language);
    const sections = PANEL_ORDER.map((layerId) => {
      const settings = state.layers[layerId];
      const name = t(`layer.${layerId}`);
      const toggle = element('input', {
        attributes: { type: 'checkbox', id: `layer-toggle-${layerId}`, 'data-layer-toggle': layerId },
      });
      toggle.checked = settings.visible;
      toggle.addEventListener('change', () =>
        store.set((current) => ({
          layers: withLayerSettings(current.layers, layerId, { visible: toggle.checked }),
        })),
      );
      const slider = element('input', {
        className: 'opacity-slider',
        attributes: {
          type: 'range',
          min: 0,
          max: 100,
          step: 5,
          'aria-label': t('panel.opacity', { layer: name }),
          'data-layer-opacity': layerId,
        },
      });
      slider.value = String(Math.round(settings.opacity * 100));
      slider.addEventListener('input', () =>
        store.set((current) => ({
          layers: withLayerSettings(current.layers, layerId, { opacity: Number(slider.value) / 100 }),
        })),
      );
      const legend = element(
        'ul',
        { className: 'legend', attributes: { 'aria-label': `${t('panel.legend')} — ${name}` } },
        LEGEND[layerId].map((entry) =>
          element('li', { attributes: { 'data-legend-key': entry.key } }, [
            legendSwatch(entry.symbol),
            t(entry.label),
          ]),
        ),
      );
      const noteKey = LEGEND_NOTES[layerId];
      const note = noteKey
        ? element('p', {
            className: layerId === 'control' ? 'legend-note sensitive' : 'legend-note',
            text: t(noteKey),
          })
        : null;
      return element('section', { className: 'layer', attributes: { 'data-layer': layerId } }, [
        element('div', { className: 'layer-header' }, [
          toggle,
          element('label', { text: name, attributes: { for: toggle.id } }),
        ]),
        slider,
        legend,
        note,
      ]);
    });
    container.replaceChildren(
      element('h2', { text: t('panel.layers'), attributes: { id: 'layer-panel-title' } }),
      analysisLegend,
      ...sections,
      basemapChooser(store, state),
    );
  };

  const syncControls = (state: AppState) => {
    for (const layerId of PANEL_ORDER) {
      for (const item of container.querySelectorAll<HTMLElement>(
        `[data-layer="${layerId}"] [data-legend-key]`,
      ))
        item.hidden = !legendEntryApplies(item.dataset.legendKey ?? '', state.datasets?.[layerId]);
      const toggle = container.querySelector<HTMLInputElement>(`[data-layer-toggle="${layerId}"]`);
      const slider = container.querySelector<HTMLInputElement>(`[data-layer-opacity="${layerId}"]`);
      if (toggle) toggle.checked = state.layers[layerId].visible;
      if (slider) {
        slider.value = String(Math.round(state.layers[layerId].opacity * 100));
        slider.disabled = !state.layers[layerId].visible;
      }
      container
        .querySelector(`[data-layer="${layerId}"]`)
        ?.classList.toggle('hidden-layer', !state.layers[layerId].visible);
    }
  };

  render();
  syncControls(store.get());
  syncAnalysisLegend();
  const unsubscribers = [
    store.subscribe(
      (state) => state.language,
      () => {
        render();
        syncControls(store.get());
      },
    ),
    store.subscribe((state) => state.analysisLegend, syncAnalysisLegend),
    store.subscribe(
      (state) => state.layers,
      (_layers, state) => syncControls(state),
    ),
    store.subscribe(
      (state) => state.datasets,
      (_datasets, state) => syncControls(state),
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}

function basemapChooser(store: Store<AppState>, state: AppState): HTMLElement {
  const t = translator(state.language);
  const option = (online: boolean, label: string) => {
    const input = element('input', {
      attributes: {
        type: 'radio',
        name: 'basemap',
        value: online ? 'online' : 'offline',
        id: `basemap-${online}`,
      },
    });
    input.checked = state.onlineBasemap === online;
    input.addEventListener('change', () => {
      if (input.checked) store.set({ onlineBasemap: online });
    });
    return element('div', { className: 'basemap-option' }, [
      input,
      element('label', { text: label, attributes: { for: input.id } }),
    ]);
  };
  return element('fieldset', { className: 'basemap' }, [
    element('legend', { text: t('panel.basemap') }),
    option(false, t('panel.basemapOffline')),
    option(true, t('panel.basemapOnline')),
    element('p', { className: 'legend-note', text: t('panel.basemapOnlineWarning') }),
  ]);
}
