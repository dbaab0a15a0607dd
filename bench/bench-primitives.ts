/**
 * Benchmarks of the three primitives against Turf: point-in-zone, distance
 * to the nearest zone, nearest target.
 */
import { booleanPointInPolygon, nearestPoint, pointToPolygonDistance } from '@turf/turf';
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import {
  containmentOfPoints,
  coordinatesOf,
  nearestPointsOf,
  nearestZonesOfPoints,
  type PreparedZones,
  preparePoints,
  prepareZoneEdges,
} from '../workers/analysis/index';
import { type BenchRow, timed, timedSubset } from './measure';

type Zones = FeatureCollection<Polygon | MultiPolygon>;

/** The flatbush-prefiltered Turf loop: bbox candidates, then booleanPointInPolygon. */
function prefilteredTurf(sites: FeatureCollection<Point>, zones: Zones): number[][] {
  const index = new Flatbush(zones.features.length);
  const boxes = zones.features.map((zone) => {
    const positions =
      zone.geometry.type === 'Polygon' ? zone.geometry.coordinates.flat() : zone.geometry.coordinates.flat(2);
    const xs = positions.map((position) => position[0]!);
    const ys = positions.map((position) => position[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
  });
  for (const box of boxes) index.add(box[0], box[1], box[2], box[3]);
  index.finish();
  return sites.features.map((site) => {
    const [x, y] = site.geometry.coordinates as [number, number];
    return index
      .search(x, y, x, y)
      .filter((zone) => booleanPointInPolygon(site, zones.features[zone]!))
      .sort((a, b) => a - b);
  });
}

function sameList(ours: Uint32Array, start: number, end: number, expected: number[]): boolean {
  if (end - start !== expected.length) return false;
  return expected.every((zone, offset) => ours[start + offset] === zone);
}

/** Point-in-zone rows: ours vs the naive loop (subset) and the prefiltered loop (all sites). */
export function benchPointInZone(
  sites: FeatureCollection<Point>,
  zones: Zones,
  label: string,
  prepared: PreparedZones,
): BenchRow[] {
  const coordinates = coordinatesOf(sites);
  const ours = timed(() => containmentOfPoints(coordinates, prepared));
  const { offsets, zoneIndices } = ours.result;
  const prefiltered = timed(() => prefilteredTurf(sites, zones));
  let prefilteredDisagreements = 0;
  prefiltered.result.forEach((expected, site) => {
    if (!sameList(zoneIndices, offsets[site]!, offsets[site + 1]!, expected)) prefilteredDisagreements += 1;
  });
  const naive = timedSubset(sites.features.length, 60, (site) =>
    zones.features.flatMap((zone, index) =>
      booleanPointInPolygon(sites.features[site]!, zone) ? [index] : [],
    ),
  );
  let naiveDisagreements = 0;
  naive.indices.forEach((site, position) => {
    if (!sameList(zoneIndices, offsets[site]!, offsets[site + 1]!, naive.results[position]!))
      naiveDisagreements += 1;
  });
  const base = { analysis: 'point-in-zone', workload: label, oursMilliseconds: ours.milliseconds };
  return [
    {
      ...base,
      referenceName: 'naive Turf loop',
      referenceMilliseconds: naive.milliseconds,
      referenceMeasured: naive.measuredItems,
      referenceTotal: sites.features.length,
      disagreements: naiveDisagreements,
      compared: naive.measuredItems,
    },
    {
      ...base,
      referenceName: 'flatbush + Turf',
      referenceMilliseconds: prefiltered.milliseconds,
      disagreements: prefilteredDisagreements,
      compared: sites.features.length,
    },
  ];
}

/** Distance to the nearest zone: ours vs min of Turf's pointToPolygonDistance over zones (subset). */
export function benchZoneDistance(
  sites: FeatureCollection<Point>,
  zones: Zones,
  label: string,
  prepared: PreparedZones,
  subset: number,
): BenchRow[] {
  const coordinates = coordinatesOf(sites);
  const build = timed(() => prepareZoneEdges(prepared));
  const ours = timed(() => nearestZonesOfPoints(coordinates, build.result));
  const naive = timedSubset(sites.features.length, subset, (site) => {
    let best = Infinity;
    for (const zone of zones.features) {
      const point = sites.features[site]!;
      best = Math.min(
        best,
        booleanPointInPolygon(point, zone)
          ? 0
          : Math.abs(pointToPolygonDistance(point, zone, { units: 'meters' })),
      );
    }
    return best;
  });
  let disagreements = 0;
  naive.indices.forEach((site, position) => {
    const expected = naive.results[position]!;
    if (Math.abs(ours.result.meters[site]! - expected) > Math.max(1, expected * 0.005)) disagreements += 1;
  });
  return [
    {
      analysis: 'distance to zone',
      workload: `${label} (+${Math.round(build.milliseconds)} ms edge index)`,
      oursMilliseconds: ours.milliseconds,
      referenceName: 'naive Turf loop',
      referenceMilliseconds: naive.milliseconds,
      referenceMeasured: naive.measuredItems,
      referenceTotal: sites.features.length,
      disagreements,
      compared: naive.measuredItems,
    },
  ];
}

/** Nearest target: ours vs turf.nearestPoint per site (subset) and geokdbush (all). */
export function benchNearest(
  sites: FeatureCollection<Point>,
  targets: FeatureCollection<Point>,
  label: string,
  subset: number,
): BenchRow[] {
  const siteCoordinates = coordinatesOf(sites);
  const targetCoordinates = coordinatesOf(targets);
  const ours = timed(() => nearestPointsOf(siteCoordinates, preparePoints(targetCoordinates)));
  const naive = timedSubset(
    sites.features.length,
    subset,
    (site) => nearestPoint(sites.features[site]!, targets).properties.featureIndex,
  );
  let disagreements = 0;
  naive.indices.forEach((site, position) => {
    if (ours.result.indices[site] !== naive.results[position]) disagreements += 1;
  });
  const geokdbush = timed(() => {
    const tree = new KDBush(targets.features.length);
    for (let target = 0; target < targets.features.length; target += 1)
      tree.add(targetCoordinates[target * 2]!, targetCoordinates[target * 2 + 1]!);
    tree.finish();
    const found = new Int32Array(sites.features.length);
    for (let site = 0; site < sites.features.length; site += 1)
      found[site] = around(tree, siteCoordinates[site * 2]!, siteCoordinates[site * 2 + 1]!, 1)[0] ?? -1;
    return found;
  });
  let geokdbushDisagreements = 0;
  geokdbush.result.forEach((index, site) => {
    if (index !== ours.result.indices[site]) geokdbushDisagreements += 1;
  });
  const base = { analysis: 'nearest target', workload: label, oursMilliseconds: ours.milliseconds };
  return [
    {
      ...base,
      referenceName: 'turf.nearestPoint',
      referenceMilliseconds: naive.milliseconds,
      referenceMeasured: naive.measuredItems,
      referenceTotal: sites.features.length,
      disagreements,
      compared: naive.measuredItems,
    },
    {
      ...base,
      referenceName: 'geokdbush around',
      referenceMilliseconds: geokdbush.milliseconds,
      disagreements: geokdbushDisagreements,
      compared: sites.features.length,
    },
  ];
}
