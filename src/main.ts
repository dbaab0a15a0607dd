/**
 * Composition root: creates the store, loads the demo data, and wires the map
 * and panels together. No logic of its own beyond that wiring.
 */
import './styles.css';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { MapMouseEvent } from 'maplibre-gl';
import { createAnalysisClient } from './analysis/analysis-client';
import { createAnalysisController } from './analysis/analysis-controller';
import { featureId } from './domain/feature-identity';
import { translator } from './i18n/translate';
import { loadDemoDatasets } from './io/load-demo-datasets';
import { buildAnalysisLayers } from './map/analysis-layers';
import { basemapStyle } from './map/basemap-style';
import { buildLayers, type LayerResources, pickedFeature } from './map/layer-specs';
import { createMapInteraction, type MapInteraction } from './map/map-interaction';
import { MapView } from './map/map-view';
import { createServiceIconAtlas } from './map/service-icons';
import { type AppState, initialAppState } from './state/app-state';
import { storedLanguage, storeLanguage } from './state/preferences';
import { createStore } from './state/store';
import { mountAnalysisPanel } from './ui/analysis-panel';
import { mountDetailsPanel } from './ui/details-panel';
import { describeFeature } from './ui/feature-fields';
import { mountImportFeature } from './ui/import-toolbar';
import { mountLanguageSwitch } from './ui/language-switch';
import { mountLayerPanel } from './ui/layer-panel';
import { mountSnapshotsAndViews } from './ui/saved-views-toolbar';
import { mountSiteTable } from './ui/site-table';
import { applyStaticText } from './ui/static-text';
import { createTooltip } from './ui/tooltip';

function required<T extends HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`index.html lacks ${selector}`);
  return node;
}

async function start(): Promise<void> {
  const store = createStore<AppState>(initialAppState(storedLanguage(globalThis.localStorage)));
  const status = required<HTMLElement>('#status');
  const mapContainer = required<HTMLElement>('#map');

  const applyLanguage = () => {
    const t = translator(store.get().language);
    applyStaticText(document, t);
    status.textContent = t(store.get().onlineBasemap ? 'app.onlineBasemapStatus' : 'app.offlineStatus');
  };
  store.subscribe(
    (state) => state.language,
    (language) => {
      storeLanguage(globalThis.localStorage, language);
      applyLanguage();
    },
  );
  store.subscribe((state) => state.onlineBasemap, applyLanguage);
  mountLanguageSwitch(required('#language'), store);
  applyLanguage();

  const loading = await loadDemoDatasets();
  if (!loading.ok) {
    const message = required<HTMLElement>('#load-error');
    message.hidden = false;
    message.textContent = translator(store.get().language)('app.loadError', {
      detail: `${loading.file}: ${loading.reason}`,
    });
    return;
  }
  const { datasets, countries } = loading.data;

  mountLayerPanel(required('#layer-panel'), store);
  mountDetailsPanel(required('#details'), store);
  const tooltip = createTooltip(mapContainer);

  const styleFor = (state: AppState) => {
    const t = translator(state.language);
    return basemapStyle({
      countries,
      online: state.onlineBasemap,
      onlineAttribution: t('map.attributionOnline'),
      offlineAttribution: t('map.attributionOffline'),
    });
  };

  store.set({ datasets });
  const resources: LayerResources = { serviceIcons: createServiceIconAtlas() };

  const onHover = (info: PickingInfo) => {
    const picked = pickedFeature(info);
    if (!picked) {
      tooltip.hide();
      return;
    }
    const { language } = store.get();
    const t = translator(language);
    tooltip.show(
      info.x,
      info.y,
      describeFeature(picked.layerId, picked.feature, language, t),
      t('value.sensitive'),
    );
  };
  // Created once the map exists; until then every click selects.
  let interaction: MapInteraction | undefined;
  const onClick = (info: PickingInfo | null, event: MapMouseEvent) => {
    if (interaction?.handleClick(info, event)) return;
    const picked = info && pickedFeature(info);
    store.set({
      selection: picked
        ? { layerId: picked.layerId, featureId: featureId(picked.layerId, picked.feature) }
        : null,
    });
  };

  const view = new MapView({
    container: mapContainer,
    style: styleFor(store.get()),
    locale: {},
    onHover,
    onClick,
    onZoom: (zoom) => store.set({ zoomStep: Math.floor(zoom * 2) / 2 }),
  });
  store.set({ zoomStep: Math.floor(view.map.getZoom() * 2) / 2 });

  // Filled in below once the analysis controller exists.
  let analysisLayers = () => ({ below: [] as Layer[], above: [] as Layer[] });
  const render = () => {
    const { below, above } = analysisLayers();
    view.setLayers([...below, ...buildLayers(store.get(), resources), ...above]);
  };
  render();
  store.subscribe((state) => state.layers, render);
  store.subscribe((state) => state.datasets, render);
  store.subscribe((state) => state.selection, render);
  store.subscribe((state) => state.zoomStep, render);
  store.subscribe(
    (state) => state.onlineBasemap,
    () => view.setStyle(styleFor(store.get())),
  );
  store.subscribe(
    (state) => state.language,
    () => view.setStyle(styleFor(store.get())),
  );

  // Feature panels and dialogs: each is mount(…) → unmount, wired to the store and the map view.
  mountImportFeature({
    toolbar: required('#toolbar'),
    mapArea: required('.map-area'),
    store,
    demo: datasets,
  });
  const analysis = createAnalysisController(store, createAnalysisClient());
  mountSiteTable(required('#table-panel'), store, analysis, view);
  interaction = createMapInteraction(store, view, analysis);
  const drawing = interaction.drawing;
  analysisLayers = () => buildAnalysisLayers(store.get(), analysis.results.get(), drawing.get().drawing);
  mountAnalysisPanel(required('#analysis-panel'), store, analysis);
  for (const key of ['exposure', 'access', 'coverage', 'space', 'admin', 'area', 'candidate'] as const) {
    analysis.results.subscribe((results) => results[key], render);
  }
  drawing.subscribe((current) => current.drawing, render);
  store.subscribe((state) => state.activeAnalysis, render);
  store.subscribe((state) => state.choropleth, render);

  // Last, so a view restored from the URL reaches every panel mounted above.
  mountSnapshotsAndViews(required('#toolbar'), store, view);

  document.body.dataset.ready = 'loading-map';
  view.map.once('idle', () => {
    document.body.dataset.ready = 'true';
  });
  // A handle for diagnostics and end-to-end tests: the real map and store, nothing stubbed.
  Object.assign(globalThis, { katsit: { store, view, analysis } });
}

start().catch((error: unknown) => {
  const message = document.querySelector<HTMLElement>('#load-error');
  if (message) {
    message.hidden = false;
    message.textContent = String(error instanceof Error ? error.message : error);
  }
  throw error;
});
