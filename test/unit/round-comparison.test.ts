/**
 * Comparing two DTM rounds (issue 17): matching by id, opened / closed /
 * continuing, renamed and moved sites, changes per site and per commune, and
 * unknown counts kept unknown (never read as 0).
 */
import { describe, expect, it } from 'vitest';
import { compareRounds, type RoundColumns } from '../../workers/analysis/round-comparison';

interface Row {
  id: string;
  name: string;
  at: [number, number];
  people: number | null;
  households?: number | null;
  commune: string;
}

function round(rows: readonly Row[]): RoundColumns {
  const numbers = (pick: (row: Row) => number | null | undefined) =>
    Float64Array.from(rows, (row) => pick(row) ?? Number.NaN);
  return {
    ids: rows.map((row) => row.id),
    names: rows.map((row) => row.name),
    longitudes: numbers((row) => row.at[0]),
    latitudes: numbers((row) => row.at[1]),
    individuals: numbers((row) => row.people),
    households: numbers((row) => row.households),
    adminCodes: rows.map((row) => row.commune),
  };
}

const DELMAS = 'HT0113';
const TABARRE = 'HT0114';

const round24 = round([
  {
    id: 'S1',
    name: 'Lycée Marie-Jeanne',
    at: [-72.3, 18.54],
    people: 1200,
    households: 300,
    commune: DELMAS,
  },
  { id: 'S2', name: 'Place Boyer', at: [-72.29, 18.51], people: 800, households: 200, commune: DELMAS },
  { id: 'S3', name: 'Église Saint-Yves', at: [-72.27, 18.57], people: 450, households: 90, commune: TABARRE },
  { id: 'S4', name: 'Terrain Acra', at: [-72.28, 18.55], people: null, commune: TABARRE },
]);
const round25 = round([
  // S1 grew; S2 closed; S3 renamed and moved 1 km; S4 still without a count; S5 opened.
  {
    id: 'S1',
    name: 'Lycée Marie-Jeanne',
    at: [-72.3, 18.54],
    people: 1500,
    households: 360,
    commune: DELMAS,
  },
  { id: 'S3', name: 'Eglise St-Yves', at: [-72.27, 18.579], people: 400, households: 85, commune: TABARRE },
  { id: 'S4', name: 'Terrain Acra', at: [-72.28, 18.55], people: 600, commune: TABARRE },
  { id: 'S5', name: 'École nationale', at: [-72.31, 18.53], people: 2000, households: 410, commune: DELMAS },
]);

describe('comparing two rounds', () => {
  const comparison = compareRounds(round24, round25);
  const idsOf = (indices: Int32Array, columns: RoundColumns) =>
    [...indices].map((index) => columns.ids[index]);

  it('finds the opened, closed and continuing sites by id', () => {
    expect(idsOf(comparison.opened, round25)).toEqual(['S5']);
    expect(idsOf(comparison.closed, round24)).toEqual(['S2']);
    expect(idsOf(comparison.continuingBefore, round24)).toEqual(['S1', 'S3', 'S4']);
    expect(idsOf(comparison.continuingAfter, round25)).toEqual(['S1', 'S3', 'S4']);
  });

  it('gives each continuing site its change, unknown where a round lacks the count', () => {
    expect([...comparison.peopleChange]).toEqual([300, -50, Number.NaN]);
    expect([...comparison.householdChange]).toEqual([60, -5, Number.NaN]);
    expect(comparison.totals).toEqual({
      sitesBefore: 4,
      sitesAfter: 4,
      peopleBefore: 2450,
      peopleAfter: 4500,
      peopleUnknown: 1,
    });
  });

  it('reports sites renamed, and sites moved further than 250 m', () => {
    expect([...comparison.renamed]).toEqual([1]);
    expect([...comparison.moved]).toEqual([1]);
  });

  it('sums sites and people per commune, with openings and closures', () => {
    expect(comparison.byAdmin).toEqual([
      {
        code: DELMAS,
        sitesBefore: 2,
        sitesAfter: 2,
        opened: 1,
        closed: 1,
        peopleBefore: 2000,
        peopleAfter: 3500,
      },
      {
        code: TABARRE,
        sitesBefore: 2,
        sitesAfter: 2,
        opened: 0,
        closed: 0,
        peopleBefore: 450,
        peopleAfter: 1000,
      },
    ]);
  });

  it('reports an id given twice in a round and matches its first row only', () => {
    const doubled = round([
      { id: 'S1', name: 'A', at: [-72.3, 18.54], people: 10, commune: DELMAS },
      { id: 'S1', name: 'A bis', at: [-72.3, 18.54], people: 99, commune: DELMAS },
    ]);
    const result = compareRounds(round24, doubled);
    expect(result.duplicateIds).toEqual({ before: [], after: ['S1'] });
    expect([...result.peopleChange]).toEqual([-1190]);
    expect(result.totals.sitesAfter).toBe(1);
  });

  it('compares a round with itself as all continuing and unchanged', () => {
    const same = compareRounds(round25, round25);
    expect(same.opened.length + same.closed.length + same.renamed.length + same.moved.length).toBe(0);
    expect([...same.peopleChange].filter((change) => !Number.isNaN(change))).toEqual([0, 0, 0, 0]);
  });
});
