/**
 * `npx tsx bench/import-scale.ts`: imports generated site lists of 100k, 300k
 * and 1M sites through the app's file input, as a user would, and measures
 * file chosen → map drawn, the longest main-thread task during import (save
 * included), site table open and jump to its last row, reload with the data
 * stored, and memory (JS heap, and PSS of every Chromium process). Serves the
 * build in BUILD_DIR (default dist-bench-import; built first unless it
 * exists) on PREVIEW_PORT. SIZES=100000,300000 and FORMAT=geojson|csv choose
 * the runs. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeSiteCsv, writeSiteGeoJson } from '../test/browser/site-file';
import { openBenchBrowser } from './bench-browser';

const PORT = Number(process.env.PREVIEW_PORT ?? 4186);
const BUILD_DIRECTORY = process.env.BUILD_DIR ?? 'dist-bench-import';
const SIZES = (process.env.SIZES ?? '100000,300000,1000000').split(',').map(Number);
const FORMAT = process.env.FORMAT === 'geojson' ? 'geojson' : 'csv';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TIMEOUT = 600_000;
/** PROFILE=1: a CPU profile of each phase, its heaviest functions by self time printed (use a build with --minify false). */
const PROFILE = process.env.PROFILE === '1';

const started = performance.now();
const log = (message: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

/** Long tasks (start, duration) from before any script of the page runs. */
const LONG_TASK_RECORDER = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

interface Measure {
  milliseconds: number;
  longestTask: number;
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** The longest task that started at or after `since` (page clock). */
async function longestSince(page: Page, since: number): Promise<number> {
  return page.evaluate((from) => {
    const tasks = (globalThis as unknown as { __longTasks: [number, number][] }).__longTasks;
    let longest = 0;
    for (const [start, duration] of tasks)
      if (start + duration >= from) longest = Math.max(longest, duration);
    return longest;
  }, since);
}

/** Polls `expression` in the page until truthy (the page's CSP forbids waitForFunction's eval). */
async function until(page: Page, expression: string, interval = 50): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while (!(await page.evaluate(expression).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

const sitesLoaded = (count: number) =>
  `globalThis.katsit?.store.get().sourceDatasets?.sites.features.length === ${count}`;
const mapIdle = 'globalThis.katsit.view.whenIdle().then(() => true)';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Prints the functions that took most self time in a CPU profile. */
function printHeaviest(
  label: string,
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stackOf = (id: number): string[] => {
    const names = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const frame = byNode.get(current)?.callFrame;
      if (frame?.functionName && frame.url) names.add(`${frame.functionName}:${frame.lineNumber + 1}`);
    }
    return [...names];
  };
  const selfTime = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    selfTime.set(name, (selfTime.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const heaviest = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error(`  heaviest self time, ${label}:`);
  for (const [name, milliseconds] of heaviest)
    console.error(`    ${milliseconds.toFixed(0).padStart(7)} ms  ${name}`);
  // The longest runs of busy samples (about one task each) and what they spent their time in.
  type Run = { milliseconds: number; frames: Map<string, number>; callers: Map<string, number> };
  const runs: Run[] = [];
  let run: Run | undefined;
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    const milliseconds = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') {
      run = undefined;
      return;
    }
    if (!run) {
      run = { milliseconds: 0, frames: new Map(), callers: new Map() };
      runs.push(run);
    }
    run.milliseconds += milliseconds;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    run.frames.set(name, (run.frames.get(name) ?? 0) + milliseconds);
    for (const caller of stackOf(id)) run.callers.set(caller, (run.callers.get(caller) ?? 0) + milliseconds);
  });
  for (const longest of runs.sort((a, b) => b.milliseconds - a.milliseconds).slice(0, 3)) {
    const top = [...longest.frames].sort((a, b) => b[1] - a[1]).slice(0, 8);
    const callers = [...longest.callers].sort((a, b) => b[1] - a[1]).slice(0, 20);
    console.error(
      `  busy run of ${longest.milliseconds.toFixed(0)} ms: ${top.map(([name, time]) => `${name} ${time.toFixed(0)}`).join(', ')}`,
    );
    console.error(`    inclusive: ${callers.map(([name, time]) => `${name} ${time.toFixed(0)}`).join(', ')}`);
  }
}

async function measured(page: Page, work: () => Promise<void>, label = ''): Promise<Measure> {
  const client = PROFILE ? await page.context().newCDPSession(page) : undefined;
  if (client) {
    await client.send('Profiler.enable');
    await client.send('Profiler.start');
  }
  const from = await now(page);
  await work();
  const to = await now(page);
  if (client) {
    const { profile } = (await client.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    printHeaviest(label, profile);
  }
  return { milliseconds: to - from, longestTask: await longestSince(page, from) };
}

/** Proportional set size of every process below this one (the browser and its children), in MB. */
function chromiumPss(): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), parent);
    } catch {
      // The process ended while listed.
    }
  }
  const descends = (pid: number): boolean => {
    for (let current = parents.get(pid); current; current = parents.get(current))
      if (current === process.pid) return true;
    return false;
  };
  let kilobytes = 0;
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      const match = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kilobytes += Number(match?.[1] ?? 0);
    } catch {
      // Gone, or not readable.
    }
  }
  return kilobytes / 1024;
}

