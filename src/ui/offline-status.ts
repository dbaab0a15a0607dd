/**
 * The header status (`#status`, role=status): whether all data is local, whether
 * the app is ready to open offline, and a button to reload into a new version.
 */
import type { OfflineBasemapState } from '../app/offline-basemap';
import type { ReferenceLayersState } from '../app/reference-layers';
import { translator } from '../i18n/translate';
import { type OfflineState, statusMessages } from '../offline/offline-state';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

/** The mounted status: it follows the street basemap once there is one, and unmounts. */
export interface OfflineStatus {
  followBasemap(basemap: Store<OfflineBasemapState>): void;
  /** Follows the reference layers: one shown from an address makes requests leave the machine. */
  followReferences(references: Store<ReferenceLayersState>): void;
  dispose(): void;
}

export function mountOfflineStatus(
  status: HTMLElement,
  store: Store<AppState>,
  offline: Store<OfflineState>,
  applyUpdate: () => void,
): OfflineStatus {
  let basemapState: Store<OfflineBasemapState> | null = null;
  let referenceState: Store<ReferenceLayersState> | null = null;
  const updateButton = element('button', {
    className: 'status-update',
    attributes: { type: 'button', 'data-action': 'apply-update' },
  });
  updateButton.hidden = true;
  updateButton.addEventListener('click', () => {
    updateButton.disabled = true;
    applyUpdate();
  });
  status.after(updateButton);

  const render = () => {
    const { language, onlineBasemap } = store.get();
    const state = offline.get();
    const t = translator(language);
    const vector = basemapState?.get().basemap?.source === 'online';
    const reference =
      referenceState?.get().layers.some((layer) => layer.shown && layer.source === 'online') ?? false;
    const text = statusMessages(state, { raster: onlineBasemap, vector, reference })
      .map((key) => t(key))
      .join(' · ');
    // Rewriting the same text would make screen readers repeat it.
    if (status.textContent !== text) status.textContent = text;
    status.dataset.network = state.online ? 'online' : 'offline';
    status.dataset.serviceWorker = state.serviceWorker;
    updateButton.hidden = state.serviceWorker !== 'update-available';
    updateButton.textContent = t('offline.update');
    updateButton.title = t('offline.updateTitle');
  };
  render();
  const unsubscribers = [
    store.subscribe((state) => state.language, render),
    store.subscribe((state) => state.onlineBasemap, render),
    offline.subscribe((state) => state, render),
  ];
  return {
    followBasemap(basemap) {
      basemapState = basemap;
      unsubscribers.push(basemap.subscribe((current) => current.basemap?.source, render));
      render();
    },
    followReferences(references) {
      referenceState = references;
      unsubscribers.push(references.subscribe((current) => current.layers, render));
      render();
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      updateButton.remove();
    },
  };
}
