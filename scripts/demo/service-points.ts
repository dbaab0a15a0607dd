/**
 * Synthetic service points: water points, health facilities and
 * distribution points, placed around the sites. Water coverage leaves
 * deliberate gaps — pockets of sites with no water point within the Sphere
 * 500 m — because finding those gaps is the first question a CCCM
 * coordinator asks of the map.
 */
import { distance } from '@turf/turf';
import type {
  AdminAreaFeature,
  ServicePointFeature,
  ServicePointProperties,
  WaterPointType,
} from '../../src/domain/types';
import { DISTRIBUTION_OPERATORS, HEALTH_OPERATORS, WATER_OPERATORS } from './organisations';
import type { Random } from './random';
import { insideAny, ringNear } from './sampling';
import type { GeneratedSite } from './sites';

/** Sphere: at most 500 m from shelter to the nearest water point. */
export const WATER_DISTANCE_KILOMETRES = 0.5;
const WATER_POINT_TARGET = 150;
/** Share of sites put in no-water pockets before placement; crowding adds a few more. */
const UNSERVED_POCKET_SHARE = 0.17;
const POCKET_RADIUS_KILOMETRES = 0.35;
/** Keeps new water points clearly outside the pockets, whatever the rounding. */
const POCKET_MARGIN_KILOMETRES = 0.03;
const PLACEMENT_ATTEMPTS = 30;

const HEALTH_FACILITY_PLAN = [
  { count: 8, label: (place: string) => `Hôpital communautaire — ${place}` },
  { count: 20, label: (place: string) => `Centre de santé — ${place}` },
  { count: 12, label: (place: string) => `Clinique mobile — ${place}` },
] as const;

const DISTRIBUTION_LABELS = [
  (place: string) => `Point de distribution abris — ${place}`,
  (place: string) => `Point de distribution NFI — ${place}`,
  (place: string) => `Point de distribution alimentaire — ${place}`,
] as const;
const DISTRIBUTION_POINT_COUNT = 30;

const WATER_POINT_KINDS: readonly {
  type: WaterPointType;
  weight: number;
  label: string;
  litresPerDay: [number, number];
}[] = [
  { type: 'tap', weight: 45, label: 'Borne-fontaine', litresPerDay: [5000, 20000] },
  { type: 'hand_pump', weight: 35, label: 'Pompe à main', litresPerDay: [3000, 8000] },
  { type: 'well', weight: 20, label: 'Puits', litresPerDay: [2000, 6000] },
];

type Position = [number, number];

