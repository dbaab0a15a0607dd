import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { progressiveWebApp } from './scripts/progressive-web-app.ts';

/**
 * Content-Security-Policy for the production build: no inline script, no
 * remote origin except the opt-in OpenStreetMap tiles. Added at build time only,
 * because the dev server needs its own websocket and inline client.
 */
/**
 * Origins a deployment allows for the online vector basemap (PMTiles read by range requests),
 * space-separated in KATSIT_BASEMAP_ORIGINS at build time; none by default. https only.
 */
const BASEMAP_ORIGINS = (process.env.KATSIT_BASEMAP_ORIGINS ?? '')
  .split(/\s+/)
  .filter((origin) => /^https:\/\/[\w.-]+(:\d+)?$/.test(origin));

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  ["connect-src 'self' data: blob: https://tile.openstreetmap.org", ...BASEMAP_ORIGINS].join(' '),
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'katsit-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [contentSecurityPolicy(), progressiveWebApp()],
  assetsInclude: ['**/*.geojson'],
  resolve: {
    // jsPDF's HTML/SVG renderers and PNG decoder: never used here, so replaced by a stub (src/map/jspdf-unused-plugin.ts).
    alias: [
      {
        find: /^(html2canvas|dompurify|canvg|fast-png)$/,
        replacement: fileURLToPath(new URL('./src/map/jspdf-unused-plugin.ts', import.meta.url)),
      },
    ],
  },
  worker: { format: 'es' },
  build: {
    // BUILD_DIR lets browser tests of parallel work use separate builds (see test/browser/serve-build.ts).
    outDir: process.env.BUILD_DIR ?? 'dist',
    target: 'es2022',
    // The main chunk is MapLibre + deck.gl (~2.2 MB raw, ~600 KiB gzip): expected, not a warning.
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Vite's preload helper, which deck's own dynamic imports would otherwise pull into
              // the deck chunk, though every lazy import of the app calls it.
              name: 'preload-helper',
              test: /preload-helper/,
              priority: 2,
            },
            {
              // deck.gl and what it stands on, in one chunk loaded after the basemap's first
              // idle (map-view.ts): left to the default splitting, app modules the first screen
              // needs (palette, domain types) were grouped with deck's layers, so 400 KB gzip of
              // WebGL code loaded and compiled before the basemap could draw.
              name: 'deck',
              priority: 1,
              test: /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl|earcut|mjolnir\.js|@mapbox[\\/]tiny-sdf)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
