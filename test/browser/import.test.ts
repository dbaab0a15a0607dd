/**
 * End-to-end: bring your own data. Imports an HXL-tagged DTM site list and
 * sees it on the map, reports a broken file with located messages while the
 * demo stays, shows hostile names as text, keeps imports across a reload,
 * removes them and resets to the demo, and round-trips a CSV export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from './app';
import { freshAppForEachTest, openApp, SCREENSHOT_DIRECTORY, type Session, waitForMapIdle } from './chromium';
import { demoDatasets } from './demo-engine';

const FIXTURES = 'test/fixtures/io';
const METRO_HASH = '#map=11.50/18.55000/-72.30000';

let session: Session;
const demoSiteCount = demoDatasets().sites.features.length;

async function screenshot(name: string, selector?: string): Promise<Buffer> {
  const target = selector ? session.page.locator(selector) : session.page;
  const buffer = await target.screenshot();
  writeFileSync(`${SCREENSHOT_DIRECTORY}/${name}.png`, buffer);
  return buffer;
}

async function siteIds(): Promise<string[]> {
  return app(session.page).evaluate((katsit) => {
    return (katsit.store.get().datasets?.sites.features ?? []).map((feature) =>
      String(feature.properties.id),
    );
  });
}

/** Chooses files through the toolbar's hidden input and waits for the review (or failure) to show. */
async function importFiles(paths: string[]): Promise<void> {
  await session.page.setInputFiles('#import-file-input', paths);
  await session.page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
}

async function confirmImport(): Promise<void> {
  const confirm = session.page.locator('dialog.import-dialog [data-action="confirm-import"]');
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await confirm.click();
  await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
}

async function openDataManager(): Promise<void> {
  await session.page.click('#toolbar [data-action="open-data-manager"]');
  await session.page.waitForSelector('dialog.data-manager-dialog[open]');
}

/** Imports a file and keeps all of it. */
async function importAndKeep(path: string): Promise<void> {
  await importFiles([path]);
  await confirmImport();
}

