/**
 * End-to-end: the analyses run in the real worker of the production build,
 * their answers match the same engine run directly in Node on the same data,
 * and a 100k-site run leaves the main thread free (no long task over 50 ms).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteCollection } from '../../src/domain/types';
import { CHOROPLETH_COLORS, choroplethClass } from '../../src/map/palette';
import { app } from './app';
import { bigSites, loadSites } from './big-dataset';
import {
  freshAppForEachTest,
  jumpTo,
  offMachineRequests,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
} from './chromium';
import { demoDatasets, engineFor } from './demo-engine';
import { type Colour, countColour } from './pixels';

let session: Session;

/** The land colour of the offline basemap, which the choropleth covers with 190/255 alpha. */
const LAND: Colour = [249, 247, 242];
function over(colour: Colour, alpha: number, under: Colour): Colour {
  const mix = (channel: 0 | 1 | 2) =>
    Math.round((colour[channel] * alpha + under[channel] * (255 - alpha)) / 255);
  return [mix(0), mix(1), mix(2)];
}

async function chooseAnalysis(id: string): Promise<void> {
  await session.page.click(`[data-analysis="${id}"]`);
  await session.page.waitForSelector(`[data-active-analysis="${id}"]`);
}

/** Key figures as shown: [label, number] pairs, numbers parsed from the French format. */
async function shownKeyFigures(): Promise<Map<string, number>> {
  await session.page.waitForSelector('#analysis-panel .key-figures');
  const pairs = await session.page.$$eval('#analysis-panel .key-figures dd', (values) =>
    values.map((value): [string, string] => [
      value.nextElementSibling?.textContent ?? '',
      value.textContent ?? '',
    ]),
  );
  return new Map(
    pairs.map(([label, value]) => [
      label,
      Number(
        value
          .replace(/[\s\u202f\u00a0]/g, '')
          .replace(',', '.')
          .replace('%', ''),
      ),
    ]),
  );
}

async function screenshot(name: string): Promise<void> {
  await waitForMapIdle(session.page);
  writeFileSync(`${SCREENSHOT_DIRECTORY}/${name}.png`, await session.page.screenshot());
}

