/**
 * A comparison of two rounds, site by site, for the site table, the site
 * filter and the products (issue 17): for every site of the later round, its
 * people in each round, the change and its status, looked up by site id; the
 * number of closed sites (they are not in the later round, so no table row
 * shows them) and the two rounds compared, for the products' line.
 *
 * Nothing is invented: a count missing in either round leaves the change
 * unknown (NaN), and an opened site has no "before".
 */
import type { RoundColumns, RoundComparison } from '../../workers/analysis/round-comparison';
import type { RoundInfo } from './round-info';

/** How a site of the later round stands: new, or there before (and then moved or renamed, or neither). */
export const ROUND_SITE_STATUSES = ['opened', 'continuing', 'moved', 'renamed'] as const;
export type RoundSiteStatus = (typeof ROUND_SITE_STATUSES)[number];

/** One site of the later round. */
export interface RoundSiteChange {
  /** People in the base round (NaN: opened, or not counted then). */
  before: number;
  /** People in the later round (NaN: not counted). */
  after: number;
  /** `after − before` (NaN when either is unknown or the site opened). */
  change: number;
  /** The change as a fraction of `before` (NaN when unknown or `before` is 0). */
  fraction: number;
  /** A site both moved and renamed is said moved: its place is what planning reads first. */
  status: RoundSiteStatus;
}

export interface RoundSiteChanges {
  base: RoundInfo;
  later: RoundInfo;
  /** The later round's sites by id (the first row of an id given twice, as the engine matches). */
  byId: ReadonlyMap<string, RoundSiteChange>;
  /** Sites of the base round missing from the later one. */
  closed: number;
}

/** The change as a fraction of the people before; NaN when unknown or nothing to compare with. */
export function changeFraction(before: number, after: number): number {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before <= 0) return Number.NaN;
  return (after - before) / before;
}

/** Site by site, from the engine's answer and the two rounds' columns. */
export function roundSiteChanges(
  comparison: RoundComparison,
  before: RoundColumns,
  after: RoundColumns,
  rounds: { base: RoundInfo; later: RoundInfo },
): RoundSiteChanges {
  const byId = new Map<string, RoundSiteChange>();
  const moved = new Set(comparison.moved);
  const renamed = new Set(comparison.renamed);
  comparison.continuingAfter.forEach((row, pair) => {
    const from = comparison.continuingBefore[pair] ?? 0;
    const people = before.individuals[from] ?? Number.NaN;
    const now = after.individuals[row] ?? Number.NaN;
    byId.set(after.ids[row] ?? '', {
      before: people,
      after: now,
      change: now - people,
      fraction: changeFraction(people, now),
      status: moved.has(pair) ? 'moved' : renamed.has(pair) ? 'renamed' : 'continuing',
    });
  });
  for (const row of comparison.opened) {
    const now = after.individuals[row] ?? Number.NaN;
    byId.set(after.ids[row] ?? '', {
      before: Number.NaN,
      after: now,
      change: Number.NaN,
      fraction: Number.NaN,
      status: 'opened',
    });
  }
  return { base: rounds.base, later: rounds.later, byId, closed: comparison.closed.length };
}