describe('import, data manager and export in a real browser', () => {
  // Reset between tests: it also empties what the imports stored.
  session = freshAppForEachTest({ width: 1280, height: 800 }, { hash: METRO_HASH, between: 'reset' });
  beforeEach(async () => {
    await session.page.waitForSelector('body[data-imports-ready="true"]');
  });

  it('imports an HXL-tagged DTM site list and shows its sites on the map', async () => {
    expect(demoSiteCount).toBeGreaterThan(10);
    const before = await screenshot('import-map-before', '#map');
    await importFiles([`${FIXTURES}/dtm-sites-hxl.csv`]);
    const dialog = session.page.locator('dialog.import-dialog');
    expect(await dialog.locator('#import-role').inputValue()).toBe('sites');
    // HXL tags mapped the fields automatically.
    expect(await dialog.locator('[data-import-field="individuals"]').inputValue()).toBe('Individuals');
    expect(await dialog.locator('[data-import-field="name"]').inputValue()).toBe('Site Name');
    await screenshot('import-dialog-review');
    await confirmImport();
    expect(await siteIds()).toEqual(['FIC-001', 'FIC-002', 'FIC-003']);
    await waitForMapIdle(session.page);
    const after = await screenshot('import-map-after', '#map');
    expect(after.equals(before)).toBe(false);
    expect(await session.page.locator('[data-import-notice]').textContent()).toContain('dtm-sites-hxl');
  });

  it('reports a broken file with located messages and leaves the map untouched', async () => {
    const sitesBefore = await siteIds();
    await importFiles([`${FIXTURES}/broken-bad-numbers.csv`]);
    const report = session.page.locator('dialog.import-dialog [role="alert"]');
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('broken-bad-numbers.csv');
    expect(text).toContain('ligne 4'); // "dix-huit" latitude
    expect(text).toContain('dix-huit');
    expect(text).toContain('Coordonnée illisible');
    expect(text).toContain('12O');
    await screenshot('import-dialog-report');
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    expect(await siteIds()).toEqual(sitesBefore);

    await importFiles([`${FIXTURES}/broken-not-json.geojson`]);
    const failure = (await report.textContent()) ?? '';
    expect(failure).toMatch(/ligne \d+, colonne \d+/);
    expect(failure).toContain('JSON invalide');
    await screenshot('import-dialog-failure');
    await session.page.click('dialog.import-dialog [data-action="close-import"]');
    expect(await siteIds()).toEqual(sitesBefore);
  });

  it('offers the lat/lon swap as an explicit repair', async () => {
    await importFiles([`${FIXTURES}/broken-swapped-coordinates.csv`]);
    const dialog = session.page.locator('dialog.import-dialog');
    const confirm = dialog.locator('[data-action="confirm-import"]');
    await expect.poll(() => confirm.textContent()).toContain('1 ');
    await dialog.locator('[data-repair="swap-coordinates"]').check();
    await expect.poll(() => confirm.textContent()).toContain('2 ');
    await session.page.click('dialog.import-dialog [data-action="cancel-import"]');
    await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
  });

  it('shows hostile names as text and runs no script', async () => {
    await importAndKeep(`${FIXTURES}/hostile-names.geojson`);
    expect(await siteIds()).toEqual(['h1', 'h2']);
    await app(session.page).evaluate((katsit) => {
      katsit.store.set({ selection: { layerId: 'sites', featureId: 'h1' } });
    });
    await expect
      .poll(() => session.page.locator('#details-title').textContent())
      .toBe('<img src=x onerror=alert(1)>');
    await openDataManager();
    const names = await session.page.locator('dialog.data-manager-dialog .dataset-name').allTextContents();
    expect(names).toContain('hostile-names');
    await screenshot('import-data-manager');
    expect(await session.page.locator('img[src="x"]').count()).toBe(0);
    expect(await session.page.locator('dialog script, #details script').count()).toBe(0);
    expect(
      await session.page.evaluate(() => (globalThis as { __hacked?: unknown }).__hacked),
    ).toBeUndefined();
    await session.page.click('[data-action="close-data-manager"]');
  });

  it('keeps imported data across a reload', async () => {
    await importAndKeep(`${FIXTURES}/dtm-sites-hxl.csv`);
    await importAndKeep(`${FIXTURES}/hostile-names.geojson`);
    await openApp(session);
    await session.page.waitForSelector('body[data-imports-ready="true"]');
    // Both site imports are shown, combined (issue 12: one import no longer replaces another).
    expect(await siteIds()).toEqual(['FIC-001', 'FIC-002', 'FIC-003', 'h1', 'h2']);
    await openDataManager();
    const rows = session.page.locator('dialog.data-manager-dialog tbody tr');
    expect(await rows.count()).toBe(2);
    const text = (await session.page.locator('dialog.data-manager-dialog table').textContent()) ?? '';
    expect(text).toContain('dtm-sites-hxl.csv');
    expect(text).toContain('hostile-names.geojson');
    await session.page.click('[data-action="close-data-manager"]');
  });

  it('removes an import, then resets to the demo after a confirm', async () => {
    await importAndKeep(`${FIXTURES}/dtm-sites-hxl.csv`);
    await importAndKeep(`${FIXTURES}/hostile-names.geojson`);
    await openDataManager();
    const latest = session.page.locator('dialog.data-manager-dialog tbody tr').first();
    await latest.locator('[data-action="remove-dataset"]').click();
    await session.page.click('[data-action="confirm-yes"]');
    await expect.poll(() => session.page.locator('dialog.data-manager-dialog tbody tr').count()).toBe(1);
    // The layer keeps the other import of the same role.
    expect(await siteIds()).toEqual(['FIC-001', 'FIC-002', 'FIC-003']);
    await session.page.click('[data-action="reset-demo"]');
    await screenshot('import-data-manager-confirm');
    await session.page.click('[data-action="confirm-yes"]');
    await session.page.waitForSelector('dialog.data-manager-dialog .data-manager-empty');
    expect((await siteIds()).length).toBe(demoSiteCount);
    await session.page.click('[data-action="close-data-manager"]');
  });

  it('exports the sites as CSV with HXL tags and imports the file back unchanged', async () => {
    const before = await siteIds();
    await session.page.click('#toolbar [data-action="open-export"]');
    await session.page.waitForSelector('dialog.export-dialog[open]');
    await session.page.check('#export-format-csv');
    await screenshot('import-export-dialog');
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.click('[data-action="download-export"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^HTI_sites_\d{8}\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')[1]).toContain('#site+code');
    await session.page.click('[data-action="close-export"]');
    const copy = `test-output/${download.suggestedFilename()}`;
    writeFileSync(copy, text);
    await importFiles([copy]);
    const report = (await session.page.locator('dialog.import-dialog [role="alert"]').textContent()) ?? '';
    expect(report).toContain(`${before.length} éléments valides sur ${before.length}`);
    await confirmImport();
    expect(await siteIds()).toEqual(before);
  });

  it('imports a file dropped on the map', async () => {
    const bytes = readFileSync(`${FIXTURES}/dtm-sites-hxl.csv`, 'utf8');
    await session.page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped-sites.csv', { type: 'text/csv' }));
      const target = document.querySelector('#map') as HTMLElement;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, bytes);
    await session.page.waitForSelector('dialog.import-dialog[open] .import-report');
    expect(await session.page.locator('#import-dialog-title').textContent()).toContain('dropped-sites.csv');
    await confirmImport();
    expect(await siteIds()).toEqual(['FIC-001', 'FIC-002', 'FIC-003']);
  });
});
