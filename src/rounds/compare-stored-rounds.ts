/**
 * Compares two stored rounds: their sites into columns here, the matching in
 * the analysis worker (the engine, workers/analysis/round-comparison.ts), and
 * the answer made into the figures, the change table and the map's marks.
 */
import type { Feature } from 'geojson';
import type { RoundComparison } from '../../workers/analysis/round-comparison';
import { communeNames, type RoundColumns, roundColumns } from './round-columns';
import { type RoundChangeMap, roundChangeMap } from './round-marks';
import type { RoundEntry } from './round-series';
import { roundSiteChanges } from './round-site-changes';
import { type RoundSummary, summariseRounds } from './round-summary';

/** The worker call that compares (the analysis worker's remote has it). */
export interface RoundComparer {
  compareRounds(before: RoundColumns, after: RoundColumns): Promise<RoundComparison>;
}

/** One round with its sites. */
export interface RoundWithSites {
  entry: RoundEntry;
  features: readonly Feature[];
}

export interface ComparedRounds {
  base: RoundEntry;
  later: RoundEntry;
  summary: RoundSummary;
  map: RoundChangeMap;
}

export async function compareStoredRounds(
  comparer: RoundComparer,
  base: RoundWithSites,
  later: RoundWithSites,
): Promise<ComparedRounds> {
  const before = roundColumns(base.features);
  const after = roundColumns(later.features);
  const comparison = await comparer.compareRounds(before, after);
  return {
    base: base.entry,
    later: later.entry,
    summary: summariseRounds(comparison, before, after, communeNames(base.features, later.features)),
    map: {
      ...roundChangeMap(comparison, before, after),
      sites: roundSiteChanges(comparison, before, after, {
        base: base.entry.round,
        later: later.entry.round,
      }),
    },
  };
}
