/**
 * The decision journeys' last steps: a site named in an area's list is selected as a
 * click in the site table selects it (details card, highlight), from the keyboard too;
 * on a phone, the site chosen in the table stays in sight above the sheet that shows its
 * details; the legend of space per person names the covered-space flag it rings.
 */
import { describe, expect, it } from 'vitest';
import { app } from './app';
import { freshAppForEachTest, jumpTo, SCREENSHOT_DIRECTORY, waitForMapIdle } from './chromium';

describe('on a desktop', () => {
  const session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'reset' });

  it("selects a site of an area's largest-sites list, by keyboard and by click", async () => {
    const page = session.page;
    await jumpTo(page, { center: [-72.3, 18.56], zoom: 11 });
    const circle = { kind: 'circle', longitude: -72.3, latitude: 18.56, radiusMeters: 5000 };
    await app(page).set({ activeAnalysis: 'area', analysisInput: { analysis: 'area', value: circle } });
    const buttons = page.locator('[data-summary="area"] button[data-action="select-site"]');
    await buttons.first().waitFor();
    expect(await buttons.count()).toBeGreaterThan(3);

    // Keyboard: focus the first name, Enter.
    const first = {
      id: await buttons.first().getAttribute('data-site-id'),
      name: await buttons.first().textContent(),
    };
    expect(first.id).toBeTruthy();
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details:not([hidden]) .details-title');
    expect(await app(page).state((state) => state.selection)).toEqual({
      layerId: 'sites',
      featureId: first.id,
    });
    expect(await page.textContent('#details .details-title')).toBe(first.name);
    // The button's accessible name is the site's name, under the table's "Nom" column.
    const name = await page.evaluate(
      () => document.querySelector('[data-summary="area"] [data-action="select-site"]')?.textContent,
    );
    expect(name).toBe(first.name);

    // Click: the third name.
    const third = buttons.nth(2);
    const thirdId = await third.getAttribute('data-site-id');
    await third.click();
    await app(page).waitFor((katsit, id) => katsit.store.get().selection?.featureId === id, thirdId);
    expect(await page.textContent('#details .details-title')).toBe(await third.textContent());
    // The card says why the site is flagged (each raised flag with its rule) and works out its score.
    await page.waitForSelector('#details [data-details-flags]');
    const rules = await page.$$eval('#details [data-details-flag]', (items) =>
      items.map((item) => item.textContent),
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toMatch(/^.+ — .+/);
    const score = await page.textContent('#details [data-details-priority]');
    expect(score).toMatch(/^[\d\s\u202f]+ = [\d\s\u202f]+ personnes × \d+ points? de lacunes$/);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}/decision-area-list-selects.png` });
  });

  it('names the flags raised on a hovered site in its tooltip, as the details card lists them', async () => {
    const page = session.page;
    await jumpTo(page, { center: [-72.3, 18.56], zoom: 12 });
    await app(page).evaluate((katsit) => katsit.analysis.ensureFlags());
    await app(page).waitFor((katsit) => katsit.analysis.results.get().flags !== null);
    await waitForMapIdle(page);
    // The smallest flagged site in view: drawn on top, so the pointer finds it at its centre.
    const target = await app(page).evaluate((katsit) => {
      const flags = katsit.analysis.results.get().flags;
      const canvas = document.querySelector('#map canvas') as HTMLCanvasElement;
      const sites = katsit.store.get().datasets?.sites.features ?? [];
      const candidates = sites
        .map((site, index) => ({
          site,
          flagged: (flags?.flags[index] ?? 0) !== 0,
          point: katsit.view.project(site.geometry.coordinates[0] ?? 0, site.geometry.coordinates[1] ?? 0),
        }))
        .filter(
          ({ flagged, point }) =>
            flagged &&
            point.x > 80 &&
            point.x < canvas.clientWidth - 420 &&
            point.y > 80 &&
            point.y < canvas.clientHeight - 80,
        )
        .sort((a, b) => a.site.properties.individuals - b.site.properties.individuals);
      const best = candidates[0];
      return best ? { x: best.point.x, y: best.point.y, id: best.site.properties.id } : null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    const box = await page.locator('#map').boundingBox();
    await page.mouse.move((box?.x ?? 0) + target.x, (box?.y ?? 0) + target.y);
    const tooltip = page.locator('.map-tooltip:not([hidden])');
    await tooltip.waitFor();
    const hovered = await tooltip.locator('.tooltip-flag').allTextContents();
    expect(hovered.length).toBeGreaterThan(0);
    // The same flags, in the same order, as the details card of that site names them.
    await app(page).set({ selection: { layerId: 'sites', featureId: target.id } });
    await page.waitForSelector('#details [data-details-flag]');
    const listed = await page.$$eval('#details [data-details-flag] strong', (items) =>
      items.map((item) => item.textContent),
    );
    expect(hovered).toEqual(listed);
  });

  it('names the covered-space flag in the legend of space per person', async () => {
    const page = session.page;
    await page.click('[data-analysis="space"]');
    const entry = page.locator('#analysis-panel [data-legend-key="flagged-sites"]');
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('45 m²');
    expect(text).toContain('espace couvert');
    expect(text).toContain('3,5 m²');
    // The rings are those of both flags: as many sites as raise either of them.
    const counts = await app(page).evaluate((katsit) => {
      const space = katsit.analysis.results.get().space;
      if (!space) return null;
      let either = 0;
      let overcrowded = 0;
      for (let site = 0; site < space.overcrowded.length; site += 1) {
        if (space.overcrowded[site] === 1) overcrowded += 1;
        if (space.overcrowded[site] === 1 || space.coveredShort[site] === 1) either += 1;
      }
      return { either, overcrowded, covered: space.sitesWithCovered };
    });
    expect(counts?.covered).toBeGreaterThan(0);
    expect(counts?.either).toBeGreaterThanOrEqual(counts?.overcrowded ?? Number.NaN);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}/decision-covered-space-legend.png` });
  });
});

