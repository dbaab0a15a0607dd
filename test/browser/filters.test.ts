/**
 * End-to-end: site filters reach the map, the table and the analyses (the
 * exposure figures match the engine run in Node on the filtered sites), live
 * in the URL and survive a reload; flag filters use flags of the unfiltered
 * sites; the search box finds communes (accents ignored) and site ids.
 */
import { writeFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Datasets } from '../../src/domain/types';
import { SITE_FLAG } from '../../workers/analysis/index';
import { app } from './app';
import {
  freshAppForEachTest,
  openApp,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
  waitForMapStill,
} from './chromium';
import { demoDatasets, engineFor } from './demo-engine';

/** People exposed to floods, as the exposure analysis's key figure counts them. */
async function floodExposed(datasets: Datasets): Promise<number> {
  const answer = await engineFor(datasets).runExposure();
  if (answer.status !== 'done') throw new Error('engine');
  return answer.result.summary
    .filter((row) => row.hazardType === 'flood')
    .reduce((total, row) => total + row.individuals, 0);
}

const shownSiteIds = (page: Page) =>
  app(page).evaluate((katsit) =>
    (katsit.store.get().datasets?.sites.features ?? []).map((site) => site.properties.id),
  );
const selection = (page: Page) => app(page).evaluate((katsit) => katsit.store.get().selection);
const camera = (page: Page) =>
  app(page).evaluate((katsit) => {
    const { longitude, latitude, zoom } = katsit.view.getCamera();
    return { longitude, latitude, zoom };
  });

/** The number of a key figure as shown (French format). */
async function keyFigure(page: Page, label: string): Promise<number | undefined> {
  const pairs = await page.$$eval('#analysis-panel .key-figures dd', (values) =>
    values.map((value) => [value.nextElementSibling?.textContent ?? '', value.textContent ?? '']),
  );
  const text = pairs.find(([name]) => name === label)?.[1];
  return text === undefined ? undefined : Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
}

async function screenshot(session: Session, name: string): Promise<void> {
  await waitForMapIdle(session.page);
  writeFileSync(`${SCREENSHOT_DIRECTORY}/${name}.png`, await session.page.screenshot());
}

const FLOOD = 'Personnes exposées — Inondation';

