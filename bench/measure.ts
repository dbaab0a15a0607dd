/**
 * Timing for the benchmarks: methods run interleaved (round r runs them in
 * an order rotated by r), after one warm-up run each whose result is kept
 * for the disagreement checks; each method gets the median of the rounds
 * with min and max, in wall-clock and CPU time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A garbage collector to call between methods, so no method pays for another's garbage.
setFlagsFromString('--expose-gc');
// Forced collections would otherwise age out the bytecode of every method
// between its rounds (V8 flushes code unused over a few collections), so each
// round would recompile from scratch: an artefact of the harness, not of the code.
setFlagsFromString('--no-flush-bytecode');
const collectGarbage = runInNewContext('gc') as () => void;

/** One measured method: how to run it and how to label it. */
export interface Method {
  name: string;
  /** "cold": builds its own index from GeoJSON; "warm": index built once, outside the timing. */
  mode: 'cold' | 'warm' | 'no index';
  run: () => unknown;
  /** When the method runs on a subset of the items: how many, out of how many (timings are scaled up). */
  subset?: { measured: number; total: number };
}

/** A method's timings, scaled to all items when it ran on a subset. */
export interface Timing {
  name: string;
  mode: Method['mode'];
  medianMilliseconds: number;
  minimumMilliseconds: number;
  maximumMilliseconds: number;
  medianCpuMilliseconds: number;
  rounds: number;
  subset?: { measured: number; total: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs every method once (the JIT settles; the first results
 * are returned, keyed `name mode`), then `rounds` interleaved rounds,
 * collecting garbage before each method.
 */
export function measure(methods: Method[], rounds = 5): { timings: Timing[]; results: Map<string, unknown> } {
  const results = new Map<string, unknown>();
  for (const method of methods) {
    collectGarbage();
    results.set(`${method.name} ${method.mode}`, method.run());
  }
  const wall = methods.map((): number[] => []);
  const cpu = methods.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let step = 0; step < methods.length; step += 1) {
      const index = (step + round) % methods.length;
      collectGarbage();
      const cpuStarted = cpuMilliseconds();
      const started = performance.now();
      methods[index]!.run();
      wall[index]!.push(performance.now() - started);
      cpu[index]!.push(cpuMilliseconds() - cpuStarted);
    }
  }
  const timings = methods.map((method, index): Timing => {
    const scale = method.subset ? method.subset.total / method.subset.measured : 1;
    return {
      name: method.name,
      mode: method.mode,
      medianMilliseconds: median(wall[index]!) * scale,
      minimumMilliseconds: Math.min(...wall[index]!) * scale,
      maximumMilliseconds: Math.max(...wall[index]!) * scale,
      medianCpuMilliseconds: median(cpu[index]!) * scale,
      rounds,
      ...(method.subset ? { subset: method.subset } : {}),
    };
  });
  return { timings, results };
}

/** `count` indices spread evenly over `0 .. total − 1`. */
export function spreadIndices(total: number, count: number): number[] {
  const size = Math.min(total, count);
  return Array.from({ length: size }, (_value, index) => Math.floor((index * total) / size));
}

/** One row of the printed table. */
export interface BenchRow {
  analysis: string;
  workload: string;
  timing: Timing;
  /** The row "ours" is compared with (same workload, same mode when there is one). */
  oursMilliseconds: number;
  /** Its median CPU time: steadier than wall clock on a shared machine. */
  oursCpuMilliseconds?: number;
  /** Disagreements with the exact reference, and on how many items they were checked. */
  disagreements: string;
}

export function formatMilliseconds(value: number): string {
  if (value >= 60_000) return `${(value / 60_000).toFixed(1)} min`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

function ratio(value: number): string {
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')}×`;
  if (value >= 10) return `${value.toFixed(0)}×`;
  return `${value.toFixed(2)}×`;
}

/** The rows as a markdown table, ready for the README. */
export function markdownTable(rows: BenchRow[]): string {
  const header = [
    'analysis',
    'workload',
    'method',
    'mode',
    'median',
    'min – max',
    'CPU',
    'Katsit is',
    'by CPU',
    'disagreements',
  ];
  const lines = rows.map((row) => {
    const timing = row.timing;
    const subset = timing.subset
      ? ` (${timing.subset.measured.toLocaleString('en-US')} of ${timing.subset.total.toLocaleString('en-US')}, scaled)`
      : '';
    const ours = timing.name.startsWith('Katsit');
    return [
      row.analysis,
      row.workload,
      `${timing.name}${subset}`,
      timing.mode,
      formatMilliseconds(timing.medianMilliseconds),
      `${formatMilliseconds(timing.minimumMilliseconds)} – ${formatMilliseconds(timing.maximumMilliseconds)}`,
      formatMilliseconds(timing.medianCpuMilliseconds),
      ours ? '' : `${ratio(timing.medianMilliseconds / row.oursMilliseconds)} faster`,
      ours || row.oursCpuMilliseconds === undefined
        ? ''
        : `${ratio(timing.medianCpuMilliseconds / row.oursCpuMilliseconds)}`,
      row.disagreements,
    ];
  });
  const format = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    format(header),
    format(header.map((_title, column) => (column >= 4 && column <= 8 ? '---:' : '---'))),
    ...lines.map(format),
  ].join('\n');
}
