/**
 * Analysis answers cached in IndexedDB (fake-indexeddb in Node): a second
 * engine on the same data — as after a reload — is served from the cache,
 * and any edit of an input or parameter misses it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { siteTableOf } from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';
import { indexedDbAnalysisCache } from '../../workers/indexeddb-analysis-cache';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

function engine(data: ReturnType<typeof demoDatasets>) {
  const api = createAnalysisApi({ cache: indexedDbAnalysisCache() });
  api.loadDatasets({ ...data, sites: siteTableOf(data.sites) });
  return api;
}

describe('analysis result cache', () => {
  const data = demoDatasets(3000);

  it('serves a rerun on the same data from the cache, with the same answer', async () => {
    // Data of its own: the other tests here cache answers on `data`, in whatever order they run.
    const own = demoDatasets(3000, 31);
    const first = await engine(own).runExposure();
    const second = await engine(own).runExposure();
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

describe('a cache that is optional, checked and lands', () => {
  const data = demoDatasets(2000);
  const memory = () => {
    const entries = new Map<string, unknown>();
    return {
      entries,
      get: async (key: string) => entries.get(key),
      put: async (key: string, value: unknown) => void entries.set(key, value),
      delete: async (key: string) => void entries.delete(key),
    };
  };
  const run = async (cache: ReturnType<typeof memory>, input = data) => {
    const api = createAnalysisApi({ cache });
    api.loadDatasets({ ...input, sites: siteTableOf(input.sites) });
    const answer = await api.runExposure();
    await api.settled();
    if (answer.status !== 'done') throw new Error(answer.status);
    return answer;
  };

  it('deletes a corrupt entry and recomputes: the figures still come and the entry is replaced', async () => {
    const cache = memory();
    const first = await run(cache);
    const [key] = [...cache.entries.keys()];
    if (!key) throw new Error('nothing cached');
    for (const corrupt of [
      { summary: [] },
      { ...first.result, worstSeverity: new Int8Array(3) },
      { ...first.result, summary: first.result.summary.map((row) => ({ ...row, individuals: Number.NaN })) },
      'not an answer',
    ]) {
      cache.entries.set(key, corrupt);
      const again = await run(cache);
      expect(again.fromCache).toBe(false);
      expect(again.result.summary).toEqual(first.result.summary);
      expect(cache.entries.get(key)).toEqual(first.result);
      expect((await run(cache)).fromCache).toBe(true);
    }
  });

  it('runs without the cache when a layer cannot be hashed (no key, the analysis still runs)', async () => {
    const cache = memory();
    const unhashable = structuredClone(data);
    const zone = unhashable.hazards.features[0];
    if (!zone) throw new Error('fixture');
    (zone.properties as unknown as Record<string, unknown>).weight = 10n;
    const answer = await run(cache, unhashable);
    expect(answer.result.summary.length).toBeGreaterThan(0);
    expect(cache.entries.size).toBe(0);
  });

  it('runs without the cache when the store fails on every call', async () => {
    const failing = {
      entries: new Map<string, unknown>(),
      get: async () => Promise.reject(new Error('closed')),
      put: async () => Promise.reject(new Error('quota')),
      delete: async () => Promise.reject(new Error('closed')),
    };
    const answer = await run(failing);
    expect(answer.fromCache).toBe(false);
  });

  it('has issued its write when the answer is returned, and settled() waits for it to land', async () => {
    const landed: string[] = [];
    const slow = {
      ...memory(),
      put: (key: string) =>
        new Promise<void>((resolve) => setTimeout(() => resolve(void landed.push(key)), 50)),
    };
    const api = createAnalysisApi({ cache: slow });
    api.loadDatasets({ ...data, sites: siteTableOf(data.sites) });
    expect((await api.runCoverage()).status).toBe('done');
    expect(landed).toEqual([]);
    await api.settled();
    expect(landed).toHaveLength(1);
  });
});
