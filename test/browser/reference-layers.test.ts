/**
 * End-to-end: a reference layer from a PMTiles file (the synthetic shelter
 * footprints of scripts/make-reference-fixture.ts) is added through its
 * button, drawn in its colour over the basemap, hidden and shown, kept across
 * a reload, and removed; a file that is not PMTiles is refused with a clear
 * message and the loaded layer stays. No request leaves 127.0.0.1: the
 * archive is read by range from the device's private storage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReferenceFixture,
  REFERENCE_FIXTURE_ATTRIBUTION,
  REFERENCE_FIXTURE_CENTER,
  REFERENCE_FIXTURE_TITLE,
} from '../../scripts/make-reference-fixture';
import {
  jumpTo,
  offMachineRequests,
  openApp,
  openSession,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
} from './chromium';
import { countColour, mapInterior } from './pixels';

let session: Session;
let directory: string;
const files = { footprints: '', notPmtiles: '' };

/** The first reference colour (REFERENCE_COLORS[0]), which outlines the footprints. */
const PURPLE: readonly [number, number, number] = [0x7b, 0x32, 0x94];
const THEMATIC_LAYERS = ['sites', 'services', 'control', 'hazards', 'admin'];
const VIEW = {
  center: [REFERENCE_FIXTURE_CENTER.longitude, REFERENCE_FIXTURE_CENTER.latitude] as [number, number],
  zoom: 15,
};

async function purplePixels(name: string): Promise<number> {
  await waitForMapIdle(session.page);
  const image = await session.page
    .locator('#map')
    .screenshot({ path: `${SCREENSHOT_DIRECTORY}/${name}.png` });
  return countColour(image, PURPLE, 40, mapInterior(image));
}

async function showThematicLayers(visible: boolean): Promise<void> {
  for (const layer of THEMATIC_LAYERS)
    await session.page.setChecked(`[data-layer-toggle="${layer}"]`, visible);
}

describe('reference layers from PMTiles files', () => {
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'katsit-reference-'));
    files.footprints = join(directory, 'empreintes.pmtiles');
    files.notPmtiles = join(directory, 'notes.pmtiles');
    writeFileSync(files.footprints, buildReferenceFixture());
    writeFileSync(files.notPmtiles, 'not tiles at all\n'.repeat(30));
    session = await openSession();
    await openApp(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('adds shelter footprints in their colour, hides and shows them, keeps them across a reload, removes them', async () => {
    const { page } = session;
    expect(await page.getAttribute('#reference-panel', 'data-reference-status')).toBe('none');
    await jumpTo(page, VIEW);
    await showThematicLayers(false);
    const before = await purplePixels('reference-before');

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.click('#reference-panel .basemap-pick'),
    ]);
    await chooser.setFiles(files.footprints);
    await page.waitForSelector('#reference-panel[data-reference-status="ready"]', { timeout: 60_000 });
    const shown = await purplePixels('reference-shown');
    console.info(`footprint-coloured pixels: ${before} before → ${shown} with the layer`);
    expect(shown).toBeGreaterThan(before + 2_000);
    const row = page.locator('.reference-row');
    expect(await row.locator('.reference-name').textContent()).toBe(REFERENCE_FIXTURE_TITLE);
    expect(await row.locator('.reference-details').allTextContents()).toEqual([
      expect.stringMatching(/^\d+ ko · zooms 10 à 15$/),
      `Source : ${REFERENCE_FIXTURE_ATTRIBUTION}`,
    ]);
    expect(await page.textContent('.maplibregl-ctrl-attrib')).toContain(REFERENCE_FIXTURE_ATTRIBUTION);
    await page
      .locator('#reference-panel')
      .screenshot({ path: `${SCREENSHOT_DIRECTORY}/reference-panel.png` });

    await page.setChecked('[data-reference-shown]', false);
    expect(await purplePixels('reference-hidden')).toBeLessThan(before + 200);

    // Hidden is remembered; shown again after the reload, the stored copy is read from the device.
    await page.reload();
    await page.waitForSelector('#reference-panel[data-reference-status="ready"]', { timeout: 60_000 });
    expect(await page.isChecked('[data-reference-shown]')).toBe(false);
    await page.setChecked('[data-reference-shown]', true);
    await jumpTo(page, VIEW);
    await showThematicLayers(false);
    expect(await purplePixels('reference-reloaded')).toBeGreaterThan(before + 2_000);

    // A file that is not PMTiles: a clear message, and the loaded layer stays.
    await page.setInputFiles('#reference-file', files.notPmtiles);
    await page.waitForSelector('#reference-panel .basemap-notice[data-tone="error"]');
    expect(await page.textContent('#reference-panel .basemap-notice')).toBe(
      'Ce fichier n’est pas une archive PMTiles (version 3). Les couches déjà chargées sont conservées.',
    );
    expect(await page.locator('.reference-row').count()).toBe(1);

    await page.click('.reference-remove');
    await page.waitForSelector('#reference-panel[data-reference-status="none"]');
    expect(await purplePixels('reference-removed')).toBeLessThan(before + 200);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await page.getAttribute('#reference-panel', 'data-reference-status')).toBe('none');
  }, 180_000);

  it('stayed on the machine and raised no page error', () => {
    expect(offMachineRequests(session.requests)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
