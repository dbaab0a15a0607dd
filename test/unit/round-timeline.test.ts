/**
 * The timeline's model: one step per date of the series, the step the
 * library shows, the visibility changes that show another (hiding first, so
 * no site is ever counted twice), play stopping at the last step, and a
 * round's totals for the country, an area or a site with unknown counts left
 * out and counted — a gap in the chart, never 0.
 */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { RoundEntry } from '../../src/rounds/round-series';
import {
  chartedPeople,
  chartedSites,
  localScope,
  newerRoundArrived,
  nextStep,
  roundTotals,
  shownStepIndex,
  stepOfRound,
  timelineSteps,
  visibilityForStep,
} from '../../src/rounds/round-timeline';

const entry = (id: string, asOf: string, label: string): RoundEntry => ({
  id,
  name: id,
  featureCount: 0,
  round: { asOf, label },
});
const SERIES = [
  entry('r22', '2026-02-01', 'Round 22'),
  entry('r23-a', '2026-05-01', 'Round 23'),
  entry('r23-b', '2026-05-01', 'Round 23'),
  entry('r24', '2026-08-01', 'Round 24'),
];

const site = (id: string, commune: string, individuals?: number, households?: number): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-72.3, 18.5] },
  properties: {
    id,
    name: `Site ${id}`,
    admin1Pcode: 'HT01',
    admin1Name: 'Ouest',
    admin2Pcode: commune,
    admin2Name: commune === 'HT0112' ? 'Delmas' : 'Port-au-Prince',
    ...(individuals === undefined ? {} : { individuals }),
    ...(households === undefined ? {} : { households }),
  },
});

describe('timeline steps', () => {
  it('makes one step per date, two partners’ lists of one date together', () => {
    const steps = timelineSteps(SERIES);
    expect(steps).toEqual([
      { asOf: '2026-02-01', label: 'Round 22', ids: ['r22'] },
      { asOf: '2026-05-01', label: 'Round 23', ids: ['r23-a', 'r23-b'] },
      { asOf: '2026-08-01', label: 'Round 24', ids: ['r24'] },
    ]);
    expect(stepOfRound(steps, 'r23-b')).toBe(1);
    expect(stepOfRound(steps, 'elsewhere')).toBe(-1);
  });

  it('reads the step shown as the latest with a shown round', () => {
    const steps = timelineSteps(SERIES);
    expect(shownStepIndex(steps, new Set(['r24', 'demo:hazards']))).toBe(2);
    expect(shownStepIndex(steps, new Set(['r22', 'r23-b']))).toBe(1);
    expect(shownStepIndex(steps, new Set())).toBe(-1);
  });

  it('shows a step alone, hiding the others first and leaving the rest as they are', () => {
    const steps = timelineSteps(SERIES);
    expect(visibilityForStep(steps, 1, new Set(['r24', 'r23-b']))).toEqual([
      ['r24', false],
      ['r23-a', true],
    ]);
    expect(visibilityForStep(steps, 2, new Set(['r24']))).toEqual([]);
  });

  it('moves on to a newer round imported while the latest was shown, not otherwise', () => {
    const steps = timelineSteps(SERIES);
    const newer = timelineSteps([...SERIES, entry('r25', '2026-11-01', 'Round 25')]);
    expect(newerRoundArrived(steps, newer, 2)).toBe(true);
    // The user was looking at an earlier round: it stays.
    expect(newerRoundArrived(steps, newer, 1)).toBe(false);
    // An older round added (or the first look) moves nothing.
    expect(
      newerRoundArrived(
        newer,
        timelineSteps([
          entry('r0', '2025-01-01', 'Round 0'),
          ...SERIES,
          entry('r25', '2026-11-01', 'Round 25'),
        ]),
        3,
      ),
    ).toBe(false);
    expect(newerRoundArrived([], steps, -1)).toBe(false);
  });

  it('plays to the last step and stops there', () => {
    expect(nextStep(0, 3)).toBe(1);
    expect(nextStep(1, 3)).toBe(2);
    expect(nextStep(2, 3)).toBeNull();
  });
});

describe('round totals', () => {
  const round = [site('a', 'HT0112', 1000, 200), site('b', 'HT0112'), site('c', 'HT0111', 600, 120)];

  it('sums the known counts over the country, an area and a site, and counts the unknown', () => {
    expect(roundTotals([round], { kind: 'country' })).toEqual({
      sites: 3,
      people: 1600,
      households: 320,
      peopleUnknown: 1,
      householdsUnknown: 1,
    });
    expect(roundTotals([round], { kind: 'area', code: 'HT0112', name: 'Delmas' })).toMatchObject({
      sites: 2,
      people: 1000,
      peopleUnknown: 1,
    });
    // A department P-code takes its communes' sites.
    expect(roundTotals([round], { kind: 'area', code: 'HT01', name: 'Ouest' }).sites).toBe(3);
    // Two lists of one date add up.
    expect(roundTotals([round, [site('d', 'HT0111', 50, 10)]], { kind: 'country' }).people).toBe(1650);
  });

  it('charts an unknown count as a gap, never 0, and an empty area as a known 0', () => {
    const siteScope = { kind: 'site', id: 'b', name: 'Site b' } as const;
    expect(chartedPeople(roundTotals([round], siteScope), siteScope)).toBeNull();
    const absent = { kind: 'site', id: 'z', name: 'z' } as const;
    expect(chartedPeople(roundTotals([round], absent), absent)).toBeNull();
    const known = { kind: 'site', id: 'a', name: 'Site a' } as const;
    expect(chartedPeople(roundTotals([round], known), known)).toBe(1000);
    expect(chartedSites(roundTotals([round], known), known)).toBeNull();
    const empty = { kind: 'area', code: 'HT0118', name: 'Tabarre' } as const;
    expect(chartedPeople(roundTotals([round], empty), empty)).toBe(0);
    expect(chartedSites(roundTotals([round], empty), empty)).toBe(0);
    const unknownOnly = [site('x', 'HT0118')];
    expect(chartedPeople(roundTotals([unknownOnly], empty), empty)).toBeNull();
  });
});

describe('the local scope', () => {
  const round = [site('a', 'HT0112', 1000), site('c', 'HT0111', 600)];

  it('prefers the selected site, then the selected area, then the filter’s area, named from the round', () => {
    expect(localScope([round], { site: 'a', area: 'HT0111', filterArea: 'HT0111' })).toEqual({
      kind: 'site',
      id: 'a',
      name: 'Site a',
    });
    expect(localScope([round], { site: null, area: 'HT0112', filterArea: 'HT0111' })).toEqual({
      kind: 'area',
      code: 'HT0112',
      name: 'Delmas',
    });
    expect(localScope([round], { site: null, area: null, filterArea: 'HT01' })).toEqual({
      kind: 'area',
      code: 'HT01',
      name: 'Ouest',
    });
    expect(localScope([round], { site: null, area: null, filterArea: null })).toBeNull();
    // A site this round does not hold keeps its id as its name.
    expect(localScope([round], { site: 'gone', area: null, filterArea: null })).toMatchObject({
      name: 'gone',
    });
  });
});
