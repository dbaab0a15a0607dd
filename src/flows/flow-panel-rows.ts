/**
 * The flows panel's tables from the engine's summary (issue 17): communes
 * with arrivals or departures in the selection, most arrivals first, with
 * their host pressure; and the largest origin–destination pairs by name (a
 * point of entry by its own; null names the outside). Arrivals from abroad
 * are those through the points of entry and from outside.
 */
import type { MovementSummary } from '../../workers/analysis/flow-aggregation';
import { POINTS_OF_ENTRY } from './points-of-entry';

export interface CommuneMovementRow {
  pcode: string;
  name: string;
  arrivals: number;
  departures: number;
  /** Arrivals per displaced person already in the commune's sites; NaN where no one is. */
  hostPressure: number;
}

export interface PairRow {
  origin: string | null;
  destination: string | null;
  count: number;
}

export interface MovementRows {
  communes: CommuneMovementRow[];
  pairs: PairRow[];
  people: number;
  recordCount: number;
  arrivalsFromAbroad: number;
}

/** At most `limit` communes, most arrivals first (then departures, then name). */
export function movementRows(
  summary: MovementSummary,
  communes: readonly { pcode: string; name: string }[],
  limit = 10,
): MovementRows {
  const rows = communes
    .map((commune, index) => ({
      pcode: commune.pcode,
      name: commune.name,
      arrivals: summary.arrivals[index] ?? 0,
      departures: summary.departures[index] ?? 0,
      hostPressure: summary.hostPressure[index] ?? Number.NaN,
    }))
    .filter((row) => row.arrivals > 0 || row.departures > 0)
    .sort(
      (first, second) =>
        second.arrivals - first.arrivals ||
        second.departures - first.departures ||
        first.name.localeCompare(second.name),
    )
    .slice(0, limit);
  const nameOf = (index: number) =>
    index < 0 ? null : (communes[index]?.name ?? POINTS_OF_ENTRY[index - communes.length]?.name ?? null);
  let throughEntries = 0;
  for (let index = communes.length; index < summary.departures.length; index += 1)
    throughEntries += summary.departures[index] ?? 0;
  return {
    communes: rows,
    pairs: summary.topPairs.map((pair) => ({
      origin: nameOf(pair.origin),
      destination: nameOf(pair.destination),
      count: pair.count,
    })),
    people: summary.people,
    recordCount: summary.recordCount,
    arrivalsFromAbroad: summary.arrivalsFromOutside + throughEntries,
  };
}
