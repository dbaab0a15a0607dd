/**
 * Composition root: creates the store, loads the demo data, and wires the map
 * and panels together. No logic of its own beyond that wiring.
 */
import './styles.css';
import type { PickingInfo } from '@deck.gl/core';
import { featureId } from './domain/feature-identity';
import { translator } from './i18n/translate';
import { loadDemoDatasets } from './io/load-demo-datasets';
import { basemapStyle } from './map/basemap-style';
import { buildLayers, type LayerResources, pickedFeature } from './map/layer-specs';
import { MapView } from './map/map-view';
import { createServiceIconAtlas } from './map/service-icons';
import { type AppState, initialAppState } from './state/app-state';
import { storedLanguage, storeLanguage } from './state/preferences';
import { createStore } from './state/store';
import { mountDetailsPanel } from './ui/details-panel';
import { describeFeature } from './ui/feature-fields';
import { mountLanguageSwitch } from './ui/language-switch';
import { mountLayerPanel } from './ui/layer-panel';
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
  const onClick = (info: PickingInfo | null) => {
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

  const render = () => view.setLayers(buildLayers(store.get(), resources));
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

  document.body.dataset.ready = 'loading-map';
  view.map.once('idle', () => {
    document.body.dataset.ready = 'true';
  });
  // A handle for diagnostics and end-to-end tests: the real map and store, nothing stubbed.
  Object.assign(globalThis, { katsit: { store, view } });
}

start().catch((error: unknown) => {
  const message = document.querySelector<HTMLElement>('#load-error');
  if (message) {
    message.hidden = false;
    message.textContent = String(error instanceof Error ? error.message : error);
  }
  throw error;
});
