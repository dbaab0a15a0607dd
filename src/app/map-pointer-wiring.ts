/**
 * What hovering and clicking the map do in select mode: a tooltip for any
 * feature or group of sites (a site's tooltip names the flags the analyses
 * raise on it, as the table and the details card do), selection of a feature,
 * and zooming into a group.
 * Other map modes (drawing, candidate check) take the click first. Lives in
 * the application layer because it joins the map to the tooltip (a `ui` part).
 */
import type { PickingInfo } from '@deck.gl/core';
import type { AnalysisClient } from '../analysis/analysis-client';
import type { AnalysisController } from '../analysis/analysis-controller';
import { raisedFlags } from '../analysis/site-table-columns';
import { siteRowOfFeature } from '../analysis/site-table-row-index';
import { featureId } from '../domain/feature-identity';
import { formatNumber, translator } from '../i18n/translate';
import type { MapInteraction } from '../map/map-interaction';
import type { MapClick, MapView } from '../map/map-view';
import { pickedCluster, pickedFeature } from '../map/picking';
import { shownClusters } from '../map/site-grouping';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { describeFeature } from '../symbology/feature-description';
import type { Tooltip } from '../ui/tooltip';

export interface PointerParts {
  store: Store<AppState>;
  view: MapView;
  tooltip: Tooltip;
  interaction: MapInteraction;
  analysisClient: AnalysisClient;
  /** Its per-site flags, when an analysis or the table has asked for them. */
  analysis: Pick<AnalysisController, 'results'>;
}

/** Listens to the view's pointer and camera events; returns the function that stops listening. */
export function mountMapPointer({
  store,
  view,
  tooltip,
  interaction,
  analysisClient,
  analysis,
}: PointerParts): () => void {
  /** The flags raised on a hovered site, named; none before the flags are computed. */
  const flagNames = (feature: unknown, t: ReturnType<typeof translator>): string[] => {
    const flags = analysis.results.get().flags;
    if (!flags) return [];
    const sites = store.get().datasets?.sites.features;
    // The shared id index: a scan per hover cost tens of milliseconds at a million sites.
    const index = sites ? siteRowOfFeature(sites, feature) : -1;
    return index < 0 ? [] : raisedFlags(flags, index).map((flag) => t(flag.label));
  };
  const onHover = (info: PickingInfo) => {
    const { language } = store.get();
    const t = translator(language);
    const cluster = pickedCluster(info, shownClusters(store.get()));
    if (cluster) {
      const title = t('tooltip.siteCluster', {
        sites: formatNumber(language, cluster.sites),
        individuals: formatNumber(language, cluster.individuals),
      });
      tooltip.show(
        info.x,
        info.y,
        { title, kind: t('legend.siteCluster'), fields: [], sensitive: false },
        '',
      );
      return;
    }
    const picked = pickedFeature(info);
    if (!picked) {
      tooltip.hide();
      return;
    }
    tooltip.show(
      info.x,
      info.y,
      describeFeature(picked.layerId, picked.feature, language, t),
      t('value.sensitive'),
      picked.layerId === 'sites' ? flagNames(picked.feature, t) : [],
    );
  };

  const onClick = (click: MapClick) => {
    if (interaction.handleClick(click)) return;
    const { info } = click;
    const cluster = info ? pickedCluster(info, shownClusters(store.get())) : null;
    if (cluster) {
      void zoomInto(cluster.clusterId, cluster.position);
      return;
    }
    const picked = info && pickedFeature(info);
    store.set({
      selection: picked
        ? { layerId: picked.layerId, featureId: featureId(picked.layerId, picked.feature) }
        : null,
    });
  };

  /** Fits the map to the group's sites, so one click goes from the country to the sites it holds. */
  async function zoomInto(clusterId: number, [longitude, latitude]: [number, number]) {
    const bounds = await analysisClient.remote.clusterBounds(clusterId);
    if (bounds) {
      const [west, south, east, north] = bounds;
      view.fitBounds({ west, south, east, north }, { padding: 60, maxZoom: 15 });
    } else view.setCamera({ longitude, latitude, zoom: view.getCamera().zoom + 2 }, 'ease');
  }

  const unsubscribers = [
    view.on('hover', onHover),
    view.on('click', onClick),
    view.on('move-start', () => tooltip.hide()),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
