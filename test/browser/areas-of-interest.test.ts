/**
 * A shelter team's area of interest lasts: drawn once, it gives the same totals after
 * a reload, in a copied link opened elsewhere and from a saved view; its file downloads
 * with those totals. The details card of a site shows what the analyses say about it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from './app';
import { freshAppForEachTest, jumpTo, openApp, waitForMapIdle } from './chromium';

// Reset between tests (it empties the saved views and the analysis cache); the test that reloads
// comes last, as a page a test reloaded is opened afresh for the next one.
const session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'reset' });

/** Key figures as shown, label → text. */
async function figures(): Promise<Map<string, string>> {
  await session.page.waitForSelector('#analysis-panel .key-figures');
  const pairs = await session.page.$$eval('#analysis-panel .key-figures dd[data-figure-format]', (values) =>
    values.map((value): [string, string] => [
      value.nextElementSibling?.textContent ?? '',
      value.textContent ?? '',
    ]),
  );
  return new Map(pairs);
}

async function drawSquare(): Promise<void> {
  await session.page.click('[data-analysis="area"]');
  await session.page.waitForSelector('[data-active-analysis="area"]');
  await jumpTo(session.page, { center: [-72.3, 18.56], zoom: 11 });
  await session.page.click('[data-map-mode="draw-polygon"]');
  const box = await session.page.locator('#map').boundingBox();
  if (!box) throw new Error('no map');
  for (const [x, y] of [
    [0.3, 0.3],
    [0.7, 0.3],
    [0.7, 0.7],
    [0.3, 0.7],
  ] as const)
    await session.page.mouse.click(box.x + box.width * x, box.y + box.height * y);
  await session.page.keyboard.press('Enter');
  await app(session.page).waitFor((katsit) => katsit.analysis.results.get().area !== null);
}

/** Waits until the area answer is back and returns the figures shown for it. */
async function areaFigures(): Promise<Map<string, string>> {
  await session.page.waitForSelector('[data-active-analysis="area"]');
  await app(session.page).waitFor((katsit) => katsit.analysis.results.get().area !== null);
  return figures();
}

describe('the details card of a site', () => {
  it('shows the flags the analyses raise for it, with its distances', async () => {
    const flagged = await app(session.page).evaluate(async (katsit) => {
      katsit.analysis.ensureFlags();
      const started = Date.now();
      while (!katsit.analysis.results.get().flags && Date.now() - started < 30_000)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const flags = katsit.analysis.results.get().flags;
      const sites = katsit.store.get().datasets?.sites?.features ?? [];
      const index = flags ? flags.flags.findIndex((bits) => bits !== 0) : -1;
      return { id: String(sites[index]?.properties?.id ?? ''), bits: flags?.flags[index] ?? 0 };
    });
    expect(flagged.bits).toBeGreaterThan(0);
    await app(session.page).set({ selection: { layerId: 'sites', featureId: flagged.id } });
    await session.page.waitForSelector('#details [data-details-flags]');
    const raised = await session.page.getAttribute('#details [data-details-flags]', 'data-details-flags');
    expect(raised?.split(' ').length).toBeGreaterThan(0);
    const water = await session.page.textContent('#details [data-details-column="water"]');
    expect(water).toMatch(/\d/);
    await waitForMapIdle(session.page);
  });
});

describe('an area of interest', () => {
  it('downloads as GeoJSON with the totals shown', async () => {
    await drawSquare();
    const shown = await areaFigures();
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.click('[data-action="download-summary"]'),
    ]);
    const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    const properties = file.features[0].properties;
    expect(String(properties.sites)).toBe(shown.get('Sites dans la zone')?.replace(/\D/g, ''));
    expect(String(properties.individuals)).toBe(shown.get('Personnes dans la zone')?.replace(/\D/g, ''));
    // The demo has gang-control areas: the access totals make the file sensitive.
    expect(file.sensitivity).toBeTruthy();
  });

  it('gives the same totals after a reload, from a copied link and from a saved view', async () => {
    await drawSquare();
    const drawn = await areaFigures();
    expect(Number(drawn.get('Sites dans la zone')?.replace(/\D/g, ''))).toBeGreaterThan(10);
    expect([...drawn.keys()].some((label) => label.startsWith('Surface'))).toBe(true);
    // The link carries the area.
    await app(session.page).waitFor(() => location.hash.includes('input=p'));
    const hash = await session.page.evaluate(() => location.hash);

    await session.page.reload();
    await session.page.waitForSelector('body[data-ready="true"]');
    expect(await areaFigures()).toEqual(drawn);

    // Saved, then opened from the list after the area was replaced by nothing.
    await session.page.click('[data-action="open-views"]');
    await session.page.fill('[data-view-name]', 'Zone test');
    await session.page.click('.saved-views-form button[type="submit"]');
    await session.page.waitForSelector('[data-view-action="open"]');
    await session.page.keyboard.press('Escape');
    await app(session.page).set({ activeAnalysis: null, analysisInput: null });
    await session.page.click('[data-action="open-views"]');
    await session.page.click('[data-view-action="open"]');
    expect(await areaFigures()).toEqual(drawn);

    // A link opened in a fresh page (nothing stored for the area).
    await session.renew({ width: 1280, height: 800 });
    await openApp(session, hash);
    expect(await areaFigures()).toEqual(drawn);
  });
});
