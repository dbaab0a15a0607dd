/**
 * Reading deck picks back into the app's terms: which thematic layer and
 * feature, or which site group, is under the pointer. Kept apart from the
 * layer specs so the pointer wiring needs no deck.gl code at start-up (the
 * layers themselves are loaded after the map's first idle).
 */
import type { PickingInfo } from '@deck.gl/core';
import type { Feature } from 'geojson';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { LayerId } from '../domain/types';

export const SITE_CLUSTERS_LAYER_ID = 'site-clusters';

/** The communes' deck layer: a nearly transparent fill (for picking) and the dashed outlines. */
export const COMMUNES_LAYER_ID = 'admin-communes';

/** The fill sub-layer deck's GeoJsonLayer makes for the communes' polygons. */
const COMMUNE_FILL_ID = `${COMMUNES_LAYER_ID}-polygons-fill`;

/**
 * Deck's layer filter: the communes' fill is drawn for picking only. It is
 * 1/255 opaque, there so that a click anywhere in a commune picks it; drawn
 * on screen it cost a pass of fragment shading over the whole view on every
 * frame at city zoom (on software WebGL, a large share of a panned frame).
 */
export function drawnInPass({ layer, isPicking }: { layer: { id: string }; isPicking: boolean }): boolean {
  return isPicking || layer.id !== COMMUNE_FILL_ID;
}

/** Maps a deck layer id back to the thematic layer it draws (for picking). */
export function thematicLayerOf(deckLayerId: string): LayerId | null {
  const prefix = deckLayerId.split('-')[0];
  return prefix === 'sites' ||
    prefix === 'hazards' ||
    prefix === 'control' ||
    prefix === 'services' ||
    prefix === 'admin'
    ? prefix
    : null;
}

/** The thematic layer and feature behind a deck pick, or null for basemap clicks. */
export function pickedFeature(info: PickingInfo): { layerId: LayerId; feature: Feature } | null {
  if (!info.layer || !info.object) return null;
  const layerId = thematicLayerOf(info.layer.id);
  if (!layerId) return null;
  return { layerId, feature: info.object as Feature };
}

/** The cluster under the pointer, if any: its totals and where it is. */
export function pickedCluster(
  info: PickingInfo,
  clusters: SiteClusters | null,
): { clusterId: number; sites: number; individuals: number; position: [number, number] } | null {
  if (!clusters || info.layer?.id !== SITE_CLUSTERS_LAYER_ID || info.index < 0) return null;
  const index = info.index;
  const clusterId = clusters.clusterIds[index];
  if (clusterId === undefined) return null;
  return {
    clusterId,
    sites: clusters.clusterSites[index] ?? 0,
    individuals: clusters.clusterIndividuals[index] ?? 0,
    position: [clusters.clusterPositions[index * 2] ?? 0, clusters.clusterPositions[index * 2 + 1] ?? 0],
  };
}
