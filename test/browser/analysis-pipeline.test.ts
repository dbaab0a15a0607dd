/**
 * The analysis pipeline under stress, in the production build:
 * - a commune filter set and cleared while a 100k-site exposure runs: the
 *   figures shown are those of a fresh run on the data shown (the worker's
 *   data generations; before them, a run finishing on replaced data could
 *   leave wrong figures and poison the cache);
 * - the analysis worker killed mid-run (`self.close()`: no error event, no
 *   answer): the user is told in the current language within seconds, and
 *   pressing the analysis again works without a reload.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { randomPositions, sitesAt } from '../../bench/workloads';
import { figureContext, keyFiguresOf } from '../../src/analyses/key-figures';
import { emptyResults } from '../../src/analysis/analysis-results';
import type { SiteCollection } from '../../src/domain/types';
import { en } from '../../src/i18n/en';
import { initialAppState } from '../../src/state/app-state';
import { siteTableOf } from '../../workers/analysis/index';
import { createAnalysisApi } from '../../workers/analysis-api';
import { app } from './app';
import { loadSites } from './big-dataset';
import { chooseLanguage, freshAppForEachTest, type Session, waitForMapIdle } from './chromium';
import { demoDatasets } from './demo-engine';

const COMMUNES = ['HT0111', 'HT0112', 'HT0113', 'HT0121'] as const;

/** Generated sites spread over four communes (so a commune filter keeps a quarter). */
function sitesInCommunes(count: number, seed: number): SiteCollection {
  const sites = sitesAt(randomPositions(count, seed), seed);
  sites.features.forEach((feature, index) => {
    feature.properties.admin2Pcode = COMMUNES[index % COMMUNES.length]!;
  });
  return sites;
}

/** Exposure of `sites` with the demo hazards, run directly in Node: what a fresh run must show. */
async function freshExposure(sites: SiteCollection) {
  const api = createAnalysisApi({ warmUp: false });
  api.loadDatasets({ sites: siteTableOf(sites), hazards: demoDatasets().hazards });
  const answer = await api.runExposure();
  if (answer.status !== 'done') throw new Error(answer.status);
  return answer.result;
}

/** Waits until the exposure shown belongs to the sites shown and nothing runs. */
async function settledExposure(
  page: Page,
): Promise<{ summary: unknown; figures: { label: string; value: number }[] }> {
  await app(page).waitFor(
    (katsit) => {
      const results = katsit.analysis.results.get();
      return (
        results.exposure !== null &&
        results.running === null &&
        results.sites === katsit.store.get().datasets?.sites &&
        document.querySelector('#analysis-panel .key-figures') !== null
      );
    },
    undefined,
    { timeout: 90_000, polling: 50 },
  );
  return app(page).evaluate((katsit) => ({
    summary: katsit.analysis.results.get().exposure?.summary ?? null,
    figures: katsit.store.get().keyFigures.map(({ label, value }) => ({ label, value })),
  }));
}

function analysisWorkerOf(page: Page): Worker | undefined {
  return page.workers().find((worker) => worker.url().includes('analysis'));
}

