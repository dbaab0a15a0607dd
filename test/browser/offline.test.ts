/**
 * End-to-end: after one visit the app is installed for offline use. The service
 * worker precaches every built file; with the network cut, a reload still opens
 * the app, draws the map, runs an analysis in its worker, says it is offline,
 * and keeps the chosen language (Haitian Creole here).
 */
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COLORS } from '../../src/map/palette';
import { app } from './app';
import {
  APP_URL,
  chooseLanguage,
  offMachineRequests,
  openApp,
  openSession,
  SCREENSHOT_DIRECTORY,
  type Session,
} from './chromium';
import { countColour, distinctColours, mapInterior } from './pixels';
import { BUILD_DIRECTORY } from './serve-build';

let session: Session;
/** Requests the service worker itself made (precaching), which the page does not see. */
const workerRequests: string[] = [];

async function statusText(): Promise<string> {
  return (await session.page.textContent('#status')) ?? '';
}

async function mapScreenshot(name: string): Promise<Buffer> {
  return session.page.locator('#map').screenshot({ path: `${SCREENSHOT_DIRECTORY}/${name}.png` });
}

/** Cuts the network and waits until the app says so. */
async function goOffline(): Promise<void> {
  await session.context.setOffline(true);
  await session.page.waitForSelector('#status[data-network="offline"]');
}

