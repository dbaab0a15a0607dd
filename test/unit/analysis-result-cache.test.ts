/**
 * Analysis answers cached in IndexedDB (fake-indexeddb in Node): a second
 * engine on the same data — as after a reload — is served from the cache,
 * and any edit of an input or parameter misses it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { siteTableOf } from '../../workers/analysis/index';
import { indexedDbAnalysisCache } from '../../workers/analysis/result-cache';
import { createAnalysisApi } from '../../workers/analysis-api';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

function engine(data: ReturnType<typeof demoDatasets>) {
  const api = createAnalysisApi({ cache: indexedDbAnalysisCache() });
  api.loadDatasets({ ...data, sites: siteTableOf(data.sites) });
  return api;
}

describe('analysis result cache', () => {
  const data = demoDatasets(3000);

  it('serves a rerun on the same data from the cache, with the same answer', async () => {
    const first = await engine(data).runExposure();
    const second = await engine(data).runExposure();
    expect(first.status === 'done' && first.fromCache).toBe(false);
    expect(second.status === 'done' && second.fromCache).toBe(true);
    if (first.status !== 'done' || second.status !== 'done') throw new Error('runs');
    expect(second.result).toEqual(first.result);
  });

  it('misses the cache when an input layer changes', async () => {
    await engine(data).runExposure();
    const edited = structuredClone(data);
    const zone = edited.hazards.features[0];
    if (!zone) throw new Error('fixture');
    zone.properties.severity = zone.properties.severity === 'high' ? 'low' : 'high';
    const rerun = await engine(edited).runExposure();
    expect(rerun.status === 'done' && rerun.fromCache).toBe(false);
    const movedSite = structuredClone(data);
    const site = movedSite.sites.features[0];
    if (!site) throw new Error('fixture');
    site.geometry.coordinates = [
      site.geometry.coordinates[0] ?? 0,
      (site.geometry.coordinates[1] ?? 0) + 0.001,
    ];
    const again = await engine(movedSite).runExposure();
    expect(again.status === 'done' && again.fromCache).toBe(false);
  });

  it('keys answers by their parameters', async () => {
    await engine(data).runAccess(1000);
    const other = await engine(data).runAccess(2500);
    const same = await engine(data).runAccess(1000);
    expect(other.status === 'done' && other.fromCache).toBe(false);
    expect(same.status === 'done' && same.fromCache).toBe(true);
  });

  it('runs without a cache where there is no IndexedDB', async () => {
    const api = createAnalysisApi();
    api.loadDatasets({ ...data, sites: siteTableOf(data.sites) });
    const first = await api.runCoverage();
    const second = await api.runCoverage();
    expect(first.status === 'done' && first.fromCache).toBe(false);
    expect(second.status === 'done' && second.fromCache).toBe(false);
  });
});
