/**
 * `npm run bench:browser`: the app against a bare MapLibre page in the same
 * Chromium (SwiftShader, the flags of test/browser/chromium.ts), same run:
 * first map idle (the app's basemap) and every layer drawn, JS loaded, the
 * longest main-thread task, frames per second while panning at z7 and z11 and
 * the JS heap per site with 100k and 300k generated sites (BENCH_SITES), and
 * click → key figures of a 100k-site hazard exposure. Builds into dist-bench-browser
 * (or BUILD_DIR), serves it with Vite's preview() on PREVIEW_PORT, and
 * writes the bare page into the build at run time. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { bigSites, loadSites } from '../test/browser/big-dataset';
import { barePageHtml } from './bare-page';
import { openBenchBrowser } from './bench-browser';

const PORT = Number(process.env.PREVIEW_PORT ?? 4185);
const BUILD_DIRECTORY = process.env.BUILD_DIR ?? 'dist-bench-browser';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const started = performance.now();
const log = (message: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Records, from the very start of the page and before any of its scripts runs, long tasks and
 * when body[data-first-idle] and body[data-ready="true"] appear: read in the page, so a main
 * thread busy right after them does not delay the reading as a poll from outside would.
 */
const PAGE_RECORDER = `
  globalThis.__longTasks = [];
  globalThis.__longTaskStarts = [];
  globalThis.__marks = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      globalThis.__longTasks.push(entry.duration);
      globalThis.__longTaskStarts.push(entry.startTime);
    }
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const data = document.body?.dataset ?? {};
    if (data.firstIdle === 'true') globalThis.__marks.firstIdle ??= performance.now();
    if (data.ready === 'true') globalThis.__marks.ready ??= performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-idle', 'data-ready'] });
`;

interface Opened {
  page: Page;
  /** Navigation start → the map's first idle (the app: basemap drawn; the bare page: its one idle). */
  idleMilliseconds: number;
  /** Navigation start → body[data-ready="true"] (the app: every layer drawn). */
  readyMilliseconds: number;
  /** JS files received before the first idle, and before body[data-ready]. */
  javaScriptUrls: { beforeIdle: string[]; beforeReady: string[] };
  /** The longest main-thread task before the first idle, and from it to body[data-ready]. */
  longestTask: number;
  longestTaskAfterIdle: number;
}

/** Opens `path` in a fresh context and waits for body[data-ready="true"] (every layer drawn). */
async function open(browser: Browser, path: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(PAGE_RECORDER);
  // Workers' own requests included, which the page's resource timing would leave out.
  const received: { url: string; at: number }[] = [];
  let ready = false;
  page.on('response', (response) => {
    const url = response.url();
    if (!ready && /\.m?js(\?|$)/.test(url)) received.push({ url, at: Date.now() });
  });
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  ready = true;
  const marks = await page.evaluate(
    () => (globalThis as unknown as { __marks: { firstIdle?: number; ready: number } }).__marks,
  );
  const idleMilliseconds = marks.firstIdle ?? marks.ready;
  const idleAt = (await page.evaluate(() => performance.timeOrigin)) + idleMilliseconds;
  const javaScriptUrls = {
    beforeIdle: received.filter((entry) => entry.at <= idleAt).map((entry) => entry.url),
    beforeReady: received.map((entry) => entry.url),
  };
  const longest = await page.evaluate((idle) => {
    const recorded = globalThis as unknown as { __longTasks: number[]; __longTaskStarts: number[] };
    const before = recorded.__longTasks.filter((_, index) => (recorded.__longTaskStarts[index] ?? 0) < idle);
    const after = recorded.__longTasks.filter((_, index) => (recorded.__longTaskStarts[index] ?? 0) >= idle);
    return { before: Math.max(0, ...before), after: Math.max(0, ...after) };
  }, idleMilliseconds);
  return {
    page,
    idleMilliseconds,
    readyMilliseconds: marks.ready,
    javaScriptUrls,
    longestTask: longest.before,
    longestTaskAfterIdle: longest.after,
  };
}

/** Bytes of the JS files (as gzip would send them), read from the build. */
function gzipKilobytes(urls: string[]): number {
  let bytes = 0;
  for (const url of new Set(urls)) {
    const path = join(BUILD_DIRECTORY, new URL(url).pathname);
    if (existsSync(path)) bytes += gzipSync(readFileSync(path)).length;
  }
  return bytes / 1024;
}

