/**
 * What hovering and clicking the map do in select mode: a tooltip for any
 * feature or group of sites, selection of a feature, and zooming into a group.
 * Other map modes (drawing, candidate check) take the click first.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { MapMouseEvent } from 'maplibre-gl';
import type { AnalysisClient } from '../analysis/analysis-client';
import { featureId } from '../domain/feature-identity';
import { formatNumber, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { describeFeature } from '../ui/feature-fields';
import type { Tooltip } from '../ui/tooltip';
import { pickedFeature } from './layer-specs';
import type { MapInteraction } from './map-interaction';
import type { MapView } from './map-view';
import { pickedCluster } from './site-cluster-layers';

/** Parts that exist only once the map does; filled in by the composition root. */
export interface PointerContext {
  store: Store<AppState>;
  tooltip: Tooltip;
  view?: MapView;
  interaction?: MapInteraction;
  analysisClient?: AnalysisClient;
}

export function pointerHandlers(context: PointerContext) {
  const onHover = (info: PickingInfo) => {
    const { language, siteClusters } = context.store.get();
    const t = translator(language);
    const cluster = pickedCluster(info, siteClusters);
    if (cluster) {
      const title = t('tooltip.siteCluster', {
        sites: formatNumber(language, cluster.sites),
        individuals: formatNumber(language, cluster.individuals),
      });
      context.tooltip.show(
        info.x,
        info.y,
        { title, kind: t('legend.siteCluster'), fields: [], sensitive: false },
        '',
      );
      return;
    }
    const picked = pickedFeature(info);
    if (!picked) {
      context.tooltip.hide();
      return;
    }
    context.tooltip.show(
      info.x,
      info.y,
      describeFeature(picked.layerId, picked.feature, language, t),
      t('value.sensitive'),
    );
  };

  const onClick = (info: PickingInfo | null, event: MapMouseEvent) => {
    if (context.interaction?.handleClick(info, event)) return;
    const cluster = info ? pickedCluster(info, context.store.get().siteClusters) : null;
    if (cluster) {
      void zoomInto(cluster.clusterId, cluster.position);
      return;
    }
    const picked = info && pickedFeature(info);
    context.store.set({
      selection: picked
        ? { layerId: picked.layerId, featureId: featureId(picked.layerId, picked.feature) }
        : null,
    });
  };

  /** Fits the map to the group's sites, so one click goes from the country to the sites it holds. */
  async function zoomInto(clusterId: number, position: [number, number]) {
    const bounds = await context.analysisClient?.remote.clusterBounds(clusterId);
    const map = context.view?.map;
    if (!map) return;
    if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 15 });
    else map.easeTo({ center: position, zoom: map.getZoom() + 2 });
  }

  return { onHover, onClick };
}
