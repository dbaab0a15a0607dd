/**
 * End-to-end: storage that heals, in two tabs of a real browser. Damaged
 * records written straight into IndexedDB (a metadata record of the wrong
 * shape, features that are null, a collection cut short) are listed in the
 * data manager as damaged with their names, beside a good import that still
 * shows; one is removed; the analysis cache is cleared; a reset in one tab
 * empties the other tab's data manager too, and IndexedDB is empty after.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from './app';
import {
  APP_URL,
  offMachineRequests,
  openApp,
  openSession,
  SCREENSHOT_DIRECTORY,
  type Session,
} from './chromium';

let session: Session;
let otherTab: Page;
const otherTabErrors: string[] = [];

const rows = (page: Page, selector: string) => page.locator(`dialog.data-manager-dialog tbody ${selector}`);

async function openDataManager(page: Page): Promise<void> {
  await page.click('#toolbar [data-action="open-data-manager"]');
  await page.waitForSelector('dialog.data-manager-dialog[open]');
}

/** Writes a good import (a copy of the demo hazards) and three damaged records into the app's database. */
async function writeRecords(page: Page): Promise<void> {
  await app(page).evaluate(async (katsit) => {
    const hazards = katsit.store.get().sourceDatasets?.hazards;
    if (!hazards) throw new Error('the app has no hazards yet');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('katsit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = database.transaction(['datasets', 'collections'], 'readwrite');
    const datasets = transaction.objectStore('datasets');
    const collections = transaction.objectStore('collections');
    const metadata = (id: string, name: string, featureCount: number) => ({
      id,
      name,
      role: 'hazards',
      fieldMapping: null,
      featureCount,
      importedAt: new Date().toISOString(),
      sourceFileName: `${id}.geojson`,
    });
    datasets.put(metadata('good', 'Zones copiées', hazards.features.length));
    collections.put(hazards, 'good');
    datasets.put({ id: 'junk', name: 'Sites R4 (corrompu)', featureCount: 'beaucoup' });
    datasets.put(metadata('nulls', 'Zones nulles', 2));
    collections.put({ type: 'FeatureCollection', features: [null, null] }, 'nulls');
    datasets.put(metadata('cut', 'Zones tronquées', 500));
    collections.put({ type: 'FeatureCollection', features: hazards.features.slice(0, 1) }, 'cut');
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  });
}

async function storedCounts(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('katsit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const request = database.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const counts = [await count('datasets'), await count('collections'), await count('analysisCache')];
    database.close();
    return counts;
  });
}

describe('storage that heals, in two tabs', () => {
  beforeAll(async () => {
    session = await openSession();
    await openApp(session);
    await session.page.waitForSelector('body[data-imports-ready="true"]');
    await writeRecords(session.page);
    await openApp(session);
    await session.page.waitForSelector('body[data-imports-ready="true"]');
    otherTab = await session.context.newPage();
    otherTab.on('console', (message) => {
      if (message.type() === 'error') otherTabErrors.push(message.text());
    });
    otherTab.on('pageerror', (error) => otherTabErrors.push(error.message));
    otherTab.on('request', (request) => session.requests.push(request.url()));
    await otherTab.goto(APP_URL);
    await otherTab.waitForSelector('body[data-imports-ready="true"]', { timeout: 60_000 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists damaged records by name beside the good import, which still shows', async () => {
    const notice = (await session.page.locator('[data-import-notice]').textContent()) ?? '';
    expect(notice).toContain('Sites R4 (corrompu)');
    await openDataManager(session.page);
    await expect.poll(() => rows(session.page, 'tr.damaged').count()).toBe(3);
    const damagedText = (await rows(session.page, 'tr.damaged').allTextContents()).join(' | ');
    for (const name of ['Sites R4 (corrompu)', 'Zones nulles', 'Zones tronquées'])
      expect(damagedText).toContain(name);
    expect(damagedText).toContain('endommagé');
    expect(damagedText).toContain('incomplets');
    const good = rows(session.page, 'tr[data-dataset-id="good"]');
    expect(await good.textContent()).toContain('Zones copiées');
    expect(await good.locator('.shown-badge').count()).toBe(1);
    // The usage figures arrive once the storage estimate answers.
    await expect
      .poll(() => session.page.locator('[data-storage-usage]').textContent(), { timeout: 10_000 })
      .toContain('Cache des analyses');
    writeFileSync(
      `${SCREENSHOT_DIRECTORY}/storage-healing-damaged.png`,
      await session.page.locator('dialog.data-manager-dialog').screenshot(),
    );
  });

  it('removes a damaged record, and the other tab’s data manager follows', async () => {
    await openDataManager(otherTab);
    await expect.poll(() => rows(otherTab, 'tr.damaged').count()).toBe(3);
    await rows(session.page, 'tr[data-damaged-id="junk"] [data-action="remove-damaged"]').click();
    await session.page.click('[data-action="confirm-yes"]');
    await expect.poll(() => rows(session.page, 'tr.damaged').count()).toBe(2);
    await expect.poll(() => rows(otherTab, 'tr.damaged').count()).toBe(2);
  });

  it('clears the analysis cache from the data manager', async () => {
    await session.page.click('[data-action="clear-analysis-cache"]');
    await expect
      .poll(() => session.page.locator('dialog.data-manager-dialog [role="status"]').textContent())
      .toContain('Cache des analyses vidé');
    expect((await storedCounts(session.page))[2]).toBe(0);
  });

  it('resets to the demo in one tab, and the other tab is reset too', async () => {
    await session.page.click('[data-action="reset-demo"]');
    await session.page.click('[data-action="confirm-yes"]');
    await session.page.waitForSelector('dialog.data-manager-dialog .data-manager-empty');
    await otherTab.waitForSelector('dialog.data-manager-dialog .data-manager-empty');
    expect(await storedCounts(session.page)).toEqual([0, 0, 0]);
    writeFileSync(
      `${SCREENSHOT_DIRECTORY}/storage-healing-other-tab-reset.png`,
      await otherTab.locator('dialog.data-manager-dialog').screenshot(),
    );
  });

  it('raised no page or console error and made no request off the machine', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(otherTabErrors).toEqual([]);
    expect(offMachineRequests(session.requests)).toEqual([]);
  });
});
