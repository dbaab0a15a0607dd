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

/**
 * The commune with the highest host pressure in the summary (ties: more
 * arrivals, then name), or null when no commune has both arrivals and
 * displaced people in sites. Undefined pressures (no one displaced) never win.
 */
export function highestHostPressure(
  summary: Pick<MovementSummary, 'hostPressure' | 'arrivals'>,
  communes: readonly { pcode: string; name: string }[],
): { pcode: string; name: string; hostPressure: number } | null {
  let best: { pcode: string; name: string; hostPressure: number; arrivals: number } | null = null;
  communes.forEach((commune, index) => {
    const hostPressure = summary.hostPressure[index] ?? Number.NaN;
    const arrivals = summary.arrivals[index] ?? 0;
    if (!Number.isFinite(hostPressure) || hostPressure <= 0) return;
    const better =
      !best ||
      hostPressure > best.hostPressure ||
      (hostPressure === best.hostPressure &&
        (arrivals > best.arrivals || (arrivals === best.arrivals && commune.name < best.name)));
    if (better) best = { ...commune, hostPressure, arrivals };
  });
  if (!best) return null;
  const { pcode, name, hostPressure } = best;
  return { pcode, name, hostPressure };
}
