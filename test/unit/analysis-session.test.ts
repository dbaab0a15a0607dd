/**
 * The worker session: loads supersede runs on their view, views share
 * layers and intermediates by identity, and a shared intermediate is
 * computed once for every run waiting on it.
 */
import { describe, expect, it } from 'vitest';
import { siteTableOf } from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';
import { type ChunkStep, createIntermediates } from '../../workers/session/shared-intermediates';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

describe('runs and data generations', () => {
  const data = demoDatasets(20_000, 3);

  it('stops a run as superseded when its view is loaded anew, and answers the next on the new data', async () => {
    const api = createAnalysisApi();
    api.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
    const stale = api.runExposure();
    const smaller = demoDatasets(3000, 4);
    api.loadDatasets({ sites: siteTableOf(smaller.sites) });
    expect((await stale).status).toBe('superseded');
    const fresh = await api.runExposure();
    if (fresh.status !== 'done') throw new Error(fresh.status);
    expect(fresh.result.siteZones.offsets.length).toBe(3001);
  }, 60_000);

  it('keeps a run on the source view going when the filtered view changes', async () => {
    const api = createAnalysisApi();
    api.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
    api.loadDatasets({ sites: { sameAs: 'filtered' }, hazards: { sameAs: 'filtered' } }, 'source');
    const sourceRun = api.runExposure({ view: 'source' });
    const filtered = api.runExposure();
    api.loadDatasets({ sites: siteTableOf(demoDatasets(100, 5).sites) });
    const [source, stale] = await Promise.all([sourceRun, filtered]);
    expect(stale.status).toBe('superseded');
    if (source.status !== 'done') throw new Error(source.status);
    expect(source.result.siteZones.offsets.length).toBe(20_001);
  }, 60_000);

  it('a layer loaded as "same as" the other view is the same layer: no second load summary of its own', () => {
    const api = createAnalysisApi({ warmUp: false });
    api.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
    const summary = api.loadDatasets({ sites: { sameAs: 'filtered' } }, 'source');
    expect(summary.sites).toBe(20_000);
  });
});

describe('shared intermediates', () => {
  const inputs = [{}, {}] as const;
  const counting = () => {
    let computations = 0;
    const compute = async (step: ChunkStep) => {
      computations += 1;
      for (let chunk = 0; chunk < 3; chunk += 1) {
        await step.next();
        step.progress(chunk + 1, 3);
      }
      return { value: computations };
    };
    return { compute, count: () => computations };
  };
  const keepGoing = { check: () => {} };

  it('computes once for every run waiting, and reports progress to each', async () => {
    const intermediates = createIntermediates();
    const { compute, count } = counting();
    const seen: number[] = [];
    const [first, second] = await Promise.all([
      intermediates.obtain(
        inputs,
        'containment',
        { check: () => {}, onProgress: (done) => seen.push(done) },
        compute,
      ),
      intermediates.obtain(inputs, 'containment', keepGoing, compute),
    ]);
    expect(first).toBe(second);
    expect(count()).toBe(1);
    expect(seen).toEqual([1, 2, 3]);
    expect(await intermediates.obtain(inputs, 'containment', keepGoing, compute)).toBe(first);
    // Other input objects, even equal ones, are other inputs.
    await intermediates.obtain([{}, inputs[1]], 'containment', keepGoing, compute);
    expect(count()).toBe(2);
  });

  it('lets one waiter stop without stopping the others; with nobody left the work stops and restarts later', async () => {
    const intermediates = createIntermediates();
    const { compute, count } = counting();
    let stopFirst = false;
    const stopping = {
      check: () => {
        if (stopFirst) throw new Error('cancelled');
      },
    };
    const first = intermediates.obtain(inputs, 'p', stopping, compute);
    const second = intermediates.obtain(inputs, 'p', keepGoing, compute);
    stopFirst = true;
    await expect(first).rejects.toThrow('cancelled');
    expect(await second).toEqual({ value: 1 });

    const alone = intermediates.obtain([{}, {}], 'p', stopping, compute);
    await expect(alone).rejects.toThrow('cancelled');
    expect(count()).toBe(2);
  });
});
