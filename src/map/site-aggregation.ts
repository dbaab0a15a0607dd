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
    const zoom = view.map.getZoom();
    if (!datasets || zoom >= AGGREGATE_BELOW_ZOOM) {
      if (store.get().siteClusters) store.set({ siteClusters: null });
      return;
    }
    // Half a view of margin on each side, so a short pan shows no gap before the answer.
    const bounds = view.map.getBounds();
    const width = bounds.getEast() - bounds.getWest();
    const height = bounds.getNorth() - bounds.getSouth();
    const clusters = await remote.siteClusters(
      [
        bounds.getWest() - width / 2,
        bounds.getSouth() - height / 2,
        bounds.getEast() + width / 2,
        bounds.getNorth() + height / 2,
      ],
      zoom,
    );
    if (request !== latest || store.get().datasets !== datasets) return;
    store.set({ siteClusters: clusters });
  };
  const onMove = () => void update();
  view.map.on('moveend', onMove);
  const unsubscribe = store.subscribe((state) => state.datasets, onMove);
  void update();
  return () => {
    view.map.off('moveend', onMove);
    unsubscribe();
  };
}
