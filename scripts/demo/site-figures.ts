/**
 * The numbers of a synthetic site (size, crowding, needs), drawn so they
 * relate the way they do in real DTM rounds: a few very large sites and many
 * small ones, collective centres more crowded than planned camps, and the
 * largest, most crowded sites with the highest shelter and WASH needs.
 */
import type { NeedSeverity, SiteType } from '../../src/domain/types';
import type { Random } from './random';

export interface SiteFigures {
  households: number;
  individuals: number;
  areaSquareMetres: number;
  needShelter: NeedSeverity;
  needWash: NeedSeverity;
  needHealth: NeedSeverity;
  needProtection: NeedSeverity;
}

/** Type mix: spontaneous sites and collective centres dominate in the capital. */
export const METRO_TYPE_WEIGHTS: readonly (readonly [SiteType, number])[] = [
  ['spontaneous_site', 52],
  ['collective_centre', 36],
  ['planned_camp', 4],
  ['transit_centre', 4],
  ['evacuation_centre', 4],
];

export const PROVINCE_TYPE_WEIGHTS: readonly (readonly [SiteType, number])[] = [
  ['spontaneous_site', 30],
  ['collective_centre', 38],
  ['planned_camp', 8],
  ['transit_centre', 8],
  ['evacuation_centre', 16],
];

/** Median households and median space per person (m² of site area) by type. */
const TYPE_PROFILE: Record<SiteType, { medianHouseholds: number; medianSpace: number }> = {
  spontaneous_site: { medianHouseholds: 160, medianSpace: 18 },
  collective_centre: { medianHouseholds: 80, medianSpace: 13 },
  planned_camp: { medianHouseholds: 450, medianSpace: 50 },
  transit_centre: { medianHouseholds: 60, medianSpace: 25 },
  evacuation_centre: { medianHouseholds: 60, medianSpace: 16 },
};

const MINIMUM_HOUSEHOLDS = 5;
const MAXIMUM_HOUSEHOLDS = 3000;
const MINIMUM_SPACE = 8;
const MAXIMUM_SPACE = 80;
/** Sphere: total site area of 45 m² per person; below it a site is crowded. */
const SPHERE_SPACE = 45;

const clamp = (value: number, minimum: number, maximum: number): number =>
  Math.min(maximum, Math.max(minimum, value));

/** A 0–1 score to the 1–5 severity scale, with some noise so needs do not look computed. */
function toSeverity(random: Random, score: number): NeedSeverity {
  return clamp(Math.round(1 + 4 * score + 0.45 * random.normal()), 1, 5) as NeedSeverity;
}

export function drawSiteFigures(random: Random, siteType: SiteType, inMetro: boolean): SiteFigures {
  const profile = TYPE_PROFILE[siteType];
  const households = Math.round(
    clamp(
      profile.medianHouseholds * Math.exp(0.95 * random.normal()),
      MINIMUM_HOUSEHOLDS,
      MAXIMUM_HOUSEHOLDS,
    ),
  );
  const individuals = Math.round(households * random.between(3.5, 5));

  // Bigger sites are denser: people crowd into the few large open spaces left.
  const sizeFactor = (households / profile.medianHouseholds) ** -0.15;
  const spacePerPerson = clamp(
    profile.medianSpace * sizeFactor * Math.exp(0.4 * random.normal()),
    MINIMUM_SPACE,
    MAXIMUM_SPACE,
  );
  const areaSquareMetres = Math.round(individuals * spacePerPerson);

  const crowding = clamp(
    Math.log(SPHERE_SPACE / spacePerPerson) / Math.log(SPHERE_SPACE / MINIMUM_SPACE),
    0,
    1,
  );
  const size = Math.log(households / MINIMUM_HOUSEHOLDS) / Math.log(MAXIMUM_HOUSEHOLDS / MINIMUM_HOUSEHOLDS);
  const insecurity = inMetro ? 0.8 : 0.3;
  return {
    households,
    individuals,
    areaSquareMetres,
    needShelter: toSeverity(random, 0.55 * crowding + 0.3 * size + 0.15 * random.next()),
    needWash: toSeverity(random, 0.45 * crowding + 0.35 * size + 0.2 * random.next()),
    needHealth: toSeverity(random, 0.25 * crowding + 0.25 * size + 0.5 * random.next()),
    needProtection: toSeverity(
      random,
      0.15 * crowding + 0.15 * size + 0.4 * insecurity + 0.3 * random.next(),
    ),
  };
}
