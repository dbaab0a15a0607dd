/**
 * `npm run bench`: Katsit's analysis engine against the peers a developer
 * would reach for, on deterministic synthetic workloads, all in one run.
 * Every row is the median of 5 interleaved rounds (3 at a million sites) after a warm-up run (min – max
 * beside it); "cold" includes building the method's index from GeoJSON,
 * "warm" reuses an index built once; rows on a subset are scaled up and say
 * so. Prints a markdown table with the machine and date.
 */
import os from 'node:os';
import { warmUpEngine } from '../workers/analysis/index';
import { benchAccess, benchNearestTarget, benchZoneDistance } from './bench-distance';
import { benchPointInZone, type PointInZoneSize } from './bench-point-in-zone';
import { benchFlowAggregation, benchRoundComparison } from './bench-rounds';
import { type BenchRow, markdownTable } from './measure';
import { hazardZones, pointFeatures, randomPositions } from './workloads';

const started = performance.now();
const startLoad = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
/** CPU seconds this process has used: what the run costs whatever the machine's load. */
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const log = (message: string) =>
  console.error(
    `[${((performance.now() - started) / 1000).toFixed(1)} s, CPU ${cpuSeconds().toFixed(1)} s] ${message}`,
  );
const rows: BenchRow[] = [];
// As the app's worker does once its data is loaded (engine helper): V8 settles on Katsit's hot paths.
warmUpEngine();

const sizes: PointInZoneSize[] = [
  { sites: 20_000, zones: 300, vertices: 100 },
  { sites: 100_000, zones: 1000, vertices: 50 },
  { sites: 100_000, zones: 1000, vertices: 500 },
  // Three rounds, not five: this row alone took over half of the run (a
  // million sites through every peer), and its CPU ratios are steady (against
  // which-polygon, 1.0× and 0.97× in two runs hours apart, under different loads).
  { sites: 1_000_000, zones: 1000, vertices: 50, rounds: 3 },
];
const only = process.env.BENCH_ONLY;
sizes.forEach((size, index) => {
  if (only && only !== 'point-in-zone') return;
  log(`point-in-zone ${size.sites} × ${size.zones} × ${size.vertices}`);
  rows.push(...benchPointInZone(size, 10 * (index + 1)));
});

if (!only || only === 'distance') {
  log('distance to nearest zone');
  const zones = hazardZones(1000, 50, 7);
  const sites = pointFeatures(
    randomPositions(
      100_000,
      8,
      zones.features.map((zone) => zone.geometry),
      0.01,
    ),
  );
  rows.push(...benchZoneDistance(sites, zones, '100k sites × 1,000 zones × 50 v'));
  log('nearest target');
  rows.push(
    ...benchNearestTarget(sites, pointFeatures(randomPositions(10_000, 9)), '100k sites × 10k targets'),
  );
  log('access constraints and candidate checks');
  rows.push(...benchAccess(sites, 11));
}

if (!only || only === 'rounds') {
  log('round comparison and movement aggregation');
  rows.push(...benchRoundComparison(100_000), ...benchFlowAggregation(1_000_000));
}

const cpus = os.cpus();
const load = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
console.log('');
console.log(
  `Katsit engine benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average before the run ${startLoad}, after ${load}; medians of 5 interleaved rounds (3 on the million-site row) after one warm-up run of every method (and Katsit's warmUpEngine once, as the worker runs it).`,
);
console.log('');
console.log(markdownTable(rows));
console.log('');
console.log(
  `total bench time ${((performance.now() - started) / 1000).toFixed(0)} s wall clock, ${cpuSeconds().toFixed(0)} s CPU (load average at the end ${load})`,
);
