/**
 * End-to-end, issue 12: a DTM-style list where some sites have a commune
 * P-code or name but no coordinates imports them as sites "without
 * coordinates" — counted in the review, placed by commune in the totals,
 * marked in the site table, never drawn, and named as "not analysed" by the
 * distance analyses — while a row with neither stays refused with its row
 * number. Communal sections are drawn at a close zoom, not at commune zoom.
 */
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdminAreaFeature } from '../../src/domain/types';
import { app } from './app';
import { freshAppForEachTest } from './chromium';

const LIST = 'test/fixtures/io/dtm-sites-without-coordinates.csv';

const session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'reset' });
const dialog = () => session.page.locator('dialog.import-dialog');

async function importList(): Promise<string> {
  await session.page.setInputFiles('#import-file-input', LIST);
  await session.page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
  const confirm = dialog().locator('[data-action="confirm-import"]');
  await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
  const report = (await dialog().locator('.import-report-section').textContent()) ?? '';
  await confirm.click();
  await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
  await app(session.page).waitFor((katsit) => katsit.store.get().datasets?.sites.features.length === 5);
  return report;
}

async function chooseAnalysis(id: string): Promise<void> {
  await session.page.click(`[data-analysis="${id}"]`);
  await session.page.waitForSelector(`[data-active-analysis="${id}"]`);
}

/** The analysis panel's key figures as label → [value, context] (spaces of French numbers removed). */
async function keyFigures(): Promise<Map<string, [string, string]>> {
  await session.page.waitForSelector('#analysis-panel .key-figures dd');
  const pairs = await session.page.$$eval('#analysis-panel .key-figures dd', (values) =>
    values.map((value) => [
      value.nextElementSibling?.textContent ?? '',
      (value.textContent ?? '').replace(/[\s\u202f\u00a0]/g, ''),
      value.nextElementSibling?.nextElementSibling?.textContent ?? '',
    ]),
  );
  return new Map(pairs.map(([label = '', value = '', context = '']) => [label, [value, context]]));
}

