/**
 * The real worker in a Node worker thread, over Comlink: loads a small
 * dataset (sites as transferred typed arrays) and checks that an analysis
 * answers exactly what the direct call answers, and that cancel works.
 */
import { Worker } from 'node:worker_threads';
import { proxy, type Remote, transfer, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { siteTableOf, transferablesOf } from '../../workers/analysis/index';
import type { AnalysisApi, Progress } from '../../workers/analysis-api';
import { createAnalysisApi } from '../../workers/analysis-api';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

describe('analysis worker over Comlink', () => {
  let worker: Worker;
  let remote: Remote<AnalysisApi>;

  beforeAll(() => {
    worker = new Worker(new URL('../fixtures/analysis/worker-bootstrap.mjs', import.meta.url));
    remote = wrap<AnalysisApi>(nodeEndpoint(worker));
  });
  afterAll(async () => {
    await worker.terminate();
  });

  it('answers runExposure exactly as the direct call does', async () => {
    const data = demoDatasets(2000);
    const table = siteTableOf(data.sites);
    const direct = createAnalysisApi();
    direct.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
    const expected = await direct.runExposure();

    const summary = await remote.loadDatasets(
      transfer({ sites: table, hazards: data.hazards }, transferablesOf(table)),
    );
    expect(summary.sites).toBe(2000);
    // Transferred, not copied: the main thread's buffers are now detached.
    expect(table.coordinates.byteLength).toBe(0);
    const progress: Progress[] = [];
    const answer = await remote.runExposure(
      { requestId: 7 },
      proxy((value: Progress) => void progress.push(value)),
    );
    expect(answer.status).toBe('done');
    expect(expected.status).toBe('done');
    if (answer.status !== 'done' || expected.status !== 'done') return;
    expect(answer.requestId).toBe(7);
    expect(answer.result).toEqual(expected.result);
    expect(answer.result.summary.some((row) => row.sites > 0)).toBe(true);
    // Progress travels on the callback's own channel, so it may land after the answer.
    await vi.waitFor(() => expect(progress.at(-1)).toEqual({ requestId: 7, done: 2000, total: 2000 }));
  }, 60_000);

  it('drops a stale request when a newer one of the same kind arrives', async () => {
    const data = demoDatasets(20_000);
    const table = siteTableOf(data.sites);
    await remote.loadDatasets(transfer({ sites: table, services: data.services }, transferablesOf(table)));
    const [older, newer] = await Promise.all([
      remote.runCoverage(5000, { requestId: 100 }),
      remote.runCoverage(5000, { requestId: 101 }),
    ]);
    expect(older.status).toBe('superseded');
    expect(newer.status).toBe('done');
  }, 60_000);

  it('stops a cancelled request', async () => {
    const data = demoDatasets(40_000);
    const table = siteTableOf(data.sites);
    await remote.loadDatasets(transfer({ sites: table, services: data.services }, transferablesOf(table)));
    const running = remote.runCoverage(5000, { requestId: 200 });
    await remote.cancel(200);
    expect((await running).status).toBe('cancelled');
  }, 60_000);
});
