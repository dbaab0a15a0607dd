/**
 * Benchmarks of the app's analyses on 100k sites against the straightforward
 * Turf loops a first version would write.
 */
import { booleanPointInPolygon, nearestPoint, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { CONTROL_LEVELS, HAZARD_TYPES, SERVICE_TYPES } from '../src/domain/types';
import {
  accessConstraints,
  adminTotals,
  areaOfInterest,
  checkCandidate,
  hazardExposure,
  prepareAdminLayer,
  prepareControlLayer,
  prepareHazardLayer,
  prepareServiceLayer,
  SEVERITY_RANK,
  serviceCoverage,
  siteFlags,
  siteTableOf,
  spacePerPerson,
} from '../workers/analysis/index';
import { type BenchRow, timed, timedSubset } from './measure';
import {
  adminGrid,
  controlAreas,
  hazardZones,
  pointFeatures,
  randomPositions,
  servicePoints,
  sitesAt,
  zoneGeometries,
} from './workloads';

type Zone = Feature<Polygon | MultiPolygon>;

function turfMeters(point: Feature<Point>, zone: Zone): number {
  return booleanPointInPolygon(point, zone)
    ? 0
    : Math.abs(pointToPolygonDistance(point, zone, { units: 'meters' }));
}

function subsetOfType(
  services: FeatureCollection<Point>,
  type: string,
): { collection: FeatureCollection<Point>; indices: number[] } {
  const indices = services.features.flatMap((feature, index) =>
    feature.properties?.serviceType === type ? [index] : [],
  );
  return {
    collection: { type: 'FeatureCollection', features: indices.map((index) => services.features[index]!) },
    indices,
  };
}

const row = (
  analysis: string,
  workload: string,
  ours: number,
  naive: ReturnType<typeof timedSubset>,
  total: number,
  disagreements: number,
): BenchRow => ({
  analysis,
  workload,
  oursMilliseconds: ours,
  referenceName: 'naive Turf loop',
  referenceMilliseconds: naive.milliseconds,
  referenceMeasured: naive.measuredItems,
  referenceTotal: total,
  disagreements,
  compared: naive.measuredItems,
});

/** All analysis rows, for the given site positions (100k in the standard run). */
export function benchAnalyses(positions: FeatureCollection<Point>): BenchRow[] {
  const rows: BenchRow[] = [];
  const sites = sitesAt(
    positions.features.map((feature) => feature.geometry.coordinates),
    5,
  );
  const count = sites.features.length;
  const table = siteTableOf(sites);
  const hazards = hazardZones(1000, 500, 1);
  const control = controlAreas(50, 200, 7);
  const services = servicePoints(10_000, 8);
  const admin = adminGrid();
  const layers = timed(() => ({
    hazards: prepareHazardLayer(hazards),
    control: prepareControlLayer(control),
    services: prepareServiceLayer(services),
    admin: prepareAdminLayer(admin),
  }));
  console.error(`  layer preparation ${layers.milliseconds.toFixed(0)} ms`);
  const {
    hazards: hazardLayer,
    control: controlLayer,
    services: serviceLayer,
    admin: adminLayer,
  } = layers.result;
  const workload = `${(count / 1000).toFixed(0)}k sites`;

  // 1. Hazard exposure: worst severity per site and type.
  const exposure = timed(() => hazardExposure(table, hazardLayer));
  const naiveExposure = timedSubset(count, 60, (site) => {
    const worst = new Array<number>(HAZARD_TYPES.length).fill(-1);
    hazards.features.forEach((zone) => {
      if (!booleanPointInPolygon(sites.features[site]!, zone)) return;
      const type = HAZARD_TYPES.indexOf(zone.properties.hazardType);
      worst[type] = Math.max(worst[type]!, SEVERITY_RANK[zone.properties.severity]);
    });
    return worst;
  });
  let disagreements = naiveExposure.indices.filter((site, position) =>
    naiveExposure.results[position]!.some(
      (rank, type) => exposure.result.worstSeverity[site * HAZARD_TYPES.length + type] !== rank,
    ),
  ).length;
  rows.push(
    row(
      'hazard exposure',
      `${workload} × 1k zones × 500 v`,
      exposure.milliseconds,
      naiveExposure,
      count,
      disagreements,
    ),
  );

  // 2. Access constraints within 1 km, most severe level first.
  const access = timed(() => accessConstraints(table, controlLayer, 1000));
  const naiveAccess = timedSubset(count, 20, (site) => {
    const nearest = CONTROL_LEVELS.map(() => Infinity);
    control.features.forEach((zone) => {
      const level = CONTROL_LEVELS.indexOf(zone.properties.controlLevel);
      nearest[level] = Math.min(nearest[level]!, turfMeters(sites.features[site]!, zone));
    });
    return nearest.findIndex((meters) => meters <= 1000);
  });
  disagreements = naiveAccess.indices.filter(
    (site, position) => access.result.siteLevel[site] !== naiveAccess.results[position],
  ).length;
  rows.push(
    row(
      'access constraints',
      `${workload} × 50 areas × 200 v`,
      access.milliseconds,
      naiveAccess,
      count,
      disagreements,
    ),
  );

  // 3. Service coverage: nearest of each type.
  const coverage = timed(() => serviceCoverage(table, serviceLayer));
  const byType = SERVICE_TYPES.map((type) => subsetOfType(services, type));
  const naiveCoverage = timedSubset(count, 60, (site) =>
    byType.map(
      ({ collection, indices }) =>
        indices[nearestPoint(sites.features[site]!, collection).properties.featureIndex]!,
    ),
  );
  disagreements = naiveCoverage.indices.filter((site, position) =>
    naiveCoverage.results[position]!.some(
      (index, type) => coverage.result.nearest.indices[site * SERVICE_TYPES.length + type] !== index,
    ),
  ).length;
  rows.push(
    row(
      'service coverage',
      `${workload} × 10k services`,
      coverage.milliseconds,
      naiveCoverage,
      count,
      disagreements,
    ),
  );

  // 5. Area of interest: a large 500-vertex polygon.
  const area = zoneGeometries(1, 500, 99)[0]!;
  const areaFeature: Zone = { type: 'Feature', properties: {}, geometry: area };
  const ours = timed(() =>
    areaOfInterest(table, { kind: 'polygon', geometry: area }, exposure.result.worstSeverity),
  );
  const inside = new Set(ours.result.siteIndices);
  const naiveArea = timedSubset(count, count, (site) =>
    booleanPointInPolygon(sites.features[site]!, areaFeature),
  );
  disagreements = naiveArea.results.filter((value, site) => value !== inside.has(site)).length;
  rows.push(
    row(
      'area of interest',
      `${workload} × 1 polygon × 500 v`,
      ours.milliseconds,
      naiveArea,
      count,
      disagreements,
    ),
  );

  // 6. By admin area: first containing commune.
  const byAdmin = timed(() => adminTotals(table, adminLayer));
  const naiveAdmin = timedSubset(count, 5000, (site) => {
    const commune = admin.features.find(
      (zone) => zone.properties.level === 2 && booleanPointInPolygon(sites.features[site]!, zone),
    );
    return commune ? commune.properties.pcode : table.admin2Pcodes[site];
  });
  disagreements = naiveAdmin.indices.filter(
    (site, position) => byAdmin.result.siteCommunes[site] !== naiveAdmin.results[position],
  ).length;
  rows.push(
    row(
      'by admin area',
      `${workload} × 60 admin areas`,
      byAdmin.milliseconds,
      naiveAdmin,
      count,
      disagreements,
    ),
  );

  // 7. Candidate-site checks.
  const candidates = pointFeatures(randomPositions(1000, 11));
  const checks = timed(() =>
    candidates.features.map((candidate) => {
      const [x, y] = candidate.geometry.coordinates as [number, number];
      return checkCandidate(x, y, {
        hazards: hazardLayer,
        control: controlLayer,
        services: serviceLayer,
        admin: adminLayer,
      });
    }),
  );
  const naiveChecks = timedSubset(candidates.features.length, 4, (index) => {
    const candidate = candidates.features[index]!;
    const inHazards = hazards.features.flatMap((zone, zoneIndex) =>
      booleanPointInPolygon(candidate, zone) ? [zoneIndex] : [],
    );
    const communes = admin.features.filter((zone) => booleanPointInPolygon(candidate, zone)).length;
    const nearestControl = Math.min(...control.features.map((zone) => turfMeters(candidate, zone)));
    const services = byType.map(
      ({ collection }) => nearestPoint(candidate, collection).properties.featureIndex,
    );
    return { inHazards, nearestControl, communes, services };
  });
  disagreements = naiveChecks.indices.filter((index, position) => {
    const check = checks.result[index]!;
    const expected = naiveChecks.results[position]!;
    const meters = check.nearestControl?.meters ?? Infinity;
    return (
      check.hazards.map((hazard) => hazard.zone).join() !== expected.inHazards.join() ||
      Math.abs(meters - expected.nearestControl) > Math.max(1, 0.005 * expected.nearestControl)
    );
  }).length;
  rows.push(
    row(
      'candidate check',
      '1k locations, all layers',
      checks.milliseconds,
      naiveChecks,
      candidates.features.length,
      disagreements,
    ),
  );

  // 4 and the flags table have no spatial Turf counterpart: report our time only.
  const space = timed(() => spacePerPerson(table));
  const flags = timed(() =>
    siteFlags(count, {
      exposure: exposure.result,
      access: access.result,
      coverage: coverage.result,
      space: space.result,
    }),
  );
  console.error(
    `  space per person ${space.milliseconds.toFixed(1)} ms, site flags table ${flags.milliseconds.toFixed(1)} ms (no Turf counterpart)`,
  );
  return rows;
}
