/**
 * Keeps `siteClusters` in step with the view: below the aggregation zoom it
 * asks the analysis worker (which already holds the sites and their index)
 * for the groups in a padded view after every move, keeping only the newest
 * answer; from that zoom on it clears them so every site is drawn.
 */
import type { Remote } from 'comlink';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import type { AnalysisApi } from '../../workers/analysis-api';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { MapView } from './map-view';

export function createSiteAggregation(
  store: Store<AppState>,
  view: MapView,
  remote: Remote<AnalysisApi>,
): () => void {
  let latest = 0;
  const update = async () => {
    const request = ++latest;
    const datasets = store.get().datasets;
    const zoom = view.getCamera().zoom;
    if (!datasets || zoom >= AGGREGATE_BELOW_ZOOM) {
      if (store.get().siteClusters) store.set({ siteClusters: null });
      return;
    }
    // Half a view of margin on each side, so a short pan shows no gap before the answer.
    const { west, south, east, north } = view.visibleBounds();
    const width = east - west;
    const height = north - south;
    const clusters = await remote.siteClusters(
      [west - width / 2, south - height / 2, east + width / 2, north + height / 2],
      zoom,
    );
    if (request !== latest || store.get().datasets !== datasets) return;
    store.set({ siteClusters: clusters });
  };
  const onMove = () => void update();
  const unsubscribers = [view.on('move-end', onMove), store.subscribe((state) => state.datasets, onMove)];
  void update();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
