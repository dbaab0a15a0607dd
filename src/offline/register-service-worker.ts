/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker built by vite-plugin-pwa (see
 * scripts/progressive-web-app.ts) from the app's own code, so no inline script
 * is needed under the CSP. In `npm start` the virtual module is a no-op and the
 * phase stays "none".
 *
 * Update flow ("prompt"): a new version downloads in the background, the header
 * says so and offers a button; pressing it activates the new worker, which takes
 * control, and the page reloads (the URL hash keeps the view). Never automatic:
 * an import or analysis in progress would be lost.
 */
import { registerSW } from 'virtual:pwa-register';
import type { Store } from '../state/store';
import { nextPhase, type OfflineState, type ServiceWorkerEvent } from './offline-state';

/** Check for a new version this often while the app stays open (field laptops run for days). */
const UPDATE_CHECK_MILLISECONDS = 60 * 60 * 1000;

export interface ServiceWorkerControl {
  /** Activates the waiting version and reloads into it. */
  applyUpdate(): void;
}

export function registerServiceWorker(state: Store<OfflineState>): ServiceWorkerControl {
  const report = (event: ServiceWorkerEvent) =>
    state.set((current) => ({ serviceWorker: nextPhase(current.serviceWorker, event) }));
  if (!('serviceWorker' in navigator)) {
    report('unsupported');
    return { applyUpdate: () => undefined };
  }
  const checkForUpdate = (registration: ServiceWorkerRegistration) => {
    // Offline or a flaky link: the check fails, the cached version keeps working.
    if (navigator.onLine) registration.update().catch(() => undefined);
  };
  const updateServiceWorker = registerSW({
    immediate: true,
    onOfflineReady: () => report('offline-ready'),
    onNeedRefresh: () => report('need-refresh'),
    onRegisterError: () => report('error'),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      report(registration.active ? 'registered-active' : 'registered-installing');
      globalThis.addEventListener('online', () => checkForUpdate(registration));
      setInterval(() => checkForUpdate(registration), UPDATE_CHECK_MILLISECONDS);
    },
  });
  return {
    applyUpdate: () => {
      updateServiceWorker(true).catch(() => undefined);
    },
  };
}