export function buildServicePoints(
  random: Random,
  sites: readonly GeneratedSite[],
  communes: readonly AdminAreaFeature[],
): ServicePointFeature[] {
  const points: { position: Position; properties: Omit<ServicePointProperties, 'id'> }[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (base: string): string => {
    let name = base;
    for (let number = 2; usedNames.has(name); number++) name = `${base} ${number}`;
    usedNames.add(name);
    return name;
  };
  const onLand = (position: Position): boolean => insideAny(position, communes);

  // Water: first the pockets that must stay dry, then one point for every
  // other site that still lacks one, then extra points at random sites.
  const unserved = pickUnservedPockets(random, sites);
  const waterPositions: Position[] = [];
  const awayFromPockets = (position: Position): boolean =>
    unserved.every(
      (site) =>
        distance(site.feature.geometry.coordinates, position) >
        WATER_DISTANCE_KILOMETRES + POCKET_MARGIN_KILOMETRES,
    );
  const served = shuffled(
    random,
    sites.filter((site) => !unserved.includes(site)),
  );
  const uncoveredNear = (position: Position): number =>
    served.filter(
      (site) =>
        distance(site.feature.geometry.coordinates, position) <= WATER_DISTANCE_KILOMETRES &&
        !waterPositions.some(
          (water) => distance(site.feature.geometry.coordinates, water) <= WATER_DISTANCE_KILOMETRES,
        ),
    ).length;
  /**
   * Puts a water point near the site, at the best of a few candidate spots
   * (the one reaching most still-uncovered sites), as a WASH cluster would
   * site a tap stand to serve several sites at once.
   */
  const placeWater = (site: GeneratedSite): boolean => {
    let best: { position: Position; reach: number } | undefined;
    for (let attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
      const position = ringNear(random, site.feature.geometry.coordinates as Position, 0.03, 0.48);
      if (!onLand(position) || !awayFromPockets(position)) continue;
      const reach = uncoveredNear(position);
      if (best === undefined || reach > best.reach) best = { position, reach };
    }
    if (best === undefined) return false;
    const kind = random.weighted(WATER_POINT_KINDS.map((entry) => [entry, entry.weight] as const));
    const [minimum, maximum] = kind.litresPerDay;
    waterPositions.push(best.position);
    points.push({
      position: best.position,
      properties: {
        name: uniqueName(`${kind.label} ${site.place}`),
        serviceType: 'water',
        waterPointType: kind.type,
        capacityLitresPerDay: Math.round(random.between(minimum, maximum) / 500) * 500,
        operator: random.weighted(WATER_OPERATORS),
      },
    });
    return true;
  };
  for (const site of served) {
    const covered = waterPositions.some(
      (position) => distance(site.feature.geometry.coordinates, position) <= WATER_DISTANCE_KILOMETRES,
    );
    if (!covered) placeWater(site);
  }
  for (
    let guard = 0;
    waterPositions.length < WATER_POINT_TARGET && guard < 10 * WATER_POINT_TARGET;
    guard++
  ) {
    placeWater(random.pick(served));
  }

  // Health: hospitals and health centres a short trip away, mobile clinics in the sites.
  for (const { count, label } of HEALTH_FACILITY_PLAN) {
    const mobile = label('').startsWith('Clinique mobile');
    for (let index = 0; index < count; index++) {
      const site = random.pick(sites);
      const position = placeNear(random, site, mobile ? 0.05 : 0.3, mobile ? 0.25 : 2, onLand);
      points.push({
        position,
        properties: {
          name: uniqueName(label(site.place)),
          serviceType: 'health',
          operator: random.weighted(HEALTH_OPERATORS),
        },
      });
    }
  }

  for (let index = 0; index < DISTRIBUTION_POINT_COUNT; index++) {
    const site = random.pick(sites);
    points.push({
      position: placeNear(random, site, 0.05, 0.8, onLand),
      properties: {
        name: uniqueName(random.pick(DISTRIBUTION_LABELS)(site.place)),
        serviceType: 'distribution',
        operator: random.weighted(DISTRIBUTION_OPERATORS),
      },
    });
  }

  return points.map(({ position, properties }, index) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: position },
    properties: { id: `HTI-SVC-${String(index + 1).padStart(4, '0')}`, ...properties },
  }));
}

/**
 * Whole neighbourhoods without water, as in real assessments, rather than
 * isolated random sites: each pocket takes a site and its close neighbours.
 */
function pickUnservedPockets(random: Random, sites: readonly GeneratedSite[]): GeneratedSite[] {
  const target = Math.round(UNSERVED_POCKET_SHARE * sites.length);
  const unserved = new Set<GeneratedSite>();
  for (const seed of shuffled(random, sites)) {
    if (unserved.size >= target) break;
    if (unserved.has(seed)) continue;
    for (const site of sites) {
      const near =
        distance(seed.feature.geometry.coordinates, site.feature.geometry.coordinates) <=
        POCKET_RADIUS_KILOMETRES;
      if (near && unserved.size < target) unserved.add(site);
    }
  }
  return sites.filter((site) => unserved.has(site));
}

function placeNear(
  random: Random,
  site: GeneratedSite,
  minimumKilometres: number,
  maximumKilometres: number,
  onLand: (position: Position) => boolean,
): Position {
  const centre = site.feature.geometry.coordinates as Position;
  for (let attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
    const position = ringNear(random, centre, minimumKilometres, maximumKilometres);
    if (onLand(position)) return position;
  }
  // The site itself is on land, so falling back onto it is always valid.
  return centre;
}

/** Fisher–Yates on a copy. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    const current = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = current;
  }
  return copy;
}
