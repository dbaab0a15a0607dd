/**
 * The rounds among the stored datasets: every sites dataset that has a date,
 * ordered by date, and the pair a comparison starts with.
 */
import type { RoundInfo } from './round-info';

/** What the series needs of a stored dataset's metadata. */
export interface RoundCandidate {
  id: string;
  name: string;
  role: string;
  featureCount: number;
  round?: RoundInfo;
}

/** One round of the series. */
export interface RoundEntry {
  id: string;
  name: string;
  featureCount: number;
  round: RoundInfo;
}

/** Two rounds to compare, by dataset id: `base` the earlier, `later` the later. */
export interface RoundPair {
  base: string;
  later: string;
}

const labelOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Dated sites datasets, earliest first (same date: by label, "Round 9" before "Round 10"). */
export function roundSeries(candidates: readonly RoundCandidate[]): RoundEntry[] {
  const entries: RoundEntry[] = [];
  for (const candidate of candidates)
    if (candidate.role === 'sites' && candidate.round)
      entries.push({
        id: candidate.id,
        name: candidate.name,
        featureCount: candidate.featureCount,
        round: candidate.round,
      });
  return entries.sort(
    (first, second) =>
      first.round.asOf.localeCompare(second.round.asOf) ||
      labelOrder.compare(first.round.label, second.round.label) ||
      first.id.localeCompare(second.id),
  );
}

/**
 * The pair to compare: the one asked for when both rounds are in the series
 * and the base comes first (a pair given the wrong way round is turned);
 * otherwise the two latest rounds. Null with fewer than two rounds.
 */
export function roundPair(series: readonly RoundEntry[], asked?: RoundPair | null): RoundPair | null {
  if (series.length < 2) return null;
  if (asked && asked.base !== asked.later) {
    const base = series.findIndex((entry) => entry.id === asked.base);
    const later = series.findIndex((entry) => entry.id === asked.later);
    if (base >= 0 && later >= 0)
      return base < later
        ? { base: asked.base, later: asked.later }
        : { base: asked.later, later: asked.base };
  }
  const [base, later] = series.slice(-2);
  return base && later ? { base: base.id, later: later.id } : null;
}

/**
 * The rounds a later one supersedes: by default only the latest date of the
 * series is shown, so the analyses do not count a site once per round (an
 * earlier round can still be shown by choice). Site lists of the same date
 * (two partners' lists of one round) stay shown together.
 */
export function supersededRoundIds(candidates: readonly RoundCandidate[]): Set<string> {
  const series = roundSeries(candidates);
  const latest = series.at(-1)?.round.asOf ?? '';
  return new Set(series.filter((entry) => entry.round.asOf < latest).map((entry) => entry.id));
}
