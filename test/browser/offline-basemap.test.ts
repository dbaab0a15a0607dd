/**
 * End-to-end: a street basemap from a PMTiles file. The synthetic fixture
 * (scripts/make-basemap-fixture.ts, built into a temporary directory) is loaded
 * through the file input and drawn over Port-au-Prince; it survives a reload,
 * draws with the network cut, and bad files (truncated, not PMTiles) are
 * refused with a clear message while the stored basemap stays. No request
 * leaves 127.0.0.1: the archive is read from the device's private storage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemapFixture, FIXTURE_ATTRIBUTION, FIXTURE_CENTER } from '../../scripts/make-basemap-fixture';
import {
  APP_URL,
  jumpTo,
  offMachineRequests,
  openApp,
  openSession,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
} from './chromium';
import { countColour, mapInterior, type Region } from './pixels';
import { BUILD_DIRECTORY } from './serve-build';

let session: Session;
let directory: string;
const files = { fixture: '', truncated: '', notPmtiles: '' };
/** The fixture served by the preview server, for the online option (same origin, so the CSP allows it). */
const ONLINE_NAME = 'test-offline-basemap-fixture.pmtiles';

/** Protomaps' light flavour: earth (land). */
const EARTH: readonly [number, number, number] = [0xe2, 0xdf, 0xda];
const STREET_VIEW = {
  center: [FIXTURE_CENTER.longitude, FIXTURE_CENTER.latitude] as [number, number],
  zoom: 14,
};

const THEMATIC_LAYERS = ['sites', 'services', 'control', 'hazards', 'admin'];
/** The light flavour's town label colour (places_locality). */
const LABEL_GREY: readonly [number, number, number] = [0x5c, 0x5c, 0x5c];

/**
 * Road pixels: light and neutral grey (minor streets are #ebebeb–#ffffff with the zoom). The
 * embedded basemap's land (#f9f7f2) is light but warm, so it does not count.
 */
function countRoadPixels(png: Buffer, region: Region): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let y = region.y; y < Math.min(image.height, region.y + region.height); y++) {
    for (let x = region.x; x < Math.min(image.width, region.x + region.width); x++) {
      const offset = (y * image.width + x) * 4;
      const channels = [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
      if (Math.min(...channels) >= 232 && Math.max(...channels) - Math.min(...channels) <= 3) count++;
    }
  }
  return count;
}

/** Shows or hides every thematic layer through its toggle in the layer panel. */
async function showThematicLayers(visible: boolean): Promise<void> {
  for (const layer of THEMATIC_LAYERS)
    await session.page.setChecked(`[data-layer-toggle="${layer}"]`, visible);
  await waitForMapIdle(session.page);
}

async function mapScreenshot(name: string): Promise<Buffer> {
  return session.page.locator('#map').screenshot({ path: `${SCREENSHOT_DIRECTORY}/${name}.png` });
}

async function basemapReady(): Promise<void> {
  await session.page.waitForSelector('#basemap-panel[data-basemap-status="ready"]', { timeout: 60_000 });
  await waitForMapIdle(session.page);
}

function field(name: string): Promise<string | null> {
  return session.page.textContent(`[data-basemap-field="${name}"]`);
}

