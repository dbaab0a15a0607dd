/**
 * End-to-end, DTM rounds (issue 17): two rounds of a site list imported from
 * CSV files through the import dialog — the first dated by its "Date of
 * assessment" column, the second by the date typed in the review — are listed
 * as a series in the data manager, the latest alone on the map; comparing them shows the figures the unit
 * computation gives for the same rows, and the map draws the change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { communeNames, roundColumns } from '../../src/rounds/round-columns';
import { communeRowTexts, headlineText, keyFigureTexts } from '../../src/rounds/round-figures';
import { summariseRounds } from '../../src/rounds/round-summary';
import { compareRounds } from '../../workers/analysis/round-comparison';
import { app } from './app';
import { freshAppForEachTest, SCREENSHOT_DIRECTORY, type Session } from './chromium';
import { countColour, mapInterior } from './pixels';

type Row = [id: string, name: string, latitude: number, longitude: number, commune: string, people: number];

const COMMUNES: Record<string, string> = { HT0111: 'Port-au-Prince', HT0112: 'Delmas', HT0118: 'Tabarre' };

const ROUND_23: Row[] = [
  ['S-01', 'Site fictif Delmas 33', 18.5561, -72.3012, 'HT0112', 1000],
  ['S-02', 'Site fictif Lekòl', 18.5392, -72.3364, 'HT0111', 2000],
  ['S-03', 'Site fictif Parc', 18.58, -72.27, 'HT0118', 3000],
  ['S-04', 'Site fictif Terrain', 18.55, -72.295, 'HT0112', 800],
  ['S-05', 'Site fictif École', 18.545, -72.34, 'HT0111', 600],
];
const ROUND_24: Row[] = [
  ['S-01', 'Site fictif Delmas 33', 18.5561, -72.3012, 'HT0112', 1300],
  ['S-02', 'Site fictif Lekòl', 18.5392, -72.3364, 'HT0111', 1500],
  // About 670 m north of where round 23 had it: moved.
  ['S-04', 'Site fictif Terrain', 18.556, -72.295, 'HT0112', 800],
  ['S-05', 'Site fictif École Nationale', 18.545, -72.34, 'HT0111', 900],
  ['S-06', 'Site fictif Nouveau camp', 18.575, -72.265, 'HT0118', 2000],
  ['S-07', 'Site fictif Delmas 40', 18.56, -72.305, 'HT0112', 400],
];

const HEADER =
  'Site ID,Site Name,Site Type,Latitude,Longitude,ADM1 Pcode,ADM1 Name,ADM2 Pcode,ADM2 Name,Households,Individuals';
const HXL =
  '#site+code,#site+name,#site+type,#geo+lat,#geo+lon,#adm1+code,#adm1+name,#adm2+code,#adm2+name,#affected+hh+idps,#affected+idps+ind';

/** A DTM-like CSV; `dates` adds a "Date of assessment" column, one date per row. */
function csv(rows: readonly Row[], dates?: readonly string[]): string {
  const lines = rows.map(([id, name, latitude, longitude, commune, people], index) =>
    [
      id,
      name,
      'Site spontané',
      latitude,
      longitude,
      'HT01',
      'Ouest',
      commune,
      COMMUNES[commune],
      people / 5,
      people,
      ...(dates ? [dates[index]] : []),
    ].join(','),
  );
  const dated = (line: string, extra: string) => (dates ? `${line},${extra}` : line);
  return [dated(HEADER, 'Date of assessment'), dated(HXL, '#date+reported'), ...lines].join('\n');
}

/** The rows as the import makes them: what the unit computation reads. */
const features = (rows: readonly Row[]): Feature[] =>
  rows.map(([id, name, latitude, longitude, commune, people]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { id, name, individuals: people, admin2Pcode: commune, admin2Name: COMMUNES[commune] },
  }));

let session: Session;
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'katsit-rounds-'));
  writeFileSync(
    join(directory, 'DTM_Round_23.csv'),
    csv(ROUND_23, ['2026-03-15', '2026-03-15', '2026-03-14', '2026-03-15', '2026-03-16']),
  );
  writeFileSync(join(directory, 'DTM_Round_24.csv'), csv(ROUND_24));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function importRound(fileName: string): Promise<void> {
  const { page } = session;
  await page.setInputFiles('#import-file-input', [join(directory, fileName)]);
  await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
  const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await confirm.click();
  await page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
}

