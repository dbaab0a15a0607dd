/**
 * End-to-end, the timeline over DTM rounds (issue 17): the two demo rounds
 * (data/rounds/) imported from their files; moving the slider with the
 * keyboard shows the other round on the map (the pixels of a site that only
 * the later round has), in the link (`round=`) and in the key figures, which
 * equal the unit computation for that round's rows; Play steps to the next
 * round and stops at the last; a selected site gets its own trend, where the
 * round it is absent from is said, not drawn at 0; a link naming a round shows it.
 */
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/translate';
import { SITE_COLORS } from '../../src/map/palette';
import { countText } from '../../src/rounds/round-figures';
import { roundTotals } from '../../src/rounds/round-timeline';
import { app } from './app';
import { freshAppForEachTest, SCREENSHOT_DIRECTORY, type Session } from './chromium';
import { countColour } from './pixels';

const DIRECTORY = 'data/rounds';
/** Site circles are drawn a little translucent over the basemap. */
const TOLERANCE = 18;
const FILES = ['DEMO_FICTIONAL_Round_23_sites.csv', 'DEMO_FICTIONAL_Round_24_sites.csv'] as const;

/** A demo round's rows as sites (the demo files hold no quoted field): what the unit computation reads. */
function demoRound(fileName: string): Feature[] {
  const [header = '', , ...rows] = readFileSync(`${DIRECTORY}/${fileName}`, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const names = header.split(',');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split(',').map((cell, index) => [names[index], cell]));
    const count = (text: string | undefined) =>
      text === undefined || text === '' ? undefined : Number(text);
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(cells.longitude), Number(cells.latitude)] },
      properties: {
        id: cells.id,
        siteType: cells.siteType,
        individuals: count(cells.individuals),
        households: count(cells.households),
      },
    };
  });
}

const figureTexts = (features: readonly Feature[]) => {
  const totals = roundTotals([features], { kind: 'country' });
  return {
    sites: countText('fr', totals.sites),
    people: countText('fr', totals.people),
    households: countText('fr', totals.households),
  };
};

describe('the timeline over DTM rounds, in a real browser', () => {
  const session: Session = freshAppForEachTest({ width: 1280, height: 800 });

  async function importRound(fileName: string): Promise<void> {
    const { page } = session;
    await page.setInputFiles('#import-file-input', [`${DIRECTORY}/${fileName}`]);
    await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
    const confirm = page.locator('dialog.import-dialog [data-action="confirm-import"]');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
  }

  const panelFigures = () =>
    session.page
      .locator('[data-timeline-figure]')
      .evaluateAll((cells) =>
        Object.fromEntries(
          cells.map((cell) => [cell.getAttribute('data-timeline-figure'), cell.textContent]),
        ),
      );
  const shownSource = () =>
    app(session.page).state(
      (state) =>
        (state.sourceDatasets?.sites as { metadata?: { source?: string } } | undefined)?.metadata?.source,
    );

  it('moves the map, the link and the key figures with the slider, plays to the last round and follows a link', async () => {
    const { page } = session;
    const [round23, round24] = FILES.map(demoRound) as [Feature[], Feature[]];
    await page.waitForSelector('body[data-imports-ready="true"]');
    for (const file of FILES) await importRound(file);

    const slider = page.locator('[data-round-timeline]');
    await slider.waitFor({ timeout: 20_000 });
    expect(await slider.getAttribute('max')).toBe('1');
    expect(await slider.inputValue()).toBe('1');
    expect(await slider.getAttribute('aria-valuetext')).toBe(
      `Round 24 — situation au ${formatDate('fr', '2026-11-15')}`,
    );
    expect(await panelFigures()).toEqual(figureTexts(round24));

    // The largest site the later round opened: drawn in round 24, absent from round 23.
    const earlier = new Set(round23.map((site) => site.properties?.id));
    const [opened] = round24
      .filter((site) => !earlier.has(site.properties?.id))
      .sort((first, second) => (second.properties?.individuals ?? 0) - (first.properties?.individuals ?? 0));
    const point = opened?.geometry.type === 'Point' ? opened.geometry.coordinates : [0, 0];
    await app(page).jumpTo({ center: [point[0] ?? 0, point[1] ?? 0], zoom: 14 });
    const colour = SITE_COLORS[opened?.properties?.siteType as keyof typeof SITE_COLORS];
    const map = page.locator('#map');
    const box = await map.boundingBox();
    const centre = {
      x: Math.round((box?.width ?? 0) / 2) - 60,
      y: Math.round((box?.height ?? 0) / 2) - 60,
      width: 120,
      height: 120,
    };
    const before = countColour(await map.screenshot(), colour, TOLERANCE, centre);
    expect(before).toBeGreaterThan(200);

    // The keyboard moves the slider: round 23 becomes the site list shown.
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(shownSource).toBe(FILES[0]);
    expect(await slider.getAttribute('aria-valuetext')).toBe(
      `Round 23 — situation au ${formatDate('fr', '2026-08-15')}`,
    );
    await expect.poll(() => slider.evaluate((input) => input === document.activeElement)).toBe(true);
    await app(page).waitForIdle();
    const after = countColour(await map.screenshot(), colour, TOLERANCE, centre);
    expect(after).toBeLessThan(before / 4);
    const round = await app(page).state((state) => state.shownRound);
    expect(round).toMatch(/^[A-Za-z0-9_-]+$/);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`round=${round}`);
    await expect.poll(panelFigures).toEqual(figureTexts(round23));
    expect(await app(page).state((state) => state.datasets?.sites.features.length)).toBe(round23.length);

    // The trend marks the round shown; a site the earlier round did not have is said absent there, not 0.
    const country = page.locator('[data-round-trend-scope="country"]');
    expect(await country.locator('tr[aria-current="true"] th').textContent()).toBe('Round 23');
    await app(page).set({ selection: { layerId: 'sites', featureId: String(opened?.properties?.id) } });
    const site = page.locator('[data-round-trend-scope="site"] tbody tr');
    await expect.poll(() => site.count()).toBe(2);
    expect(await site.nth(0).locator('td').nth(1).textContent()).toBe('absent');
    expect(await site.nth(1).locator('td').nth(1).textContent()).toBe(
      countText('fr', opened?.properties?.individuals ?? 0),
    );
    // Country and site people charts: two points and one for the site (its gap is no point).
    expect(await page.locator('[data-round-trend="people"] .round-trend-point').count()).toBe(3);
    await page
      .locator('[data-round-panel]')
      .screenshot({ path: `${SCREENSHOT_DIRECTORY}/rounds-timeline.png` });
    await app(page).set({ selection: null });

    // Play steps to the next round and stops at the last.
    const play = page.locator('[data-action="play-rounds"]');
    await play.click();
    await expect.poll(shownSource).toBe(FILES[1]);
    await expect.poll(() => play.textContent()).toBe('Lire');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    expect(await slider.inputValue()).toBe('1');
    await expect.poll(panelFigures).toEqual(figureTexts(round24));
    await app(page).waitForIdle();
    expect(countColour(await map.screenshot(), colour, TOLERANCE, centre)).toBeGreaterThan(before / 2);

    // A link naming the earlier round shows it: edited once the address shows the last round
    // (it is written a moment after each change; an edit before that would be overwritten).
    const last = await app(page).state((state) => state.shownRound);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`round=${last}`);
    await page.evaluate((id) => {
      location.hash = location.hash.replace(/round=[^&]*/, `round=${id}`);
    }, round ?? '');
    await expect.poll(shownSource).toBe(FILES[0]);
    expect(await slider.inputValue()).toBe('0');
  });
});
