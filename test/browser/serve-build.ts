/**
 * Vitest global setup for the browser project: finds Chromium (installing
 * Debian's package on a bare Debian machine run as root, see
 * scripts/ensure-chromium.ts) and serves the production build (dist/, made by
 * `npm run build`) on 127.0.0.1 with Vite's preview server.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/ensure-chromium';

/** Overridable so several checkouts or engineers can run browser tests side by side. */
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4173);
export const BUILD_DIRECTORY = process.env.BUILD_DIR ?? 'dist';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable the browser tests launch. */
    chromiumPath: string;
  }
}

export default async function serveBuild(project: TestProject): Promise<() => Promise<void>> {
  project.provide('chromiumPath', ensureChromium());
  if (!existsSync(`${BUILD_DIRECTORY}/index.html`)) {
    throw new Error(
      `${BUILD_DIRECTORY}/ is missing: run \`npm run build\` first (npm test does it for you).`,
    );
  }
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: BUILD_DIRECTORY },
    preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true, open: false },
  });
  return async () => {
    await server.close();
  };
}
