/**
 * End-to-end, rounds in the site table, the site filter and a product (issue
 * 17): the two latest demo rounds imported from their files and compared; the table's
 * round columns equal the unit computation for the sites that grew and
 * declined most (found by sorting on the change), "grew by at least 20 %"
 * leaves as many rows as the unit predicate and goes into the link, and a
 * screen-size PDF names both rounds with their dates.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoRounds, ROUNDS_DIRECTORY } from '../../scripts/demo/rounds';
import { cellText } from '../../src/analysis/site-table-cells';
import { SITE_TABLE_COLUMNS, type SiteTableData } from '../../src/analysis/site-table-columns';
import { siteTableSource } from '../../src/analysis/site-table-source';
import type { SiteCollection } from '../../src/domain/types';
import { formatDate, translator } from '../../src/i18n/translate';
import { roundColumns } from '../../src/rounds/round-columns';
import { roundSiteChanges } from '../../src/rounds/round-site-changes';
import { roundConditionsMatch } from '../../src/state/site-filter-rounds';
import { compareRounds } from '../../workers/analysis/round-comparison';
import { hasPoppler, pdfText } from '../pdf-text';
import { freshAppForEachTest, SCREENSHOT_DIRECTORY, type Session } from './chromium';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const OUTPUT_DIRECTORY = 'test-output/products';
const SLOW = 60_000;

/** The demo rounds as the generator makes them (the committed files are these: round-demo.test.ts). */
function unitComputation() {
  const sites = JSON.parse(readFileSync(join(DATA, 'sites.geojson'), 'utf8')) as SiteCollection & {
    metadata: { asOf: string; seed: number };
  };
  // The two latest rounds: the comparison a coordinator makes when a new round arrives.
  const [earlier, later] = buildDemoRounds(sites, sites.metadata.asOf, sites.metadata.seed).slice(-2);
  if (!earlier || !later) throw new Error('at least two demo rounds expected');
  const before = roundColumns(earlier.sites);
  const after = roundColumns(later.sites);
  const rounds = roundSiteChanges(compareRounds(before, after), before, after, {
    base: { asOf: earlier.asOf, label: earlier.label },
    later: { asOf: later.asOf, label: later.label },
  });
  const data: SiteTableData = {
    source: siteTableSource({ type: 'FeatureCollection', features: later.sites }),
    flags: null,
    rounds,
  };
  return { earlier, later, rounds, data };
}

const ROUND_COLUMNS = SITE_TABLE_COLUMNS.filter((column) => column.rounds).map((column) => column.id);
const columnIndex = (id: string) => SITE_TABLE_COLUMNS.findIndex((column) => column.id === id);

let session: Session;

describe('rounds in the site table, the filter and a product', () => {
  session = freshAppForEachTest({ width: 1280, height: 800 });

  it('shows the change per site as the unit computation, filters on growth and names both dates on a PDF', async () => {
    const { page } = session;
    const expected = unitComputation();
    const t = translator('fr');
    await page.waitForSelector('body[data-imports-ready="true"]');
    for (const round of [expected.earlier, expected.later]) {
      await page.setInputFiles('#import-file-input', [join(DATA, ROUNDS_DIRECTORY, round.fileName)]);
      await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
      const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      await confirm.click();
      await page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    }
    await page.locator('[data-round-panel] [data-action="compare-rounds"]').click();
    await page.waitForSelector('[data-round-panel][data-round-state="done"]', { timeout: 20_000 });

    // The table with its round columns, sorted by the change: largest growth first, then largest decline.
    await page.click('#toolbar [data-action="site-table"]');
    const table = page.locator('#table-panel .site-table[data-rounds]');
    await table.waitFor();
    const firstRow = async () => {
      const cells = await page
        .locator('#table-panel .site-table tbody tr.site-row')
        .first()
        .evaluate((row) => [...row.children].map((cell) => cell.textContent ?? ''));
      const id = cells[columnIndex('id')] ?? '';
      return { id, round: ROUND_COLUMNS.map((column) => cells[columnIndex(column)]) };
    };
    const unitCells = (id: string) =>
      ROUND_COLUMNS.map((column) =>
        cellText(column, expected.data.source.ids.indexOf(id), expected.data, 'fr', t),
      );
    const changes = [...expected.rounds.byId.values()].map((site) => site.change).filter(Number.isFinite);
    await page.click('[data-sort="roundChange"]');
    await expect.poll(async () => (await firstRow()).round[2]).not.toBe('—');
    const grew = await firstRow();
    expect(grew.round).toEqual(unitCells(grew.id));
    expect(expected.rounds.byId.get(grew.id)?.change).toBe(Math.max(...changes));
    await page.click('[data-sort="roundChange"]');
    await expect.poll(async () => (await firstRow()).id).not.toBe(grew.id);
    const declined = await firstRow();
    expect(declined.round).toEqual(unitCells(declined.id));
    expect(expected.rounds.byId.get(declined.id)?.change).toBe(Math.min(...changes));
    expect(Math.min(...changes)).toBeLessThan(0);

    // "Grew by at least 20 %": the table counts what the unit predicate keeps; closed sites are said apart.
    await page.click('details.filter-details > summary');
    await page.selectOption('[data-filter-change-direction]', 'grew');
    const condition = { peopleChange: { direction: 'grew', percent: 20 }, roundStatus: null } as const;
    const kept = [...expected.rounds.byId.values()].filter((site) => roundConditionsMatch(condition, site));
    expect(kept.length).toBeGreaterThan(0);
    const count = page.locator('#table-panel .site-table-count');
    await expect
      .poll(() =>
        count.evaluate((line) => [
          line.firstChild?.textContent,
          line.querySelector('.site-table-count-note')?.getAttribute('title'),
        ]),
      )
      .toEqual([
        t('siteTable.count', { shown: kept.length, total: expected.later.sites.length }),
        t('roundTable.closedNotListed', { count: expected.rounds.closed, label: expected.earlier.label }),
      ]);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('grew:20');
    mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
    // The round columns in view, beside the sticky name column.
    await page.locator('#table-panel .site-table-scroller').evaluate((scroller) => {
      const name = scroller.querySelector<HTMLElement>('thead th');
      const before = scroller.querySelector<HTMLElement>('thead th.column-roundBefore');
      scroller.scrollLeft = (before?.offsetLeft ?? 0) - (name?.offsetWidth ?? 0);
    });
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}/rounds-table.png` });

    // A screen-size PDF names both rounds with their dates, written the French way.
    await page.locator('[data-action="open-snapshot"]').click();
    const dialog = page.getByRole('dialog', { name: 'Produit cartographique' });
    await dialog.locator('.snapshot-preview canvas').waitFor({ timeout: SLOW });
    await dialog.locator('[data-snapshot-option="paper-screen"]').check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: SLOW }),
      dialog.locator('[data-export="pdf"]').click(),
    ]);
    mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
    const path = `${OUTPUT_DIRECTORY}/rounds-${download.suggestedFilename()}`;
    writeFileSync(path, readFileSync(await download.path()));
    const dates = [expected.earlier.asOf, expected.later.asOf].map((date) => formatDate('fr', date));
    expect(dates).toEqual(['15 août 2026', '15 nov. 2026']);
    if (hasPoppler()) {
      const text = pdfText(path).replace(/\s+/g, ' ');
      expect(text).toContain(`Évolution du Round 23 (${dates[0]}) au Round 24 (${dates[1]})`);
    } else console.info('pdftotext is not installed: the PDF text is not checked');
  }, 180_000);
});
