/**
 * 300,000 sites imported as a user would (a generated GeoJSON file, made
 * here and never committed, through the toolbar's file input), saved, and
 * shown in the site table: a long-task observer installed before the app's
 * first script reports every main-thread task, and none may exceed 200 ms
 * (on a machine busier than its cores, 1,000 ms: see TARGET_MILLISECONDS)
 * during the import (the save included), the table's opening, its jump to
 * the last row, a sort by name (collated in the worker), a search in the
 * search box (in the worker, over the sites' columns), ten drags of the map at
 * city zoom. A reload that reads
 * the stored sites and their columns, and the first load before, are timed
 * and reported but not judged (their longest task is the renderer linking
 * shaders). The phases' times and longest tasks are reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { app } from './app';
import { APP_URL, freshAppForEachTest, waitForMapStill } from './chromium';
import { writeSiteGeoJson } from './site-file';

const COUNT = 300_000;
/**
 * The target: no task over 200 ms. Task times are wall-clock, so on a machine
 * busier than its cores (other test runs sharing two cores) every task
 * stretches several-fold and 200 ms cannot be judged; the ceiling is then
 * 1,000 ms, which still catches the freezes this guards against (a whole
 * collection cloned in one task: 6 to 17 s at 300k sites).
 */
const TARGET_MILLISECONDS = 200;
const BUSY_MACHINE_CEILING_MILLISECONDS = 1000;

/** Records [start, duration] of every long task, from before any script of the page runs. */
const LONG_TASK_RECORDER = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

interface Phase {
  name: string;
  milliseconds: number;
  longestTask: number;
}

/**
 * Runs `work` and returns its time and the longest main-thread task that
 * overlapped it; after a reload (`reloads`), every task of the new page.
 */
async function phase(page: Page, name: string, work: () => Promise<void>, reloads = false): Promise<Phase> {
  const started = Date.now();
  const from = reloads ? 0 : await page.evaluate(() => performance.now());
  await work();
  const to = await page.evaluate(() => performance.now());
  const longestTask = await page.evaluate(
    ({ start, end }) =>
      (Reflect.get(globalThis, '__longTasks') as [number, number][])
        .filter(([taskStart, duration]) => taskStart + duration >= start && taskStart <= end)
        .reduce((longest, [, duration]) => Math.max(longest, duration), 0),
    { start: from, end: to },
  );
  return { name, milliseconds: Date.now() - started, longestTask };
}

