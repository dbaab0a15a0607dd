/**
 * The service worker is registered once the map has drawn, so caching the app
 * never competes with the first load; the header's update button exists from
 * the start and does nothing until then.
 */
import type { OfflineState } from '../offline/offline-state';
import { registerServiceWorker, type ServiceWorkerControl } from '../offline/register-service-worker';
import type { Store } from '../state/store';

export interface DeferredServiceWorker {
  /** Registers the service worker (once; later calls do nothing). */
  register(): void;
  /** Activates a waiting version and reloads into it; nothing before `register`. */
  applyUpdate(): void;
}

export function deferredServiceWorker(state: Store<OfflineState>): DeferredServiceWorker {
  let control: ServiceWorkerControl | undefined;
  return {
    register() {
      control ??= registerServiceWorker(state);
    },
    applyUpdate() {
      control?.applyUpdate();
    },
  };
}
