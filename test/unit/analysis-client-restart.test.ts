/**
 * A dead analysis worker is noticed: the real worker in a Node worker thread
 * is killed without a word (as `self.close()` or a crash would leave it),
 * the pending run rejects with `AnalysisWorkerStopped`, a new worker gets the
 * current data, pending quick calls are answered there, and the next run
 * works — no reload.
 */
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnalysisClient,
  type AnalysisEndpoint,
  AnalysisWorkerStopped,
  createAnalysisClient,
  isAnalysisWorkerStopped,
} from '../../src/analysis/analysis-client';
import { siteTableOf } from '../../workers/analysis/index';
import { type AnalysisApi, createAnalysisApi } from '../../workers/analysis-api';
import { demoDatasets } from '../fixtures/analysis/small-datasets';

const threads: Worker[] = [];
let client: AnalysisClient | undefined;

function threadEndpoint(): AnalysisEndpoint {
  const thread = new Worker(new URL('../fixtures/analysis/worker-bootstrap.mjs', import.meta.url));
  threads.push(thread);
  return {
    remote: wrap<AnalysisApi>(nodeEndpoint(thread)),
    terminate: () => void thread.terminate(),
    onFailure(listener) {
      thread.on('error', listener);
      thread.on('messageerror', listener);
    },
  };
}

afterEach(async () => {
  client?.terminate();
  await Promise.all(threads.map((thread) => thread.terminate()));
  threads.length = 0;
});

describe('a dead analysis worker', () => {
  const data = demoDatasets(60_000, 11);

  it('rejects the pending run with AnalysisWorkerStopped, restarts with the data, and the next run works', async () => {
    client = createAnalysisClient(threadEndpoint, {
      quietMilliseconds: 300,
      pongMilliseconds: 300,
      stoppedMessage: () => 'stopped, run again',
    });
    const current = client;
    await current.sync(data);
    const running = current.run(
      'exposure',
      (requestId, onProgress) => current.remote.runExposure({ requestId }, onProgress),
      () => {},
    );
    // Killed silently: no error event, no answer, ever.
    await threads[0]?.terminate();
    const started = performance.now();
    const failure = await running.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AnalysisWorkerStopped);
    expect(isAnalysisWorkerStopped(failure)).toBe(true);
    expect((failure as AnalysisWorkerStopped).code).toBe('worker-stopped');
    expect((failure as Error).message).toBe('stopped, run again');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(threads).toHaveLength(2);

    const again = await current.run(
      'exposure',
      (requestId, onProgress) => current.remote.runExposure({ requestId }, onProgress),
      () => {},
    );
    const direct = createAnalysisApi({ warmUp: false });
    direct.loadDatasets({ sites: siteTableOf(data.sites), hazards: data.hazards });
    const expected = await direct.runExposure();
    if (expected.status !== 'done') throw new Error(expected.status);
    expect(again?.result.summary).toEqual(expected.result.summary);
  }, 60_000);

  it('asks a pending quick call again on the new worker', async () => {
    // A quick call is one long task, so a silent worker gets the start-up time to answer it:
    // shortened from the app's 15 s, long enough for the new thread to load.
    client = createAnalysisClient(threadEndpoint, {
      quietMilliseconds: 200,
      pongMilliseconds: 200,
      startupMilliseconds: 4000,
    });
    await client.sync(data);
    await threads[0]?.terminate();
    const space = await client.remote.runSpacePerPerson();
    expect(space?.squareMetresPerPerson.length).toBe(60_000);
    expect(threads).toHaveLength(2);
  }, 60_000);

  it('keeps a healthy but busy worker: a long run with progress is never declared dead', async () => {
    // Pinged after 100 ms of quiet, as in a long run, but given the app's own pong time: a chunk of
    // the flags run on a loaded machine may hold the worker past a shorter one, which is no death.
    client = createAnalysisClient(threadEndpoint, { quietMilliseconds: 100, pongMilliseconds: 2000 });
    const current = client;
    await current.sync(demoDatasets(120_000, 12));
    const answer = await current.run(
      'flags',
      (requestId, onProgress) => current.remote.runSiteFlags({}, { requestId }, onProgress),
      () => {},
    );
    expect(answer?.result.count).toBe(120_000);
    expect(threads).toHaveLength(1);
  }, 60_000);

  it('gives a call that is one long task (a grouping index over many sites) the start-up time, not the ping time', async () => {
    client = createAnalysisClient(threadEndpoint, { quietMilliseconds: 50, pongMilliseconds: 100 });
    await client.sync(demoDatasets(300_000, 13));
    const started = performance.now();
    const clusters = await client.remote.siteClusters([-75, 17, -71, 21], 5);
    console.info(
      `grouping index over 300k sites in the worker: ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(clusters).not.toBeNull();
    expect(threads).toHaveLength(1);
  }, 60_000);
});
