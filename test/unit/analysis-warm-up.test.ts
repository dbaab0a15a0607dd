/**
 * The first run in a fresh worker used to cost several times a warm one
 * (JIT). After each load the worker now runs a few hundred sites through the
 * spatial paths. Measured here in fresh Node worker threads (a cold JIT each),
 * with and without the warm-up, on the same data; the numbers are printed,
 * and the answers must not change.
 */
import { Worker } from 'node:worker_threads';
import { type Remote, transfer, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { describe, expect, it } from 'vitest';
import {
  adminGrid,
  hazardZones,
  randomPositions,
  servicePoints,
  sitesAt,
  zoneGeometries,
} from '../../bench/workloads';
import { siteTableOf, transferablesOf } from '../../workers/analysis/index';
import type { AnalysisApi } from '../../workers/analysis-api';

// Enough sites for the JIT gap to show; the benchmarks (`npm run bench`) time the engine at 100k.
const SITES = 25_000;
const hazards = hazardZones(300, 100, 5);
const sites = sitesAt(randomPositions(SITES, 6, zoneGeometries(300, 100, 5), 0.02), 7);
const services = servicePoints(10_000, 8);
const admin = adminGrid();

async function firstRuns(warmUp: boolean) {
  const thread = new Worker(new URL('../fixtures/analysis/api-thread.mjs', import.meta.url), {
    workerData: { warmUp },
  });
  try {
    const remote: Remote<AnalysisApi> = wrap<AnalysisApi>(nodeEndpoint(thread));
    const table = siteTableOf(sites);
    await remote.loadDatasets(transfer({ sites: table, hazards, services, admin }, transferablesOf(table)));
    // The user looks at the map before pressing an analysis; the warm-up runs meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exposure = await remote.runExposure();
    const coverage = await remote.runCoverage();
    if (exposure.status !== 'done' || coverage.status !== 'done') throw new Error('runs');
    // The same work again on new objects (nothing memoised): the warm reference.
    const again = siteTableOf(sites);
    await remote.loadDatasets(transfer({ sites: again }, transferablesOf(again)));
    const warmExposure = await remote.runExposure();
    if (warmExposure.status !== 'done') throw new Error('runs');
    return {
      exposure: exposure.milliseconds,
      coverage: coverage.milliseconds,
      warmExposure: warmExposure.milliseconds,
      summary: exposure.result.summary,
      share: coverage.result.shareCovered,
    };
  } finally {
    await thread.terminate();
  }
}

describe('warm-up after data loads', () => {
  it('gives the same answers, and reports first-run times with and without it', async () => {
    const cold = await firstRuns(false);
    const warm = await firstRuns(true);
    expect(warm.summary).toEqual(cold.summary);
    expect(warm.share).toBe(cold.share);
    const milliseconds = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `first run, ${SITES} sites × 300 zones × 100 vertices, 10k services:\n` +
        `  exposure: ${milliseconds(cold.exposure)} without warm-up, ${milliseconds(warm.exposure)} with; ` +
        `steady ${milliseconds(cold.warmExposure)}\n` +
        `  coverage: ${milliseconds(cold.coverage)} without warm-up, ${milliseconds(warm.coverage)} with`,
    );
  }, 120_000);
});
