/**
 * Composition root: creates the store, loads the demo data, and wires the map
 * and panels together. No logic of its own beyond that wiring.
 */
import './styles.css';
import type { Layer } from '@deck.gl/core';
import { createAnalysisClient } from './analysis/analysis-client';
import { createAnalysisController } from './analysis/analysis-controller';
import { exposeTestHandle } from './app/test-handle';
import { translator } from './i18n/translate';
import { loadDemoDatasets } from './io/load-demo-datasets';
import { buildAnalysisLayers } from './map/analysis-layers';
import { basemapStyle } from './map/basemap-style';
import { buildLayers, type LayerResources } from './map/layer-specs';
import { createMapInteraction } from './map/map-interaction';
import { type PointerContext, pointerHandlers } from './map/map-pointer';
import { MapView } from './map/map-view';
import { createServiceIconAtlas } from './map/service-icons';
import { createSiteAggregation } from './map/site-aggregation';
import { createOfflineState } from './offline/offline-state';
import { registerServiceWorker, type ServiceWorkerControl } from './offline/register-service-worker';
import { type AppState, initialAppState } from './state/app-state';
import { coalesced } from './state/coalesce';
import { storedLanguage, storeLanguage } from './state/preferences';
import { createSourceFlags } from './state/site-filter-flags';
import { mountSiteFilterSync } from './state/site-filter-sync';
import { createStore } from './state/store';
import { mountAnalysisPanel } from './ui/analysis-panel';
import { mountDetailsPanel } from './ui/details-panel';
import { mountFilterPanel } from './ui/filter-panel';
import { mountImportFeature } from './ui/import-toolbar';
import { mountLanguageSwitch } from './ui/language-switch';
import { mountLayerPanel } from './ui/layer-panel';
import { mountOfflineStatus } from './ui/offline-status';
import { mountSnapshotsAndViews } from './ui/saved-views-toolbar';
import { mountSearchBox } from './ui/search-box';
import { mountSensitivityBadge } from './ui/sensitivity-badge';
import { mountSiteTable } from './ui/site-table';
import { mountSkipLink } from './ui/skip-link';
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
  };
  store.subscribe(
    (state) => state.language,
    (language) => {
      storeLanguage(globalThis.localStorage, language);
      applyLanguage();
    },
  );
  mountLanguageSwitch(required('#language'), store);
  applyLanguage();
  // Registered once the map has drawn (below), so caching the app never competes with the first load.
  const offline = createOfflineState(globalThis);
  let serviceWorker: ServiceWorkerControl | undefined;
  mountOfflineStatus(status, store, offline.state, () => serviceWorker?.applyUpdate());

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
  mountSensitivityBadge(required('.map-area'), store);
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

  // `datasets` follows `sourceDatasets` through the site filter (design: state/site-filter.ts).
  let ensureTableFlags = () => {};
  const sourceFlags = createSourceFlags(store, () => createAnalysisClient());
  mountSiteFilterSync(store, sourceFlags, { onFlagFilter: () => ensureTableFlags() });
  store.set({ sourceDatasets: datasets });
  const resources: LayerResources = { serviceIcons: createServiceIconAtlas() };

  const pointer: PointerContext = { store, tooltip };
  const { onHover, onClick } = pointerHandlers(pointer);

  const view = new MapView({
    container: mapContainer,
    style: styleFor(store.get()),
    locale: {},
    onHover,
    onClick,
    onZoom: (zoom) => store.set({ zoomStep: Math.floor(zoom * 2) / 2 }),
    onMoveStart: () => tooltip.hide(),
  });
  store.set({ zoomStep: Math.floor(view.map.getZoom() * 2) / 2 });
  pointer.view = view;
  mountSkipLink(required<HTMLAnchorElement>('.skip-link'), () => view.map.getCanvas());
  const mapInterfaceText = () => {
    const t = translator(store.get().language);
    view.setInterfaceText({
      canvas: t('map.canvasLabel'),
      zoomIn: t('map.zoomIn'),
      zoomOut: t('map.zoomOut'),
    });
  };
  mapInterfaceText();
  store.subscribe((state) => state.language, mapInterfaceText);

  // Filled in below once the analysis controller exists.
  let analysisLayers = () => ({ below: [] as Layer[], above: [] as Layer[] });
  const drawLayers = () => {
    const { below, above } = analysisLayers();
    view.setLayers([...below, ...buildLayers(store.get(), resources), ...above]);
  };
  const render = coalesced(drawLayers);
  drawLayers();
  store.subscribe((state) => state.layers, render);
  store.subscribe((state) => state.datasets, render);
  store.subscribe((state) => state.selection, render);
  store.subscribe((state) => state.zoomStep, render);
  store.subscribe((state) => state.siteClusters, render);
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
  const analysisClient = createAnalysisClient();
  const analysis = createAnalysisController(store, analysisClient);
  pointer.analysisClient = analysisClient;
  createSiteAggregation(store, view, analysisClient.remote);
  mountSiteTable(required('#table-panel'), store, analysis, view);
  ensureTableFlags = () => analysis.ensureFlags();
  mountFilterPanel(required('#filter-panel'), store, { sourceFlags });
  mountSearchBox(required('#search'), store, view);
  const interaction = createMapInteraction(store, view, analysis);
  pointer.interaction = interaction;
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
    serviceWorker = registerServiceWorker(offline.state);
  });
  // A handle for diagnostics and end-to-end tests: the real map and store, nothing stubbed.
  exposeTestHandle({ store, view, analysis });
}

start().catch((error: unknown) => {
  const message = document.querySelector<HTMLElement>('#load-error');
  if (message) {
    message.hidden = false;
    message.textContent = String(error instanceof Error ? error.message : error);
  }
  throw error;
});
