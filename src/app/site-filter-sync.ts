/**
 * Keeps `AppState.datasets` derived from `sourceDatasets`, `siteFilter`, the
 * comparison of two rounds (round conditions) and the source flags (design: state/site-filter.ts). Writes `datasets` only when the
 * derived object differs, so an unchanged filter never wakes the map, the
 * worker or the table.
 */
import type { SourceFlags } from '../analysis/source-site-flags';
import type { AppState } from '../state/app-state';
import { analysisConditionCount, createDatasetsDeriver } from '../state/site-filter';
import type { Store } from '../state/store';

export interface SiteFilterSyncOptions {
  /**
   * Called after `datasets` changed while an analysis condition (flag, hazard type) is set: the site
   * table's flags (on the filtered sites) are then worth computing too.
   */
  onFlagFilter?: () => void;
}

export function mountSiteFilterSync(
  store: Store<AppState>,
  sourceFlags: SourceFlags,
  options: SiteFilterSyncOptions = {},
): () => void {
  const derive = createDatasetsDeriver();
  const update = () => {
    const state = store.get();
    const wantsFlags = analysisConditionCount(state.siteFilter) > 0;
    // Flags depend on the source data and parameters only: asking here cannot loop.
    if (wantsFlags) sourceFlags.ensure();
    const datasets = derive(
      state.sourceDatasets,
      state.siteFilter,
      sourceFlags.state.get().flags,
      state.roundChange?.sites ?? null,
    );
    if (datasets === state.datasets) return;
    store.set({ datasets });
    if (wantsFlags && options.onFlagFilter) queueMicrotask(options.onFlagFilter);
  };
  update();
  const unsubscribers = [
    store.subscribe((state) => state.sourceDatasets, update),
    store.subscribe((state) => state.siteFilter, update),
    store.subscribe((state) => state.analysisParameters, update),
    store.subscribe((state) => state.roundChange, update),
    sourceFlags.state.subscribe((current) => current.flags, update),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
