/**
 * Composition root: creates the store, loads the demo data, and wires the map
 * and panels together. Wiring only: what the parts do lives in them, and the
 * joins between them (rendering, pointer, URL) in `app/`.
 */
import './styles.css';
import { createAnalysisWiring } from './app/analysis-wiring';
import { createLibraryChannel } from './app/data-library-channel';
import { mountFeaturePanels } from './app/feature-panels';
import { mountMapPointer } from './app/map-pointer-wiring';
import { basemapStyleFor, mountMapRendering } from './app/map-rendering';
import { createOfflineBasemap } from './app/offline-basemap';
import { mountPageLanguage, required, showLoadError } from './app/page-shell';
import { createReferenceLayers } from './app/reference-layers';
import { deferredServiceWorker } from './app/service-worker-after-map';
import { exposeTestHandle } from './app/test-handle';
import { createFlowImport } from './flows/flow-import';
import { initialFlowState } from './flows/flow-state';
import { createFlowTableStore } from './flows/flow-store';
import { translator } from './i18n/translate';
import { loadDemoDatasets } from './io/load-demo-datasets';
import { createMapInteraction } from './map/map-interaction';
import { MapView } from './map/map-view';
import { createSiteAggregation } from './map/site-aggregation';
import { createOfflineState } from './offline/offline-state';
import { type AppState, initialAppState } from './state/app-state';
import { storedLanguage } from './state/preferences';
import { createStore } from './state/store';
import { mountBasemapSection } from './ui/basemap-section';
import { mountDetailsPanel } from './ui/details-panel';
import { mountLanguageSwitch } from './ui/language-switch';
import { mountLayerPanel } from './ui/layer-panel';
import { mountOfflineStatus } from './ui/offline-status';
import { mountPanelSwitcher } from './ui/panel-switcher';
import { mountReferenceLayersSection } from './ui/reference-layers-section';
import { mountSelectionReveal } from './ui/selection-reveal';
import { mountSensitivityBadge } from './ui/sensitivity-badge';
import { mountSkipLink } from './ui/skip-link';
import { createTooltip } from './ui/tooltip';

async function start(): Promise<void> {
  const store = createStore<AppState>(initialAppState(storedLanguage(globalThis.localStorage)));
  mountPageLanguage(store, globalThis.localStorage);
  mountLanguageSwitch(required('#language'), store);
  mountPanelSwitcher(store);
  const offline = createOfflineState(globalThis);
  const serviceWorker = deferredServiceWorker(offline.state);
  const status = mountOfflineStatus(required('#status'), store, offline.state, () =>
    serviceWorker.applyUpdate(),
  );

  const loading = await loadDemoDatasets();
  if (!loading.ok) {
    const detail = `${loading.file}: ${loading.reason}`;
    showLoadError(translator(store.get().language)('app.loadError', { detail }));
    return;
  }
  const { datasets, countries } = loading.data;
  mountLayerPanel(required('#layer-panel'), store);
  const [toolbar, mapArea] = [required('#toolbar'), required('.map-area')];
  mountSensitivityBadge(mapArea, store);

  // `datasets` follows `sourceDatasets` through the site filter (design: state/site-filter.ts).
  const { client: analysisClient, analysis, sourceFlags } = createAnalysisWiring(store);
  mountDetailsPanel(required('#details'), store, analysis);
  store.set({ sourceDatasets: datasets });

  const mapContainer = required<HTMLElement>('#map');
  const view = new MapView({ container: mapContainer, style: basemapStyleFor(store.get(), countries) });
  // The basemap alone, before the deck layers arrive (what the browser benchmark calls first idle).
  void view.whenFirstIdle().then(() => {
    document.body.dataset.firstIdle = 'true';
  });
  const interaction = createMapInteraction(store, view, analysis);
  const basemap = createOfflineBasemap(view, globalThis.navigator?.storage, globalThis.localStorage);
  const references = createReferenceLayers(view, globalThis.navigator?.storage, globalThis.localStorage);
  const flows = createStore(initialFlowState());
  const drawing = interaction.drawing;
  mountMapRendering({ store, view, analysis, drawing, countries, basemap, references, flows });
  mountBasemapSection(required('#basemap-panel'), store, basemap);
  mountReferenceLayersSection(required('#reference-panel'), store, references);
  status.followBasemap(basemap.state);
  status.followReferences(references.state);
  void basemap.restore().then(() => references.restore());
  mountMapPointer({
    store,
    view,
    tooltip: createTooltip(mapContainer),
    interaction,
    analysisClient,
    analysis,
  });
  mountSelectionReveal(store, view, mapContainer);
  mountSkipLink(required<HTMLAnchorElement>('.skip-link'), () => view.canvas());

  createSiteAggregation(store, view, analysisClient.remote);
  // Feature panels and dialogs; the test handle's reset mounts them again.
  // Other tabs hear when the kept movements table changes, and show what a reload would.
  const movementsChannel = createLibraryChannel((message) => {
    if (message.kind === 'movements-changed') void movements.importer.reconcile();
  });
  const movements = {
    flows,
    importer: createFlowImport(
      flows,
      () => store.get().datasets?.admin,
      createFlowTableStore(),
      () => movementsChannel?.post({ kind: 'movements-changed' }),
    ),
    summarise: analysisClient.remote.summariseMovements,
  };
  const panelOptions = {
    toolbar,
    mapArea,
    store,
    view,
    analysis,
    sourceFlags,
    demo: datasets,
    rounds: analysisClient.remote,
    movements,
  };
  let panels = mountFeaturePanels(panelOptions);

  document.body.dataset.ready = 'loading-map';
  void view.whenIdle().then(() => {
    document.body.dataset.ready = 'true';
    serviceWorker.register();
  });
  // A handle for diagnostics and end-to-end tests: the real map and store, nothing stubbed.
  exposeTestHandle(
    { store, view, analysis },
    {
      unmount: () => panels.unmount(),
      mount: () => {
        panels = mountFeaturePanels(panelOptions);
        return panels.ready;
      },
    },
  );
}

start().catch((error: unknown) => {
  showLoadError(String(error instanceof Error ? error.message : error));
  throw error;
});