describe('analyses in a real browser', () => {
  session = freshAppForEachTest({ width: 1440, height: 900 }, { between: 'reset' });
  const datasets = demoDatasets();
  const engine = engineFor(datasets);

  it('shows hazard exposure equal to the engine run in Node', async () => {
    const expected = await engine.runExposure();
    if (expected.status !== 'done') throw new Error('engine');
    await chooseAnalysis('exposure');
    const figures = await shownKeyFigures();
    const flood = expected.result.summary
      .filter((row) => row.hazardType === 'flood')
      .reduce((total, row) => total + row.individuals, 0);
    expect(flood).toBeGreaterThan(0);
    expect(figures.get('Personnes exposées — Inondation')).toBe(flood);
    const rows = await session.page.$$eval('#analysis-panel .summary-table tbody tr', (trs) => trs.length);
    expect(rows).toBe(expected.result.summary.filter((row) => row.sites > 0).length);
    await screenshot('analysis-exposure');
  });

  it('keeps a distance being typed when the answer arrives, and shows access constraints for it', async () => {
    const expected = await engine.runAccess(2500);
    if (expected.status !== 'done') throw new Error('engine');
    // Typing has begun while the first run's answer is on its way: the answer used to rebuild the
    // panel and the typed digits vanished (CI then waited 30 s for the figures of a run never asked
    // for). Chosen and typed in one task of the page, so the answer, which comes from the worker in
    // a later task, always arrives after the first digits.
    await session.page.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('[data-analysis="access"]')?.click();
      // The panel renders in a microtask after the choice.
      await Promise.resolve();
      const input = document.querySelector<HTMLInputElement>('#parameter-accessDistanceMeters');
      if (!input) throw new Error('no distance field after choosing access');
      input.focus();
      input.value = '250';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '250' }));
    });
    await session.page.waitForSelector('#analysis-panel .analysis-provenance');
    expect(await session.page.inputValue('#parameter-accessDistanceMeters')).toBe('250');
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe(
      'parameter-accessDistanceMeters',
    );
    // The last digit, from the keyboard, and Enter applies 2,500 m.
    await session.page.keyboard.type('0');
    await session.page.keyboard.press('Enter');
    await expect
      .poll(() => app(session.page).state((state) => state.analysisParameters.accessDistanceMeters))
      .toBe(2500);
    const controlled = expected.result.summary.find((row) => row.level === 'controlled')?.individuals;
    await session.page.waitForFunction(
      (value) =>
        [...document.querySelectorAll('#analysis-panel .key-figures dd')].some(
          (node) => node.textContent?.replace(/[\s\u202f\u00a0]/g, '') === String(value),
        ),
      controlled,
      // On a timer: animation frames come slowly on software WebGL under load.
      { polling: 200 },
    );
    const figures = await shownKeyFigures();
    expect(figures.get('Personnes à accès contraint — Contrôlée')).toBe(controlled);
  });

  it('shows Sphere service coverage and overcrowding', async () => {
    await chooseAnalysis('coverage');
    const coverage = await engine.runCoverage(5000);
    if (coverage.status !== 'done') throw new Error('engine');
    const figures = await shownKeyFigures();
    expect(figures.get('Personnes sans point d’eau à 500 m')).toBe(
      coverage.result.individualsTotal - coverage.result.individualsCovered,
    );
    expect(figures.get('PDI avec un point d’eau à 500 m')).toBeCloseTo(coverage.result.shareCovered * 100, 1);
    await screenshot('analysis-coverage');

    await chooseAnalysis('space');
    const space = engine.runSpacePerPerson();
    const spaceFigures = await shownKeyFigures();
    expect(spaceFigures.get('Sites surpeuplés (superficie par personne sous la norme Sphère)')).toBe(
      space?.overcrowdedSites,
    );
  });

  it('totals sites per commune and colours the choropleth', async () => {
    await chooseAnalysis('admin');
    const expected = await engine.runByAdmin();
    if (expected.status !== 'done') throw new Error('engine');
    const figures = await shownKeyFigures();
    expect(figures.get('Communes avec des sites')).toBe(
      expected.result.communes.filter((row) => row.sites > 0).length,
    );
    const before = await session.page.locator('#map').screenshot();
    await session.page.check('#choropleth-toggle');
    await screenshot('analysis-admin-choropleth');
    const after = await session.page.locator('#map').screenshot();
    // The communes' classes show on the map in their ramp colours, which were not there before
    // (at country zoom the metro's darkest communes may hide under the site groups).
    const classes = [...new Set(expected.result.communes.map((row) => choroplethClass(row.individuals)))];
    const added = classes.map((index) => {
      const colour = over(CHOROPLETH_COLORS[index] ?? [0, 0, 0], 190, LAND);
      return countColour(after, colour, 8) - countColour(before, colour, 8);
    });
    expect(classes.length).toBeGreaterThan(2);
    expect(
      added.filter((pixels) => pixels > 20).length,
      `pixels added per class: ${added}`,
    ).toBeGreaterThanOrEqual(Math.min(3, classes.length));
    expect(Math.max(...added)).toBeGreaterThan(5000);
  });

  it('counts the sites of a drawn polygon', async () => {
    await chooseAnalysis('area');
    await jumpTo(session.page, { center: [-72.3, 18.56], zoom: 11 });
    await session.page.click('[data-map-mode="draw-polygon"]');
    const box = await session.page.locator('#map').boundingBox();
    if (!box) throw new Error('no map');
    const corners = [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ] as const;
    for (const [x, y] of corners)
      await session.page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await session.page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.7);
    const figures = await shownKeyFigures();
    const shape = await app(session.page).evaluate((katsit) => katsit.analysis.results.get().area?.shape);
    const expected = await engine.runAreaOfInterest(shape as Parameters<typeof engine.runAreaOfInterest>[0]);
    if (expected.status !== 'done') throw new Error('engine');
    expect(expected.result.sites).toBeGreaterThan(10);
    expect(figures.get('Sites dans la zone')).toBe(expected.result.sites);
    expect(figures.get('Personnes dans la zone')).toBe(expected.result.individuals);
    await screenshot('analysis-area');
  });

  it('vets a candidate site clicked on the map, with a verdict and its reasons', async () => {
    await chooseAnalysis('candidate');
    const box = await session.page.locator('#map').boundingBox();
    if (!box) throw new Error('no map');
    await session.page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await session.page.waitForSelector('#analysis-panel .verdict');
    const location = await app(session.page).evaluate((katsit) => katsit.analysis.results.get().candidate);
    if (!location) throw new Error('no candidate');
    const parameters = await app(session.page).state((state) => state.analysisParameters);
    const expected = engine.checkCandidate(location.longitude, location.latitude, parameters);
    const verdict = await session.page.textContent('#analysis-panel .verdict');
    expect(verdict).toBe(
      { suitable: 'Emplacement adapté', caution: 'Prudence', unsuitable: 'Emplacement inadapté' }[
        expected.verdict
      ],
    );
    const reasons = await session.page.$$eval(
      '#analysis-panel .candidate-reasons li',
      (items) => items.length,
    );
    expect(reasons).toBe(expected.reasons.length);
    await screenshot('analysis-candidate');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(offMachineRequests(session.requests)).toEqual([]);
  });

  it('serves a rerun after a reload from the IndexedDB cache, and says so', async () => {
    const lastRun = () =>
      app(session.page).evaluate((katsit) => katsit.analysis.results.get().lastRuns.coverage);
    await chooseAnalysis('coverage');
    // The first run's answer in, so the next answer shown is the 7 km run's.
    await session.page.waitForSelector('#analysis-panel .analysis-provenance');
    // A health distance not used before, so the first run computes.
    await session.page.fill('#parameter-healthDistanceMeters', '7000');
    await session.page.press('#parameter-healthDistanceMeters', 'Enter');
    // The value applied first, so a wait that runs out says which step failed (in CI the hash
    // wait once ran out after 30 s, and nothing said whether the value had been applied).
    await expect
      .poll(() => app(session.page).state((state) => state.analysisParameters.healthDistanceMeters))
      .toBe(7000);
    await session.page.waitForSelector('#analysis-panel .analysis-provenance[data-from-cache="false"]');
    const first = await lastRun();
    // The URL keeps the analysis and its parameters: the reload reruns it, now from the cache.
    // Polled on a timer, not on animation frames.
    await expect.poll(() => session.page.evaluate(() => location.hash)).toContain('health=7000');
    // The figures are shown before the cache entry is written; it lands within a second.
    await session.page.waitForTimeout(1000);
    await session.page.reload();
    await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await session.page.waitForSelector('#analysis-panel .analysis-provenance[data-from-cache="true"]');
    const second = await lastRun();
    expect(first?.fromCache).toBe(false);
    expect(second?.fromCache).toBe(true);
    console.info(
      `coverage on the demo: computed in ${first?.milliseconds.toFixed(1)} ms; after a reload, from the cache in ${second?.milliseconds.toFixed(1)} ms`,
    );
    expect(session.pageErrors).toEqual([]);
  });
});

