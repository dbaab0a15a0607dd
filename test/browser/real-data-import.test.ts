/**
 * End-to-end, issue 12: a DTM-style workbook (a read-me sheet first, title
 * rows, French headers, an HXL row) imports with no manual mapping, and the
 * people total on screen equals the file's total — a real list once became
 * 0 people in every site. A workbook that cannot be imported gets a located
 * message, headed as read-but-refused, and what was loaded before stays.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshAppForEachTest } from './chromium';

const WORKBOOK = 'test/fixtures/io/dtm-sites-round.xlsx';
/** The sum of the workbook's "Nombre d'individus" column (see make-real-data-fixtures.ts). */
const FILE_TOTAL = 903 + 1950 + 410 + 1204 + 36_010 + 198;

// Reset between tests: it also empties what the imports stored.
const session = freshAppForEachTest(
  { width: 1280, height: 800 },
  { hash: '#map=11.50/18.55000/-72.30000', between: 'reset' },
);

const dialog = () => session.page.locator('dialog.import-dialog');

/** The "displaced people" figure of the analysis panel's overview, as a number. */
async function peopleOnScreen(): Promise<number> {
  const figures = session.page.locator('#analysis-panel .analysis-overview .key-figures');
  const label = figures.locator('dt', { hasText: 'Personnes déplacées' });
  await label.waitFor();
  const value = (await label.evaluate((node) => node.previousElementSibling?.textContent)) ?? '';
  return Number(value.replace(/\D/g, ''));
}

async function openFile(path: string): Promise<void> {
  await session.page.setInputFiles('#import-file-input', path);
  await session.page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
}

describe('real data in the browser', () => {
  beforeEach(async () => {
    await session.page.waitForSelector('body[data-imports-ready="true"]');
  });

  it('imports a DTM-style workbook with no manual mapping, and the people total on screen is the file’s', async () => {
    expect(FILE_TOTAL).toBe(40_675);
    await openFile(WORKBOOK);
    expect(await dialog().locator('#import-sheet').inputValue()).toBe('Sites');
    expect(await dialog().locator('#import-role').inputValue()).toBe('sites');
    expect(await dialog().locator('[data-import-field="individuals"]').inputValue()).toBe(
      "Nombre d'individus",
    );
    expect(await dialog().locator('[data-import-blocked]').isHidden()).toBe(true);
    const confirm = dialog().locator('[data-action="confirm-import"]');
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await confirm.textContent()).toContain('6');
    await confirm.click();
    await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    await expect.poll(peopleOnScreen, { timeout: 30_000 }).toBe(FILE_TOTAL);
  });

  it('refuses a sheet without coordinates with a located message, keeping what was loaded before', async () => {
    await openFile(WORKBOOK);
    const confirm = dialog().locator('[data-action="confirm-import"]');
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    await confirm.click();
    await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    await expect.poll(peopleOnScreen, { timeout: 30_000 }).toBe(FILE_TOTAL);

    const book = utils.book_new();
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([['Liste fictive'], [], ['Nom du site', "Nombre d'individus"], ['Camp A', 12]]),
      'Sites',
    );
    const path = join(mkdtempSync(join(tmpdir(), 'katsit-xlsx-')), 'sans-coordonnees.xlsx');
    writeFileSync(path, new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    await openFile(path);
    expect(await dialog().locator('.import-failed').textContent()).toContain('a été lu');
    const report = (await dialog().locator('[role="alert"]').textContent()) ?? '';
    expect(report).toContain('sans-coordonnees.xlsx');
    expect(report).toContain('ligne 3');
    await dialog().locator('[data-action="close-import"]').click();
    await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    expect(await peopleOnScreen()).toBe(FILE_TOTAL);
  });
});
