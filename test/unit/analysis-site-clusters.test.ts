import { describe, expect, it } from 'vitest';
import { randomPositions, sitesAt } from '../../bench/workloads';
import { AGGREGATE_BELOW_ZOOM } from '../../workers/analysis/aggregation-zoom';
import {
  clusterBounds,
  createSiteClusterIndex,
  siteClustersInView,
} from '../../workers/analysis/site-clusters';
import { siteTableOf } from '../../workers/analysis/site-table';

const HAITI: [number, number, number, number] = [-75, 17.5, -71, 20.5];

describe('site clusters', () => {
  const sites = sitesAt(randomPositions(5000, 11), 11);
  const table = siteTableOf(sites);
  const index = createSiteClusterIndex(table);
  const totalIndividuals = sites.features.reduce(
    (total, feature) => total + feature.properties.individuals,
    0,
  );

  it('accounts for every site and every person exactly once at each aggregated zoom', () => {
    for (let zoom = 5; zoom < AGGREGATE_BELOW_ZOOM; zoom++) {
      const view = siteClustersInView(index, HAITI, zoom);
      const clustered = view.clusterSites.reduce((total, count) => total + count, 0);
      expect(clustered + view.singleSites.length, `zoom ${zoom}`).toBe(5000);
      const people =
        view.clusterIndividuals.reduce((total, value) => total + value, 0) +
        Array.from(view.singleSites).reduce((total, site) => total + (table.individuals[site] ?? 0), 0);
      expect(people, `zoom ${zoom}`).toBe(totalIndividuals);
    }
  });

  it('groups less as the zoom increases', () => {
    const counts = [5, 7, 9].map((zoom) => siteClustersInView(index, HAITI, zoom).clusterIds.length);
    const singles = [5, 7, 9].map((zoom) => siteClustersInView(index, HAITI, zoom).singleSites.length);
    expect(counts[0]).toBeLessThan(counts[2] ?? 0);
    expect(singles[0]).toBeLessThanOrEqual(singles[2] ?? 0);
  });

  it('gives the extent of a cluster, which contains its position', () => {
    const view = siteClustersInView(index, HAITI, 6);
    const clusterId = view.clusterIds[0];
    if (clusterId === undefined) throw new Error('no cluster at zoom 6');
    const bounds = clusterBounds(index, clusterId);
    expect(bounds).not.toBeNull();
    const [west, south, east, north] = bounds ?? [0, 0, 0, 0];
    const longitude = view.clusterPositions[0] ?? Number.NaN;
    const latitude = view.clusterPositions[1] ?? Number.NaN;
    expect(longitude).toBeGreaterThanOrEqual(west);
    expect(longitude).toBeLessThanOrEqual(east);
    expect(latitude).toBeGreaterThanOrEqual(south);
    expect(latitude).toBeLessThanOrEqual(north);
  });

  it('skips sites without coordinates instead of failing', () => {
    const broken = siteTableOf({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { individuals: 10 } }],
    });
    const view = siteClustersInView(createSiteClusterIndex(broken), HAITI, 6);
    expect(view.singleSites.length + view.clusterIds.length).toBe(0);
  });
});
