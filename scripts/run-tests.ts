/**
 * `npm test`: type check, lint, unused-code check, unit tests, production
 * build, browser tests, in that order. Stops at the first step that fails and
 * prints how long each step took, so a slow suite is seen where it is slow.
 *
 * The build goes to BUILD_DIR (default dist/), the directory the browser
 * tests serve; `--from <step>` starts at a later step (e.g. `--from build`).
 */
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  command: string[];
  /** Added to the environment of this step only. */
  environment?: Record<string, string>;
}

const buildDirectory = process.env.BUILD_DIR ?? 'dist';

/**
 * Browser test files that assert on main-thread tasks or watchdog times: they run one at a time
 * after the others, with the machine to themselves. The other files run two at once: Chromium
 * keeps about 1.4 of the 2 cores busy with one file (SwiftShader waits on the page and the page
 * on SwiftShader), so a second file fills the gaps.
 */
export const BROWSER_FILES_ALONE: readonly string[] = [
  'test/browser/analysis.test.ts',
  'test/browser/hostile-imports.test.ts',
  'test/browser/three-hundred-thousand-sites.test.ts',
];

/** The steps of `npm test`, cheapest and most telling first. */
export const STEPS: readonly Step[] = [
  { name: 'typecheck', command: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['biome', 'check', '.'] },
  { name: 'knip', command: ['knip'] },
  { name: 'unit', command: ['vitest', 'run', '--project', 'unit'] },
  { name: 'build', command: ['vite', 'build', '--logLevel', 'warn', '--outDir', buildDirectory] },
  {
    name: 'browser',
    command: [
      'vitest',
      'run',
      '--project',
      'browser',
      ...BROWSER_FILES_ALONE.flatMap((file) => ['--exclude', file]),
    ],
    environment: { BROWSER_WORKERS: process.env.BROWSER_WORKERS ?? '2' },
  },
  {
    name: 'browser-alone',
    command: ['vitest', 'run', '--project', 'browser', ...BROWSER_FILES_ALONE],
    environment: { BROWSER_WORKERS: '1' },
  },
];

interface Timing {
  name: string;
  seconds: number;
  ok: boolean;
}

/** The timing table, one line a step and a total. */
export function timingTable(timings: readonly Timing[]): string {
  const width = Math.max(5, ...timings.map((timing) => timing.name.length));
  const line = (name: string, seconds: number, note: string) =>
    `${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s  ${note}`;
  const total = timings.reduce((sum, timing) => sum + timing.seconds, 0);
  return [
    ...timings.map((timing) => line(timing.name, timing.seconds, timing.ok ? 'ok' : 'FAILED')),
    line('total', total, ''),
  ].join('\n');
}

function main(): number {
  const fromIndex = process.argv.indexOf('--from');
  const from = fromIndex >= 0 ? process.argv[fromIndex + 1] : undefined;
  const start = from === undefined ? 0 : STEPS.findIndex((step) => step.name === from);
  if (start < 0) {
    console.error(`Unknown step ${from}: one of ${STEPS.map((step) => step.name).join(', ')}.`);
    return 2;
  }
  const timings: Timing[] = [];
  let status = 0;
  for (const step of STEPS.slice(start)) {
    console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
    const started = performance.now();
    const [program = '', ...parameters] = step.command;
    const result = spawnSync('npx', ['--no-install', program, ...parameters], {
      stdio: 'inherit',
      env: { ...process.env, ...step.environment },
    });
    const ok = result.status === 0;
    timings.push({ name: step.name, seconds: (performance.now() - started) / 1000, ok });
    if (!ok) {
      status = result.status ?? 1;
      break;
    }
  }
  console.log(`\n${timingTable(timings)}`);
  return status;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