interface Row {
  count: number;
  fileMegabytes: number;
  mapDrawn: Measure;
  tableOpen: Measure;
  tableEnd: Measure;
  reload: Measure;
  heapMegabytes: number;
  pssMegabytes: number;
}

async function runSize(browser: Browser, count: number, directory: string): Promise<Row> {
  const path = join(directory, `sites-${count}.${FORMAT}`);
  if (FORMAT === 'csv') writeSiteCsv(path, count);
  else writeSiteGeoJson(path, count);
  const fileMegabytes = statSync(path).size / 1e6;
  log(`${count} sites: ${fileMegabytes.toFixed(1)} MB ${FORMAT}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript(LONG_TASK_RECORDER);
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });

  const mapDrawn = await measured(
    page,
    async () => {
      await page.setInputFiles('#import-file-input', path);
      await page.waitForSelector('dialog.import-dialog[open] .import-report');
      const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
      await until(
        page,
        `!document.querySelector('dialog.import-dialog [data-action="confirm-import"]')?.disabled`,
      );
      await confirm.click();
      await until(page, sitesLoaded(count));
      await until(page, mapIdle);
    },
    'import',
  );
  log(
    `import → map drawn ${mapDrawn.milliseconds.toFixed(0)} ms, longest task ${mapDrawn.longestTask.toFixed(0)} ms`,
  );

  const tableOpen = await measured(
    page,
    async () => {
      await page.click('#toolbar [data-action="site-table"]');
      await until(page, `document.querySelectorAll('.site-table tbody tr.site-row').length > 5`, 10);
    },
    'table open',
  );
  log(
    `table open ${tableOpen.milliseconds.toFixed(0)} ms, longest task ${tableOpen.longestTask.toFixed(0)} ms`,
  );
  const tableEnd = await measured(page, async () => {
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.site-table-scroller');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await until(
      page,
      `document.querySelector('.site-table tbody tr[aria-rowindex="${count + 1}"]') !== null`,
      10,
    );
  });
  log(`table end ${tableEnd.milliseconds.toFixed(0)} ms, longest task ${tableEnd.longestTask.toFixed(0)} ms`);

  const client = await context.newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  const heap = (await client.send('Runtime.getHeapUsage')) as { usedSize: number };
  const heapMegabytes = heap.usedSize / 1e6;
  const pssMegabytes = chromiumPss();
  log(`heap ${heapMegabytes.toFixed(0)} MB, PSS ${pssMegabytes.toFixed(0)} MB`);

  const reloadProfiler = PROFILE ? await context.newCDPSession(page) : undefined;
  if (reloadProfiler) {
    await reloadProfiler.send('Profiler.enable');
    await reloadProfiler.send('Profiler.start');
  }
  const reloadStarted = Date.now();
  await page.reload();
  await until(page, sitesLoaded(count), 100);
  await until(page, mapIdle);
  if (reloadProfiler) {
    const { profile } = (await reloadProfiler.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    printHeaviest('reload', profile);
  }
  const reload: Measure = {
    milliseconds: Date.now() - reloadStarted,
    longestTask: await longestSince(page, 0),
  };
  log(`reload ${reload.milliseconds.toFixed(0)} ms, longest task ${reload.longestTask.toFixed(0)} ms`);
  await context.close();
  rmSync(path, { force: true });
  return { count, fileMegabytes, mapDrawn, tableOpen, tableEnd, reload, heapMegabytes, pssMegabytes };
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0] ?? 0;
  if (!existsSync(join(BUILD_DIRECTORY, 'index.html'))) {
    log(`building into ${BUILD_DIRECTORY}`);
    execFileSync('npx', ['vite', 'build', '--outDir', BUILD_DIRECTORY], { stdio: 'inherit' });
  }
  const { browser, close } = await openBenchBrowser(BUILD_DIRECTORY, PORT);
  const directory = mkdtempSync(join(os.tmpdir(), 'katsit-import-scale-'));
  const rows: Row[] = [];
  try {
    for (const count of SIZES) {
      try {
        rows.push(await runSize(browser, count, directory));
      } catch (error) {
        // A size that does not finish (timeout, out of memory) is reported, and the table printed.
        log(`${count} sites failed: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
    }
  } finally {
    await close();
    rmSync(directory, { recursive: true, force: true });
  }
  const seconds = (measure: Measure) =>
    `${(measure.milliseconds / 1000).toFixed(2)} s (${measure.longestTask.toFixed(0)} ms task)`;
  console.log('');
  console.log(
    `Import at scale, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${BUILD_DIRECTORY}, ${FORMAT}, Chromium (SwiftShader), ${os.cpus().length} cores, load average ${loadStart.toFixed(2)} → ${(os.loadavg()[0] ?? 0).toFixed(2)}`,
  );
  console.log('');
  console.log(
    '| sites | file | file chosen → map drawn | table opens | jump to last row | reload | JS heap | PSS |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.count.toLocaleString('en')} | ${row.fileMegabytes.toFixed(1)} MB | ${seconds(row.mapDrawn)} | ${seconds(row.tableOpen)} | ${seconds(row.tableEnd)} | ${seconds(row.reload)} | ${row.heapMegabytes.toFixed(0)} MB | ${row.pssMegabytes.toFixed(0)} MB |`,
    );
  }
}

await main();