describe('analysis pipeline in a real browser', () => {
  // Each test starts from the app as first loaded, with nothing stored (the reset empties IndexedDB, so
  // no test depends on another's answers or cache); a reset instead of a reload spares a page load.
  const session: Session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'reset' });

  it('shows the figures of a fresh run after the commune filter is set and cleared during a 100k-site exposure', async () => {
    const { page } = session;
    const sites = sitesInCommunes(100_000, 21);
    await loadSites(page, sites, 'sourceDatasets');
    await waitForMapIdle(page);
    await page.click('[data-analysis="exposure"]');
    // Exposure, then the table's flags, start together; a progress tick means the worker is chunking them.
    await app(page).waitFor((katsit) => (katsit.analysis.results.get().running?.done ?? 0) > 0, undefined, {
      polling: 5,
      timeout: 60_000,
    });

    // The filter changes the sites the worker holds while the run is chunking, then comes back.
    await app(page).evaluate((katsit, commune) => {
      katsit.store.set({ siteFilter: { ...katsit.store.get().siteFilter, commune } });
    }, COMMUNES[1]);
    await page.waitForTimeout(150);
    await app(page).evaluate((katsit) => {
      katsit.store.set({ siteFilter: { ...katsit.store.get().siteFilter, commune: null } });
    });

    const shown = await settledExposure(page);
    const expected = await freshExposure(sites);
    expect(shown.summary).toEqual(expected.summary);
    const { analysisParameters, siteFilter } = initialAppState('fr');
    const datasets = { ...demoDatasets(), sites };
    // The filter cleared: the last figure says every site was analysed.
    const context = {
      ...figureContext('fr', analysisParameters, datasets),
      scope: { filter: siteFilter, source: datasets },
    };
    const expectedFigures = keyFiguresOf('exposure', { ...emptyResults(sites), exposure: expected }, context);
    expect(shown.figures).toEqual(expectedFigures.map(({ label, value }) => ({ label, value })));
    for (const figure of shown.figures) expect(Number.isFinite(figure.value)).toBe(true);
  }, 180_000);

  it('tells the user when the analysis worker dies mid-run, in the current language, and runs again without a reload', async () => {
    const { page } = session;
    // Other sites than the first test's: nothing in the cache, the run must compute.
    const sites = sitesInCommunes(100_000, 22);
    await chooseLanguage(page, 'en');
    await loadSites(page, sites, 'sourceDatasets');
    await waitForMapIdle(page);
    const worker = analysisWorkerOf(page);
    expect(worker, `workers: ${page.workers().map((candidate) => candidate.url())}`).toBeDefined();

    await page.click('[data-analysis="exposure"]');
    // Exposure, then the table's flags, start together: either one running means the exposure is in flight.
    await app(page).waitFor((katsit) => katsit.analysis.results.get().running !== null, undefined, {
      polling: 5,
    });
    const killed = Date.now();
    // self.close() ends the worker without an error event or an answer; evaluate may never return.
    void worker?.evaluate(() => self.close()).catch(() => undefined);
    const alert = await page.waitForSelector('#analysis-panel .analysis-error', { timeout: 20_000 });
    const noticedAfter = Date.now() - killed;
    expect(await alert.textContent()).toContain(en['analysis.workerStopped']);
    console.info(`analysis worker killed mid-run: the user was told after ${noticedAfter} ms`);
    expect(noticedAfter).toBeLessThan(10_000);

    // Pressing the analysis again (off, then on) works: a new worker holds the data.
    await page.click('[data-analysis="exposure"]');
    await page.click('[data-analysis="exposure"]');
    const shown = await settledExposure(page);
    expect(shown.summary).toEqual((await freshExposure(sites)).summary);
    expect(await page.$('#analysis-panel .analysis-error')).toBeNull();
  }, 180_000);

  it('commits the cache entry promptly: a reload one second after the figures appear is served from the cache', async () => {
    const { page } = session;
    const sites = sitesInCommunes(100_000, 23);
    await loadSites(page, sites, 'sourceDatasets');
    await waitForMapIdle(page);
    await page.click('[data-analysis="exposure"]');
    const shown = await settledExposure(page);
    const lastRun = () =>
      app(page).evaluate((katsit) => {
        const run = katsit.analysis.results.get().lastRuns.exposure;
        return run ? { fromCache: run.fromCache } : null;
      });
    expect(await lastRun()).toMatchObject({ fromCache: false });
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await loadSites(page, sites, 'sourceDatasets');
    const active = await page.$('[data-analysis="exposure"][aria-pressed="true"]');
    if (!active) await page.click('[data-analysis="exposure"]');
    const again = await settledExposure(page);
    expect(await lastRun()).toMatchObject({ fromCache: true });
    expect(again.summary).toEqual(shown.summary);
  }, 180_000);
});
