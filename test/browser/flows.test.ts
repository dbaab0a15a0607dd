/**
 * End-to-end: a movements table imported through the real import button
 * (issue 17). Its arcs are drawn (the map's pixels change), unticking a
 * category takes its arcs away and out of the link, the row that cannot be
 * placed is reported by its number, the panel's arrivals for a commune equal
 * the engine's computation in Node on the same file, colouring the communes
 * by host pressure changes the map, after a reload the kept table draws the
 * same arcs with the same figures, and "remove" takes it out of storage.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/analyses/figure-format';
import type { AdminAreaCollection, SiteCollection } from '../../src/domain/types';
import { readFlowTable } from '../../src/flows/flow-file';
import { highestHostPressure } from '../../src/flows/flow-panel-rows';
import { createFlowGazetteer } from '../../src/flows/flow-places';
import { placeFlowTable } from '../../src/flows/flow-rows';
import {
  ALL_FLOWS,
  displacedByArea,
  flowAreaCount,
  flowColumns,
  flowSelection,
} from '../../src/flows/flow-selection';
import { formatHostPressure } from '../../src/map/flow-legend';
import { summariseMovements } from '../../workers/analysis/flow-aggregation';
import { app } from './app';
import { freshAppForEachTest, SCREENSHOT_DIRECTORY, waitForMapIdle } from './chromium';

const FILE = join('test-output', 'flows-journey.csv');
const CSV = [
  'Origin,Destination,Individuals,Date,Category',
  '#adm2+code+origin,#adm2+code+dest,#affected+ind,#date,#category',
  'HT0111,HT0131,500,2026-10-03,internal',
  'HT0117,HT0112,300,2026-10-08,internal',
  'HT0113,HT0118,200,2026-10-12,internal',
  'poe-port-au-prince-airport,HT0112,150,2026-10-05,repatriation_air',
  'poe-port-au-prince-port,HT0113,120,2026-10-06,repatriation_sea',
  'HT9999,HT0112,80,2026-10-06,internal',
].join('\n');

/** Pixels whose colour differs by more than `tolerance` on some channel. */
function changedPixels(first: Buffer, second: Buffer, tolerance = 24): number {
  const [a, b] = [PNG.sync.read(first), PNG.sync.read(second)];
  let changed = 0;
  for (let offset = 0; offset < a.data.length; offset += 4) {
    for (let channel = 0; channel < 3; channel++) {
      if (Math.abs((a.data[offset + channel] ?? 0) - (b.data[offset + channel] ?? 0)) > tolerance) {
        changed++;
        break;
      }
    }
  }
  return changed;
}

