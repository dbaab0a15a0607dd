/**
 * End-to-end: the site table in the production build. It opens from the
 * toolbar, fills its flags from the analysis worker, sorts, searches without
 * accents, filters by flag, selects sites both ways with the map, exports the
 * CSV shown, speaks English, and stays virtualised (100,000 sites).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from './app';
import { chooseLanguage, freshAppForEachTest, SCREENSHOT_DIRECTORY, type Session } from './chromium';

let session: Session;
let page: Page;

interface SiteSummary {
  id: string;
  name: string;
  commune: string;
  individuals: number;
}

/** The loaded sites, straight from the app's store. */
function sitesInStore(): Promise<SiteSummary[]> {
  return app(page).evaluate((katsit) => {
    return (katsit.store.get().datasets?.sites.features ?? []).map(({ properties }) => ({
      id: properties.id,
      name: properties.name,
      commune: properties.admin2Name,
      individuals: properties.individuals,
    }));
  });
}

/** SITE_FLAG bits of every site, once the worker has answered. */
function flagsInResults(): Promise<number[]> {
  return app(page).evaluate((katsit) => {
    return Array.from(katsit.analysis.results.get().flags?.flags ?? []);
  });
}

async function waitForFlags(): Promise<void> {
  await app(page).waitFor((katsit) => katsit.analysis.results.get().flags !== null, undefined, {
    timeout: 60_000,
  });
  await page.locator('.site-table-computing').waitFor({ state: 'hidden' });
}

/** The rows in the DOM, in order: site index, name, commune and the badges shown. */
function renderedRows() {
  return page.locator('.site-table tbody tr.site-row').evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number((row as HTMLElement).dataset.index),
      name: row.children[0]?.textContent ?? '',
      commune: row.children[3]?.textContent ?? '',
      badges: Array.from(row.querySelectorAll('.site-flag'), (badge) => badge.className),
      selected: row.getAttribute('aria-selected') === 'true',
    })),
  );
}

async function countText(): Promise<string> {
  return (await page.locator('.site-table-count').textContent()) ?? '';
}

/** Digits of a formatted number ("1 234" → 1234). */
const digits = (text: string) => Number(text.replace(/\D/g, ''));

async function screenshot(name: string): Promise<void> {
  writeFileSync(`${SCREENSHOT_DIRECTORY}/${name}.png`, await page.screenshot());
}

/** Opens the table from the toolbar and waits for the worker's flags. */
async function openTable(): Promise<void> {
  await page.locator('[data-action="site-table"]').click();
  await page.locator('#table-panel').waitFor({ state: 'visible' });
  await waitForFlags();
}

