/**
 * Regression: replacing the data while an analysis runs poisoned the next
 * answers and the persistent cache. The worker kept per-site intermediates
 * (hazard containment…) in closure variables: a run started on 20k sites
 * finished after a 5k-site load, wrote its 20k-row containment back, the next
 * run on 5k sites reused it, and the mixed answer (NaN totals) was cached
 * under the 20k data's key.
 */
import { describe, expect, it } from 'vitest';
import type { HazardExposure } from '../../workers/analysis/index';
import { siteTableOf } from '../../workers/analysis/index';
import { type AnalysisApi, createAnalysisApi, type RunResult } from '../../workers/analysis-api';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

/** An in-memory cache behind the engine's cache interface (what IndexedDB does across reloads). */
function memoryCache() {
  const entries = new Map<string, unknown>();
  return {
    entries,
    async get(key: string) {
      return entries.get(key);
    },
    async put(key: string, value: unknown) {
      entries.set(key, value);
    },
    async delete(key: string) {
      entries.delete(key);
    },
  };
}

const eventLoopTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function exposureOf(answer: RunResult<HazardExposure>): HazardExposure {
  if (answer.status !== 'done') throw new Error(`expected an answer, got ${answer.status}`);
  return answer.result;
}

function load(api: AnalysisApi, data: ReturnType<typeof demoDatasets>): void {
  api.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
}

async function freshExposure(data: ReturnType<typeof demoDatasets>): Promise<HazardExposure> {
  const api = createAnalysisApi();
  load(api, data);
  return exposureOf(await api.runExposure());
}

describe('data replaced while an exposure run is chunking', () => {
  const large = demoDatasets(20_000, 7);
  const small = demoDatasets(5000, 8);

  it('answers the next run on the new sites only (no 20k-row containment reused for 5k sites)', async () => {
    const api = createAnalysisApi();
    load(api, large);
    const first = api.runExposure();
    for (let turn = 0; turn < 3; turn += 1) await eventLoopTurn();
    load(api, small);
    await first;
    const second = exposureOf(await api.runExposure());
    expect(second.siteZones.offsets.length).toBe(5000 + 1);
    expect(second.worstSeverity.length).toBe(exposureOf(await api.runExposure()).worstSeverity.length);
    const expected = await freshExposure(small);
    expect(second.worstSeverity.length).toBe(expected.worstSeverity.length);
    expect(second.summary).toEqual(expected.summary);
    for (const row of second.summary) expect(Number.isFinite(row.individuals)).toBe(true);
  }, 60_000);

  it('never caches a mixed answer under the old data: a fresh engine on the 20k sites gets correct totals', async () => {
    const cache = memoryCache();
    const api = createAnalysisApi({ cache });
    load(api, large);
    const first = api.runExposure();
    for (let turn = 0; turn < 3; turn += 1) await eventLoopTurn();
    load(api, small);
    await first;
    exposureOf(await api.runExposure());
    await api.settled?.();

    const reloaded = createAnalysisApi({ cache });
    load(reloaded, large);
    const answer = await reloaded.runExposure();
    const expected = await freshExposure(large);
    const served = exposureOf(answer);
    expect(served.summary).toEqual(expected.summary);
    for (const row of served.summary) expect(Number.isFinite(row.individuals)).toBe(true);
    expect(served.siteZones.offsets.length).toBe(20_000 + 1);
  }, 60_000);
});
