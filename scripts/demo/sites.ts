/**
 * About 400 synthetic displacement sites, shaped like a DTM site list: three
 * quarters in the Port-au-Prince metro, dense in the urban core, the rest in
 * provincial towns. Each site is re-drawn until it falls inside the commune
 * it names, so the admin join in the app agrees with the site's own P-codes.
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { AdminAreaFeature, SiteFeature, SiteType } from '../../src/domain/types';
import { departmentOf } from './commune-seats';
import { randomIsoDate } from './dates';
import { SITE_MANAGEMENT_AGENCIES } from './organisations';
import type { Random } from './random';
import { normalNear } from './sampling';
import { METRO_CLUSTERS, METRO_SHARE, PROVINCE_CLUSTERS, type SiteCluster } from './site-clusters';
import { drawSiteFigures, METRO_TYPE_WEIGHTS, PROVINCE_TYPE_WEIGHTS } from './site-figures';
import { uniqueSiteName } from './site-names';

export const SITE_COUNT = 400;
export const FIRST_ASSESSMENT = '2026-08-01';
export const LAST_ASSESSMENT = '2026-11-15';

/** Two sites closer than this would look like one dot and like a data-entry duplicate. */
const MINIMUM_SEPARATION_KILOMETRES = 0.06;
const MAXIMUM_ATTEMPTS = 500;

/** A site plus the neighbourhood it was named after, which service points reuse in their names. */
export interface GeneratedSite {
  feature: SiteFeature;
  place: string;
}

export function buildSites(random: Random, communes: readonly AdminAreaFeature[]): GeneratedSite[] {
  const metroCount = Math.round(SITE_COUNT * METRO_SHARE);
  const plan = [
    ...allocate(METRO_CLUSTERS, metroCount).map((count, index) => ({
      cluster: METRO_CLUSTERS[index],
      count,
      inMetro: true,
    })),
    ...allocate(PROVINCE_CLUSTERS, SITE_COUNT - metroCount).map((count, index) => ({
      cluster: PROVINCE_CLUSTERS[index],
      count,
      inMetro: false,
    })),
  ];

  const sites: GeneratedSite[] = [];
  const usedNames = new Set<string>();
  for (const { cluster, count, inMetro } of plan) {
    if (cluster === undefined) continue;
    const commune = communes.find((area) => area.properties.pcode === cluster.communePcode);
    if (commune === undefined) throw new Error(`No commune polygon for ${cluster.communePcode}`);
    for (let index = 0; index < count; index++) {
      const position = drawPosition(random, cluster, commune, sites);
      const siteType: SiteType = random.weighted(inMetro ? METRO_TYPE_WEIGHTS : PROVINCE_TYPE_WEIGHTS);
      const place = random.pick(cluster.places);
      const department = departmentOf(commune.properties.pcode);
      sites.push({
        place,
        feature: {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: position },
          properties: {
            id: `HTI-SITE-${String(sites.length + 1).padStart(4, '0')}`,
            name: uniqueSiteName(random, siteType, place, usedNames),
            siteType,
            admin1Pcode: department.pcode,
            admin1Name: department.name,
            admin2Pcode: commune.properties.pcode,
            admin2Name: commune.properties.name,
            managementAgency: random.weighted(SITE_MANAGEMENT_AGENCIES),
            ...drawSiteFigures(random, siteType, inMetro),
            lastAssessment: randomIsoDate(random, FIRST_ASSESSMENT, LAST_ASSESSMENT),
          },
        },
      });
    }
  }
  return sites;
}

/** Splits `total` by weight with the largest-remainder rule, so counts are exact and stable. */
function allocate(clusters: readonly SiteCluster[], total: number): number[] {
  const weightSum = clusters.reduce((sum, cluster) => sum + cluster.weight, 0);
  const exact = clusters.map((cluster) => (total * cluster.weight) / weightSum);
  const counts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((first, second) => second.remainder - first.remainder || first.index - second.index);
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    missing--;
  }
  return counts;
}

function drawPosition(
  random: Random,
  cluster: SiteCluster,
  commune: AdminAreaFeature,
  placed: readonly GeneratedSite[],
): [number, number] {
  for (let attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt++) {
    const position = normalNear(random, cluster.centre, cluster.spreadKilometres);
    if (!booleanPointInPolygon(position, commune)) continue;
    const crowded = placed.some(
      (site) => distance(site.feature.geometry.coordinates, position) < MINIMUM_SEPARATION_KILOMETRES,
    );
    if (!crowded) return position;
  }
  throw new Error(`Could not place a site in ${commune.properties.name}: is the cluster centre inside it?`);
}
