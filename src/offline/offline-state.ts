/**
 * What the header says about working offline: is the browser connected, and
 * has the service worker cached the app so it opens with no network? Pure: the
 * browser wiring is in register-service-worker.ts and ui/offline-status.ts.
 */
import type { MessageKey } from '../i18n/fr';
import { createStore, type Store } from '../state/store';

/**
 * - `none`: no service worker is involved (dev server, or not registered yet);
 * - `installing`: first visit, the app is being cached;
 * - `ready`: an active service worker holds the whole app: it opens offline;
 * - `update-available`: a newer version is cached and waits for the user;
 * - `unavailable`: this browser cannot keep the app offline (no service worker support, or registration failed).
 */
export type ServiceWorkerPhase = 'none' | 'installing' | 'ready' | 'update-available' | 'unavailable';

export interface OfflineState {
  /** From `navigator.onLine` and the online/offline events: "offline" is certain, "online" only means a network is attached. */
  online: boolean;
  serviceWorker: ServiceWorkerPhase;
}

/** What the service worker registration reported. */
export type ServiceWorkerEvent =
  | 'registered-active'
  | 'registered-installing'
  | 'offline-ready'
  | 'need-refresh'
  | 'unsupported'
  | 'error';

/** The phase after an event: a pending update or a working offline copy is never forgotten by a later, lesser event. */
export function nextPhase(current: ServiceWorkerPhase, event: ServiceWorkerEvent): ServiceWorkerPhase {
  switch (event) {
    case 'need-refresh':
      return 'update-available';
    case 'registered-active':
    case 'offline-ready':
      return current === 'update-available' ? current : 'ready';
    case 'registered-installing':
      return current === 'none' || current === 'unavailable' ? 'installing' : current;
    case 'unsupported':
    case 'error':
      // A failed update check leaves the cached copy working.
      return current === 'ready' || current === 'update-available' ? current : 'unavailable';
  }
}

/** Where map tiles come from when they leave the machine: the raster option, or a street basemap read from an address. */
export interface OnlineTiles {
  raster: boolean;
  vector: boolean;
  /** A shown reference layer read from an address. */
  reference?: boolean;
}

/**
 * The status line, as message keys: first the connection (all data is local
 * unless an online basemap is on and reachable), then the offline copy, if any.
 */
export function statusMessages(state: OfflineState, online: OnlineTiles): MessageKey[] {
  let connection: MessageKey = 'app.offlineStatus';
  if (online.raster || online.vector || online.reference) {
    if (!state.online) connection = 'offline.basemapUnavailable';
    else
      connection = online.raster
        ? 'app.onlineBasemapStatus'
        : online.vector
          ? 'app.onlineVectorStatus'
          : 'app.onlineReferenceStatus';
  }
  const serviceWorker: Partial<Record<ServiceWorkerPhase, MessageKey>> = {
    installing: 'offline.installing',
    ready: 'offline.ready',
    'update-available': 'offline.updateAvailable',
    unavailable: 'offline.unavailable',
  };
  const second = serviceWorker[state.serviceWorker];
  return second ? [connection, second] : [connection];
}

type NetworkTarget = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  navigator: Pick<Navigator, 'onLine'>;
};

/** A store of the offline state that follows the browser's online/offline events; returns it and a stop function. */
export function createOfflineState(target: NetworkTarget): { state: Store<OfflineState>; stop(): void } {
  const state = createStore<OfflineState>({ online: target.navigator.onLine, serviceWorker: 'none' });
  const update = () => state.set({ online: target.navigator.onLine });
  target.addEventListener('online', update);
  target.addEventListener('offline', update);
  return {
    state,
    stop() {
      target.removeEventListener('online', update);
      target.removeEventListener('offline', update);
    },
  };
}
