/**
 * The site filter's round conditions (issue 17): "people grew (or declined)
 * by at least X %" and "status: opened / continuing" between the two rounds
 * compared. They are part of the one site filter (site-filter.ts), so the
 * map, the table, the analyses, the exports, links and saved views follow
 * them; they read the comparison site by site (rounds/round-site-changes.ts)
 * and wait, unapplied, while no comparison is active.
 *
 * A site the comparison does not know, or whose change is unknown (a count
 * missing in a round, or no one there before), never passes a change
 * condition: an unknown is not a growth.
 */
import type { RoundSiteChange } from '../rounds/round-site-changes';

export const CHANGE_DIRECTIONS = ['grew', 'declined'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** "People grew (declined) by at least `percent` %" between the two rounds. */
export interface PeopleChangeCondition {
  direction: ChangeDirection;
  /** Whole percent, 0 or more. */
  percent: number;
}

/** Opened: new in the later round; continuing: in both (moved and renamed sites included). */
export const ROUND_STATUS_CONDITIONS = ['opened', 'continuing'] as const;
export type RoundStatusCondition = (typeof ROUND_STATUS_CONDITIONS)[number];

/** The round fields of the site filter. */
export interface RoundConditions {
  peopleChange: PeopleChangeCondition | null;
  roundStatus: RoundStatusCondition | null;
}

/** Highest percent kept (a site can grow tenfold; a decline stops at 100 %). */
const MAX_PERCENT = 100_000;

/** The number of round conditions set. */
export function roundConditionCount(filter: RoundConditions): number {
  return (filter.peopleChange !== null ? 1 : 0) + (filter.roundStatus !== null ? 1 : 0);
}

/** Canonical form: a known direction and a whole, bounded percent, else no condition. */
export function normaliseRoundConditions(filter: Partial<RoundConditions>): RoundConditions {
  const change = filter.peopleChange ?? null;
  const percent = change ? Math.round(change.percent) : Number.NaN;
  const peopleChange =
    change && CHANGE_DIRECTIONS.includes(change.direction) && percent >= 0 && percent <= MAX_PERCENT
      ? { direction: change.direction, percent }
      : null;
  const status = filter.roundStatus ?? null;
  return {
    peopleChange,
    roundStatus: status !== null && ROUND_STATUS_CONDITIONS.includes(status) ? status : null,
  };
}

/**
 * True when the site's change between the rounds meets every round
 * condition; `change` is undefined for a site the comparison does not know.
 * Integer arithmetic (change × 100 against percent × before), so 100 → 120
 * is exactly "grew by 20 %".
 */
export function roundConditionsMatch(filter: RoundConditions, change: RoundSiteChange | undefined): boolean {
  if (roundConditionCount(filter) === 0) return true;
  if (!change) return false;
  if (filter.roundStatus === 'opened' && change.status !== 'opened') return false;
  if (filter.roundStatus === 'continuing' && change.status === 'opened') return false;
  const condition = filter.peopleChange;
  if (condition) {
    const { before, change: difference } = change;
    if (!Number.isFinite(difference) || !Number.isFinite(before) || before <= 0) return false;
    const signed = condition.direction === 'grew' ? difference : -difference;
    if (!(signed * 100 >= condition.percent * before)) return false;
  }
  return true;
}
