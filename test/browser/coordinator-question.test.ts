/**
 * End-to-end, the coordinator's question: "sites in Delmas with no water
 * within 500 m OR no health care within 5 km, ranked". Asked once in the
 * Filters panel (commune + two flags + "any"), it must give one filtered list
 * — the same on the map, in the table and in the CSV — ranked by the priority
 * score (ties by people), whose CSV carries the hazard-type columns, while
 * the analysis panel says the filter applies.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SITE_FLAG } from '../../workers/analysis/index';
import { app } from './app';
import { freshAppForEachTest } from './chromium';
import { demoDatasets, engineFor } from './demo-engine';

const DELMAS = 'HT0112';

describe('the coordinator question in one filtered, ranked list', () => {
  const datasets = demoDatasets();
  const session = freshAppForEachTest({ width: 1280, height: 800 });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  /** The ids the engine, run in Node on every demo site, says answer the question. */
  async function expectedIds(): Promise<string[]> {
    const answer = await engineFor(datasets).runSiteFlags({
      accessDistanceMeters: 1000,
      healthDistanceMeters: 5000,
    });
    if (answer.status !== 'done') throw new Error('engine');
    const mask = SITE_FLAG.waterBeyondSphere | SITE_FLAG.healthBeyondReach;
    return datasets.sites.features
      .filter(
        (site, index) =>
          site.properties.admin2Pcode === DELMAS && ((answer.result.flags[index] ?? 0) & mask) !== 0,
      )
      .map((site) => site.properties.id);
  }

  it('answers it from the Filters panel: map, table and CSV agree, ranked by priority', async () => {
    const expected = await expectedIds();
    const inDelmas = datasets.sites.features.filter((site) => site.properties.admin2Pcode === DELMAS);
    // The question must separate something: fewer sites than the commune, more than none.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(inDelmas.length);

    await page.click('.filter-summary');
    await page.selectOption('#filter-commune', DELMAS);
    await page.check('#filter-flag-waterBeyondSphere');
    await page.check('#filter-flag-healthBeyondReach');
    await page.check('#filter-flag-mode-any');
    await app(page).waitFor(
      (katsit, ids) => {
        const shown = (katsit.store.get().datasets?.sites.features ?? []).map((site) => site.properties.id);
        return JSON.stringify([...shown].sort()) === JSON.stringify([...ids].sort());
      },
      expected,
      { timeout: 60_000 },
    );
    // One model: in the link too.
    await page.waitForFunction(() => location.hash.includes('filter=adm2:HT0112;flag:water,health;mode:any'));

    // The analysis panel says the filter applies, with its count out of every site.
    const note = await page.textContent('[data-analysis-filter]');
    expect(note).toContain('Delmas');
    expect(note).toContain(`${expected.length} sites sur 400`);

    // After an analysis, the table lists the same sites, sorted by priority once the flags are in.
    await page.click('[data-analysis="coverage"]');
    await page.click('[data-action="site-table"]');
    await page.waitForFunction(
      (rows) => document.querySelector('.site-table')?.getAttribute('aria-rowcount') === String(rows),
      expected.length + 1,
    );
    await page.waitForFunction(
      () => document.querySelector('th.column-priority')?.getAttribute('aria-sort') === 'descending',
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () => !(document.querySelector('[data-action="site-table-export"]') as HTMLButtonElement).disabled,
      undefined,
      { timeout: 60_000 },
    );

    const downloadPromise = page.waitForEvent('download');
    await page.click('[data-action="site-table-export"]');
    const text = readFileSync(await (await downloadPromise).path(), 'utf8');
    const [header, tags, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const column = (tag: string) => tags?.indexOf(tag) ?? -1;
    // The same rows as the map and the table.
    expect(rows.map((row) => row[column('#site+code')]).sort()).toEqual([...expected].sort());
    // Every row answers the question, by its own flags.
    for (const row of rows) {
      expect(row[column('#adm2+code')]).toBe(DELMAS);
      const water = row[column('#indicator+flag+water_beyond_500m')];
      const health = row[column('#indicator+flag+health_beyond_reach')];
      expect(water === '1' || health === '1').toBe(true);
    }
    // Ranked: priority score from high to low, ties by people.
    const ranked = rows.map((row) => [
      Number(row[column('#indicator+priority+score+num')]),
      Number(row[column('#affected+idps+ind')]),
    ]);
    for (let index = 1; index < ranked.length; index += 1) {
      const [score = 0, people = 0] = ranked[index] ?? [];
      const [previousScore = 0, previousPeople = 0] = ranked[index - 1] ?? [];
      expect(score <= previousScore).toBe(true);
      if (score === previousScore) expect(people <= previousPeople).toBe(true);
    }
    expect(ranked[0]?.[0]).toBeGreaterThan(0);
    // A column per hazard type, with a severity or "aucun".
    for (const hazard of ['flood', 'landslide', 'storm_surge', 'earthquake']) {
      const index = column(`#indicator+hazard+${hazard}+severity`);
      expect(index, hazard).toBeGreaterThan(0);
      expect(header?.[index]).toMatch(/\(sévérité\)$/);
      for (const row of rows) expect(['aucun', 'faible', 'moyenne', 'élevée']).toContain(row[index]);
    }
  });
});
