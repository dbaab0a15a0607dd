/** The timing table `npm test` prints at the end (scripts/run-tests.ts). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_FILES_ALONE, STEPS, timingTable } from '../../scripts/run-tests';

describe('npm test', () => {
  it('runs the cheap checks first and the browser tests last, after the build they serve', () => {
    expect(STEPS.map((step) => step.name)).toEqual([
      'typecheck',
      'lint',
      'knip',
      'unit',
      'build',
      'browser',
      'browser-alone',
    ]);
  });

  it('runs the files with timing assertions alone, after the others and never with them', () => {
    const [shared, alone] = ['browser', 'browser-alone'].map((name) =>
      STEPS.find((step) => step.name === name),
    );
    for (const file of BROWSER_FILES_ALONE) {
      // A renamed file would otherwise run with the others, and the alone step would find nothing.
      expect(existsSync(file), file).toBe(true);
      expect(shared?.command.join(' ')).toContain(`--exclude ${file}`);
      expect(alone?.command).toContain(file);
    }
    expect(alone?.environment?.BROWSER_WORKERS).toBe('1');
  });

  it('prints one line a step, the failed one marked, and the total', () => {
    const table = timingTable([
      { name: 'typecheck', seconds: 3.14, ok: true },
      { name: 'unit', seconds: 22.5, ok: false },
    ]).split('\n');
    expect(table).toEqual([
      'typecheck      3.1 s  ok',
      'unit          22.5 s  FAILED',
      'total         25.6 s  ',
    ]);
  });
});
