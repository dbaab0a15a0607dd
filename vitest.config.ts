import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs pure modules in Node; `browser` drives Debian's
 * Chromium through playwright-core against the production build, one file at a
 * time unless `BROWSER_WORKERS` says more. `npm test` (scripts/run-tests.ts)
 * runs most files two at once, then the files with timing assertions (long
 * tasks, watchdogs) one at a time with the machine to themselves.
 */
const browserWorkers = Math.max(1, Number(process.env.BROWSER_WORKERS ?? 1) || 1);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'workers/**/*.test.ts'],
          // Threads without isolation: the modules are imported once per thread, not once per
          // file (67 s → 40 s on the 2-core machine). Files must leave globals as they found
          // them (fake timers, stubs); IndexedDB is emptied before each file.
          pool: 'threads',
          isolate: false,
          setupFiles: ['test/unit/load-languages.ts', 'test/unit/fresh-indexeddb.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/serve-build.ts'],
          fileParallelism: browserWorkers > 1,
          maxWorkers: browserWorkers,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