describe('sites without coordinates, and communal sections', () => {
  beforeEach(async () => {
    await session.page.waitForSelector('body[data-imports-ready="true"]');
  });

  it('imports sites placed by commune only: review count, totals by commune, table marker, not-analysed line', async () => {
    const report = await importList();
    expect(report).toContain('3 lignes sans coordonnées');
    // The row with neither coordinates nor a commune is refused, with its spreadsheet row.
    expect(report).toContain('ligne 8');
    expect(report).toContain('Ni coordonnées, ni code P ou commune');

    // Never drawn, never given coordinates: two circles for five sites.
    const geometries = await app(session.page).state((state) =>
      state.datasets?.sites.features.map((feature) => feature.geometry?.type ?? null),
    );
    expect(geometries).toEqual(['Point', 'Point', null, null, null]);

    await chooseAnalysis('admin');
    await session.page.waitForSelector('#analysis-panel .summary-table tbody tr');
    const rows = await session.page.$$eval('#analysis-panel .summary-table tbody tr', (trs) =>
      trs.map((tr) =>
        Array.from(tr.children, (cell) => (cell.textContent ?? '').replace(/[\s\u202f]/g, ' ')),
      ),
    );
    const byArea = new Map(
      rows.map(([area = '', sites = '', people = '']) => [area.split(' — ')[0], [sites, people]]),
    );
    // Delmas: one site with coordinates (1,000) and one placed by its P-code only (400).
    expect(byArea.get('Delmas')).toEqual(['2', '1 400']);
    expect(byArea.get('Carrefour')).toEqual(['1', '250']);
    // Placed by its commune name, with no P-code and no coordinates.
    expect(byArea.get('Cité Soleil')).toEqual(['1', '150']);
    expect(byArea.get('Tabarre')).toEqual(['1', '500']);
    const panel = (await session.page.locator('#analysis-panel').textContent()) ?? '';
    expect(panel).toContain('3 sites (800 personnes) sans coordonnées');
    expect(panel).toContain('Site fictif sans GPS Carrefour — Carrefour (HT0113) (sans coordonnées)');
    const people = (await keyFigures()).get('Personnes déplacées');
    expect(people?.[0]).toBe('2300');

    await chooseAnalysis('coverage');
    const coverage = await keyFigures();
    expect(coverage.get('Sites non analysés (sans coordonnées)')).toEqual([
      '3',
      '800 personnes, comptées par zone administrative seulement',
    ]);

    await session.page.locator('[data-action="site-table"]').click();
    await session.page.locator('#table-panel').waitFor({ state: 'visible' });
    await app(session.page).waitFor((katsit) => katsit.analysis.results.get().flags !== null, undefined, {
      timeout: 60_000,
    });
    const marked = await session.page
      .locator('.site-table tbody tr.site-row')
      .evaluateAll((trs) =>
        trs
          .filter((tr) => tr.querySelector('.site-no-coordinates'))
          .map((tr) => tr.children[0]?.firstChild?.textContent ?? ''),
      );
    expect(marked.sort()).toEqual([
      'Site fictif commune seule',
      'Site fictif sans GPS Carrefour',
      'Site fictif sans GPS Delmas',
    ]);
    // The coverage flags leave them out: no "no water within 500 m" for a site with no place.
    const flagged = await session.page
      .locator('.site-table tbody tr.site-row')
      .evaluateAll(
        (trs) =>
          trs.filter((tr) => tr.querySelector('.site-no-coordinates') && tr.querySelector('.site-flag'))
            .length,
      );
    expect(flagged).toBe(0);
  });

  it('draws communal sections at a close zoom only, named in the legend', async () => {
    const page = session.page;
    const legend = page.locator('[data-layer="admin"] [data-legend-key="section"]');
    expect(await legend.textContent()).toContain('Section communale');
    // Delmas cut into a 3 × 3 grid of fictional sections around its demo commune.
    const sections: AdminAreaFeature[] = [];
    const [west, south, size] = [-72.33, 18.53, 0.012];
    for (let column = 0; column < 3; column += 1)
      for (let row = 0; row < 3; row += 1) {
        const x = west + column * size;
        const y = south + row * size;
        sections.push({
          type: 'Feature',
          properties: {
            pcode: `HT0112-0${column * 3 + row + 1}`,
            name: `Section ${column * 3 + row + 1}`,
            level: 3,
            parentPcode: 'HT0112',
            approximate: true,
          },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + size, y],
                [x + size, y + size],
                [x, y + size],
                [x, y],
              ],
            ],
          },
        });
      }
    const handle = app(page);
    // A clip of the page, not the map element: an element shot waits for the element to be
    // "stable", and a busy machine (six helpers' browsers at once) can outlast the default wait.
    const box = await page.locator('#map').boundingBox();
    const mapShot = () => page.screenshot({ timeout: 90_000, ...(box ? { clip: box } : {}) });
    /** Pixels that differ between two screenshots of the same view. */
    const differing = (before: Buffer, after: Buffer) => {
      const [first, second] = [PNG.sync.read(before).data, PNG.sync.read(after).data];
      let count = 0;
      for (let offset = 0; offset < first.length; offset += 4)
        if (
          first[offset] !== second[offset] ||
          first[offset + 1] !== second[offset + 1] ||
          first[offset + 2] !== second[offset + 2]
        )
          count += 1;
      return count;
    };
    const withSections = async (shown: boolean) => {
      await handle.evaluate(
        (katsit, added) => {
          const datasets = katsit.store.get().datasets;
          if (!datasets) return;
          const demo = datasets.admin.features.filter((feature) => feature.properties.level !== 3);
          katsit.store.set({
            datasets: {
              ...datasets,
              admin: { ...datasets.admin, features: [...demo, ...(added as never[])] },
            },
          });
        },
        (shown ? sections : []) as never,
      );
      await handle.waitForIdle();
    };
    // Sites hidden, so only the boundaries and their names differ between the pictures.
    await handle.evaluate((katsit) =>
      katsit.store.set((state) => ({
        layers: { ...state.layers, sites: { ...state.layers.sites, visible: false } },
      })),
    );
    const centre: [number, number] = [west + 1.5 * size, south + 1.5 * size];

    await handle.jumpTo({ center: centre, zoom: 9 });
    await withSections(false);
    const communeZoomWithout = await mapShot();
    await withSections(true);
    expect(differing(communeZoomWithout, await mapShot())).toBe(0);

    await handle.jumpTo({ center: centre, zoom: 12 });
    await withSections(false);
    const closeWithout = await mapShot();
    await withSections(true);
    const closeWith = await mapShot();
    const drawn = differing(closeWithout, closeWith);
    console.info(`communal sections: ${drawn} pixels drawn at zoom 12, none at zoom 9`);
    expect(drawn).toBeGreaterThan(500);
  }, 300_000);
});
