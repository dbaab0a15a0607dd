/**
 * Composition root: creates the store, loads the demo data, and wires the map
 * and panels together. Wiring only: what the parts do lives in them, and the
 * joins between them (rendering, pointer, URL) in `app/`.
 */
import './styles.css';
import { createAnalysisWiring } from './app/analysis-wiring';
import { mountMapPointer } from './app/map-pointer-wiring';
import { basemapStyleFor, mountMapRendering } from './app/map-rendering';
import { createOfflineBasemap } from './app/offline-basemap';
import { mountPageLanguage, required, showLoadError } from './app/page-shell';
import { deferredServiceWorker } from './app/service-worker-after-map';
import { exposeTestHandle } from './app/test-handle';
import { translator } from './i18n/translate';
import { loadDemoDatasets } from './io/load-demo-datasets';
import { createMapInteraction } from './map/map-interaction';
import { MapView } from './map/map-view';
import { createSiteAggregation } from './map/site-aggregation';
import { createOfflineState } from './offline/offline-state';
import { type AppState, initialAppState } from './state/app-state';
import { storedLanguage } from './state/preferences';
import { createStore } from './state/store';
import { mountAnalysisPanel } from './ui/analysis-panel';
import { mountBasemapSection } from './ui/basemap-section';
import { mountDetailsPanel } from './ui/details-panel';
import { mountFilterPanel } from './ui/filter-panel';
import { mountImportFeature } from './ui/import-toolbar';
import { mountLanguageSwitch } from './ui/language-switch';
import { mountLayerPanel } from './ui/layer-panel';
import { mountOfflineStatus } from './ui/offline-status';
import { mountPanelSwitcher } from './ui/panel-switcher';
import { mountSnapshotsAndViews } from './ui/saved-views-toolbar';
import { mountSearchBox } from './ui/search-box';
import { mountSensitivityBadge } from './ui/sensitivity-badge';
import { mountSiteTable } from './ui/site-table';
import { mountSkipLink } from './ui/skip-link';
import { createTooltip } from './ui/tooltip';

async function start(): Promise<void> {
  const store = createStore<AppState>(initialAppState(storedLanguage(globalThis.localStorage)));
  mountPageLanguage(store, globalThis.localStorage);
  mountLanguageSwitch(required('#language'), store);
  mountPanelSwitcher(store);
  const offline = createOfflineState(globalThis);
  const serviceWorker = deferredServiceWorker(offline.state);
  mountOfflineStatus(required('#status'), store, offline.state, () => serviceWorker.applyUpdate());

  const loading = await loadDemoDatasets();
  if (!loading.ok) {
    const detail = `${loading.file}: ${loading.reason}`;
    showLoadError(translator(store.get().language)('app.loadError', { detail }));
    return;
  }
  const { datasets, countries } = loading.data;
  mountLayerPanel(required('#layer-panel'), store);
  mountDetailsPanel(required('#details'), store);
  const [toolbar, mapArea] = [required('#toolbar'), required('.map-area')];
  mountSensitivityBadge(mapArea, store);

  // `datasets` follows `sourceDatasets` through the site filter (design: state/site-filter.ts).
  const { client: analysisClient, analysis, sourceFlags } = createAnalysisWiring(store);
  store.set({ sourceDatasets: datasets });

  const mapContainer = required<HTMLElement>('#map');
  const view = new MapView({ container: mapContainer, style: basemapStyleFor(store.get(), countries) });
  const interaction = createMapInteraction(store, view, analysis);
  const basemap = createOfflineBasemap(view, globalThis.navigator?.storage, globalThis.localStorage);
  mountMapRendering({ store, view, analysis, drawing: interaction.drawing, countries, basemap });
  mountBasemapSection(required('#basemap-panel'), store, basemap);
  void basemap.restore();
  mountMapPointer({ store, view, tooltip: createTooltip(mapContainer), interaction, analysisClient });
  mountSkipLink(required<HTMLAnchorElement>('.skip-link'), () => view.canvas());

  createSiteAggregation(store, view, analysisClient.remote);
  // Feature panels and dialogs: each is mount(…) → unmount, wired to the store and the map view.
  // Mounted again by the test handle's reset, which is how every panel starts as on a first load.
  const mountPanels = () => {
    const importFeature = mountImportFeature({ toolbar, mapArea, store, demo: datasets });
    const unmounts = [
      () => importFeature.unmount(),
      mountSiteTable(required('#table-panel'), store, analysis, view),
      mountFilterPanel(required('#filter-panel'), store, { sourceFlags }),
      mountSearchBox(required('#search'), store, view),
      mountAnalysisPanel(required('#analysis-panel'), store, analysis),
      // Last, so a view restored from the URL reaches every panel mounted above.
      mountSnapshotsAndViews(toolbar, store, view),
    ];
    const unmount = () => {
      for (const unmountPanel of unmounts.reverse()) unmountPanel();
    };
    return { ready: importFeature.ready, unmount };
  };
  let panels = mountPanels();

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
        panels = mountPanels();
        return panels.ready;
      },
    },
  );
}

start().catch((error: unknown) => {
  showLoadError(String(error instanceof Error ? error.message : error));
  throw error;
});
