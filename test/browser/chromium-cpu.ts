/**
 * CPU time Chromium spent for a test file, by process type, read from Linux's /proc. Unlike wall
 * time it hardly depends on what else the machine runs, so a file's cost can be compared between
 * runs on a busy machine. Nearly all of it is the GPU process: WebGL on SwiftShader, whose frames
 * of the whole country and shader compilations are the suite's main cost.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU seconds by Chromium process type (`gpu-process`, `renderer`, `browser`, utilities by service). */
type CpuByProcess = Record<string, number>;

interface ProcessRecord {
  parent: number;
  seconds: number;
  type: string;
}

function processRecord(pid: string): ProcessRecord | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state, parent, …, utime, stime at 11 and 12.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(command)?.[1] ?? 'browser';
    const service = /--utility-sub-type=([\w.]+)/.exec(command)?.[1];
    // Clock ticks are 1/100 s on Linux.
    return { parent: Number(fields[1]), seconds: ticks / 100, type: service ?? type };
  } catch {
    // The process ended while the table was read.
    return undefined;
  }
}

/**
 * CPU seconds used so far by the live processes descending from `root` (this test file's worker,
 * which launched its Chromium), by process type; undefined where /proc does not exist. A renderer
 * that already ended (a closed context's) is not counted; the GPU process lives as long as the browser.
 */
export function chromiumCpu(root: number = process.pid): CpuByProcess | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const records = new Map<number, ProcessRecord>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const record = processRecord(pid);
    if (record) records.set(Number(pid), record);
  }
  const byProcess: CpuByProcess = {};
  for (const [pid, record] of records) {
    if (pid === root) continue;
    let ancestor = record.parent;
    while (ancestor > 1 && ancestor !== root) ancestor = records.get(ancestor)?.parent ?? 0;
    if (ancestor === root) byProcess[record.type] = (byProcess[record.type] ?? 0) + record.seconds;
  }
  return byProcess;
}

/** One line: the total and its largest parts, e.g. "Chromium CPU 48.2 s (gpu-process 41.0 s, renderer 5.1 s)". */
export function describeCpu(byProcess: CpuByProcess): string {
  const entries = Object.entries(byProcess).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((sum, [, seconds]) => sum + seconds, 0);
  const largest = entries
    .slice(0, 2)
    .map(([type, seconds]) => `${type} ${seconds.toFixed(1)} s`)
    .join(', ');
  return `Chromium CPU ${total.toFixed(1)} s (${largest})`;
}
