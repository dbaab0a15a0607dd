/**
 * `npm run bench`: times our analysis engine against naive Turf loops on
 * deterministic synthetic workloads and prints one table. Slow references
 * run on an evenly spread subset of sites and are extrapolated (the last
 * column says so); "disagree" counts answers that differ from the reference
 * (for distances: by more than 1 m and 0.5 %).
 */
import { prepareZones } from '../workers/analysis/index';
import { benchAnalyses } from './bench-analyses';
import { benchNearest, benchPointInZone, benchZoneDistance } from './bench-primitives';
import { type BenchRow, printTable, timed } from './measure';
import { hazardZones, pointFeatures, randomPositions, zoneGeometries } from './workloads';

const started = performance.now();
const rows: BenchRow[] = [];
const log = (message: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

log('generating 1,000 zones × 500 vertices (holes, MultiPolygons) and sites');
const zones = hazardZones(1000, 500, 1);
const geometries = zoneGeometries(1000, 500, 1);
// 1 % of sites sit exactly on a zone vertex: boundary cases count in the comparison.
const sites100k = pointFeatures(randomPositions(100_000, 2, geometries, 0.01));
const sites10k = { type: 'FeatureCollection' as const, features: sites100k.features.slice(0, 10_000) };

const preparation = timed(() => prepareZones(zones));
log(`prepareZones: ${preparation.milliseconds.toFixed(0)} ms`);
log('point-in-zone');
rows.push(...benchPointInZone(sites10k, zones, '10k sites × 1k zones × 500 v', preparation.result));
rows.push(...benchPointInZone(sites100k, zones, '100k sites × 1k zones × 500 v', preparation.result));
log('distance to zone');
rows.push(...benchZoneDistance(sites10k, zones, '10k sites × 1k zones × 500 v', preparation.result, 4));
rows.push(...benchZoneDistance(sites100k, zones, '100k sites × 1k zones × 500 v', preparation.result, 4));
log('nearest target');
rows.push(
  ...benchNearest(sites100k, pointFeatures(randomPositions(1000, 3)), '100k sites × 1k targets', 400),
);
rows.push(
  ...benchNearest(sites100k, pointFeatures(randomPositions(10_000, 4)), '100k sites × 10k targets', 60),
);
log('analyses');
rows.push(...benchAnalyses(sites100k));

console.log('');
console.log(
  `Katsit analysis engine benchmarks — Node ${process.version}, zone preparation (flat rings + Flatbush + edge bands) ${preparation.milliseconds.toFixed(0)} ms once, not counted in "ours"`,
);
console.log('');
printTable(rows);
console.log('');
console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