describe('movements (flows) in a real browser', () => {
  const session = freshAppForEachTest(
    { width: 1280, height: 800 },
    { hash: '#map=10.50/18.56000/-72.30000' },
  );

  it('draws an imported movements table as arcs, filters them by category and counts arrivals as the engine does', async () => {
    const { page } = session;
    mkdirSync('test-output', { recursive: true });
    writeFileSync(FILE, CSV);
    await page.waitForSelector('body[data-imports-ready="true"]');
    await waitForMapIdle(page);
    const map = page.locator('#map');
    const before = await map.screenshot();

    await page.setInputFiles('#import-file-input', FILE);
    const report = page.locator('[data-flows-report]');
    await expect.poll(() => report.textContent()).toContain('flows-journey.csv');
    // The row whose origin no commune or point of entry has is reported by its number (row 8 of the file).
    expect(await report.textContent()).toMatch(/Ligne 8\b.*HT9999/);
    expect(await page.locator('dialog.import-dialog[open]').count()).toBe(0);
    await waitForMapIdle(page);
    const drawn = await map.screenshot();
    writeFileSync(`${SCREENSHOT_DIRECTORY}/flows-arcs.png`, drawn);
    const arcPixels = changedPixels(before, drawn);
    expect(arcPixels).toBeGreaterThan(800);

    // The panel's arrivals for Delmas, against the engine run in Node on the same file.
    const admin = JSON.parse(readFileSync('data/admin-areas.geojson', 'utf8')) as AdminAreaCollection;
    const places = createFlowGazetteer(admin);
    const table = await readFlowTable('flows-journey.csv', new TextEncoder().encode(CSV));
    const reading = table && placeFlowTable(table, places);
    if (!reading?.ok) throw new Error('the file does not read in Node');
    const delmas = places.communes.findIndex((commune) => commune.pcode === 'HT0112');
    const expected = summariseMovements(
      flowColumns(reading.records, places.communes.length),
      flowSelection(ALL_FLOWS),
      new Float64Array(flowAreaCount(places.communes)),
    ).arrivals[delmas];
    expect(expected).toBe(450);
    const delmasArrivals = page.locator(
      '[data-flows-table="communes"] tr[data-commune="HT0112"] [data-column="arrivals"]',
    );
    await expect
      .poll(() => delmasArrivals.textContent())
      .toBe(formatFigure({ value: expected ?? Number.NaN, format: 'count', language: 'fr' }));

    // Internal displacement unticked: only the two repatriation arcs are left, and Delmas keeps its 150 arrivals by air.
    await page.locator('[data-flows-category="internal"]').uncheck();
    await expect.poll(() => delmasArrivals.textContent()).toBe('150');
    await waitForMapIdle(page);
    const filtered = await map.screenshot();
    writeFileSync(`${SCREENSHOT_DIRECTORY}/flows-arcs-repatriations.png`, filtered);
    expect(changedPixels(drawn, filtered)).toBeGreaterThan(400);
    expect(changedPixels(before, filtered)).toBeLessThan(arcPixels);
    const shown = await app(page).evaluate(
      () => document.querySelectorAll('[data-flows-category]:checked').length,
    );
    expect(shown).toBe(3);

    // The link carries the categories left (every one but internal displacement).
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toContain('flows=on;cat:repatriation_land,repatriation_air,repatriation_sea');

    // Host pressure colours the communes under the arcs, with its legend and key figure (the engine's, in Node).
    const sites = JSON.parse(readFileSync('data/sites.geojson', 'utf8')) as SiteCollection;
    const highestInNode = highestHostPressure(
      summariseMovements(
        flowColumns(reading.records, places.communes.length),
        flowSelection({
          ...ALL_FLOWS,
          categories: new Set(['repatriation_land', 'repatriation_air', 'repatriation_sea']),
        }),
        displacedByArea(sites, places.communes),
      ),
      places.communes,
    );
    expect(highestInNode?.name).toBe('Carrefour');
    await page.locator('[data-flows-control="pressure"]').check();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(';pressure');
    const highest = page.locator('[data-flows-figure="highest-pressure"]');
    await expect
      .poll(() => highest.textContent())
      .toBe(
        `Plus forte pression d’accueil : ${highestInNode?.name} (${formatHostPressure('fr', highestInNode?.hostPressure ?? 0)} arrivées par personne déplacée)`,
      );
    expect(await page.locator('[data-flows-legend="pressure"]').isVisible()).toBe(true);
    await waitForMapIdle(page);
    const pressure = await map.screenshot();
    expect(changedPixels(filtered, pressure)).toBeGreaterThan(5000);
    await page.locator('.side-column').evaluate((column) => {
      column.scrollTop = column.scrollHeight;
    });
    writeFileSync(`${SCREENSHOT_DIRECTORY}/flows-host-pressure.png`, await page.screenshot());
    const figures = await page.locator('[data-flows-summary]').textContent();

    // Reloaded: the kept table comes back from IndexedDB, the link restores the view, the same arcs and figures.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => page.locator('[data-flows-source]').textContent()).toContain('flows-journey.csv');
    await expect.poll(() => page.locator('[data-flows-summary]').textContent()).toBe(figures);
    expect(await page.locator('[data-flows-category="internal"]').isChecked()).toBe(false);
    expect(await page.locator('[data-flows-control="pressure"]').isChecked()).toBe(true);
    await waitForMapIdle(page);
    const reloaded = await map.screenshot();
    writeFileSync(`${SCREENSHOT_DIRECTORY}/flows-reloaded.png`, reloaded);
    expect(changedPixels(pressure, reloaded)).toBeLessThan(400);
    // Without the colouring, the arcs alone: as drawn before the reload.
    await page.locator('[data-flows-control="pressure"]').uncheck();
    await waitForMapIdle(page);
    const arcsAgain = await map.screenshot();
    expect(changedPixels(filtered, arcsAgain)).toBeLessThan(200);
    expect(changedPixels(before, arcsAgain)).toBeGreaterThan(0.8 * changedPixels(before, filtered));

    // Removed from the Movements section: gone from storage, and the demo movements take its place.
    await page.locator('[data-flows-action="remove"]').click();
    await expect.poll(() => page.locator('[data-flows-source]').textContent()).toMatch(/^Mouvements fictifs/);
    expect(await page.locator('[data-flows-action="remove"]').isHidden()).toBe(true);
    const keptRecords = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('katsit');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const counting = opening.result.transaction('flowTables').objectStore('flowTables').count();
            counting.onsuccess = () => {
              opening.result.close();
              resolve(counting.result);
            };
          };
        }),
    );
    expect(keptRecords).toBe(0);
  }, 120_000);
});
