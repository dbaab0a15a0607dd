/**
 * The PDF writer of the product worker, in Node (it needs no DOM): pages
 * exactly A4 landscape and A3 portrait, Noto Sans embedded, and the text read
 * back with poppler's pdftotext (skipped with a note without it): French key
 * figures as printed on screen ("80,1 %"), no "/" inside a French number (the
 * base-14 Helvetica printed one for the narrow no-break space), the
 * sensitivity label, the UN disclaimer and the active site filter. These
 * checks ran in the browser on 300 ppi exports before; the pixels of the map
 * stay there (map-products.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import type { Orientation, Paper } from '../../src/map/snapshot-layout';
import { composeProduct, type Measure } from '../../src/map/snapshot-product';
import { type PdfFonts, type PdfPage, swatchKey } from '../../src/map/snapshot-render';
import { writePdf } from '../../src/products/product-pdf';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { EMPTY_SITE_FILTER } from '../../src/state/site-filter';
import { smallDatasets } from '../fixtures/small-datasets';
import { hasPoppler, pdfText } from '../pdf-text';

/** An 8 × 6 JPEG (made by Chromium's encoder): the map and swatch images' stand-in. */
const JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAgEAAABgICAwAAAAAAAAAAAAAAAQIDBAUTIhQxIVJh/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EABkRAAIDAQAAAAAAAAAAAAAAAAECABGxMf/aAAwDAQACEQMRAD8AsbESxReSJTtpkrltklqDx0liVrtk7PpXg/b4AAHAVCM5erwDN7P/2Q==',
    'base64',
  ),
);

const measure: Measure = (text, style) => text.length * style.size * (style.bold ? 0.6 : 0.56);

function notoSans(): PdfFonts {
  const require = createRequire(import.meta.url);
  const file = (path: string) => {
    const bytes = readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${path}`));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  return {
    regular: file('400Regular/NotoSans_400Regular.ttf'),
    bold: file('700Bold/NotoSans_700Bold.ttf'),
    italic: file('400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  };
}

function briefingState(): AppState {
  return {
    ...initialAppState('fr'),
    datasets: smallDatasets(),
    sourceDatasets: smallDatasets(),
    siteFilter: { ...EMPTY_SITE_FILTER, search: 'delmas' },
    activeAnalysis: 'coverage',
    keyFigures: [
      { label: 'Personnes sans point d’eau à 500 m', value: 69_468, format: 'count', context: null },
      { label: 'Part des personnes couvertes', value: 0.801, format: 'percent', context: null },
    ],
  };
}

function page(paper: Paper, orientation: Orientation): PdfPage {
  const state = briefingState();
  const texts = { ...defaultTexts(state, 'Port-au-Prince, Ouest'), includeKeyFigures: true };
  const content = snapshotContent(state, texts, new Date(2026, 11, 2));
  const settings = { paper, orientation };
  const product = composeProduct(
    content,
    settings,
    { width: 1000, height: 640 },
    { latitude: 18.55, longitude: -72.3, zoom: 11.3 },
    measure,
  );
  const swatches: Record<string, Uint8Array> = {};
  for (const operation of product.operations)
    if (operation.kind === 'swatch') swatches[swatchKey(operation.symbol)] = JPEG;
  return { product, images: { map: JPEG }, swatches, settings };
}

describe('the product PDF writer', () => {
  it('writes A4 landscape and A3 portrait pages with Noto Sans embedded and French figures as text', async () => {
    const blob = await writePdf([page('A4', 'landscape'), page('A3', 'portrait')], notoSans());
    const bytes = Buffer.from(await blob.arrayBuffer());
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/FontFile2');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((match) => [
      Number(match[1]),
      Number(match[2]),
    ]);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]?.[0]).toBeCloseTo(841.89, 1);
    expect(boxes[0]?.[1]).toBeCloseTo(595.28, 1);
    expect(boxes[1]?.[0]).toBeCloseTo(841.89, 1);
    expect(boxes[1]?.[1]).toBeCloseTo(1190.55, 1);
    if (!hasPoppler()) {
      console.info('pdftotext is not installed: PDF text not checked');
      return;
    }
    const path = join(mkdtempSync(join(tmpdir(), 'katsit-pdf-')), 'product.pdf');
    writeFileSync(path, bytes);
    const printed = pdfText(path, 1).replace(/[\u202f\u00a0]/g, ' ');
    expect(printed).toContain('80,1 %');
    expect(printed).toContain('69 468');
    expect(printed).not.toMatch(/\d\s?\/\s?\d{3}/);
    expect(printed).toContain('SENSIBLE');
    expect(printed).toContain('Organisation des Nations Unies');
    expect(printed).toMatch(/Filtre actif : .*delmas/);
  });
});
