/**
 * End-to-end: shareable views in the production build, and a product's
 * determinism (the same view exports the same image). The products' files
 * are checked in map-products.test.ts, their layout and PDF text in Node.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from './app';
import { freshAppForEachTest, openApp, type Session, waitForMapIdle } from './chromium';

const OUTPUT_DIRECTORY = 'test-output/snapshots';
const METRO_HASH = '#map=11.30/18.56000/-72.30000&layers=admin,hazards,control,services,sites';

let session: Session;

async function camera() {
  return app(session.page).evaluate((katsit) => {
    const { longitude, latitude, zoom } = katsit.view.getCamera();
    const layers = katsit.store.get().layers;
    return { lng: longitude, lat: latitude, zoom, layers };
  });
}

async function exportFile(
  format: 'png' | 'pdf',
): Promise<{ bytes: Buffer; name: string; milliseconds: number }> {
  const started = Date.now();
  const [download] = await Promise.all([
    session.page.waitForEvent('download', { timeout: 60_000 }),
    session.page.locator(`[data-export="${format}"]`).click(),
  ]);
  const path = await download.path();
  const milliseconds = Date.now() - started;
  const bytes = readFileSync(path);
  const name = download.suggestedFilename();
  writeFileSync(`${OUTPUT_DIRECTORY}/${name}`, bytes);
  return { bytes, name, milliseconds };
}

/** Opens the snapshot composer (the app is on the metro view), A4 landscape, once its preview is drawn. */
async function openComposer(ratio: 1 | 2 = 2): Promise<Locator> {
  await session.page.locator('[data-action="open-snapshot"]').click();
  const dialog = session.page.getByRole('dialog', { name: 'Produit cartographique' });
  await dialog.waitFor();
  await dialog.locator('[data-snapshot-option="paper-A4"]').check();
  await dialog.locator('[data-snapshot-option="orientation-landscape"]').check();
  await dialog.locator(`[data-snapshot-option="ratio-${ratio}"]`).check();
  await dialog.locator('.snapshot-preview canvas').waitFor({ timeout: 30_000 });
  return dialog;
}

describe('shareable views', () => {
  // Each test opens the app on the view it is about.
  const views = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'none' });
  beforeAll(() => {
    session = views;
  });

  it('restores the view and the layers from the URL hash', async () => {
    await openApp(session, '#map=10.50/18.55000/-72.33000&layers=sites,admin@50');
    await waitForMapIdle(session.page);
    const restored = await camera();
    expect(restored.zoom).toBeCloseTo(10.5, 1);
    expect(restored.lat).toBeCloseTo(18.55, 3);
    expect(restored.lng).toBeCloseTo(-72.33, 3);
    expect(restored.layers.hazards?.visible).toBe(false);
    expect(restored.layers.control?.visible).toBe(false);
    expect(restored.layers.sites).toEqual({ visible: true, opacity: 1 });
    expect(restored.layers.admin).toEqual({ visible: true, opacity: 0.5 });
    expect(await session.page.locator('[data-layer-toggle="hazards"]').isChecked()).toBe(false);
  });

  it('ignores a malformed hash safely and keeps the default view', async () => {
    await session.page.goto('about:blank');
    await openApp(session, '#map=abc/%%%/1e999&layers=nothing@x&select=:&analysis=<script>');
    const view = await camera();
    expect(Object.values(view.layers).every((layer) => layer.visible)).toBe(true);
    expect(view.zoom).toBeGreaterThan(5);
    expect(session.pageErrors).toEqual([]);
  });

  it('writes the view into the hash when layers change, and Back restores the previous layers', async () => {
    await openApp(session, METRO_HASH);
    await session.page.locator('[data-layer-toggle="hazards"]').click();
    await session.page.waitForFunction(() => !location.hash.includes('hazards'));
    expect((await camera()).layers.hazards?.visible).toBe(false);
    await session.page.goBack();
    await session.page.waitForFunction(() => location.hash.includes('hazards'));
    await app(session.page).waitFor((katsit) => katsit.store.get().layers.hazards?.visible === true);
  });
});

describe('map products', () => {
  // Every product starts on the metro view: opened once, then put back by a reset before each test.
  const products = freshAppForEachTest({ width: 1280, height: 800 }, { hash: METRO_HASH, between: 'reset' });
  beforeAll(() => {
    session = products;
    mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  });

  it('gives the same image for the same view', async () => {
    // At 1×: the same determinism at a quarter of the pixels of a 2× export.
    await openComposer(1);
    const first = await exportFile('png');
    const second = await exportFile('png');
    const a = PNG.sync.read(first.bytes).data;
    const b = PNG.sync.read(second.bytes).data;
    let differing = 0;
    for (let index = 0; index < a.length; index += 4) if (a[index] !== b[index]) differing++;
    expect(differing / (a.length / 4)).toBeLessThan(0.001);
  });
});
