/**
 * Distance rows: distance to the nearest zone, nearest target, access
 * constraints and candidate checks, against Flatbush + Turf, geokdbush,
 * kdbush + Turf's haversine and Turf loops. Every row is checked on at
 * least 1,000 items against an exact Turf-based peer (distances agree when
 * within 1 m or 0.5 %).
 */
import { nearestPoint } from '@turf/turf';
import type Flatbush from 'flatbush';
import type { Feature, Point } from 'geojson';
import { CONTROL_LEVELS } from '../src/domain/types';
import {
  accessConstraints,
  checkCandidate,
  coordinatesOf,
  distanceToNearestZone,
  nearestPointsOf,
  nearestTargets,
  nearestZonesOfPoints,
  prepareControlLayer,
  preparePoints,
  prepareZoneEdges,
  prepareZones,
  siteTableOf,
} from '../workers/analysis/index';
import { type BenchRow, type Method, measure, spreadIndices, type Timing } from './measure';
import {
  flatbushNearestZone,
  geokdbushNearest,
  kdbushHaversineNearest,
  pointIndex,
  type Sites,
  turfMeters,
  type Zones,
  zoneBoxIndex,
} from './peers';
import { controlAreas, pointFeatures, randomPositions, sitesAt } from './workloads';

const count = (value: number) => value.toLocaleString('en-US');

function closeEnough(ours: number, reference: number): boolean {
  if (ours === reference) return true;
  return Math.abs(ours - reference) <= Math.max(1, 0.005 * Math.abs(reference));
}

function rowsOf(
  analysis: string,
  workload: string,
  timings: Timing[],
  disagreements: (timing: Timing) => string,
): BenchRow[] {
  return timings.map((timing) => {
    const ours =
      timings.find((candidate) => candidate.name === 'Katsit' && candidate.mode === timing.mode) ??
      timings.find((candidate) => candidate.name === 'Katsit' && candidate.mode === 'cold') ??
      timings.find((candidate) => candidate.name === 'Katsit')!;
    return {
      analysis,
      workload,
      timing,
      oursMilliseconds: ours.medianMilliseconds,
      oursCpuMilliseconds: ours.medianCpuMilliseconds,
      disagreements: disagreements(timing),
    };
  });
}

/** Distance from each site to the nearest zone. */
export function benchZoneDistance(sites: Sites, zones: Zones, workload: string): BenchRow[] {
  const coordinates = coordinatesOf(sites);
  const edges = prepareZoneEdges(prepareZones(zones));
  const boxIndex = zoneBoxIndex(zones);
  // Turf measures a zone in about a millisecond: the peers are timed on a
  // subset (scaled) and checked once on 1,000 sites.
  const checked = spreadIndices(sites.features.length, 1000);
  const timedSubset = spreadIndices(sites.features.length, 200);
  const naiveSubset = spreadIndices(sites.features.length, 2);
  const flatbushRun = (index: Flatbush, subset: number[]) =>
    subset.map((site) => flatbushNearestZone(sites.features[site]!, zones, index));
  const methods: Method[] = [
    { name: 'Katsit', mode: 'cold', run: () => distanceToNearestZone(sites, zones) },
    { name: 'Katsit', mode: 'warm', run: () => nearestZonesOfPoints(coordinates, edges).meters },
    {
      name: 'Flatbush + Turf',
      mode: 'warm',
      run: () => flatbushRun(boxIndex, timedSubset),
      subset: { measured: timedSubset.length, total: sites.features.length },
    },
    {
      name: 'naive Turf loop',
      mode: 'no index',
      run: () =>
        naiveSubset.map((site) =>
          Math.min(...zones.features.map((zone) => turfMeters(sites.features[site]!, zone))),
        ),
      subset: { measured: naiveSubset.length, total: sites.features.length },
    },
  ];
  const { timings, results } = measure(methods);
  const ours = results.get('Katsit cold') as Float64Array;
  const warm = results.get('Katsit warm') as Float64Array;
  const reference = flatbushRun(boxIndex, checked);
  const naive = results.get('naive Turf loop no index') as number[];
  const disagreeing = checked.filter(
    (site, position) => !closeEnough(ours[site]!, reference[position]!),
  ).length;
  const naiveDisagreeing = naiveSubset.filter(
    (site, position) => !closeEnough(ours[site]!, naive[position]!),
  ).length;
  const warmDisagreeing = ours.filter((meters, site) => meters !== warm[site]).length;
  return rowsOf('distance to nearest zone', workload, timings, (timing) => {
    if (timing.name !== 'Katsit') return 'reference';
    return timing.mode === 'cold'
      ? `${disagreeing} of ${count(checked.length)} vs Flatbush + Turf; ${naiveDisagreeing} of ${naiveSubset.length} vs naive`
      : `${warmDisagreeing} of ${count(ours.length)} vs cold`;
  });
}