/** Frames per second while panning for about `seconds`: each step pans and waits for its frame. */
async function panFramesPerSecond(
  page: Page,
  view: { center: [number, number]; zoom: number },
  seconds: number,
): Promise<{ framesPerSecond: number; longestTask: number }> {
  return page.evaluate(
    async ({ target, duration }) => {
      type MapLike = {
        jumpTo(options: object): void;
        panBy(offset: [number, number], options: object): void;
        once(event: string, listener: () => void): void;
        loaded(): boolean;
      };
      const holder = globalThis as unknown as { __map?: MapLike; katsit?: { view: { map: MapLike } } };
      const map = holder.katsit?.view.map ?? holder.__map!;
      map.jumpTo(target);
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      const tasks = (globalThis as unknown as { __longTasks: number[] }).__longTasks;
      const before = tasks.length;
      let frames = 0;
      const begin = performance.now();
      while (performance.now() - begin < duration * 1000) {
        await new Promise<void>((resolve) => {
          map.once('render', () => resolve());
          map.panBy([frames % 2 === 0 ? 60 : -60, frames % 4 < 2 ? 20 : -20], { duration: 0 });
        });
        frames += 1;
      }
      const elapsed = (performance.now() - begin) / 1000;
      return { framesPerSecond: frames / elapsed, longestTask: Math.max(0, ...tasks.slice(before)) };
    },
    { target: view, duration: seconds },
  );
}

/** The mean of several slices' frame rates and the longest task of any slice. */
function combined(slices: { framesPerSecond: number; longestTask: number }[]): {
  framesPerSecond: number;
  longestTask: number;
} {
  return {
    framesPerSecond: slices.reduce((sum, slice) => sum + slice.framesPerSecond, 0) / slices.length,
    longestTask: Math.max(...slices.map((slice) => slice.longestTask)),
  };
}

/**
 * Panning frame rates of the app and the bare page in alternating 2-second
 * slices, three each: on a shared machine one 6-second run of each saw the
 * load change between them (the ratio moved fourfold between two runs).
 */
async function interleavedPans(
  app: Page,
  bare: Page,
  view: { center: [number, number]; zoom: number },
): Promise<{
  appFrames: { framesPerSecond: number; longestTask: number };
  bareFrames: { framesPerSecond: number; longestTask: number };
}> {
  const appSlices = [];
  const bareSlices = [];
  for (let slice = 0; slice < 3; slice += 1) {
    appSlices.push(await panFramesPerSecond(app, view, 2));
    bareSlices.push(await panFramesPerSecond(bare, view, 2));
  }
  return { appFrames: combined(appSlices), bareFrames: combined(bareSlices) };
}

/** Adds 100k sites to the bare page's one GeoJSON source. */
async function loadBareSites(page: Page, coordinates: number[]): Promise<void> {
  await page.evaluate(async (flat) => {
    const features = [];
    for (let index = 0; index < flat.length; index += 2)
      features.push({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [flat[index], flat[index + 1]] },
      });
    const map = (
      globalThis as unknown as {
        __map: {
          getSource(id: string): { setData(data: object): void };
          once(event: string, f: () => void): void;
        };
      }
    ).__map;
    map.getSource('sites').setData({ type: 'FeatureCollection', features });
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  }, coordinates);
}

async function appIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        (globalThis as unknown as { katsit: { view: { whenIdle(): Promise<void> } } }).katsit.view
          .whenIdle()
          .then(resolve);
      }),
  );
}

/** Click → key figures of hazard exposure over the sites loaded in the app. */
async function exposureClickToFigures(page: Page): Promise<{ milliseconds: number; longestTask: number }> {
  const before = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks.length,
  );
  const clicked = Date.now();
  await page.click('[data-analysis="exposure"]');
  await page.waitForFunction(
    () => {
      const app = (
        globalThis as unknown as { katsit: { analysis: { results: { get(): { exposure: unknown } } } } }
      ).katsit;
      return (
        app.analysis.results.get().exposure !== null && document.querySelector('#analysis-panel .key-figures')
      );
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  const milliseconds = Date.now() - clicked;
  const longestTask = await page.evaluate(
    (from) => Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks.slice(from)),
    before,
  );
  return { milliseconds, longestTask };
}

const COUNTRY = { center: [-72.8, 19.0] as [number, number], zoom: 7 };
const CITY = { center: [-72.3, 18.56] as [number, number], zoom: 11 };

interface Startup {
  idle: { app: number[]; bare: number[] };
  ready: { app: number[]; bare: number[] };
  longest: { app: number[]; bare: number[] };
  longestAfterIdle: number[];
  javaScript: { app: number; bare: number };
  javaScriptBeforeIdle: { app: number; bare: number };
}

