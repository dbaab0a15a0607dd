/**
 * End-to-end: map products (PNG and PDF) and shareable views in the
 * production build. Exported files are read back from the download and
 * checked by size and pixels; they are also kept in test-output/snapshots/
 * for a human look.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_COLORS, SERVICE_BACKGROUND, SITE_COLORS } from '../../src/map/palette';
import { GAP, HEADER_HEIGHT, MARGIN, SIDEBAR_WIDTH } from '../../src/map/snapshot-layout';
import { app } from './app';
import { freshAppForEachTest, openApp, type Session, waitForMapIdle } from './chromium';
import { type Colour, countColour, distinctColours, type Region } from './pixels';

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

/** Pixels that are not the page's white background. */
function inkedPixels(png: Buffer, region: Region): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let y = region.y; y < Math.min(image.height, region.y + region.height); y++) {
    for (let x = region.x; x < Math.min(image.width, region.x + region.width); x++) {
      const offset = (y * image.width + x) * 4;
      if ((image.data[offset] ?? 255) < 200 || (image.data[offset + 2] ?? 255) < 200) count++;
    }
  }
  return count;
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

  it('exports an A4 landscape PNG at 2× with the map, its layer colours, legend and disclaimer', async () => {
    const dialog = await openComposer(2);
    expect(await dialog.locator('[data-snapshot-field="title"]').inputValue()).toMatch(/—/);
    const { bytes, name, milliseconds } = await exportFile('png');
    console.info(`A4 landscape 2× PNG export: ${milliseconds} ms (click → download)`);
    expect(name).toMatch(/^HTI_[a-z0-9-]+_A4_\d{8}_SENSIBLE\.png$/);
    const image = PNG.sync.read(bytes);
    expect([image.width, image.height]).toEqual([2245, 1587]);

    const ratio = 2;
    const mapWidth = Math.floor(1122.52 - 2 * MARGIN - SIDEBAR_WIDTH - GAP);
    const mapRegion: Region = {
      x: (MARGIN + 40) * ratio,
      y: (MARGIN + HEADER_HEIGHT + 40) * ratio,
      width: (mapWidth - 80) * ratio,
      height: 500 * ratio,
    };
    expect(distinctColours(bytes, mapRegion)).toBeGreaterThan(200);
    const signatures: Record<string, Colour> = {
      sites: SITE_COLORS.spontaneous_site,
      services: SERVICE_BACKGROUND,
      control: CONTROL_COLORS.contested,
    };
    for (const [layer, colour] of Object.entries(signatures)) {
      expect(countColour(bytes, colour, 14, mapRegion), `${layer} in the exported map`).toBeGreaterThan(100);
    }
    const legendRegion: Region = {
      x: (MARGIN + mapWidth + GAP) * ratio,
      y: (MARGIN + HEADER_HEIGHT) * ratio,
      width: SIDEBAR_WIDTH * ratio,
      height: 400 * ratio,
    };
    expect(inkedPixels(bytes, legendRegion)).toBeGreaterThan(3000);
    // The legend's site swatch is drawn in the palette colour.
    expect(countColour(bytes, SITE_COLORS.spontaneous_site, 14, legendRegion)).toBeGreaterThan(50);
    // The footer's last lines: the UN disclaimer under the sources and contact lines.
    const disclaimerRegion: Region = {
      x: MARGIN * ratio,
      y: image.height - (MARGIN + 40) * ratio,
      width: 600 * ratio,
      height: 40 * ratio,
    };
    expect(inkedPixels(bytes, disclaimerRegion)).toBeGreaterThan(500);
    // The sensitive label (red band) is printed because the gang-control layer is visible.
    expect(countColour(bytes, [178, 24, 43], 6)).toBeGreaterThan(2000);
  });

  it('gives the same image for the same view', async () => {
    // At 1×: the same determinism at a quarter of the pixels of the 2× export above.
    await openComposer(1);
    const first = await exportFile('png');
    const second = await exportFile('png');
    const a = PNG.sync.read(first.bytes).data;
    const b = PNG.sync.read(second.bytes).data;
    let differing = 0;
    for (let index = 0; index < a.length; index += 4) if (a[index] !== b[index]) differing++;
    expect(differing / (a.length / 4)).toBeLessThan(0.001);
  });

  it('exports a PDF whose page is exactly A4 landscape', async () => {
    await openComposer();
    const { bytes, name, milliseconds } = await exportFile('pdf');
    console.info(`A4 landscape PDF export: ${milliseconds} ms`);
    expect(name).toMatch(/^HTI_[a-z0-9-]+_A4_\d{8}_SENSIBLE\.pdf$/);
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(Number(box?.[1])).toBeCloseTo(841.89, 1);
    expect(Number(box?.[2])).toBeCloseTo(595.28, 1);
  });

  it('exports a portrait A3 PDF and the dialog closes with Escape', async () => {
    const dialog = await openComposer();
    await dialog.locator('[data-snapshot-option="paper-A3"]').check();
    await dialog.locator('[data-snapshot-option="orientation-portrait"]').check();
    const { bytes } = await exportFile('pdf');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(841.89, 1);
    expect(Number(box?.[2])).toBeCloseTo(1190.55, 1);
    await dialog.locator('[data-snapshot-option="paper-A4"]').check();
    await exportFile('png');
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The live map is back at its own size (the canvas follows its container on the next frame).
    const widthGap = async () => {
      const mapSize = await session.page.locator('#map canvas').boundingBox();
      const containerSize = await session.page.locator('.map-area').boundingBox();
      return Math.abs((mapSize?.width ?? 0) - (containerSize?.width ?? 0));
    };
    await expect.poll(widthGap, { timeout: 5_000 }).toBeLessThan(2);
    // An A3 page at 300 ppi is about 4,960 × 3,500 map pixels on SwiftShader: over a minute here.
  }, 240_000);
});
