/**
 * Country-zoom aggregation on the map: circles for groups of sites, sized by
 * the people they hold and labelled with their site count, read straight from
 * the worker's typed arrays; the sites left unclustered keep their own symbol.
 */
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import type { SiteCollection, SiteFeature } from '../domain/types';
import type { LayerSettings } from '../state/app-state';
import { clusterRadiusPixels, SITE_CLUSTER_COLOR, withAlpha } from './palette';
import { SITE_CLUSTERS_LAYER_ID } from './picking';
import { VertexScatterplotLayer } from './vertex-layers';

const singlesCache = new WeakMap<SiteClusters, SiteFeature[]>();

/** The site features drawn individually in an aggregated view (memoised per answer). */
export function singleSites(sites: SiteCollection, clusters: SiteClusters): SiteFeature[] {
  const cached = singlesCache.get(clusters);
  if (cached) return cached;
  const features = Array.from(clusters.singleSites, (index) => sites.features[index]).filter(
    (feature): feature is SiteFeature => feature !== undefined,
  );
  singlesCache.set(clusters, features);
  return features;
}

const indicesCache = new WeakMap<SiteClusters, number[]>();

/** 0 … groups − 1: the vertex layer reads an array (memoised per answer). */
function clusterIndices(clusters: SiteClusters): number[] {
  let indices = indicesCache.get(clusters);
  if (!indices) {
    indices = Array.from(clusters.clusterIds, (_, index) => index);
    indicesCache.set(clusters, indices);
  }
  return indices;
}

export function siteClusterLayers(
  clusters: SiteClusters,
  settings: LayerSettings,
  labelFont: string,
): Layer[] {
  const count = clusters.clusterIds.length;
  const position = (index: number): [number, number] => [
    clusters.clusterPositions[index * 2] ?? 0,
    clusters.clusterPositions[index * 2 + 1] ?? 0,
  ];
  return [
    // The sites' own circle layer: its shader program is already linked when groups first show.
    new VertexScatterplotLayer<number>({
      id: SITE_CLUSTERS_LAYER_ID,
      data: clusterIndices(clusters),
      visible: settings.visible,
      opacity: settings.opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 70],
      getPosition: position,
      radiusUnits: 'pixels',
      getRadius: (index) => clusterRadiusPixels(clusters.clusterIndividuals[index] ?? 0),
      getFillColor: withAlpha(SITE_CLUSTER_COLOR, 225),
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getLineColor: [255, 255, 255, 255],
      updateTriggers: { getPosition: clusters, getRadius: clusters },
    }),
    new TextLayer<unknown>({
      id: `${SITE_CLUSTERS_LAYER_ID}-labels`,
      data: { length: count },
      visible: settings.visible,
      opacity: settings.opacity,
      getPosition: (_, { index }) => position(index),
      getText: (_, { index }) => String(clusters.clusterSites[index] ?? ''),
      getSize: 12,
      getColor: [255, 255, 255, 255],
      fontFamily: labelFont,
      fontWeight: 700,
      updateTriggers: { getPosition: clusters, getText: clusters },
    }),
  ];
}