describe('the site table in a real browser', () => {
  session = freshAppForEachTest({ width: 1440, height: 900 }, { between: 'reset' });
  beforeEach(() => {
    page = session.page;
  });

  it('opens from the toolbar, shows "—" while computing, then the flags from the worker', async () => {
    const toggle = page.locator('[data-action="site-table"]');
    expect(await toggle.textContent()).toBe('Tableau des sites');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    const mapSize = () =>
      page.evaluate(() => ({
        shown: document.querySelector('#map')?.clientHeight ?? 0,
        canvas: document.querySelector('#map canvas')?.clientHeight ?? 0,
      }));
    const before = await mapSize();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.locator('#table-panel').waitFor({ state: 'visible' });
    // The map gave room to the table without reallocating its canvas (a long task on software
    // WebGL): the hidden strip is left out of the camera, whose centre is in the middle of the
    // map still in sight.
    await expect
      .poll(async () => {
        const shown = (await mapSize()).shown;
        const centre = await app(page).evaluate((katsit) => {
          const { longitude, latitude } = katsit.view.getCamera();
          return katsit.view.project(longitude, latitude).y;
        });
        return Math.abs(centre - shown / 2);
      })
      .toBeLessThan(2);
    const after = await mapSize();
    expect(after.shown).toBeLessThan(before.shown - 100);
    expect(after.canvas).toBe(before.canvas);
    await waitForFlags();
    const sites = await sitesInStore();
    expect(await countText()).toMatch(new RegExp(`^${sites.length} sites sur ${sites.length}$`));
    const rows = await renderedRows();
    // Virtualised: only the rows in view (and a few around) are in the DOM.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows.some((row) => row.badges.length > 0)).toBe(true);
    await screenshot('table-fr');

    // What the table looks like while the worker computes: the flags withdrawn for a moment.
    await app(page).evaluate((katsit) => {
      const results = katsit.analysis.results;
      const flags = results.get().flags;
      Object.assign(globalThis, { savedFlags: flags });
      results.set({ flags: null, running: { analysis: 'flags', done: 2, total: 5, startedAt: 0 } });
    });
    expect(await page.locator('.site-table-computing').textContent()).toBe('calcul des alertes… 40 %');
    expect(await page.locator('.site-table tbody tr.site-row td:nth-child(10)').first().textContent()).toBe(
      '—',
    );
    expect(await page.locator('[data-action="site-table-export"]').isDisabled()).toBe(true);
    await screenshot('table-computing');
    await app(page).evaluate((katsit) => {
      katsit.analysis.results.set({ flags: Reflect.get(globalThis, 'savedFlags'), running: null });
    });
    await page.locator('.site-table-computing').waitFor({ state: 'hidden' });
  });

  it('sorts by individuals, largest first, and by name', async () => {
    await openTable();
    const sites = await sitesInStore();
    await page.locator('[data-sort="name"]').click();
    expect(await page.locator('th:has([data-sort="name"])').getAttribute('aria-sort')).toBe('ascending');
    const byName = await renderedRows();
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    const expectedFirst = [...sites].sort((a, b) => collator.compare(a.name, b.name))[0];
    expect(byName[0]?.name).toBe(expectedFirst?.name);

    await page.locator('[data-sort="individuals"]').click();
    const heading = page.locator('th:has([data-sort="individuals"])');
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('th:has([data-sort="name"])').getAttribute('aria-sort')).toBe('none');
    const largest = sites.reduce((best, site) => (site.individuals > best.individuals ? site : best));
    const first = (await renderedRows())[0];
    expect(first?.name).toBe(largest.name);
    expect(sites[first?.index ?? -1]?.individuals).toBe(largest.individuals);

    // Scrolled to the bottom, the last row is the smallest site.
    await page.locator('.site-table-scroller').evaluate((scroller) => {
      scroller.scrollTop = scroller.scrollHeight;
    });
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('.site-table tbody tr.site-row');
      return rows[rows.length - 1]?.getAttribute('aria-rowindex') === String(rows.length > 0 ? 401 : -1);
    });
    const smallest = Math.min(...sites.map((site) => site.individuals));
    const last = (await renderedRows()).at(-1);
    expect(sites[last?.index ?? -1]?.individuals).toBe(smallest);
    await page.locator('.site-table-scroller').evaluate((scroller) => {
      scroller.scrollTop = 0;
    });
  });

  it('finds Pétion-Ville sites when typing "petion", without accents', async () => {
    await openTable();
    const sites = await sitesInStore();
    const expected = sites.filter((site) => site.commune === 'Pétion-Ville').length;
    expect(expected).toBeGreaterThan(0);
    await page.locator('#site-table-search').fill('petion');
    await page.waitForFunction(
      (count) => document.querySelector('.site-table-count')?.textContent?.startsWith(`${count} `),
      expected,
    );
    const rows = await renderedRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.commune).toBe('Pétion-Ville');
    await screenshot('table-search-petion');
  });

  it('keeps only sites with "water > 500 m" when that box is ticked', async () => {
    await openTable();
    const flags = await flagsInResults();
    const sites = await sitesInStore();
    const waterBit = 8;
    await page.locator('[data-flag-filter="waterBeyondSphere"]').check();
    const expected = flags.filter((bits) => (bits & waterBit) !== 0).length;
    expect(expected).toBeGreaterThan(0);
    await page.waitForFunction(
      (count) => document.querySelector('.site-table-count')?.textContent?.startsWith(`${count} `),
      expected,
    );
    expect(digits((await countText()).split('sur')[1] ?? '')).toBe(sites.length);
    const rows = await renderedRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.badges.join(' ')).toContain('site-flag-waterBeyondSphere');
    await screenshot('table-filter-water');
    // The right-hand columns: distances, control and the flag badges.
    await page.locator('.site-table-scroller').evaluate((scroller) => {
      scroller.scrollLeft = scroller.scrollWidth;
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    writeFileSync(`${SCREENSHOT_DIRECTORY}/table-flags.png`, await page.locator('#table-panel').screenshot());
    await page.locator('.site-table-scroller').evaluate((scroller) => {
      scroller.scrollLeft = 0;
    });
  });

  it('selects a clicked row: details panel, map flies there, row highlighted', async () => {
    await openTable();
    const rows = await renderedRows();
    const target = rows[2];
    expect(target).toBeDefined();
    await page.locator('.site-table tbody tr.site-row').nth(2).click();
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    expect(await details.locator('.details-title').textContent()).toBe(target?.name);
    expect((await renderedRows()).find((row) => row.selected)?.index).toBe(target?.index);
    // The map flies to the site: its centre ends near the site.
    await app(page).waitFor((katsit) => !katsit.view.isMoving(), undefined, { timeout: 20_000 });
    const centre = await app(page).evaluate((katsit) => {
      const { longitude, latitude } = katsit.view.getCamera();
      return { lng: longitude, lat: latitude };
    });
    const position = await app(page).evaluate((katsit, index) => {
      return katsit.store.get().datasets?.sites.features[index]?.geometry.coordinates;
    }, target?.index ?? 0);
    expect(Math.abs(centre.lng - (position?.[0] ?? 0))).toBeLessThan(0.01);
    expect(Math.abs(centre.lat - (position?.[1] ?? 0))).toBeLessThan(0.01);
    await screenshot('table-row-selected');
  });

  it('moves with the keyboard and selects with Enter', async () => {
    await openTable();
    await page.locator('.site-table tbody tr.site-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.position,
    );
    expect(focused).toBe('2');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const rows = await renderedRows();
    const second = rows[1];
    expect(await page.locator('#details .details-title').textContent()).toBe(second?.name);
    expect(rows.find((row) => row.selected)?.index).toBe(second?.index);
  });

  it('highlights and reveals the row of a site selected on the map', async () => {
    await openTable();
    await page.locator('[data-sort="individuals"]').click();
    const sites = await sitesInStore();
    // The smallest site is the last row in this sort: far out of view.
    const smallest = sites.reduce((best, site) => (site.individuals < best.individuals ? site : best));
    await app(page).evaluate((katsit, id) => {
      katsit.store.set({ selection: { layerId: 'sites', featureId: id } });
    }, smallest.id);
    await page.waitForFunction(() => document.querySelector('.site-table tr.is-selected') !== null);
    const selectedRow = page.locator('.site-table tr.is-selected');
    expect(await selectedRow.locator('td').first().textContent()).toBe(smallest.name);
    const inView = await selectedRow.evaluate((row) => {
      const scroller = row.closest('.site-table-scroller') as HTMLElement;
      const header = scroller.querySelector('thead') as HTMLElement;
      const box = row.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return box.top >= view.top + header.offsetHeight - 1 && box.bottom <= view.bottom + 1;
    });
    expect(inView).toBe(true);
  });

  it('exports the table as shown to CSV with an HXL row', async () => {
    await openTable();
    await page.locator('#site-table-search').fill('delmas');
    const shown = digits((await countText()).split('sur')[0] ?? '');
    expect(shown).toBeGreaterThan(0);
    const downloadPromise = page.waitForEvent('download');
    await page.locator('[data-action="site-table-export"]').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^HTI_site-flags_\d{8}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    const [header, tags, ...rows] = parsed.data;
    expect(header?.slice(0, 4)).toEqual([
      'Sensibilité',
      'Identifiant du site',
      'Nom du site',
      'Type de site',
    ]);
    for (const tag of [
      '#site+code',
      '#site+name',
      '#site+type',
      '#adm2+name',
      '#affected+idps+ind',
      '#affected+idps+hh',
    ]) {
      expect(tags).toContain(tag);
    }
    expect(tags?.filter((tag) => tag.startsWith('#indicator+flag+'))).toHaveLength(8);
    expect(rows).toHaveLength(shown);
    const communeColumn = tags?.indexOf('#adm2+name') ?? -1;
    for (const row of rows) expect(row[communeColumn]).toBe('Delmas');
    // In the table's order: individuals, largest first.
    const individualsColumn = tags?.indexOf('#affected+idps+ind') ?? -1;
    const counts = rows.map((row) => Number(row[individualsColumn]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.locator('#site-table-search').fill('');
  });

  it('speaks English, and hides again from the toolbar', async () => {
    await openTable();
    await chooseLanguage(page, 'en');
    const toggle = page.locator('[data-action="site-table"]');
    expect(await toggle.textContent()).toBe('Site table');
    expect(await page.locator('[data-sort="individuals"]').textContent()).toBe('Individuals');
    const sites = await sitesInStore();
    expect(await countText()).toBe(`${sites.length} sites of ${sites.length}`);
    expect(await page.locator('[data-flag-filter="waterBeyondSphere"] + .site-flag').textContent()).toBe(
      'Water > 500 m',
    );
    await screenshot('table-en');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.locator('#table-panel').waitFor({ state: 'hidden' });
  });

  it('stays virtualised and responsive with 100,000 sites', async () => {
    const timings = await app(page).evaluate(async (katsit) => {
      const datasets = katsit.store.get().datasets;
      if (!datasets) throw new Error('no data');
      const base = datasets.sites.features;
      const features = Array.from({ length: 100_000 }, (_, index) => {
        const model = base[index % base.length] as (typeof base)[number];
        const [longitude = 0, latitude = 0] = model.geometry.coordinates;
        return {
          ...model,
          geometry: {
            ...model.geometry,
            coordinates: [longitude + ((index % 97) - 48) * 0.0004, latitude + ((index % 89) - 44) * 0.0004],
          },
          properties: { ...model.properties, id: `BIG-${index}`, individuals: (index * 7919) % 20_000 },
        };
      });
      const toggle = document.querySelector('[data-action="site-table"]') as HTMLButtonElement;
      toggle.click();
      let started = performance.now();
      // Loaded data goes to `sourceDatasets`; `datasets` is derived from it through the site filter.
      katsit.store.set({ sourceDatasets: { ...datasets, sites: { ...datasets.sites, features } } });
      const load = performance.now() - started;
      // Read synchronously: the new sites' flags cannot have arrived yet.
      const pending = {
        note: document.querySelector('.site-table-computing')?.textContent ?? '',
        water: document.querySelector('.site-table tbody tr.site-row td:nth-child(10)')?.textContent ?? '',
        exportDisabled: (document.querySelector('[data-action="site-table-export"]') as HTMLButtonElement)
          .disabled,
      };
      started = performance.now();
      (document.querySelector('[data-sort="name"]') as HTMLButtonElement).click();
      const sortByName = performance.now() - started;
      started = performance.now();
      const search = document.querySelector('#site-table-search') as HTMLInputElement;
      search.value = 'petion';
      search.dispatchEvent(new Event('input'));
      const searchTime = performance.now() - started;
      search.value = '';
      search.dispatchEvent(new Event('input'));
      return { load, sortByName, searchTime, pending };
    });
    console.info(
      `100,000 sites: load into the open table ${timings.load.toFixed(0)} ms, sort by name ${timings.sortByName.toFixed(0)} ms, search ${timings.searchTime.toFixed(0)} ms`,
    );
    expect(timings.pending.note).toMatch(/^calcul des alertes…/);
    expect(timings.pending.water).toBe('—');
    expect(timings.pending.exportDisabled).toBe(true);
    expect(await countText()).toMatch(/^100\s000 sites sur 100\s000$/u);
    const scroller = page.locator('.site-table-scroller');
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await page.waitForFunction(() => {
      const row = document.querySelector('.site-table tbody tr.site-row');
      return Number(row?.getAttribute('aria-rowindex')) > 40_000;
    });
    const rows = await renderedRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    await waitForFlags();
    await screenshot('table-100k');
  });
});