/** Nearest target of each site. */
export function benchNearestTarget(sites: Sites, targets: Sites, workload: string): BenchRow[] {
  const siteCoordinates = coordinatesOf(sites);
  const targetCoordinates = coordinatesOf(targets);
  const prepared = preparePoints(targetCoordinates);
  const tree = pointIndex(targetCoordinates);
  const turfSubset = spreadIndices(sites.features.length, 50);
  const methods: Method[] = [
    { name: 'Katsit', mode: 'cold', run: () => nearestTargets(sites, targets) },
    { name: 'Katsit', mode: 'warm', run: () => nearestPointsOf(siteCoordinates, prepared).indices },
    {
      name: 'geokdbush',
      mode: 'cold',
      run: () => geokdbushNearest(siteCoordinates, pointIndex(targetCoordinates)),
    },
    { name: 'geokdbush', mode: 'warm', run: () => geokdbushNearest(siteCoordinates, tree) },
    {
      name: 'kdbush + Turf haversine',
      mode: 'cold',
      run: () => kdbushHaversineNearest(siteCoordinates, targetCoordinates, pointIndex(targetCoordinates)),
    },
    {
      name: 'kdbush + Turf haversine',
      mode: 'warm',
      run: () => kdbushHaversineNearest(siteCoordinates, targetCoordinates, tree),
    },
    {
      name: 'turf.nearestPoint',
      mode: 'no index',
      run: () =>
        turfSubset.map((site) => nearestPoint(sites.features[site]!, targets).properties.featureIndex),
      subset: { measured: turfSubset.length, total: sites.features.length },
    },
  ];
  const { timings, results } = measure(methods);
  const ours = results.get('Katsit cold') as { index: number }[];
  const warm = results.get('Katsit warm') as Int32Array;
  const exact = results.get('kdbush + Turf haversine cold') as Int32Array;
  const geokdbush = results.get('geokdbush cold') as Int32Array;
  const turf = results.get('turf.nearestPoint no index') as number[];
  const disagreeing = ours.filter((nearest, site) => nearest.index !== exact[site]).length;
  const warmDisagreeing = ours.filter((nearest, site) => nearest.index !== warm[site]).length;
  const turfDisagreeing = turfSubset.filter((site, position) => ours[site]!.index !== turf[position]).length;
  const geokdbushDiffering = geokdbush.filter((index, site) => index !== exact[site]).length;
  const all = count(ours.length);
  return rowsOf('nearest target', workload, timings, (timing) => {
    if (timing.name === 'geokdbush')
      return `own distance formula: differs on ${geokdbushDiffering} of ${all}`;
    if (timing.name !== 'Katsit') return 'reference';
    return timing.mode === 'cold'
      ? `${disagreeing} of ${all} vs kdbush + Turf; ${turfDisagreeing} of ${turfSubset.length} vs turf.nearestPoint`
      : `${warmDisagreeing} of ${all} vs cold`;
  });
}