const mapShot = () => session.page.locator('#map').screenshot();

describe('DTM rounds, in a real browser', () => {
  session = freshAppForEachTest({ width: 1280, height: 800 });

  it('imports two rounds, lists them as a series and shows their comparison as the unit computation does', async () => {
    const { page } = session;
    await page.waitForSelector('body[data-imports-ready="true"]');
    await importRound('DTM_Round_23.csv');
    // The second file has no date column: the review says so, and the date is typed.
    await page.setInputFiles('#import-file-input', [join(directory, 'DTM_Round_24.csv')]);
    await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
    expect(await page.locator('[data-import-round-hint]').textContent()).toContain('Aucune colonne de date');
    expect(await page.inputValue('#import-round-label')).toBe('Round 24');
    await page.fill('#import-round-date', '2026-06-15');
    const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });

    // Only the latest round is on the map (and in the analyses): no site is counted once per round.
    const shownIds = await app(page).state((state) =>
      state.datasets?.sites.features.map((site) => site.properties.id),
    );
    expect(shownIds).toEqual(ROUND_24.map(([id]) => id));

    // The data manager lists both, earliest first, with the date read from the first file.
    await page.click('#toolbar [data-action="open-data-manager"]');
    const series = page.locator('dialog.data-manager-dialog [data-round-series] li');
    await expect.poll(() => series.count()).toBe(2);
    expect(await series.nth(0).textContent()).toMatch(/^Round 23 — situation au 15 mars 2026 — 5 sites/);
    expect(await series.nth(1).textContent()).toMatch(/^Round 24 — situation au 15 juin 2026 — 6 sites/);
    await page.click('dialog.data-manager-dialog [data-action="close-data-manager"]');

    // Compare: the defaults are the two latest rounds.
    const panel = page.locator('[data-round-panel]');
    await app(page).waitForIdle();
    const before = await mapShot();
    await panel.locator('[data-action="compare-rounds"]').click();
    await page.waitForSelector('[data-round-panel][data-round-state="done"]', { timeout: 20_000 });

    const t = translator('fr');
    const baseFeatures = features(ROUND_23);
    const laterFeatures = features(ROUND_24);
    const [baseColumns, laterColumns] = [roundColumns(baseFeatures), roundColumns(laterFeatures)];
    const expected = summariseRounds(
      compareRounds(baseColumns, laterColumns),
      baseColumns,
      laterColumns,
      communeNames(baseFeatures, laterFeatures),
    );
    expect(expected.peopleChange).toBe(-500);
    expect(await panel.locator('[data-round-headline]').textContent()).toBe(
      headlineText(t, 'fr', expected, { base: 'Round 23', later: 'Round 24' }),
    );
    for (const { key, value } of keyFigureTexts('fr', expected))
      expect(await panel.locator(`[data-round-figure="${key}"]`).textContent(), key).toBe(value);
    const rows = await panel
      .locator('[data-round-table] tbody tr')
      .evaluateAll((lines) => lines.map((line) => [...line.children].map((cell) => cell.textContent)));
    expect(rows).toEqual(expected.communes.map((row) => communeRowTexts(t, 'fr', row)));

    // The map draws the later round's sites by change: growth in blue, closed sites as rings.
    await app(page).waitForIdle();
    const after = await mapShot();
    const grew = [0, 114, 178] as const;
    const region = mapInterior(after);
    const closed = [204, 121, 167] as const;
    expect(countColour(after, grew, 12, region)).toBeGreaterThan(countColour(before, grew, 12, region) + 20);
    expect(countColour(after, closed, 12, region)).toBeGreaterThan(
      countColour(before, closed, 12, region) + 20,
    );
    expect(await app(page).state((state) => state.roundChange?.marks.length)).toBe(7);

    await panel.screenshot({ path: `${SCREENSHOT_DIRECTORY}/rounds-panel.png` });

    // The link carries the two rounds compared (and so do saved views); hiding the comparison clears both.
    const pair = await app(page).state((state) => state.roundComparison);
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toContain(`rounds=${pair?.base}~${pair?.later}`);
    await panel.locator('[data-action="clear-rounds"]').click();
    await expect.poll(() => app(page).state((state) => state.roundChange)).toBeNull();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('rounds=');
  });
});
