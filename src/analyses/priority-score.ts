/**
 * The priority score: a number a coordinator can explain in a meeting.
 *
 *   score = people × gap points
 *   gap points = water weight       × (no water point within 500 m: 1, else 0)
 *              + health weight      × (no health facility within the set reach: 1, else 0)
 *              + water-load weight  × (nearest water point beyond its Sphere capacity: 1, else 0)
 *              + hazard weight      × (worst hazard severity: low 1, medium 2, high 3; none 0)
 *              + shelter weight     × (below Sphere site area or covered space per person: 1, else 0)
 *
 * Weights are whole numbers from 0 to 5 (0 leaves a gap out), visible in the
 * analysis panel and carried by the link. Ties are broken by people (more
 * people first), so a 3,466-person site with one gap ranks above a 90-person
 * site with the same gap. Access constraints (gang control) are left out on
 * purpose: they say how a site can be reached, not what it lacks, and
 * leaving them out keeps the score free of the sensitive layer, so a ranked
 * list can be shared without the sensitivity label.
 */
import { SITE_FLAG, type SiteFlags } from '../../workers/analysis/site-flags';

export const PRIORITY_GAPS = ['water', 'health', 'waterLoad', 'hazard', 'shelter'] as const;
export type PriorityGap = (typeof PRIORITY_GAPS)[number];
export type PriorityWeights = Readonly<Record<PriorityGap, number>>;

export const PRIORITY_WEIGHT_MINIMUM = 0;
export const PRIORITY_WEIGHT_MAXIMUM = 5;

/** Water first (Sphere's most basic need), then health, then the rest. */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = Object.freeze({
  water: 3,
  health: 2,
  waterLoad: 1,
  hazard: 1,
  shelter: 1,
});

/** A weight within the limits, as a whole number; a non-number falls back to `fallback`. */
function weightIn(value: unknown, fallback: number): number {
  const number = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(number)) return fallback;
  return Math.min(PRIORITY_WEIGHT_MAXIMUM, Math.max(PRIORITY_WEIGHT_MINIMUM, Math.round(number)));
}

/** Weights clamped to 0–5 and rounded; missing ones take their default. */
export function normalisePriorityWeights(weights: Partial<Record<PriorityGap, unknown>>): PriorityWeights {
  return Object.fromEntries(
    PRIORITY_GAPS.map((gap) => [gap, weightIn(weights[gap], DEFAULT_PRIORITY_WEIGHTS[gap])]),
  ) as Record<PriorityGap, number>;
}

/** The points one gap adds, from a site's flag bits and worst hazard severity (−1 for none). */
const GAP_POINTS: Readonly<
  Record<PriorityGap, (bits: number, worst: number, weights: PriorityWeights) => number>
> = {
  water: (bits, _worst, weights) => (bits & SITE_FLAG.waterBeyondSphere ? weights.water : 0),
  health: (bits, _worst, weights) => (bits & SITE_FLAG.healthBeyondReach ? weights.health : 0),
  waterLoad: (bits, _worst, weights) => (bits & SITE_FLAG.waterPointOverloaded ? weights.waterLoad : 0),
  hazard: (_bits, worst, weights) => (worst >= 0 ? weights.hazard * (worst + 1) : 0),
  shelter: (bits, _worst, weights) =>
    bits & (SITE_FLAG.overcrowded | SITE_FLAG.coveredSpaceShort) ? weights.shelter : 0,
};

/** The gap points of site `index` (see the module comment). */
export function gapPoints(flags: SiteFlags, index: number, weights: PriorityWeights): number {
  const bits = flags.flags[index] ?? 0;
  const worst = flags.worstHazardSeverity[index] ?? -1;
  let points = 0;
  for (const gap of PRIORITY_GAPS) points += GAP_POINTS[gap](bits, worst, weights);
  return points;
}

/** The points each gap of site `index` adds (those adding none left out), in PRIORITY_GAPS order. */
export function gapBreakdown(
  flags: SiteFlags,
  index: number,
  weights: PriorityWeights,
): { gap: PriorityGap; points: number }[] {
  const bits = flags.flags[index] ?? 0;
  const worst = flags.worstHazardSeverity[index] ?? -1;
  return PRIORITY_GAPS.map((gap) => ({ gap, points: GAP_POINTS[gap](bits, worst, weights) })).filter(
    (part) => part.points > 0,
  );
}

/** The score of every site: people × gap points (NaN where people are unknown). */
export function priorityScores(
  flags: SiteFlags,
  individuals: ArrayLike<number>,
  weights: PriorityWeights,
): Float64Array {
  const scores = new Float64Array(flags.count);
  for (let index = 0; index < flags.count; index += 1) {
    const people = individuals[index] ?? Number.NaN;
    scores[index] = Number.isFinite(people) ? people * gapPoints(flags, index, weights) : Number.NaN;
  }
  return scores;
}

/** People counts are at most 10 million per site (see the import checks). */
const PEOPLE_SCALE = 1e7;

/**
 * A single numeric sort key that orders by score, then by people: the score
 * (a whole number) plus people as a fraction below 1. Exact while scores stay
 * below 2^53 × 10⁻⁷ ≈ 9 × 10⁸ (10 million people × 90 points).
 */
export function prioritySortKeys(
  flags: SiteFlags,
  individuals: ArrayLike<number>,
  weights: PriorityWeights,
): Float64Array {
  const scores = priorityScores(flags, individuals, weights);
  return scores.map((score, index) => {
    const people = individuals[index] ?? 0;
    return score + Math.min(Math.max(people, 0), PEOPLE_SCALE - 1) / PEOPLE_SCALE;
  });
}

/** The weights in a link: `3.2.1.1.1` in PRIORITY_GAPS order; null when they are the defaults. */
export function encodePriorityWeights(weights: PriorityWeights): string | null {
  const values = PRIORITY_GAPS.map((gap) => weights[gap]);
  return PRIORITY_GAPS.every((gap) => weights[gap] === DEFAULT_PRIORITY_WEIGHTS[gap])
    ? null
    : values.join('.');
}

/** Reads `encodePriorityWeights`' text; undefined when malformed. */
export function decodePriorityWeights(text: string | null): PriorityWeights | undefined {
  if (text === null || !/^[0-5](\.[0-5]){4}$/.test(text)) return undefined;
  const values = text.split('.').map(Number);
  return Object.fromEntries(PRIORITY_GAPS.map((gap, index) => [gap, values[index] ?? 0])) as Record<
    PriorityGap,
    number
  >;
}