/** First idle and every layer drawn, app and bare page interleaved, order alternating, fresh contexts. */
async function measureStartup(browser: Browser): Promise<Startup> {
  const startup: Startup = {
    idle: { app: [], bare: [] },
    ready: { app: [], bare: [] },
    longest: { app: [], bare: [] },
    longestAfterIdle: [],
    javaScript: { app: 0, bare: 0 },
    javaScriptBeforeIdle: { app: 0, bare: 0 },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const which of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
      const opened = await open(browser, which === 'app' ? '/' : '/bare/');
      startup.idle[which].push(opened.idleMilliseconds);
      startup.ready[which].push(opened.readyMilliseconds);
      startup.longest[which].push(opened.longestTask);
      if (which === 'app') startup.longestAfterIdle.push(opened.longestTaskAfterIdle);
      startup.javaScript[which] = gzipKilobytes(opened.javaScriptUrls.beforeReady);
      startup.javaScriptBeforeIdle[which] = gzipKilobytes(opened.javaScriptUrls.beforeIdle);
      log(
        `${which}: first idle ${opened.idleMilliseconds.toFixed(0)} ms, all drawn ${opened.readyMilliseconds.toFixed(0)} ms, longest task ${opened.longestTask.toFixed(0)} ms before first idle, ${opened.longestTaskAfterIdle.toFixed(0)} ms after`,
      );
      await opened.page.context().close();
    }
  }
  return startup;
}

