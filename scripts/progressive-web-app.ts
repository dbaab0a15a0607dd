/**
 * The service worker and web app manifest (vite-plugin-pwa, Workbox generateSW),
 * kept out of vite.config.ts so the build config stays readable.
 *
 * - Everything the app needs is precached at install: the page, every JS/CSS
 *   chunk (lazy ones too, e.g. the PDF writer), the analysis and import workers,
 *   MapLibre's worker (.mjs), the icons and the demo data (.geojson). After the
 *   first visit the app opens and works with no network at all.
 * - Updates are "prompt": a new version installs in the background and waits; the
 *   header offers to reload into it. Never auto-reload: a responder may be in the
 *   middle of an import or an analysis on a connection that comes and goes.
 * - `clientsClaim` so the first visit's page is served by the worker as soon as it
 *   is installed: a lazy chunk opened later in that session still loads offline.
 * - No registration script is injected (the CSP forbids inline script): the app
 *   registers from its own code (src/offline/register-service-worker.ts).
 * - No service worker in `npm start` (devOptions off): the dev server stays plain.
 */
import { VitePWA } from 'vite-plugin-pwa';

export const THEME_COLOUR = '#12355b';

/**
 * Workbox skips (with only a build warning) any file above this size, and the app
 * would then break offline: the main chunk is ~2.3 MB, above Workbox's 2 MiB
 * default. The browser test proves nothing was skipped.
 */
const MAXIMUM_PRECACHED_FILE_BYTES = 8 * 1024 * 1024;

export function progressiveWebApp() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    // globPatterns below already take the icons, favicon and manifest from public/.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: 'Katsit — sites de déplacement en Haïti',
      short_name: 'Katsit',
      description:
        'Carte hors ligne des sites de déplacement, des aléas et des services en Haïti (OIM / CCCM).',
      lang: 'fr',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      theme_color: THEME_COLOUR,
      background_color: '#ffffff',
      categories: ['utilities', 'navigation'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,svg,png,webmanifest,geojson,csv,woff2,ttf}'],
      maximumFileSizeToCacheInBytes: MAXIMUM_PRECACHED_FILE_BYTES,
      navigateFallback: 'index.html',
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
    },
    devOptions: { enabled: false },
  });
}
