/** The timing table `npm test` prints at the end (scripts/run-tests.ts). */
import { describe, expect, it } from 'vitest';
import { STEPS, timingTable } from '../../scripts/run-tests';

describe('npm test', () => {
  it('runs the cheap checks first and the browser tests last, after the build they serve', () => {
    expect(STEPS.map((step) => step.name)).toEqual(['typecheck', 'lint', 'knip', 'unit', 'build', 'browser']);
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
