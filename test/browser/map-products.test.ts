/**
 * End-to-end: map products as a briefing officer makes them, read back from
 * the downloaded files. PDF text is extracted with poppler's `pdftotext`
 * (skipped with a note when it is missing): key figures printed with their
 * French formatting ("80,1 %"), no "/" inside a French number (the missing
 * narrow no-break space glyph of Helvetica printed one), the locator map in
 * the PNG's pixels, the composer remembering what was typed, and a series PDF
 * with one page per chosen commune, each titled with its name. Files are kept
 * in test-output/products/ for a human look; export times are printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { figureTexts } from '../../src/analyses/figure-format';
import { SITE_COLORS } from '../../src/map/palette';
import { app } from './app';
import { APP_URL, freshAppForEachTest, type Session } from './chromium';
import { countColour, type Region } from './pixels';

const OUTPUT_DIRECTORY = 'test-output/products';
const METRO_HASH = '#map=11.30/18.56000/-72.30000&layers=admin,hazards,control,services,sites';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = hasPoppler();

/** The text of a PDF (of one page when given), as poppler reads it. */
function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

let session: Session;

async function exportFile(selector: string, timeout = SLOW) {
  const started = Date.now();
  const [download] = await Promise.all([
    session.page.waitForEvent('download', { timeout }),
    session.page.locator(selector).click(),
  ]);
  const bytes = readFileSync(await download.path());
  const milliseconds = Date.now() - started;
  const name = download.suggestedFilename();
  const path = `${OUTPUT_DIRECTORY}/${name}`;
  writeFileSync(path, bytes);
  return { bytes, name, path, milliseconds };
}

async function openComposer(): Promise<Locator> {
  await session.page.locator('[data-action="open-snapshot"]').click();
  const dialog = session.page.getByRole('dialog', { name: 'Produit cartographique' });
  await dialog.waitFor();
  await dialog.locator('.snapshot-preview canvas').waitFor({ timeout: SLOW });
  return dialog;
}

async function runCoverage(): Promise<string[]> {
  await session.page.click('[data-analysis="coverage"]');
  await session.page.waitForSelector('[data-active-analysis="coverage"]');
  await app(session.page).waitFor((katsit) => katsit.store.get().keyFigures.length > 0, undefined, {
    timeout: SLOW,
  });
  const figures = await app(session.page).state((state) => state.keyFigures);
  return figureTexts(figures, 'fr').map((figure) => figure.value);
}

/** The machine is shared: a cold start can take a minute, so waits are generous. */
const SLOW = 240_000;
const TEST_TIMEOUT = 600_000;