describe('300,000 sites without a freeze', () => {
  const session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'none' });
  const directory = mkdtempSync(join(os.tmpdir(), 'katsit-300k-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('imports, saves and opens the table with no main-thread task over 200 ms', async () => {
    const path = join(directory, 'sites-300k.geojson');
    writeSiteGeoJson(path, COUNT);
    const { page } = session;
    await page.addInitScript(LONG_TASK_RECORDER);
    const katsit = app(page);
    // The app's own start on the demo data, for comparison with the reload below.
    const firstLoad = await phase(
      page,
      'first load, demo data (not judged)',
      async () => {
        // Not openApp: its minute is too short for a first load on a busy two-core machine.
        await page.goto(APP_URL);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
        await katsit.waitForIdle();
      },
      true,
    );

    const phases: Phase[] = [];
    phases.push(
      await phase(page, 'file chosen → review', async () => {
        await page.setInputFiles('#import-file-input', path);
        await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 180_000 });
      }),
    );
    phases.push(
      await phase(page, 'confirm → saved and on the map', async () => {
        const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
        await expect.poll(() => confirm.isEnabled(), { timeout: 60_000 }).toBe(true);
        await confirm.click();
        await page.waitForSelector('dialog.import-dialog:not([open])', {
          state: 'attached',
          timeout: 180_000,
        });
        await katsit.waitFor(
          (handle, count) => handle.store.get().datasets?.sites.features.length === count,
          COUNT,
          { timeout: 180_000, polling: 100 },
        );
        await katsit.waitForIdle();
      }),
    );
    phases.push(
      await phase(page, 'table opens (rows shown)', async () => {
        await page.click('#toolbar [data-action="site-table"]');
        await page.waitForSelector('.site-table tbody tr.site-row', { timeout: 60_000 });
      }),
    );
    phases.push(
      await phase(page, 'table sorted', async () => {
        await page.waitForSelector('[data-site-table-preparing][hidden]', {
          state: 'attached',
          timeout: 60_000,
        });
      }),
    );
    phases.push(
      await phase(page, 'jump to the last row', async () => {
        await page.evaluate(() => {
          const scroller = document.querySelector<HTMLElement>('.site-table-scroller');
          if (scroller) scroller.scrollTop = scroller.scrollHeight;
        });
        await page.waitForSelector(`.site-table tbody tr[aria-rowindex="${COUNT + 1}"]`, { timeout: 30_000 });
      }),
    );
    phases.push(
      await phase(page, 'table sorted by name', async () => {
        await page.click('.site-table [data-sort="name"]');
        await page.waitForSelector('[data-site-table-preparing]:not([hidden])', {
          state: 'attached',
          timeout: 30_000,
        });
        await page.waitForSelector('[data-site-table-preparing][hidden]', {
          state: 'attached',
          timeout: 120_000,
        });
      }),
    );
    // Collated in the worker with numbers read as numbers: "Site 0", "Site 1", "Site 2"… "Site 299999".
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.site-table-scroller');
      if (scroller) scroller.scrollTop = 0;
    });
    const firstRow = page.locator('.site-table tbody tr[aria-rowindex="2"]');
    await firstRow.waitFor({ timeout: 30_000 });
    expect(await firstRow.locator('td').first().textContent()).toBe('Site 0');
    phases.push(
      await phase(page, 'search box finds a site', async () => {
        await page.fill('#search-input', 'site 299999');
        await page.waitForSelector('#search-results [data-kind="site"][data-id="SITE-299999"]', {
          timeout: 60_000,
        });
      }),
    );
    // A coordinator dragging the map across Port-au-Prince at city zoom: 300k sites around.
    await katsit.jumpTo({ center: [-72.3, 18.55], zoom: 12 });
    await waitForMapStill(page);
    phases.push(
      await phase(page, 'pan at city zoom (10 drags)', async () => {
        const box = await page.locator('#map canvas').first().boundingBox();
        if (!box) throw new Error('no map canvas');
        const x = box.x + box.width / 2;
        // The upper quarter: the site table, still open, covers the lower part of the map.
        const y = box.y + box.height / 4;
        for (let drag = 0; drag < 10; drag += 1) {
          const direction = drag % 2 === 0 ? 1 : -1;
          await page.mouse.move(x, y);
          await page.mouse.down();
          await page.mouse.move(x + direction * 200, y + direction * 60, { steps: 8 });
          await page.mouse.up();
        }
        await waitForMapStill(page);
      }),
    );
    const stored = await katsit.evaluate(async () => {
      const databases = await indexedDB.databases();
      return databases.some((database) => database.name === 'katsit');
    });
    expect(stored).toBe(true);
    phases.push(
      await phase(
        page,
        'reload: stored sites on the map (not judged)',
        async () => {
          await page.reload();
          await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
          await katsit.waitFor(
            (handle, count) => handle.store.get().datasets?.sites.features.length === count,
            COUNT,
            { timeout: 300_000, polling: 200 },
          );
          await katsit.waitForIdle();
        },
        true,
      ),
    );
    console.info(
      [
        `${COUNT.toLocaleString('en')} sites (GeoJSON), SwiftShader, load average ${os.loadavg()[0]?.toFixed(2)}:`,
        ...[firstLoad, ...phases].map(
          (entry) =>
            `  ${entry.name}: ${(entry.milliseconds / 1000).toFixed(2)} s, longest task ${entry.longestTask.toFixed(0)} ms`,
        ),
      ].join('\n'),
    );
    const load = os.loadavg()[0] ?? 0;
    const limit = load < os.cpus().length ? TARGET_MILLISECONDS : BUSY_MACHINE_CEILING_MILLISECONDS;
    console.info(
      `longest-task limit ${limit} ms (load average ${load.toFixed(2)}, ${os.cpus().length} cores)`,
    );
    // A page's first frames link deck.gl's shaders, which SwiftShader does in one task of seconds
    // (getProgramParameter in a CPU profile) with or without stored data: a load's longest task is
    // the renderer's, so loads are reported beside the judged phases, not judged.
    for (const entry of phases.filter((each) => !each.name.endsWith('(not judged)')))
      expect(entry.longestTask, entry.name).toBeLessThanOrEqual(limit);
  }, 900_000);
});
