import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs pure modules in Node; `browser` drives Debian's
 * Chromium through playwright-core against the production build, one file at a
 * time (SwiftShader WebGL is slow and the preview server is shared).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'workers/**/*.test.ts'],
          setupFiles: ['test/unit/load-languages.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/serve-build.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