async function openApp(hash: string): Promise<void> {
  await session.page.goto(`${APP_URL}${hash}`);
  await session.page.waitForSelector('body[data-ready="true"]', { timeout: SLOW, state: 'attached' });
}

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('map products', () => {
  session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'none' });
  beforeAll(() => {
    mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  }, TEST_TIMEOUT);

  it(
    'prints key figures in French formatting as real text, with a locator and the sensitivity label',
    async () => {
      await openApp(METRO_HASH);
      const values = await runCoverage();
      expect(values.some((value) => /^\d+,\d\s%$/.test(plain(value)))).toBe(true);
      const dialog = await openComposer();
      await dialog.locator('[data-snapshot-option="paper-A4"]').check();
      await dialog.locator('[data-snapshot-option="orientation-landscape"]').check();
      await dialog.locator('[data-snapshot-field="includeKeyFigures"]').check();
      await dialog.locator('[data-snapshot-field="contact"]').fill('Commentaires : im-haiti@example.org');

      // How long the page stays busy at a stretch while composing (long tasks, over 50 ms).
      await session.page.evaluate(() => {
        const holder = globalThis as unknown as { longestTask: number };
        holder.longestTask = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            holder.longestTask = Math.max(holder.longestTask, entry.duration);
        }).observe({ type: 'longtask' });
      });
      const pdf = await exportFile('[data-export="pdf"]');
      const longest = await session.page.evaluate(
        () => (globalThis as unknown as { longestTask: number }).longestTask,
      );
      console.info(`Longest main-thread task during the A4 PDF export: ${Math.round(longest)} ms`);
      console.info(
        `A4 landscape PDF, map at 300 ppi: ${pdf.milliseconds} ms, ${Math.round(pdf.bytes.length / 1024)} KiB`,
      );
      // The gang-control layer is shown: the file name says so too.
      expect(pdf.name).toMatch(/^HTI_[a-z0-9-]+_A4_\d{8}_SENSIBLE\.pdf$/);
      expect(pdf.bytes.toString('latin1')).toContain('/FontFile2');
      if (POPPLER) {
        const text = plain(pdfText(pdf.path));
        for (const value of values) expect(text, value).toContain(plain(value));
        expect(text).not.toMatch(/\d\s?\/\s?\d{3}/);
        expect(text).toContain('SENSIBLE — USAGE INTERNE');
        expect(text).toContain('Commentaires : im-haiti@example.org');
        expect(text).toContain('Organisation des Nations Unies');
        expect(text).not.toMatch(/cliquez pour zoomer/);
        // Regression: under load the 300 ppi capture drew the whole map into the old-sized corner of
        // its canvas (sea everywhere else). Sites must show across the frame's upper half too.
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '50',
          '-singlefile',
          pdf.path,
          `${OUTPUT_DIRECTORY}/a4-page`,
        ]);
        const page = readFileSync(`${OUTPUT_DIRECTORY}/a4-page.png`);
        const { width, height } = PNG.sync.read(page);
        const upperMap: Region = {
          x: Math.round(width * 0.05),
          y: Math.round(height * 0.15),
          width: Math.round(width * 0.65),
          height: Math.round(height * 0.35),
        };
        expect(
          countColour(page, SITE_COLORS.spontaneous_site, 40, upperMap),
          'sites in the upper map',
        ).toBeGreaterThan(40);
      } else console.info('pdftotext is not installed: PDF text not checked');

      const png = await exportFile('[data-export="png"]');
      console.info(`A4 landscape PNG 2×: ${png.milliseconds} ms, ${Math.round(png.bytes.length / 1024)} KiB`);
      const image = PNG.sync.read(png.bytes);
      // The locator sits in the map's bottom-right corner: Haiti in grey, the map's extent in red.
      const corner: Region = {
        x: Math.round(image.width * 0.55),
        y: Math.round(image.height * 0.5),
        width: Math.round(image.width * 0.25),
        height: Math.round(image.height * 0.35),
      };
      expect(countColour(png.bytes, [189, 189, 189], 3, corner), 'Haiti in the locator').toBeGreaterThan(
        2000,
      );
      expect(countColour(png.bytes, [178, 24, 43], 10, corner), 'extent outline').toBeGreaterThan(20);

      await dialog.locator('[data-snapshot-option="paper-A3"]').check();
      const a3 = await exportFile('[data-export="pdf"]');
      console.info(
        `A3 landscape PDF, map at 300 ppi: ${a3.milliseconds} ms, ${Math.round(a3.bytes.length / 1024)} KiB`,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'remembers the title, contact and options when the composer reopens',
    async () => {
      await openApp(METRO_HASH);
      let dialog = await openComposer();
      await dialog
        .locator('[data-snapshot-field="title"]')
        .fill('Sites et services — Port-au-Prince, décembre');
      await dialog.locator('[data-snapshot-field="contact"]').fill('im@example.org');
      await dialog.locator('[data-snapshot-option="orientation-portrait"]').check();
      await session.page.waitForTimeout(400);
      await session.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await session.page.reload();
      await session.page.waitForSelector('body[data-ready="true"]', { timeout: SLOW, state: 'attached' });
      dialog = await openComposer();
      expect(await dialog.locator('[data-snapshot-field="title"]').inputValue()).toBe(
        'Sites et services — Port-au-Prince, décembre',
      );
      expect(await dialog.locator('[data-snapshot-field="contact"]').inputValue()).toBe('im@example.org');
      expect(await dialog.locator('[data-snapshot-option="orientation-portrait"]').isChecked()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'makes a series PDF with one page per chosen commune, titled with its name',
    async () => {
      await openApp(METRO_HASH);
      const dialog = await openComposer();
      await dialog.locator('[data-snapshot-option="paper-A4"]').check();
      await dialog.locator('[data-snapshot-option="orientation-landscape"]').check();
      await dialog.locator('.snapshot-series summary').click();
      await dialog.locator('[data-series-level="2"]').check();
      const chosen = ['HT0111', 'HT0112', 'HT0118'];
      for (const box of await dialog.locator('[data-series-area]').all()) {
        const pcode = await box.getAttribute('data-series-area');
        if (!chosen.includes(pcode ?? '')) await box.uncheck();
      }
      const names = await Promise.all(
        chosen.map((pcode) =>
          dialog
            .locator(`label:has([data-series-area="${pcode}"])`)
            .textContent()
            .then((text) => text ?? ''),
        ),
      );
      const filterBefore = await app(session.page).state((state) => state.siteFilter);
      const series = await exportFile('[data-series-export="pdf"]', TEST_TIMEOUT);
      console.info(
        `Series of ${chosen.length} A4 pages at 300 ppi: ${series.milliseconds} ms, ${Math.round(series.bytes.length / 1024)} KiB`,
      );
      // The filter the series set for each area is put back.
      expect(await app(session.page).state((state) => state.siteFilter)).toEqual(filterBefore);
      if (!POPPLER) return;
      expect(pdfPages(series.path)).toBe(chosen.length);
      const sorted = [...names].sort((a, b) => a.localeCompare(b, 'fr'));
      sorted.forEach((name, index) => {
        const page = pdfText(series.path, index + 1);
        const heading = page.split('\n').slice(0, 4).join(' ');
        // The default title names each page's own commune first, not the place the composer opened on.
        expect(heading.trim(), `page ${index + 1}`).toMatch(new RegExp(`^${name.trim()}, Ouest — `));
      });
    },
    TEST_TIMEOUT,
  );
});
