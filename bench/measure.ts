/**
 * Timing helpers and the result table of the benchmarks.
 */

/** Milliseconds taken by `work`, and its result. */
export function timed<T>(work: () => T): { milliseconds: number; result: T } {
  const started = performance.now();
  const result = work();
  return { milliseconds: performance.now() - started, result };
}

/** `count` indices spread evenly over `0 .. total − 1` (the subset a slow reference runs on). */
export function spreadIndices(total: number, count: number): number[] {
  const size = Math.min(total, count);
  return Array.from({ length: size }, (_value, index) => Math.floor((index * total) / size));
}

/**
 * Runs `work` on a spread subset of `total` items and extrapolates linearly
 * to all of them; `extrapolated` says whether it had to.
 */
export function timedSubset<T>(total: number, subset: number, work: (index: number) => T) {
  const indices = spreadIndices(total, subset);
  const started = performance.now();
  const results = indices.map((index) => work(index));
  const measured = performance.now() - started;
  return {
    indices,
    results,
    milliseconds: (measured * total) / indices.length,
    extrapolated: indices.length < total,
    measuredItems: indices.length,
  };
}

/** One row of the printed table. */
export interface BenchRow {
  analysis: string;
  workload: string;
  oursMilliseconds: number;
  referenceName: string;
  referenceMilliseconds: number;
  /** How many items the reference actually ran on, when extrapolated. */
  referenceMeasured?: number;
  referenceTotal?: number;
  disagreements: number;
  compared: number;
}

function formatMilliseconds(value: number): string {
  if (value >= 60_000) return `${(value / 60_000).toFixed(1)} min`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(1)} ms`;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Prints the rows as an aligned table, one reference per row. */
export function printTable(rows: BenchRow[]): void {
  const header = [
    'analysis',
    'workload',
    'ours',
    'reference',
    'ref. time',
    'speed-up',
    'disagree',
    'reference run on',
  ];
  const lines = rows.map((row) => [
    row.analysis,
    row.workload,
    formatMilliseconds(row.oursMilliseconds),
    row.referenceName,
    formatMilliseconds(row.referenceMilliseconds),
    `${Math.round(row.referenceMilliseconds / row.oursMilliseconds).toLocaleString('en-US')}×`,
    `${row.disagreements}/${row.compared}`,
    row.referenceMeasured !== undefined &&
    row.referenceTotal !== undefined &&
    row.referenceMeasured < row.referenceTotal
      ? `${row.referenceMeasured.toLocaleString('en-US')} of ${row.referenceTotal.toLocaleString('en-US')}, extrapolated`
      : 'all',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const numeric = new Set([2, 4, 5, 6]);
  const format = (cells: string[]) =>
    cells.map((cell, column) => pad(cell, widths[column]!, numeric.has(column))).join(' │ ');
  console.log(format(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'));
  for (const line of lines) console.log(format(line));
}