describe('offline use after a first visit', () => {
  let controlled = false;
  // The first visit, which installs the service worker, is the set-up every test starts from;
  // each test cuts the network itself, and afterwards the network and the language are restored.
  beforeAll(async () => {
    session = await openSession(undefined, { serviceWorkers: true });
    session.context.on('request', (request) => {
      if (!request.frame) workerRequests.push(request.url());
    });
    await openApp(session);
    await session.page.waitForSelector('#status[data-service-worker="ready"]', { timeout: 60_000 });
    controlled = await session.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    if (!controlled) {
      await openApp(session);
      controlled = await session.page.evaluate(() => navigator.serviceWorker.controller !== null);
    }
  });
  afterEach(async () => {
    await session.context.setOffline(false);
    await session.page.evaluate(() => localStorage.removeItem('katsit.language'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('installs a service worker that controls the page and says the app is ready offline', async () => {
    expect(controlled).toBe(true);
    expect(await statusText()).toBe('Hors ligne — toutes les données sont locales · Prête hors ligne');
    expect(await session.page.getAttribute('#status', 'role')).toBe('status');
  });

  it('precaches every built file: chunks, workers, MapLibre worker, demo data, icons, manifest', async () => {
    const cached = await session.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    const built = readdirSync(`${BUILD_DIRECTORY}/assets`).map((file) => `/assets/${file}`);
    expect(built.some((path) => path.endsWith('.geojson'))).toBe(true);
    expect(built.some((path) => /maplibre-gl-worker.*\.mjs$/.test(path))).toBe(true);
    expect(built.some((path) => /analysis\.worker.*\.js$/.test(path))).toBe(true);
    expect(built.some((path) => /import\.worker.*\.js$/.test(path))).toBe(true);
    expect(built.filter((path) => !cached.includes(path))).toEqual([]);
    for (const path of [
      '/index.html',
      '/manifest.webmanifest',
      '/favicon.svg',
      '/icons/icon-192.png',
      '/icons/icon-512.png',
    ]) {
      expect(cached, path).toContain(path);
    }
  });

  it('serves an installable web app manifest with PNG icons of the sizes it declares', async () => {
    const manifest = await session.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      const response = await fetch(link.href);
      const json = (await response.json()) as {
        short_name: string;
        lang: string;
        theme_color: string;
        start_url: string;
        display: string;
        icons: { src: string; sizes: string; type: string }[];
      };
      const icons = await Promise.all(
        json.icons.map(async (icon) => {
          const bytes = new DataView(await (await fetch(new URL(icon.src, link.href))).arrayBuffer());
          // PNG: the IHDR chunk holds width and height at bytes 16 and 20.
          return { declared: icon.sizes, actual: `${bytes.getUint32(16)}x${bytes.getUint32(20)}` };
        }),
      );
      return { ...json, icons };
    });
    expect(manifest).not.toBeNull();
    expect(manifest?.short_name).toBe('Katsit');
    expect(manifest?.lang).toBe('fr');
    expect(manifest?.theme_color).toBe('#12355b');
    expect(manifest?.display).toBe('standalone');
    expect(manifest?.icons.map((icon) => icon.declared)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest?.icons ?? []) expect(icon.actual).toBe(icon.declared);
  });

  it('says it is offline as soon as the network goes', async () => {
    await goOffline();
    expect(await statusText()).toBe('Hors ligne — toutes les données sont locales · Prête hors ligne');
  });

  it('reopens with the network cut: the map draws and the analysis runs', async () => {
    await goOffline();
    const requestsBefore = session.requests.length;
    const started = Date.now();
    await session.page.reload();
    await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    console.info(`offline reload → map idle: ${Date.now() - started} ms`);
    expect(session.requests.length).toBeGreaterThan(requestsBefore + 5);
    expect(await session.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await session.page.getAttribute('#status', 'data-network')).toBe('offline');
    await session.page.waitForSelector('#status[data-service-worker="ready"]');
    expect(await statusText()).toBe('Hors ligne — toutes les données sont locales · Prête hors ligne');

    const image = await mapScreenshot('offline-country');
    expect(distinctColours(image)).toBeGreaterThan(200);
    // The embedded basemap's sea and land, and department lines drawn from the cached demo data.
    expect(countColour(image, [207, 227, 236], 3)).toBeGreaterThan(10_000);
    expect(countColour(image, [249, 247, 242], 3)).toBeGreaterThan(10_000);
    expect(countColour(image, ADMIN_COLORS.department, 12, mapInterior(image))).toBeGreaterThan(40);
    // The sites are there too, whether drawn one by one or grouped at this zoom.
    expect(
      await app(session.page).evaluate((katsit) => katsit.store.get().datasets?.sites.features.length),
    ).toBeGreaterThan(100);

    await session.page.click('[data-analysis="exposure"]');
    await session.page.waitForSelector('#analysis-panel .key-figures', { timeout: 60_000 });
    const figures = await session.page.$$eval('#analysis-panel .key-figures dd', (nodes) => nodes.length);
    expect(figures).toBeGreaterThan(0);
  });

  it('serves a chunk the page has not loaded yet (the PDF writer) with the network cut', async () => {
    await goOffline();
    const pdfWriter = readdirSync(`${BUILD_DIRECTORY}/assets`).find((file) => file.startsWith('jspdf'));
    expect(pdfWriter).toBeDefined();
    const status = await session.page.evaluate(
      async (path) => (await fetch(path)).status,
      `/assets/${pdfWriter ?? ''}`,
    );
    expect(status).toBe(200);
  });

  it('speaks Haitian Creole, offline (its catalogue a lazy chunk), and keeps it across a reload', async () => {
    await goOffline();
    await chooseLanguage(session.page, 'ht');
    expect(await session.page.getAttribute('html', 'lang')).toBe('ht');
    expect(await session.page.locator('#layer-panel h2').first().textContent()).toBe('Kouch');
    expect(await statusText()).toBe('San entènèt — tout done yo lokal · Pare pou travay san entènèt');
    const optionText = await session.page.locator('#language-select option[value="ht"]').textContent();
    expect(optionText).toBe('Kreyòl ayisyen');

    await session.page.reload();
    await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await session.page.getAttribute('html', 'lang')).toBe('ht');
    expect(await session.page.inputValue('#language-select')).toBe('ht');
    expect(await session.page.locator('#layer-panel h2').first().textContent()).toBe('Kouch');
    expect(await session.page.textContent('[data-layer="sites"]')).toMatch(/Sit deplasman/);
    await session.page.waitForSelector('#status[data-service-worker="ready"]');
    expect(await statusText()).toBe('San entènèt — tout done yo lokal · Pare pou travay san entènèt');
    await mapScreenshot('offline-ht');
  });

  it('made no request off 127.0.0.1, and raised no page or console error', async () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(offMachineRequests(session.requests)).toEqual([]);
    expect(offMachineRequests(workerRequests)).toEqual([]);
    expect(APP_URL).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
