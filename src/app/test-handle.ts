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
   * Puts the app back as it was when it started: the state, no analysis answer or run, no
   * open dialog, the first camera; resolves once the map has drawn it. Panels keep what they
   * hold outside the store (a table's sort, a typed search), and stored data stays: a test
   * that touches those opens the app afresh instead.
   */
  reset(): Promise<void>;
}

/** Puts the handle on `globalThis.katsit`, remembering the app's state at this moment for `reset`. */
export function exposeTestHandle(parts: Omit<KatsitHandle, 'reset'>): void {
  const { store, view, analysis } = parts;
  const started = store.get();
  const camera = view.getCamera();
  const reset = async () => {
    for (const id of [...ANALYSIS_IDS, 'flags'] as const) analysis.cancel(id);
    for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) dialog.close();
    store.set(started);
    analysis.results.set(emptyResults(started.datasets?.sites ?? null));
    view.setCamera(camera);
    await view.whenIdle();
  };
  const handle: KatsitHandle = { ...parts, reset };
  Object.assign(globalThis, { katsit: handle });
}
