/**
 * Movement records aggregated (issue 17): for a period and a set of
 * categories (repatriation by land, air or sea; internal displacement…),
 * arrivals and departures per admin area, the top origin–destination pairs,
 * and "host pressure" — arrivals in an area against the displaced people
 * already in its sites. Columnar input (one typed array per field), so a
 * million records aggregate in one pass without an object per record.
 */

/** Movement records as columns; areas are indices into the caller's list of admin areas. */
export interface FlowColumns {
  /** Origin area index, or -1 when the origin is outside the list (abroad, unknown). */
  origins: Int32Array;
  /** Destination area index, or -1 when outside the list. */
  destinations: Int32Array;
  /** People moved. */
  counts: Float64Array;
  /** Days since 1970-01-01 (UTC) of each record. */
  days: Int32Array;
  /** Category index of each record. */
  categories: Uint8Array;
}

export interface FlowSelection {
  /** First and last day included (days since 1970-01-01). */
  fromDay: number;
  toDay: number;
  /** Category indices included. */
  categories: ReadonlySet<number>;
}

export interface FlowPair {
  origin: number;
  destination: number;
  count: number;
}

export interface FlowAggregate {
  /** People arriving in each area (index as in the records). */
  arrivals: Float64Array;
  departures: Float64Array;
  /** People arriving from outside the list of areas (abroad: repatriations). */
  arrivalsFromOutside: number;
  /** Records in the selection, and people they move. */
  recordCount: number;
  people: number;
  /** The largest origin–destination pairs, largest first (ties by origin, then destination). */
  topPairs: FlowPair[];
}

/** Aggregates the records of the selection over `areaCount` areas; `topCount` pairs are kept. */
export function aggregateFlows(
  flows: FlowColumns,
  selection: FlowSelection,
  areaCount: number,
  topCount = 10,
): FlowAggregate {
  const arrivals = new Float64Array(areaCount);
  const departures = new Float64Array(areaCount);
  // Origin −1 (outside) gets its own row: pair key = (origin + 1) × (areaCount + 1) + (destination + 1).
  const side = areaCount + 1;
  const pairs = new Map<number, number>();
  const selected = new Uint8Array(256);
  for (const category of selection.categories) selected[category] = 1;
  let arrivalsFromOutside = 0;
  let recordCount = 0;
  let people = 0;
  const { origins, destinations, counts, days, categories } = flows;
  for (let record = 0; record < counts.length; record += 1) {
    const day = days[record] ?? 0;
    if (day < selection.fromDay || day > selection.toDay || selected[categories[record] ?? 0] === 0) continue;
    const count = counts[record] ?? 0;
    const origin = origins[record] ?? -1;
    const destination = destinations[record] ?? -1;
    recordCount += 1;
    people += count;
    if (destination >= 0) {
      arrivals[destination] = (arrivals[destination] ?? 0) + count;
      if (origin < 0) arrivalsFromOutside += count;
    }
    if (origin >= 0) departures[origin] = (departures[origin] ?? 0) + count;
    const key = (origin + 1) * side + destination + 1;
    pairs.set(key, (pairs.get(key) ?? 0) + count);
  }
  const topPairs = [...pairs]
    .map(([key, count]) => ({ origin: Math.floor(key / side) - 1, destination: (key % side) - 1, count }))
    .sort(
      (first, second) =>
        second.count - first.count || first.origin - second.origin || first.destination - second.destination,
    )
    .slice(0, topCount);
  return { arrivals, departures, arrivalsFromOutside, recordCount, people, topPairs };
}

/**
 * Host pressure per area: arrivals in the period per displaced person already
 * in its sites. NaN where no one is displaced there (the ratio is undefined,
 * not zero), so a choropleth can show "no sites" apart from "no pressure".
 */
export function hostPressure(arrivals: Float64Array, displacedInSites: Float64Array): Float64Array {
  const pressure = new Float64Array(arrivals.length);
  for (let area = 0; area < arrivals.length; area += 1) {
    const displaced = displacedInSites[area] ?? 0;
    pressure[area] = displaced > 0 ? (arrivals[area] ?? 0) / displaced : Number.NaN;
  }
  return pressure;
}

/** An aggregate with the host pressure of each area, as the flows panel reads it. */
export interface MovementSummary extends FlowAggregate {
  hostPressure: Float64Array;
}

/** Aggregates the selection and sets its arrivals against the displaced people in each area's sites. */
export function summariseMovements(
  flows: FlowColumns,
  selection: FlowSelection,
  displacedInSites: Float64Array,
  topCount = 10,
): MovementSummary {
  const aggregate = aggregateFlows(flows, selection, displacedInSites.length, topCount);
  return { ...aggregate, hostPressure: hostPressure(aggregate.arrivals, displacedInSites) };
}
