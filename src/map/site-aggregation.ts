/**
 * Keeps `siteClusters` in step with the view: below the aggregation zoom it
 * asks the analysis worker (which already holds the sites and their index)
 * for the groups in a padded view after a move that leaves the area last asked
 * for (or changes the zoom level), keeping only the newest answer; from that
 * zoom on it clears them so every site is drawn.
 */
import type { Remote } from 'comlink';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { AnalysisApi } from '../../workers/analysis-api';
import type { Datasets } from '../domain/types';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { Bounds } from './camera';
import type { MapView } from './map-view';
import { siteWindowFor } from './site-window';

/** How long to wait before asking again when the worker had no sites yet. */
const RETRY_MILLISECONDS = 200;

export function createSiteAggregation(
  store: Store<AppState>,
  view: MapView,
  remote: Remote<AnalysisApi>,
): () => void {
  let latest = 0;
  let stopped = false;
  // What the last answer covers: a move that stays inside it at the same zoom level, while the
  // store still holds that answer (a reset may have put another there), asks nothing.
  let covered: { window: Bounds; level: number; datasets: Datasets; clusters: SiteClusters } | null = null;
  const update = async () => {
    const datasets = store.get().datasets;
    const zoom = view.getCamera().zoom;
    if (!datasets || zoom >= AGGREGATE_BELOW_ZOOM) {
      latest += 1;
      covered = null;
      if (store.get().siteClusters) store.set({ siteClusters: null });
      return;
    }
    const level = Math.floor(zoom);
    const visible = view.visibleBounds();
    if (
      covered?.level === level &&
      covered.datasets === datasets &&
      covered.clusters === store.get().siteClusters?.clusters &&
      siteWindowFor(visible, covered.window) === covered.window
    )
      return;
    const request = ++latest;
    covered = null;
    // Half a view of margin on each side, so a short pan shows no gap before the answer.
    const window = siteWindowFor(visible, null);
    const clusters = await remote.siteClusters([window.west, window.south, window.east, window.north], zoom);
    if (request !== latest || store.get().datasets !== datasets) return;
    if (!clusters) {
      // The worker has not received the sites yet: it is asked again shortly.
      if (store.get().siteClusters) store.set({ siteClusters: null });
      setTimeout(() => {
        if (!stopped) onMove();
      }, RETRY_MILLISECONDS);
      return;
    }
    covered = { window, level, datasets, clusters };
    // With the list it indexes: drawn over any other list, its single sites would be other sites.
    store.set({ siteClusters: { sites: datasets.sites, clusters } });
  };
  const onMove = () => void update();
  const unsubscribers = [
    view.on('move-end', onMove),
    store.subscribe((state) => state.datasets, onMove),
    store.subscribe((state) => state.siteClusters, onMove),
  ];
  void update();
  return () => {
    stopped = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
