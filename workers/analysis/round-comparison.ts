/**
 * Two DTM rounds of one site list, compared (issue 17): sites matched by id,
 * then opened (only in the later round), closed (only in the earlier one) and
 * continuing; among the continuing, those renamed or moved; the change in
 * people and households per site, and per admin area (by the P-code each
 * round gives the site). Columnar input and typed-array output, so two rounds
 * of 100k sites compare in a few tens of milliseconds in the worker.
 *
 * Nothing is invented: a count missing in either round makes that site's
 * change unknown, and the totals say how many sites that leaves out. An id
 * given twice in one round is reported and only its first row is matched.
 */
import { distanceMetres } from './geodesy';

/** One round's sites as columns; NaN marks a missing count or a site without coordinates. */
export interface RoundColumns {
  ids: readonly string[];
  names: readonly string[];
  longitudes: Float64Array;
  latitudes: Float64Array;
  individuals: Float64Array;
  households: Float64Array;
  /** The admin area (commune P-code) each site is counted in; '' when unknown. */
  adminCodes: readonly string[];
}

/** Per admin area: sites and people in each round, sites opened and closed. */
export interface AdminChange {
  code: string;
  sitesBefore: number;
  sitesAfter: number;
  opened: number;
  closed: number;
  /** Sum over the sites whose people are known in that round. */
  peopleBefore: number;
  peopleAfter: number;
}

export interface RoundComparison {
  /** Indices into the later round of the sites it alone has. */
  opened: Int32Array;
  /** Indices into the earlier round of the sites it alone has. */
  closed: Int32Array;
  /** Continuing sites: index in the earlier round and in the later one, pair by pair. */
  continuingBefore: Int32Array;
  continuingAfter: Int32Array;
  /** Per continuing site: change in people and households (NaN when either round lacks the count). */
  peopleChange: Float64Array;
  householdChange: Float64Array;
  /** Positions (in the continuing arrays) of sites whose name changed. */
  renamed: Int32Array;
  /** Positions (in the continuing arrays) of sites that moved more than the threshold. */
  moved: Int32Array;
  /** Ids given more than once in a round (only the first row of each is matched). */
  duplicateIds: { before: string[]; after: string[] };
  /** Country totals; `peopleUnknown` counts the continuing sites whose change is unknown. */
  totals: {
    sitesBefore: number;
    sitesAfter: number;
    peopleBefore: number;
    peopleAfter: number;
    peopleUnknown: number;
  };
  byAdmin: AdminChange[];
}

/** A site that moved further than this between rounds is reported as moved (a new place, or a typo). */
export const MOVED_THRESHOLD_METRES = 250;

/** First row of every id, and the ids seen more than once. */
function indexIds(ids: readonly string[]): { index: Map<string, number>; duplicates: string[] } {
  const index = new Map<string, number>();
  const duplicates = new Set<string>();
  for (let row = 0; row < ids.length; row += 1) {
    const id = ids[row] ?? '';
    if (index.has(id)) duplicates.add(id);
    else index.set(id, row);
  }
  return { index, duplicates: [...duplicates] };
}

/** Counts known in a round add up; NaN (unknown) does not. */
const known = (value: number) => (Number.isNaN(value) ? 0 : value);

/** Compares two rounds; `before` is the earlier one. */
export function compareRounds(before: RoundColumns, after: RoundColumns): RoundComparison {
  const earlier = indexIds(before.ids);
  const later = indexIds(after.ids);
  const admin = new Map<string, AdminChange>();
  const area = (code: string): AdminChange => {
    let entry = admin.get(code);
    if (!entry) {
      entry = { code, sitesBefore: 0, sitesAfter: 0, opened: 0, closed: 0, peopleBefore: 0, peopleAfter: 0 };
      admin.set(code, entry);
    }
    return entry;
  };

  const closed: number[] = [];
  const continuingBefore: number[] = [];
  const continuingAfter: number[] = [];
  let peopleBefore = 0;
  for (const [id, row] of earlier.index) {
    const entry = area(before.adminCodes[row] ?? '');
    const people = known(before.individuals[row] ?? Number.NaN);
    entry.sitesBefore += 1;
    entry.peopleBefore += people;
    peopleBefore += people;
    const match = later.index.get(id);
    if (match === undefined) {
      closed.push(row);
      entry.closed += 1;
    } else {
      continuingBefore.push(row);
      continuingAfter.push(match);
    }
  }
  const opened: number[] = [];
  let peopleAfter = 0;
  for (const [id, row] of later.index) {
    const entry = area(after.adminCodes[row] ?? '');
    const people = known(after.individuals[row] ?? Number.NaN);
    entry.sitesAfter += 1;
    entry.peopleAfter += people;
    peopleAfter += people;
    if (!earlier.index.has(id)) {
      opened.push(row);
      entry.opened += 1;
    }
  }

  const pairs = continuingBefore.length;
  const peopleChange = new Float64Array(pairs);
  const householdChange = new Float64Array(pairs);
  const renamed: number[] = [];
  const moved: number[] = [];
  let peopleUnknown = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    const from = continuingBefore[pair] ?? 0;
    const to = continuingAfter[pair] ?? 0;
    // NaN minus anything stays NaN: an unknown count gives an unknown change.
    peopleChange[pair] = (after.individuals[to] ?? Number.NaN) - (before.individuals[from] ?? Number.NaN);
    householdChange[pair] = (after.households[to] ?? Number.NaN) - (before.households[from] ?? Number.NaN);
    if (Number.isNaN(peopleChange[pair])) peopleUnknown += 1;
    if ((before.names[from] ?? '').trim() !== (after.names[to] ?? '').trim()) renamed.push(pair);
    const distance = distanceMetres(
      before.longitudes[from] ?? Number.NaN,
      before.latitudes[from] ?? Number.NaN,
      after.longitudes[to] ?? Number.NaN,
      after.latitudes[to] ?? Number.NaN,
    );
    if (distance > MOVED_THRESHOLD_METRES) moved.push(pair);
  }

  return {
    opened: Int32Array.from(opened),
    closed: Int32Array.from(closed),
    continuingBefore: Int32Array.from(continuingBefore),
    continuingAfter: Int32Array.from(continuingAfter),
    peopleChange,
    householdChange,
    renamed: Int32Array.from(renamed),
    moved: Int32Array.from(moved),
    duplicateIds: { before: earlier.duplicates, after: later.duplicates },
    totals: {
      sitesBefore: earlier.index.size,
      sitesAfter: later.index.size,
      peopleBefore,
      peopleAfter,
      peopleUnknown,
    },
    byAdmin: [...admin.values()].sort((first, second) => first.code.localeCompare(second.code)),
  };
}
