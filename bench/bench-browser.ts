/**
 * What the browser benchmarks share: the production build served on 127.0.0.1 by
 * Vite's preview server and one headless Chromium with the tests' flags.
 */
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { CHROMIUM_ARGUMENTS } from '../test/browser/chromium-arguments';

/** The served build and the browser; `close` stops both. */
export interface BenchBrowser {
  server: PreviewServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `buildDirectory` on `port` and launches Chromium (`CHROMIUM_PATH`, else Debian's). */
export async function openBenchBrowser(buildDirectory: string, port: number): Promise<BenchBrowser> {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: buildDirectory },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGUMENTS,
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
