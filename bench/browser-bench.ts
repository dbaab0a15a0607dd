/**
 * `npm run bench:browser`: the app against a bare MapLibre page in the same
 * Chromium (SwiftShader, the flags of test/browser/chromium.ts), same run:
 * first map idle, JS loaded before it, the longest main-thread task, frames
 * per second while panning at z7 and z11 with 100k sites, and click → key
 * figures of a 100k-site hazard exposure. Builds into dist-bench-browser
 * (or BUILD_DIR), serves it with Vite's preview() on PREVIEW_PORT, and
 * writes the bare page into the build at run time. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { bigSites, loadSites } from '../test/browser/big-dataset';
import { CHROMIUM_ARGUMENTS } from '../test/browser/chromium-arguments';
import { barePageHtml } from './bare-page';

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

/** Records long tasks from the very start of the page, before any script of the page runs. */
const LONG_TASK_RECORDER = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

interface Opened {
  page: Page;
  idleMilliseconds: number;
  javaScriptUrls: string[];
  longestTask: number;
}

/** Opens `path` in a fresh context and waits for body[data-ready="true"] (the first map idle). */
async function open(browser: Browser, path: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_RECORDER);
  const javaScriptUrls: string[] = [];
  let ready = false;
  page.on('response', (response) => {
    const url = response.url();
    if (!ready && /\.m?js(\?|$)/.test(url)) javaScriptUrls.push(url);
  });
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  ready = true;
  // Navigation start → ready, measured by the page itself.
  const idleMilliseconds = await page.evaluate(() => performance.now());
  const longestTask = await page.evaluate(() =>
    Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks),
  );
  return { page, idleMilliseconds, javaScriptUrls, longestTask };
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

  const server = await preview({
    logLevel: 'warn',
    build: { outDir: BUILD_DIRECTORY },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGUMENTS,
  });
  try {
    const idle = { app: [] as number[], bare: [] as number[] };
    const longest = { app: [] as number[], bare: [] as number[] };
    let appJavaScript = 0;
    let bareJavaScript = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Interleaved, order alternating, each in a fresh context (no warm HTTP cache).
      for (const which of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
        const opened = await open(browser, which === 'app' ? '/' : '/bare/');
        idle[which].push(opened.idleMilliseconds);
        longest[which].push(opened.longestTask);
        if (which === 'app') appJavaScript = gzipKilobytes(opened.javaScriptUrls);
        else bareJavaScript = gzipKilobytes(opened.javaScriptUrls);
        log(
          `first idle ${which}: ${opened.idleMilliseconds.toFixed(0)} ms, longest task ${opened.longestTask.toFixed(0)} ms`,
        );
        await opened.page.context().close();
      }
    }

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

    log('panning with 100k sites');
    const sites = bigSites(100_000);
    const flat = sites.features.flatMap((feature) => feature.geometry.coordinates);
    const app = await open(browser, '/');
    await loadSites(app.page, sites);
    await appIdle(app.page);
    const bare = await open(browser, '/bare/');
    await loadBareSites(bare.page, flat);
    const pans: Record<string, { app: number; bare: number; appTask: number; bareTask: number }> = {};
    for (const [label, view] of [
      ['z7', COUNTRY],
      ['z11', CITY],
    ] as const) {
      const appFrames = await panFramesPerSecond(app.page, view, 6);
      const bareFrames = await panFramesPerSecond(bare.page, view, 6);
      pans[label] = {
        app: appFrames.framesPerSecond,
        bare: bareFrames.framesPerSecond,
        appTask: appFrames.longestTask,
        bareTask: bareFrames.longestTask,
      };
      log(
        `pan ${label}: app ${appFrames.framesPerSecond.toFixed(2)} fps, bare ${bareFrames.framesPerSecond.toFixed(2)} fps`,
      );
    }
    log('exposure click → figures');
    const exposure = await exposureClickToFigures(app.page);
    await app.page.context().close();
    await bare.page.context().close();

    const ratio = (value: number) => `${value.toFixed(2)}×`;
    const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
    const range = (values: number[]) => `${seconds(Math.min(...values))} – ${seconds(Math.max(...values))}`;
    const cpus = os.cpus();
    console.log('');
    console.log(
      `Katsit browser benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium (SwiftShader WebGL), ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadStart.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}; ${ROUNDS} interleaved rounds for first idle (median, min – max).`,
    );
    console.log('');
    console.log('| measure | Katsit | bare MapLibre | Katsit / bare |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| first map idle | ${seconds(median(idle.app))} (${range(idle.app)}) | ${seconds(median(idle.bare))} (${range(idle.bare)}) | ${ratio(median(idle.app) / median(idle.bare))} |`,
    );
    console.log(
      `| JS loaded before first idle (gzip) | ${appJavaScript.toFixed(0)} KB | ${bareJavaScript.toFixed(0)} KB | ${ratio(appJavaScript / bareJavaScript)} |`,
    );
    console.log(
      `| longest main-thread task before first idle | ${median(longest.app).toFixed(0)} ms | ${median(longest.bare).toFixed(0)} ms | ${ratio(median(longest.app) / Math.max(1, median(longest.bare)))} |`,
    );
    for (const [label, pan] of Object.entries(pans)) {
      console.log(
        `| panning at ${label}, 100k sites (fps, higher is better) | ${pan.app.toFixed(2)} | ${pan.bare.toFixed(2)} | ${ratio(pan.app / pan.bare)} |`,
      );
      console.log(
        `| longest task while panning at ${label} | ${pan.appTask.toFixed(0)} ms | ${pan.bareTask.toFixed(0)} ms | |`,
      );
    }
    console.log(
      `| click → key figures, 100k-site exposure | ${seconds(exposure.milliseconds)} (longest task ${exposure.longestTask.toFixed(0)} ms) | — | |`,
    );
    console.log('');
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
