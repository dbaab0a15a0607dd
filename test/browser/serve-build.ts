/**
 * Vitest global setup for the browser project: serves the production build
 * (dist/, made by `npm run build`) on 127.0.0.1 with Vite's preview server.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';

export const PREVIEW_PORT = 4173;

export default async function serveBuild(): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  }
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true, open: false },
  });
  return async () => {
    await server.close();
  };
}
