/**
 * Point-in-zone rows: Katsit's contract function (cold: GeoJSON in, index
 * built, arrays out) and its worker path (warm: typed arrays over zones
 * prepared once) against Flatbush + Turf, which-polygon (cold and warm) and
 * the naive Turf loop with `feature.bbox` set.
 */
import {
  containmentOfPoints,
  coordinatesOf,
  prepareZones,
  zonesContainingSites,
} from '../workers/analysis/index';
import { type BenchRow, type Method, measure, spreadIndices } from './measure';
import {
  flatbushContainment,
  naiveContainment,
  type Sites,
  whichPolygonMatches,
  whichPolygonOf,
  withBoxes,
  type Zones,
  zoneBoxIndex,
} from './peers';
import { hazardZones, pointFeatures, randomPositions } from './workloads';

/** One point-in-zone workload. */
export interface PointInZoneSize {
  sites: number;
  zones: number;
  vertices: number;
  /** Interleaved rounds (5 unless the row is huge and its ratios already stable). */
  rounds?: number;
}

/** The naive loop is timed on this many sites and checked on CHECKED_SITES. */
const NAIVE_SUBSET = 100;
const CHECKED_SITES = 1000;

function sameLists(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Keys of every zone vertex, to tell boundary sites from the others. */
function vertexKeys(zones: Zones): Set<string> {
  const keys = new Set<string>();
  for (const zone of zones.features) {
    const rings =
      zone.geometry.type === 'Polygon' ? zone.geometry.coordinates : zone.geometry.coordinates.flat();
    for (const ring of rings) for (const position of ring) keys.add(`${position[0]},${position[1]}`);
  }
  return keys;
}

const count = (value: number) => value.toLocaleString('en-US');

/** Rows for one size; 1 % of the sites sit exactly on a zone vertex. */
export function benchPointInZone(size: PointInZoneSize, seed: number): BenchRow[] {
  const zones: Zones = hazardZones(size.zones, size.vertices, seed);
  const sites: Sites = pointFeatures(
    randomPositions(
      size.sites,
      seed + 1,
      zones.features.map((zone) => zone.geometry),
      0.01,
    ),
  );
  const workload = `${count(size.sites / 1000)}k sites × ${count(size.zones)} zones × ${size.vertices} v`;
  const coordinates = coordinatesOf(sites);
  const prepared = prepareZones(zones);
  const boxIndex = zoneBoxIndex(zones);
  const which = whichPolygonOf(zones);
  const boxed = withBoxes(zones);
  const subset = spreadIndices(size.sites, NAIVE_SUBSET);
  const checked = spreadIndices(size.sites, CHECKED_SITES);
  const methods: Method[] = [
    { name: 'Katsit', mode: 'cold', run: () => zonesContainingSites(sites, zones) },
    { name: 'Katsit', mode: 'warm', run: () => containmentOfPoints(coordinates, prepared) },
    {
      name: 'Flatbush + Turf',
      mode: 'cold',
      run: () => flatbushContainment(sites, zones, zoneBoxIndex(zones)),
    },
    { name: 'Flatbush + Turf', mode: 'warm', run: () => flatbushContainment(sites, zones, boxIndex) },
    { name: 'which-polygon', mode: 'cold', run: () => whichPolygonMatches(sites, whichPolygonOf(zones)) },
    { name: 'which-polygon', mode: 'warm', run: () => whichPolygonMatches(sites, which) },
    {
      name: 'naive Turf loop, bbox set',
      mode: 'no index',
      run: () => naiveContainment(sites, boxed, subset),
      subset: { measured: subset.length, total: size.sites },
    },
  ];
  const { timings, results } = measure(methods, size.rounds);
  const ours = results.get('Katsit cold') as (readonly number[])[];
  const oursWarm = results.get('Katsit warm') as ReturnType<typeof containmentOfPoints>;
  const flatbush = results.get('Flatbush + Turf cold') as number[][];
  const naive = naiveContainment(sites, boxed, checked);
  const matches = results.get('which-polygon cold') as Int32Array;

  let flatbushDisagreements = 0;
  let warmDisagreements = 0;
  ours.forEach((zonesOfSite, site) => {
    if (!sameLists(zonesOfSite, flatbush[site]!)) flatbushDisagreements += 1;
    const warm = Array.from(
      oursWarm.zoneIndices.subarray(oursWarm.offsets[site]!, oursWarm.offsets[site + 1]!),
    );
    if (!sameLists(zonesOfSite, warm)) warmDisagreements += 1;
  });
  const naiveDisagreements = checked.filter(
    (site, position) => !sameLists(ours[site]!, naive[position]!),
  ).length;
  const vertices = vertexKeys(zones);
  let whichOnVertex = 0;
  let whichElsewhere = 0;
  matches.forEach((match, site) => {
    const expected = flatbush[site]!;
    const agrees = match < 0 ? expected.length === 0 : expected.includes(match);
    if (agrees) return;
    const [x, y] = sites.features[site]!.geometry.coordinates as [number, number];
    if (vertices.has(`${x},${y}`)) whichOnVertex += 1;
    else whichElsewhere += 1;
  });

  const oursTiming = (mode: string) =>
    timings.find((timing) => timing.name === 'Katsit' && timing.mode === mode)!;
  const all = count(size.sites);
  return timings.map((timing): BenchRow => {
    const oursRow = oursTiming(timing.mode === 'warm' ? 'warm' : 'cold');
    const reference = oursRow.medianMilliseconds;
    let disagreements = 'reference';
    if (timing.name === 'Katsit')
      disagreements =
        timing.mode === 'cold'
          ? `${flatbushDisagreements} of ${all} vs Flatbush + Turf; ${naiveDisagreements} of ${count(checked.length)} vs naive`
          : `${warmDisagreements} of ${all} vs cold`;
    if (timing.name === 'which-polygon')
      disagreements = `one match per site: ${whichOnVertex} on a vertex, ${whichElsewhere} elsewhere, of ${all}`;
    return {
      analysis: 'point-in-zone',
      workload,
      timing,
      oursMilliseconds: reference,
      oursCpuMilliseconds: oursRow.medianCpuMilliseconds,
      disagreements,
    };
  });
}