describe('a 100,000-site analysis stays off the main thread', () => {
  const bigSession = freshAppForEachTest({ width: 1280, height: 800 });
  const sites: SiteCollection = bigSites(100_000);

  // One retry: software WebGL shares the 2 cores with the GPU process, and now and then a frame's
  // scheduling lands in a script's time; a real regression (a task over 50 ms) fails both times.
  it('runs hazard exposure on 100k sites with no long task over 50 ms, matching Node, and serves it from the cache after a reload', {
    retry: 1,
  }, async () => {
    const { page } = bigSession;
    // Loading and drawing 100k sites may block; that is not the analysis, so it happens before observing.
    await loadSites(page, sites);
    await waitForMapIdle(page);
    // Long tasks, and the script time inside long animation frames: on software WebGL a frame of
    // 100k circles is itself a long task now and then (the GPU process shares the 2 cores), so
    // the assertion is on our scripts (Long Animation Frames attribution), the long tasks are reported.
    await page.evaluate(() => {
      const record = globalThis as unknown as {
        longTasks: number[];
        longScripts: number[];
        observers: PerformanceObserver[];
      };
      record.longTasks = [];
      record.longScripts = [];
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
      });
      tasks.observe({ type: 'longtask' });
      const frames = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const scripts = (entry as PerformanceEntry & { scripts?: { duration: number }[] }).scripts ?? [];
          for (const script of scripts) {
            record.longScripts.push(script.duration);
            if (script.duration > 40)
              Reflect.set(globalThis, 'slowScripts', [
                ...(Reflect.get(globalThis, 'slowScripts') ?? []),
                JSON.stringify(script),
              ]);
          }
        }
      });
      frames.observe({ type: 'long-animation-frame' });
      record.observers = [tasks, frames];
    });
    const started = Date.now();
    await page.click('[data-analysis="exposure"]');
    // Polled on a timer, not on animation frames: frames of 100k circles on software WebGL are slow.
    await app(page).waitFor(
      (katsit) => {
        return (
          katsit.analysis.results.get().exposure !== null &&
          document.querySelector('#analysis-panel .key-figures')
        );
      },
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    const elapsed = Date.now() - started;
    // Which script was slow, if one was (attribution of the Long Animation Frames API).
    const slowScripts = await page.evaluate(() => Reflect.get(globalThis, 'slowScripts') ?? []);
    if (slowScripts.length > 0) console.info('scripts over 40 ms during the analysis:', slowScripts);
    const { longTasks, longScripts } = await page.evaluate(() => {
      const record = globalThis as unknown as {
        longTasks: number[];
        longScripts: number[];
        observers: PerformanceObserver[];
      };
      for (const observer of record.observers) observer.disconnect();
      return { longTasks: record.longTasks, longScripts: record.longScripts };
    });
    console.info(
      `100k-site exposure in the browser, click → figures shown: ${elapsed} ms; long tasks: ${JSON.stringify(longTasks.map(Math.round))}; longest script in a long frame: ${Math.round(Math.max(0, ...longScripts))} ms`,
    );
    expect(longScripts.filter((duration) => duration > 50)).toEqual([]);

    const engine = engineFor({ ...demoDatasets(), sites });
    const expected = await engine.runExposure();
    if (expected.status !== 'done') throw new Error('engine');
    const shown = await app(page).evaluate((katsit) => katsit.analysis.results.get().exposure?.summary);
    expect(shown).toEqual(expected.result.summary);
    expect(bigSession.pageErrors).toEqual([]);

    // The same run after a reload comes from the IndexedDB cache (speed-up reported).
    const lastRun = () =>
      app(page).evaluate((katsit) => katsit.analysis.results.get().lastRuns.exposure ?? null);
    const computed = await lastRun();
    expect(computed).toMatchObject({ analysis: 'exposure', fromCache: false });
    // The answer is shown before its cache entry is written; the entry lands within a second (issue 18's promise).
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await loadSites(page, sites);
    await page.waitForSelector('#analysis-panel .analysis-provenance[data-from-cache="true"]', {
      timeout: 60_000,
    });
    const cached = await lastRun();
    expect(cached).toMatchObject({ analysis: 'exposure', fromCache: true });
    console.info(
      `100k-site exposure in the worker: computed ${computed?.milliseconds.toFixed(0)} ms, from the IndexedDB cache after a reload ${cached?.milliseconds.toFixed(0)} ms (×${((computed?.milliseconds ?? 0) / (cached?.milliseconds ?? 1)).toFixed(1)})`,
    );
  });
});