/** Access constraints (most severe control level within 1 km) and candidate checks. */
export function benchAccess(positions: Sites, seed: number): BenchRow[] {
  const rows: BenchRow[] = [];
  const sites = sitesAt(
    positions.features.map((feature) => feature.geometry.coordinates),
    seed,
  );
  const table = siteTableOf(sites);
  const control = controlAreas(50, 200, seed + 1);
  const byLevel = CONTROL_LEVELS.map((level) => {
    const zones: Zones = {
      type: 'FeatureCollection',
      features: control.features.filter((feature) => feature.properties.controlLevel === level),
    };
    return { zones, index: zoneBoxIndex(zones) };
  });
  const layer = prepareControlLayer(control);
  // The peer is timed (scaled) and checked on a tenth of the sites: on all
  // of them it was a sixth of the whole run's CPU time, for a ratio (25–28×)
  // that did not move between runs.
  const timedSites = spreadIndices(sites.features.length, sites.features.length / 10);
  const flatbushLevels = () =>
    timedSites.map((site) =>
      byLevel.findIndex(
        ({ zones, index }) =>
          flatbushNearestZone(sites.features[site] as Feature<Point>, zones, index, 1000) <= 1000,
      ),
    );
  const access = measure([
    { name: 'Katsit', mode: 'cold', run: () => accessConstraints(table, prepareControlLayer(control), 1000) },
    { name: 'Katsit', mode: 'warm', run: () => accessConstraints(table, layer, 1000) },
    {
      name: 'Flatbush + Turf',
      mode: 'warm',
      run: flatbushLevels,
      subset: { measured: timedSites.length, total: sites.features.length },
    },
  ]);
  const ours = access.results.get('Katsit cold') as ReturnType<typeof accessConstraints>;
  const reference = access.results.get('Flatbush + Turf warm') as number[];
  const disagreeing = reference.filter(
    (level, position) => ours.siteLevel[timedSites[position]!] !== level,
  ).length;
  const workload = `${count(sites.features.length / 1000)}k sites × 50 areas × 200 v, 1 km`;
  rows.push(
    ...rowsOf('access constraints', workload, access.timings, (timing) =>
      timing.name === 'Katsit'
        ? `${disagreeing} of ${count(reference.length)} vs Flatbush + Turf`
        : 'reference',
    ),
  );

  const layers = { control: layer };
  const candidates = pointFeatures(randomPositions(1000, seed + 3));
  const allControl: Zones = control;
  const allIndex = zoneBoxIndex(allControl);
  // Turf's distance to a 200-vertex area costs milliseconds: the peer is timed
  // on 100 locations (scaled) and checked once on all 1,000.
  const timedLocations = spreadIndices(candidates.features.length, 100);
  const checks = measure([
    {
      name: 'Katsit',
      mode: 'warm',
      run: () =>
        candidates.features.map((candidate) => {
          const [x, y] = candidate.geometry.coordinates as [number, number];
          return checkCandidate(x, y, layers).nearestControl?.meters ?? Infinity;
        }),
    },
    {
      name: 'Flatbush + Turf',
      mode: 'warm',
      run: () =>
        timedLocations.map((location) =>
          flatbushNearestZone(candidates.features[location]!, allControl, allIndex),
        ),
      subset: { measured: timedLocations.length, total: candidates.features.length },
    },
  ]);
  const oursMeters = checks.results.get('Katsit warm') as number[];
  const referenceMeters = candidates.features.map((candidate) =>
    flatbushNearestZone(candidate, allControl, allIndex),
  );
  const checkDisagreeing = oursMeters.filter(
    (meters, index) => !closeEnough(meters, referenceMeters[index]!),
  ).length;
  rows.push(
    ...rowsOf(
      'candidate check, nearest control area',
      '1k locations × 50 areas × 200 v',
      checks.timings,
      (timing) =>
        timing.name === 'Katsit' ? `${checkDisagreeing} of 1,000 vs Flatbush + Turf` : 'reference',
    ),
  );
  return rows;
}