/** JS heap in use after a full collection, in bytes (DevTools protocol). */
async function heapUsed(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

interface PanRun {
  app: number;
  bare: number;
  appTask: number;
  bareTask: number;
}

interface LargeRun {
  count: number;
  pans: Record<'z7' | 'z11', PanRun>;
  /** JS heap added by the sites, bytes per site. */
  heapPerSite: { app: number; bare: number };
  exposure: { milliseconds: number; longestTask: number } | null;
}

/** Panning at z7 and z11 and the heap per site with `count` generated sites, app and bare page. */
async function measureLarge(browser: Browser, count: number, withExposure: boolean): Promise<LargeRun> {
  log(`${count} sites`);
  const sites = bigSites(count);
  const flat = sites.features.flatMap((feature) => feature.geometry.coordinates);
  const app = await open(browser, '/');
  const appHeapBefore = await heapUsed(app.page);
  await loadSites(app.page, sites);
  await appIdle(app.page);
  const appHeap = (await heapUsed(app.page)) - appHeapBefore;
  const bare = await open(browser, '/bare/');
  const bareHeapBefore = await heapUsed(bare.page);
  await loadBareSites(bare.page, flat);
  const bareHeap = (await heapUsed(bare.page)) - bareHeapBefore;
  const pans = {} as Record<'z7' | 'z11', PanRun>;
  for (const [label, view] of [
    ['z7', COUNTRY],
    ['z11', CITY],
  ] as const) {
    const { appFrames, bareFrames } = await interleavedPans(app.page, bare.page, view);
    pans[label] = {
      app: appFrames.framesPerSecond,
      bare: bareFrames.framesPerSecond,
      appTask: appFrames.longestTask,
      bareTask: bareFrames.longestTask,
    };
    log(
      `pan ${label}, ${count} sites: app ${appFrames.framesPerSecond.toFixed(2)} fps, bare ${bareFrames.framesPerSecond.toFixed(2)} fps`,
    );
  }
  let exposure: LargeRun['exposure'] = null;
  if (withExposure) {
    log('exposure click → figures');
    exposure = await exposureClickToFigures(app.page);
  }
  await app.page.context().close();
  await bare.page.context().close();
  return { count, pans, heapPerSite: { app: appHeap / count, bare: bareHeap / count }, exposure };
}

function printTable(startup: Startup, large: LargeRun[]): void {
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const range = (values: number[]) => `${seconds(Math.min(...values))} – ${seconds(Math.max(...values))}`;
  const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
  const thousands = (count: number) => `${Math.round(count / 1000)}k`;
  row(['measure', 'Katsit', 'bare MapLibre', 'Katsit / bare']);
  row(['---', '---:', '---:', '---:']);
  const { idle, ready, longest, javaScript, javaScriptBeforeIdle } = startup;
  row([
    'first map idle (app: basemap drawn, layers follow)',
    `${seconds(median(idle.app))} (${range(idle.app)})`,
    `${seconds(median(idle.bare))} (${range(idle.bare)})`,
    ratio(median(idle.app) / median(idle.bare)),
  ]);
  row([
    'every layer drawn (body[data-ready])',
    `${seconds(median(ready.app))} (${range(ready.app)})`,
    `${seconds(median(ready.bare))} (${range(ready.bare)})`,
    ratio(median(ready.app) / median(ready.bare)),
  ]);
  row([
    'JS loaded before first idle (gzip)',
    `${javaScriptBeforeIdle.app.toFixed(0)} KB`,
    `${javaScriptBeforeIdle.bare.toFixed(0)} KB`,
    ratio(javaScriptBeforeIdle.app / javaScriptBeforeIdle.bare),
  ]);
  row([
    'JS loaded before every layer is drawn (gzip)',
    `${javaScript.app.toFixed(0)} KB`,
    `${javaScript.bare.toFixed(0)} KB`,
    ratio(javaScript.app / javaScript.bare),
  ]);
  row([
    'longest main-thread task before first idle',
    `${median(longest.app).toFixed(0)} ms`,
    `${median(longest.bare).toFixed(0)} ms`,
    ratio(median(longest.app) / Math.max(1, median(longest.bare))),
  ]);
  row([
    'longest task from first idle to every layer drawn',
    `${median(startup.longestAfterIdle).toFixed(0)} ms`,
    '—',
    '',
  ]);
  for (const run of large) {
    for (const [label, pan] of Object.entries(run.pans)) {
      row([
        `panning at ${label}, ${thousands(run.count)} sites (fps, higher is better)`,
        pan.app.toFixed(2),
        pan.bare.toFixed(2),
        ratio(pan.app / pan.bare),
      ]);
      row([
        `longest task while panning at ${label}, ${thousands(run.count)} sites`,
        `${pan.appTask.toFixed(0)} ms`,
        `${pan.bareTask.toFixed(0)} ms`,
        '',
      ]);
    }
    row([
      `JS heap per site, ${thousands(run.count)} sites`,
      `${run.heapPerSite.app.toFixed(0)} B`,
      `${run.heapPerSite.bare.toFixed(0)} B`,
      ratio(run.heapPerSite.app / run.heapPerSite.bare),
    ]);
    if (run.exposure)
      row([
        `click → key figures, ${thousands(run.count)}-site exposure`,
        `${seconds(run.exposure.milliseconds)} (longest task ${run.exposure.longestTask.toFixed(0)} ms)`,
        '—',
        '',
      ]);
  }
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0]!;
  if (process.env.SKIP_BUILD !== '1') {
    log(`building into ${BUILD_DIRECTORY}`);
    execFileSync('npx', ['vite', 'build', '--outDir', BUILD_DIRECTORY, '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
  }
  // The bare page: MapLibre alone, from the same node_modules, one GeoJSON source.
  mkdirSync(join(BUILD_DIRECTORY, 'bare'), { recursive: true });
  for (const file of [
    'maplibre-gl.mjs',
    'maplibre-gl-shared.mjs',
    'maplibre-gl-worker.mjs',
    'maplibre-gl.css',
  ])
    copyFileSync(join('node_modules/maplibre-gl/dist', file), join(BUILD_DIRECTORY, 'bare', file));
  writeFileSync(join(BUILD_DIRECTORY, 'bare', 'index.html'), barePageHtml());

  const { browser, close } = await openBenchBrowser(BUILD_DIRECTORY, PORT);
  try {
    const startup = await measureStartup(browser);
    // Diagnosis: first idle of app variants (query strings the build reads), e.g. BENCH_VARIANTS='?a,?b'.
    const variants = (process.env.BENCH_VARIANTS ?? '').split(',').filter((variant) => variant !== '');
    for (const variant of variants) {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const opened = await open(browser, `/${variant}`);
        times.push(opened.idleMilliseconds);
        await opened.page.context().close();
      }
      console.log(
        `first idle of the app with ${variant}: median ${(median(times) / 1000).toFixed(2)} s (${times.map((time) => (time / 1000).toFixed(2)).join(', ')})`,
      );
    }
    if (variants.length > 0) return;

    const sizes = (process.env.BENCH_SITES ?? '100000,300000').split(',').map(Number);
    const large: LargeRun[] = [];
    for (const count of sizes) large.push(await measureLarge(browser, count, count === sizes[0]));

    const cpus = os.cpus();
    console.log('');
    console.log(
      `Katsit browser benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium (SwiftShader WebGL), ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadStart.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}; ${ROUNDS} interleaved rounds for start-up (median, min – max).`,
    );
    console.log('');
    printTable(startup, large);
    console.log('');
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await close();
  }
}

await main();
