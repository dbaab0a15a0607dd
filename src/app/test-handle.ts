/**
 * The handle the page exposes as `globalThis.katsit` for diagnostics and the
 * end-to-end tests: the real store, map view and analysis controller, nothing
 * stubbed. One type, so the tests (test/browser/app.ts) read it without casts.
 */

import { ANALYSIS_IDS } from '../analyses/registry';
import type { AnalysisController } from '../analysis/analysis-controller';
import { emptyResults } from '../analysis/analysis-results';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/** What `globalThis.katsit` holds once the app has started. */
export interface KatsitHandle {
  store: Store<AppState>;
  view: MapView;
  analysis: AnalysisController;
  /**
   * Puts the app back as it was when it started, without reloading it: the state (data back to
   * the demo, no filter, no selection, the first language), the address, localStorage, IndexedDB
   * emptied, no analysis answer or run, no drawing, no open dialog, focus at the top of the page,
   * every feature panel mounted afresh (a table's sort and search, a typed search, notices, the
   * data library) and the first camera; resolves once the panels have read the emptied storage
   * and the map has drawn it all.
   */
  reset(): Promise<void>;
}

/** The feature panels, unmounted and mounted again by `reset` so they start as on a first load. */
interface ResettablePanels {
  unmount(): void;
  /** Mounts them again; resolves once they have read what the device stores. */
  mount(): Promise<void>;
}

/** Empties every object store of every IndexedDB database of the page, as on a first visit. */
async function emptyDatabases(): Promise<void> {
  const request = <T>(pending: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.onsuccess = () => resolve(pending.result);
      pending.onerror = () => reject(pending.error);
    });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    // No version: opens what exists as it is, beside the app's own connections.
    const database = await request(indexedDB.open(name));
    const storeNames = [...database.objectStoreNames];
    if (storeNames.length > 0) {
      const transaction = database.transaction(storeNames, 'readwrite');
      await Promise.all(storeNames.map((storeName) => request(transaction.objectStore(storeName).clear())));
    }
    database.close();
  }
}

/** Puts the handle on `globalThis.katsit`, remembering the app's state at this moment for `reset`. */
export function exposeTestHandle(parts: Omit<KatsitHandle, 'reset'>, panels: ResettablePanels): void {
  const { store, view, analysis } = parts;
  const started = store.get();
  const camera = view.getCamera();
  const address = location.href;
  const storedPreferences = Object.entries({ ...globalThis.localStorage });
  const reset = async () => {
    for (const id of [...ANALYSIS_IDS, 'flags'] as const) analysis.cancel(id);
    for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) dialog.close();
    panels.unmount();
    await emptyDatabases();
    // Before the panels mount again: the URL sync among them restores the view from the address.
    history.replaceState(null, '', address);
    store.set(started);
    analysis.results.set(emptyResults(started.datasets?.sites ?? null));
    // After the state: the page language writes its choice when the state's language changes.
    globalThis.localStorage.clear();
    for (const [key, value] of storedPreferences) globalThis.localStorage.setItem(key, value);
    // Focus, and where Tab goes next, back to the top of the page: a focused node that is removed
    // leaves the browser's sequential focus starting point where it stood.
    const top = document.createElement('span');
    top.tabIndex = -1;
    document.body.prepend(top);
    top.focus();
    top.remove();
    await panels.mount();
    view.setCamera(camera);
    await view.whenIdle();
  };
  const handle: KatsitHandle = { ...parts, reset };
  Object.assign(globalThis, { katsit: handle });
}