describe('a street basemap from a PMTiles file on the device', () => {
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'katsit-basemap-'));
    const bytes = buildBasemapFixture();
    files.fixture = join(directory, 'port-au-prince.pmtiles');
    files.truncated = join(directory, 'truncated.pmtiles');
    files.notPmtiles = join(directory, 'notes.pmtiles');
    writeFileSync(files.fixture, bytes);
    writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(files.notPmtiles, 'just some text, not tiles\n'.repeat(20));
    writeFileSync(join(BUILD_DIRECTORY, ONLINE_NAME), bytes);
    session = await openSession(undefined, { serviceWorkers: true });
    await openApp(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(directory, { recursive: true, force: true });
    rmSync(join(BUILD_DIRECTORY, ONLINE_NAME), { force: true });
  });

  it('draws streets over Port-au-Prince once the file is picked, with its size, zooms and attribution', async () => {
    const { page } = session;
    expect(await page.getAttribute('#basemap-panel', 'data-basemap-status')).toBe('none');
    await jumpTo(page, STREET_VIEW);
    // Streets are measured on the bare basemap: the thematic layers draw above the roads.
    await showThematicLayers(false);
    const before = await mapScreenshot('basemap-before');
    const started = Date.now();
    // Through the button, as a user does: it opens the (hidden) file input's chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.basemap-pick')]);
    await chooser.setFiles(files.fixture);
    await basemapReady();
    console.info(`picked fixture → copied, opened and drawn: ${Date.now() - started} ms`);
    const after = await mapScreenshot('basemap-after');
    const region = mapInterior(after);
    const earth = [countColour(before, EARTH, 3, region), countColour(after, EARTH, 3, region)];
    const roads = [countRoadPixels(before, region), countRoadPixels(after, region)];
    const labels = [countColour(before, LABEL_GREY, 12, region), countColour(after, LABEL_GREY, 12, region)];
    console.info(
      `bare map before → after: earth ${earth.join(' → ')}, road ${roads.join(' → ')}, label ${labels.join(' → ')}`,
    );
    expect(earth[1]).toBeGreaterThan((earth[0] ?? 0) + 20_000);
    expect(roads[1]).toBeGreaterThan((roads[0] ?? 0) + 3_000);
    expect(labels[1]).toBeGreaterThan((labels[0] ?? 0) + 100);

    // With the sites and zones back, the labels still draw above them.
    await showThematicLayers(true);
    const withLayers = await mapScreenshot('basemap-with-layers');
    const labelsWithLayers = countColour(withLayers, LABEL_GREY, 12, region);
    console.info(`label pixels with the thematic layers shown: ${labelsWithLayers}`);
    expect(labelsWithLayers).toBeGreaterThan((labels[1] ?? 0) * 0.6);

    expect(await page.textContent('.basemap-status')).toBe('Fond de rues : port-au-prince.pmtiles');
    expect(await field('attribution')).toBe(FIXTURE_ATTRIBUTION);
    expect(await field('size')).toMatch(/^\d+ ko$/);
    expect(await field('zooms')).toBe('10 à 15');
    expect(await field('bounds')).toContain('-72,45°');
    // The fixture covers Port-au-Prince only: said, but not as a warning.
    expect(await page.textContent('.basemap-notice')).toBe('Ce fond ne couvre qu’une partie d’Haïti.');
    await page.locator('#basemap-panel').screenshot({ path: `${SCREENSHOT_DIRECTORY}/basemap-panel.png` });
    // The map's own attribution names the archive's source.
    expect(await page.textContent('.maplibregl-ctrl-attrib')).toContain(FIXTURE_ATTRIBUTION);
  });

  it('keeps the basemap after a reload', async () => {
    await session.page.reload();
    await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await basemapReady();
    const timing = await session.page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
      return { opened: at('katsit:basemap-shown') - at('katsit:basemap-restore'), idle: performance.now() };
    });
    console.info(
      `after a reload: stored file opened in ${timing.opened.toFixed(0)} ms; map idle with streets ${timing.idle.toFixed(0)} ms after navigation`,
    );
    await jumpTo(session.page, STREET_VIEW);
    const image = await mapScreenshot('basemap-reloaded');
    expect(countColour(image, EARTH, 3, mapInterior(image))).toBeGreaterThan(20_000);
    expect(await field('attribution')).toBe(FIXTURE_ATTRIBUTION);
  });

  it('draws it after a reload with the network cut', async () => {
    const { page, context } = session;
    await page.waitForSelector('#status[data-service-worker="ready"]', { timeout: 60_000 });
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    if (!controlled) await openApp(session);
    await context.setOffline(true);
    const started = Date.now();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await basemapReady();
    console.info(`offline reload → stored basemap drawn: ${Date.now() - started} ms`);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await jumpTo(page, STREET_VIEW);
    await showThematicLayers(false);
    const image = await mapScreenshot('basemap-offline');
    expect(countColour(image, EARTH, 3, mapInterior(image))).toBeGreaterThan(20_000);
    expect(countRoadPixels(image, mapInterior(image))).toBeGreaterThan(3_000);
    await showThematicLayers(true);
    await context.setOffline(false);
  });

  it('refuses a truncated file with a clear message and keeps the stored basemap', async () => {
    const { page } = session;
    await page.setInputFiles('#basemap-file', files.truncated);
    await page.waitForSelector('.basemap-notice[data-tone="error"]');
    expect(await page.textContent('.basemap-notice')).toBe(
      'Ce fichier PMTiles est incomplet (téléchargement interrompu ?). Le fond de carte actuel est conservé.',
    );
    expect(await page.getAttribute('#basemap-panel', 'data-basemap-status')).toBe('ready');
    expect(await page.textContent('.basemap-status')).toBe('Fond de rues : port-au-prince.pmtiles');
    await waitForMapIdle(page);
    const image = await mapScreenshot('basemap-after-truncated');
    expect(countColour(image, EARTH, 3, mapInterior(image))).toBeGreaterThan(20_000);
  });

  it('refuses a file that is not PMTiles, and the stored basemap still opens after a reload', async () => {
    const { page } = session;
    await page.setInputFiles('#basemap-file', files.notPmtiles);
    await page.waitForFunction(() =>
      document
        .querySelector('.basemap-notice')
        ?.textContent?.startsWith('Ce fichier n’est pas une archive PMTiles'),
    );
    await page.reload();
    await basemapReady();
    expect(await page.textContent('.basemap-status')).toBe('Fond de rues : port-au-prince.pmtiles');
  });

  it('removes it: the embedded basemap comes back', async () => {
    const { page } = session;
    await page.click('.basemap-remove');
    await page.waitForSelector('#basemap-panel[data-basemap-status="none"]');
    await waitForMapIdle(page);
    await jumpTo(page, STREET_VIEW);
    const image = await mapScreenshot('basemap-removed');
    expect(countColour(image, EARTH, 3, mapInterior(image))).toBeLessThan(2_000);
  });

  it('reads a PMTiles address the user enters (the online option), refuses a bad one, forgets it on removal', async () => {
    const { page } = session;
    await page.click('.basemap-online summary');
    await page.fill('#basemap-address', 'not an address');
    await page.click('.basemap-online-form button');
    await page.waitForSelector('.basemap-notice[data-tone="error"]');
    expect(await page.textContent('.basemap-notice')).toBe(
      'Adresse non valide : saisissez une adresse complète commençant par https://.',
    );
    const address = `${APP_URL}${ONLINE_NAME}`;
    await page.fill('#basemap-address', address);
    await page.click('.basemap-online-form button');
    await basemapReady();
    expect(await page.textContent('.basemap-status')).toBe(`Fond de rues : ${address}`);
    expect(await field('size')).toBe('inconnue (lu en ligne)');
    expect(await field('attribution')).toBe(FIXTURE_ATTRIBUTION);
    await jumpTo(page, STREET_VIEW);
    const image = await mapScreenshot('basemap-online');
    expect(countColour(image, EARTH, 3, mapInterior(image))).toBeGreaterThan(20_000);
    expect(session.requests.some((url) => url === address)).toBe(true);

    await page.click('.basemap-remove');
    await page.waitForSelector('#basemap-panel[data-basemap-status="none"]');
    expect(await page.evaluate(() => localStorage.getItem('katsit.basemapUrl'))).toBeNull();
  });

  it('asked nothing of any other machine and logged no error', () => {
    expect(offMachineRequests(session.requests)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
