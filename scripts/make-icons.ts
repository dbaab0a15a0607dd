/**
 * Renders the app icons for the web app manifest from public/favicon.svg with
 * Debian's Chromium (no image library, nothing downloaded). Run after changing
 * the favicon: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 *
 * `icon-*.png` are the favicon itself (purpose "any"); `maskable-512.png` pads
 * it on the theme colour so launchers can crop it to any shape (the safe zone is
 * the central 80 %).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const THEME_COLOUR = '#12355b';
const svg = readFileSync('public/favicon.svg', 'utf8');

const icons = [
  { file: 'public/icons/icon-192.png', size: 192, padding: 0 },
  { file: 'public/icons/icon-512.png', size: 512, padding: 0 },
  { file: 'public/icons/maskable-512.png', size: 512, padding: 0.14 },
  { file: 'public/icons/apple-touch-icon-180.png', size: 180, padding: 0.08 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND'],
});
try {
  for (const { file, size, padding } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inset = Math.round(size * padding);
    // Padded icons sit on the theme colour; unpadded ones keep the SVG's rounded, transparent corners.
    const background = padding > 0 ? THEME_COLOUR : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;background:${background}">` +
        `<div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>` +
        '</body></html>',
    );
    const png = await page.screenshot({ omitBackground: padding === 0, type: 'png' });
    writeFileSync(file, png);
    console.info(`${file}: ${size}×${size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
