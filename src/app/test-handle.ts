/**
 * The handle the page exposes as `globalThis.katsit` for diagnostics and the
 * end-to-end tests: the real store, map view and analysis controller, nothing
 * stubbed. One type, so the tests (test/browser/app.ts) read it without casts.
 */
import type { AnalysisController } from '../analysis/analysis-controller';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/** What `globalThis.katsit` holds once the app has started. */
export interface KatsitHandle {
  store: Store<AppState>;
  view: MapView;
  analysis: AnalysisController;
}

/** Puts the handle on `globalThis.katsit`. */
export function exposeTestHandle(handle: KatsitHandle): void {
  Object.assign(globalThis, { katsit: handle });
}
