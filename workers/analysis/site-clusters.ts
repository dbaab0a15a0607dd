/**
 * Sites aggregated for country-level views: a Supercluster index over the
 * site table, queried per view. Answers are typed arrays (cheap to send back
 * from the worker) holding clusters with their totals and the sites left
 * unclustered at that zoom.
 */
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { AGGREGATE_BELOW_ZOOM } from './aggregation-zoom';
import { type SiteTable, siteCount } from './site-table';

interface PointProperties {
  index: number;
  individuals: number;
}
interface ClusterTotals {
  individuals: number;
}

export type SiteClusterIndex = Supercluster<PointProperties, ClusterTotals>;

/** Clusters and single sites in a view, column-wise. */
export interface SiteClusters {
  zoom: number;
  /** Clusters: `lon, lat` pairs. */
  clusterPositions: Float64Array;
  clusterIds: Int32Array;
  clusterSites: Uint32Array;
  clusterIndividuals: Float64Array;
  /** Indices (into the site table) of the sites not in any cluster at this zoom. */
  singleSites: Uint32Array;
}

export function createSiteClusterIndex(table: SiteTable): SiteClusterIndex {
  const count = siteCount(table);
  const points: PointFeature<PointProperties>[] = [];
  for (let index = 0; index < count; index++) {
    const longitude = table.coordinates[index * 2]!;
    const latitude = table.coordinates[index * 2 + 1]!;
    // Sites without usable coordinates are skipped, as the map skips them.
    if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) continue;
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: { index, individuals: table.individuals[index] || 0 },
    });
  }
  return new Supercluster<PointProperties, ClusterTotals>({
    radius: 44,
    maxZoom: AGGREGATE_BELOW_ZOOM - 1,
    minPoints: 3,
    map: (properties) => ({ individuals: properties.individuals }),
    reduce: (accumulated, properties) => {
      accumulated.individuals += properties.individuals;
    },
  }).load(points);
}

/** Clusters and singles within `bbox` (west, south, east, north) at an integer zoom. */
export function siteClustersInView(
  index: SiteClusterIndex,
  bbox: [number, number, number, number],
  zoom: number,
): SiteClusters {
  const level = Math.max(0, Math.min(AGGREGATE_BELOW_ZOOM - 1, Math.floor(zoom)));
  const features = index.getClusters(bbox, level);
  const clusters = features.filter((feature) => feature.properties && 'cluster' in feature.properties);
  const singles = features.filter((feature) => !(feature.properties && 'cluster' in feature.properties));
  const result: SiteClusters = {
    zoom: level,
    clusterPositions: new Float64Array(clusters.length * 2),
    clusterIds: new Int32Array(clusters.length),
    clusterSites: new Uint32Array(clusters.length),
    clusterIndividuals: new Float64Array(clusters.length),
    singleSites: new Uint32Array(singles.length),
  };
  clusters.forEach((feature, position) => {
    const properties = feature.properties as ClusterProperties & ClusterTotals;
    result.clusterPositions[position * 2] = feature.geometry.coordinates[0]!;
    result.clusterPositions[position * 2 + 1] = feature.geometry.coordinates[1]!;
    result.clusterIds[position] = properties.cluster_id;
    result.clusterSites[position] = properties.point_count;
    result.clusterIndividuals[position] = properties.individuals;
  });
  singles.forEach((feature, position) => {
    result.singleSites[position] = (feature.properties as PointProperties).index;
  });
  return result;
}

/** The extent (west, south, east, north) of every site in a cluster, to zoom the map onto it. */
export function clusterBounds(
  index: SiteClusterIndex,
  clusterId: number,
): [number, number, number, number] | null {
  const leaves = index.getLeaves(clusterId, Number.POSITIVE_INFINITY);
  if (leaves.length === 0) return null;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const leaf of leaves) {
    const [longitude = 0, latitude = 0] = leaf.geometry.coordinates;
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [west, south, east, north];
}