describe('on a phone (390×844)', () => {
  const session = freshAppForEachTest({ width: 390, height: 844 }, { between: 'reload' });

  it('keeps the site chosen in the table in sight above the sheet with its details', async () => {
    const page = session.page;
    await page.waitForSelector('html[data-layout="phone"]');
    await page.click('.panel-rail [data-panel="table"]');
    const row = page.locator('#panel-sheet .site-row').first();
    await row.waitFor();
    await row.click();
    await page.waitForSelector('#panel-sheet #details:not([hidden]) .details-title');
    const where = () =>
      app(page).evaluate((katsit) => {
        const selection = katsit.store.get().selection;
        const site = katsit.store
          .get()
          .datasets?.sites.features.find(
            (feature) => String(feature.properties?.id) === selection?.featureId,
          );
        const sheet = document.getElementById('panel-sheet')?.getBoundingClientRect();
        const map = document.getElementById('map')?.getBoundingClientRect();
        if (site?.geometry.type !== 'Point' || !sheet || !map) return null;
        const [longitude = 0, latitude = 0] = site.geometry.coordinates;
        const point = katsit.view.project(longitude, latitude);
        return {
          siteTop: map.top + point.y,
          siteLeft: map.left + point.x,
          sheetTop: sheet.top,
          mapTop: map.top,
          moving: katsit.view.isMoving(),
        };
      });
    // The table flies to the site, then the map eases it above the sheet.
    const deadline = Date.now() + 20_000;
    let settled = await where();
    while (settled && (settled.moving || settled.siteTop >= settled.sheetTop) && Date.now() < deadline) {
      await page.waitForTimeout(100);
      settled = await where();
    }
    expect(settled).not.toBeNull();
    if (!settled) return;
    expect(settled.moving).toBe(false);
    // Above the sheet's top, below the map's top, across the screen.
    expect(settled.siteTop).toBeLessThan(settled.sheetTop - 20);
    expect(settled.siteTop).toBeGreaterThan(settled.mapTop + 20);
    expect(settled.siteLeft).toBeGreaterThan(20);
    expect(settled.siteLeft).toBeLessThan(370);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}/decision-phone-site-above-sheet.png` });
  });
});