describe('filters and search in a real browser', () => {
  const datasets = demoDatasets();
  const collective = datasets.sites.features.filter(
    (site) => site.properties.siteType === 'collective_centre',
  );
  const filtered: Datasets = { ...datasets, sites: { ...datasets.sites, features: collective } };
  // Reset between tests; the reload test comes late, as a reloaded page is opened afresh for the next test.
  const session = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'reset' });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  /** Opens the filter panel and keeps only collective centres. */
  async function keepCollectiveCentres(): Promise<void> {
    await page.click('.filter-summary');
    await page.check('#filter-type-collective_centre');
    await app(page).waitFor(
      (katsit, count) => katsit.store.get().datasets?.sites.features.length === count,
      collective.length,
    );
  }

  it('filters by site type: map data, count, table and exposure figures follow', async () => {
    await screenshot(session, 'filters-closed-1280');
    expect(await shownSiteIds(page)).toHaveLength(datasets.sites.features.length);
    const unfilteredFlood = await floodExposed(datasets);
    const expectedFlood = await floodExposed(filtered);
    expect(expectedFlood).not.toBe(unfilteredFlood);

    await keepCollectiveCentres();
    expect(await shownSiteIds(page)).toEqual(collective.map((site) => site.properties.id));
    expect(await page.textContent('[data-filter-count]')).toBe(`${collective.length} sites sur 400 affichés`);
    expect(await page.textContent('[data-filter-indicator]')).toBe('1');

    await page.click('[data-action="site-table"]');
    await page.waitForFunction(
      (rows) => document.querySelector('.site-table')?.getAttribute('aria-rowcount') === String(rows),
      collective.length + 1,
    );

    await page.click('[data-analysis="exposure"]');
    await page.waitForSelector('[data-active-analysis="exposure"]');
    await page.waitForFunction(
      ([label, value]) =>
        [...document.querySelectorAll('#analysis-panel .key-figures dd')].some(
          (node) =>
            node.nextElementSibling?.textContent === label &&
            node.textContent?.replace(/[\s\u202f\u00a0]/g, '') === String(value),
        ),
      [FLOOD, expectedFlood] as const,
      { timeout: 60_000 },
    );
    expect(await keyFigure(page, FLOOD)).toBe(expectedFlood);
    await screenshot(session, 'filters-panel-1280');
    await page.click('[data-action="site-table"]');
  });

  it('filters on flags computed on every site, combined with the type', async () => {
    const flags = await engineFor(datasets).runSiteFlags({
      accessDistanceMeters: 1000,
      healthDistanceMeters: 5000,
    });
    if (flags.status !== 'done') throw new Error('engine');
    await keepCollectiveCentres();
    const expected = datasets.sites.features
      .filter(
        (site, index) =>
          site.properties.siteType === 'collective_centre' &&
          ((flags.result.flags[index] ?? 0) & SITE_FLAG.hazardExposed) !== 0,
      )
      .map((site) => site.properties.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(collective.length);
    await page.check('#filter-flag-hazardExposed');
    await app(page)
      .waitFor(
        (katsit, count) => katsit.store.get().datasets?.sites.features.length === count,
        expected.length,
        { timeout: 60_000 },
      )
      .catch(async (error: unknown) => {
        // Say what the panel said: still computing, or an error from the flags worker.
        const status = await page.textContent('[data-filter-flags-status]');
        throw new Error(
          `${String(error)}\nflags status: ${status}\nerrors: ${session.consoleErrors.join(' | ')}`,
        );
      });
    expect(await shownSiteIds(page)).toEqual(expected);
    await page.waitForFunction(() => location.hash.includes('flag:exposed'));
    await screenshot(session, 'filters-flags-1280');
    await page.click('[data-action="clear-filters"]');
    await app(page).waitFor((katsit) => katsit.store.get().datasets?.sites.features.length === 400);
    expect(await page.isVisible('[data-filter-indicator]')).toBe(false);
    await page.waitForFunction(() => !location.hash.includes('filter='));
  });

  it('searches "petion", lists the commune first and fits the map to it', async () => {
    const commune = datasets.admin.features.find((area) => area.properties.pcode === 'HT0114');
    if (!commune) throw new Error('no Pétion-Ville in the demo data');
    const [west, south, east, north] = bbox(commune);
    // Keyboard: arrows move the active option (aria-activedescendant), Escape closes.
    await page.fill('#search-input', 'delmas');
    await page.waitForSelector('#search-results [role="option"]');
    expect(await page.locator('#search-results [role="option"]').first().getAttribute('data-kind')).toBe(
      'commune',
    );
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('true');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-option-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-option-1');
    expect(await page.getAttribute('#search-option-1', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-option-0');
    await screenshot(session, 'filters-search-list-1280');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('false');

    await page.fill('#search-input', 'petion');
    await page.waitForSelector('#search-results [role="option"]');
    const first = page.locator('#search-results [role="option"]').first();
    expect(await first.getAttribute('data-kind')).toBe('commune');
    expect(await first.textContent()).toContain('Pétion-Ville');
    await screenshot(session, 'filters-search-1280');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#search-results')).toBe(false);
    expect(await selection(page)).toEqual({ layerId: 'admin', featureId: 'HT0114' });
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#details')?.hidden);
    expect(await page.textContent('#details-title')).toBe('Pétion-Ville');
    await waitForMapStill(page);
    const view = await camera(page);
    expect(view.zoom).toBeGreaterThan(10);
    expect(view.longitude).toBeGreaterThan(west - 0.05);
    expect(view.longitude).toBeLessThan(east + 0.05);
    expect(view.latitude).toBeGreaterThan(south - 0.05);
    expect(view.latitude).toBeLessThan(north + 0.05);
    await screenshot(session, 'filters-search-commune-1280');
  });

  it('searches a site id, flies there and opens its details; Escape closes the list', async () => {
    const target = datasets.sites.features[123];
    if (!target) throw new Error('demo data');
    await page.fill('#search-input', 'zzzz-nothing');
    await page.waitForSelector('#search-results .search-empty');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#search-results')).toBe(false);
    await page.fill('#search-input', target.properties.id.toLowerCase());
    await page.waitForSelector('#search-results [role="option"]');
    expect(await page.locator('#search-results [role="option"]').first().getAttribute('data-id')).toBe(
      target.properties.id,
    );
    await page.keyboard.press('Enter');
    expect(await selection(page)).toEqual({ layerId: 'sites', featureId: target.properties.id });
    await page.waitForFunction(
      (name) => document.querySelector('#details-title')?.textContent === name,
      target.properties.name,
    );
    await waitForMapStill(page);
    const view = await camera(page);
    const [longitude, latitude] = target.geometry.coordinates as [number, number];
    expect(Math.abs(view.longitude - longitude)).toBeLessThan(0.01);
    expect(Math.abs(view.latitude - latitude)).toBeLessThan(0.01);
  });

  it('keeps the filter in the URL and restores it on reload', async () => {
    await keepCollectiveCentres();
    await page.waitForFunction(() => location.hash.includes('filter=type:collective_centre'));
    const hash = await page.evaluate(() => location.hash);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await shownSiteIds(page)).toHaveLength(collective.length);
    const filter = await app(page).evaluate((katsit) => katsit.store.get().siteFilter);
    expect(filter.siteTypes).toEqual(['collective_centre']);
    // Closed panel: the indicator and the count still say a filter is on.
    expect(await page.isVisible('[data-filter-indicator]')).toBe(true);
    expect(await page.textContent('[data-filter-count]')).toContain(`${collective.length}`);
    await page.click('.filter-summary');
    expect(await page.isChecked('#filter-type-collective_centre')).toBe(true);
  });

  it('looks finished at 1024×768, with filters restored from the URL', async () => {
    await session.renew({ width: 1024, height: 768 });
    await openApp(session, '#filter=type:spontaneous_site,planned_camp;shelter:4;adm1:HT01');
    await page.click('.filter-summary');
    await screenshot(session, 'filters-panel-1024');
    await page.fill('#search-input', 'cite soleil');
    await page.waitForSelector('#search-results [role="option"]');
    expect(await page.locator('#search-results [role="option"]').first().textContent()).toContain(
      'Cité Soleil',
    );
    await screenshot(session, 'filters-search-1024');
    const mapWidth = await page.$eval('#map', (node) => node.getBoundingClientRect().width);
    expect(mapWidth).toBeGreaterThan(1024 / 2 - 20);
  });
});
