/**
 * What a comparison of two rounds says, ready to show: the key figures and
 * the per-commune change table, from the engine's answer and the two rounds'
 * columns. A count missing in a round is unknown: it adds nothing to the
 * people totals and is counted and said apart, never read as 0.
 */
import type { RoundColumns, RoundComparison } from '../../workers/analysis/round-comparison';

/** One commune's line of the change table. */
export interface CommuneChange {
  /** P-code; '' for sites no commune was given for. */
  code: string;
  name: string;
  sitesBefore: number;
  sitesAfter: number;
  sitesChange: number;
  /** People in the sites whose count is known in that round. */
  peopleBefore: number;
  peopleAfter: number;
  peopleChange: number;
  /** Sites whose people are unknown, in each round. */
  unknownBefore: number;
  unknownAfter: number;
}

export interface RoundSummary {
  sitesBefore: number;
  sitesAfter: number;
  sitesChange: number;
  peopleBefore: number;
  peopleAfter: number;
  peopleChange: number;
  /** Sites whose people are unknown in the earlier and in the later round. */
  unknownBefore: number;
  unknownAfter: number;
  opened: number;
  closed: number;
  continuing: number;
  moved: number;
  renamed: number;
  /** Continuing sites whose change in people cannot be known (a count missing in one round). */
  changeUnknown: number;
  /** Largest change in people first, then in sites, then by name. */
  communes: CommuneChange[];
}

/** Sites whose people are unknown, per commune, counted over the first row of each id (as the engine matches). */
function unknownByCommune(columns: RoundColumns): Map<string, number> {
  const unknown = new Map<string, number>();
  const seen = new Set<string>();
  columns.ids.forEach((id, row) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (!Number.isNaN(columns.individuals[row] ?? Number.NaN)) return;
    const code = columns.adminCodes[row] ?? '';
    unknown.set(code, (unknown.get(code) ?? 0) + 1);
  });
  return unknown;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, value) => sum + value, 0);

/** The key figures and change table of a comparison; `names` maps commune P-codes to names. */
export function summariseRounds(
  comparison: RoundComparison,
  before: RoundColumns,
  after: RoundColumns,
  names: ReadonlyMap<string, string>,
): RoundSummary {
  const unknownBefore = unknownByCommune(before);
  const unknownAfter = unknownByCommune(after);
  const communes = comparison.byAdmin.map(
    (area): CommuneChange => ({
      code: area.code,
      name: names.get(area.code) ?? area.code,
      sitesBefore: area.sitesBefore,
      sitesAfter: area.sitesAfter,
      sitesChange: area.sitesAfter - area.sitesBefore,
      peopleBefore: area.peopleBefore,
      peopleAfter: area.peopleAfter,
      peopleChange: area.peopleAfter - area.peopleBefore,
      unknownBefore: unknownBefore.get(area.code) ?? 0,
      unknownAfter: unknownAfter.get(area.code) ?? 0,
    }),
  );
  communes.sort(
    (first, second) =>
      Math.abs(second.peopleChange) - Math.abs(first.peopleChange) ||
      Math.abs(second.sitesChange) - Math.abs(first.sitesChange) ||
      first.name.localeCompare(second.name),
  );
  const { totals } = comparison;
  return {
    sitesBefore: totals.sitesBefore,
    sitesAfter: totals.sitesAfter,
    sitesChange: totals.sitesAfter - totals.sitesBefore,
    peopleBefore: totals.peopleBefore,
    peopleAfter: totals.peopleAfter,
    peopleChange: totals.peopleAfter - totals.peopleBefore,
    unknownBefore: total(unknownBefore),
    unknownAfter: total(unknownAfter),
    opened: comparison.opened.length,
    closed: comparison.closed.length,
    continuing: comparison.continuingAfter.length,
    moved: comparison.moved.length,
    renamed: comparison.renamed.length,
    changeUnknown: totals.peopleUnknown,
    communes,
  };
}
