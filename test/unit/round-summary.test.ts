/**
 * A comparison made readable (issue 17): the key figures and the change by
 * commune from the engine's answer, the texts the panel shows, and the marks
 * the map draws. A count missing in one round stays unknown and is said so,
 * never read as 0.
 */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { communeNames, roundColumns } from '../../src/rounds/round-columns';
import { communeRowTexts, headlineText, keyFigureTexts, signedText } from '../../src/rounds/round-figures';
import { roundChangeMap } from '../../src/rounds/round-marks';
import { summariseRounds } from '../../src/rounds/round-summary';
import { compareRounds } from '../../workers/analysis/round-comparison';

const site = (
  id: string,
  name: string,
  at: [number, number],
  individuals: number | null,
  commune?: [string, string],
): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: at },
  properties: {
    id,
    name,
    individuals,
    households: individuals === null ? null : Math.round(individuals / 5),
    ...(commune ? { admin2Pcode: commune[0], admin2Name: commune[1] } : {}),
  },
});

const DELMAS: [string, string] = ['HT0113', 'Delmas'];
const TABARRE: [string, string] = ['HT0114', 'Tabarre'];

const round23 = [
  site('S1', 'Delmas 33', [-72.3, 18.54], 1000, DELMAS),
  site('S2', 'Lycée', [-72.31, 18.55], 500, DELMAS),
  site('S3', 'Parc', [-72.27, 18.57], 300, TABARRE),
  site('S4', 'Église', [-72.26, 18.58], null, TABARRE),
  site('S5', 'Terrain', [-72.32, 18.53], 100, DELMAS),
];
const round24 = [
  site('S1', 'Delmas 33', [-72.3, 18.54], 1300, DELMAS),
  site('S2', 'Lycée National', [-72.31, 18.55], 400, DELMAS),
  site('S4', 'Église', [-72.26, 18.58], 250, TABARRE),
  // About 530 m north: moved.
  site('S5', 'Terrain', [-72.32, 18.5348], 100, DELMAS),
  site('S6', 'Nouveau camp', [-72.25, 18.56], 700, TABARRE),
  site('S7', 'Sans commune', [-72.2, 18.6], null),
];

function summary() {
  const before = roundColumns(round23);
  const after = roundColumns(round24);
  const comparison = compareRounds(before, after);
  return {
    summary: summariseRounds(comparison, before, after, communeNames(round23, round24)),
    map: roundChangeMap(comparison, before, after),
  };
}

describe('round summary', () => {
  it('gives the key figures, with unknown counts counted apart', () => {
    const { summary: result } = summary();
    expect(result).toMatchObject({
      sitesBefore: 5,
      sitesAfter: 6,
      sitesChange: 1,
      peopleBefore: 1900,
      peopleAfter: 2750,
      peopleChange: 850,
      unknownBefore: 1,
      unknownAfter: 1,
      opened: 2,
      closed: 1,
      continuing: 4,
      moved: 1,
      renamed: 1,
      changeUnknown: 1,
    });
  });

  it('sorts the communes by the size of their change in people, named from the sites', () => {
    const { communes } = summary().summary;
    expect(communes.map((row) => [row.name, row.peopleBefore, row.peopleAfter, row.peopleChange])).toEqual([
      ['Tabarre', 300, 950, 650],
      ['Delmas', 1600, 1800, 200],
      ['', 0, 0, 0],
    ]);
  });

  it('writes the headline and the table with signs, and "unknown" where no count is known', () => {
    const t = translator('en');
    const { summary: result } = summary();
    expect(headlineText(t, 'en', result, { base: 'Round 23', later: 'Round 24' })).toBe(
      '+1 sites, +850 people since Round 23',
    );
    expect(keyFigureTexts('en', result).map(({ key, value }) => `${key}=${value}`)).toEqual([
      'opened=2',
      'closed=1',
      'continuing=4',
      'moved=1',
      'renamed=1',
      'changeUnknown=1',
    ]);
    const rows = result.communes.map((row) => communeRowTexts(t, 'en', row));
    expect(rows[0]).toEqual(['Tabarre', '+650 (+1 unknown)', '300 (+1 unknown)', '950', '0', '2', '2']);
    expect(rows[2]).toEqual(['No commune given', 'unknown', '0', 'unknown', '+1', '0', '1']);
  });

  it('signs a decline with a true minus and groups thousands in the language', () => {
    expect(signedText('en', -8420)).toBe('\u22128,420');
    expect(signedText('fr', 12)).toBe('+12');
    expect(signedText('en', 0)).toBe('0');
  });

  it('marks the later round by change and the closed sites of the earlier one', () => {
    const kinds = summary().map.marks.map((mark) => mark.kind);
    expect(kinds.sort()).toEqual(['closed', 'declined', 'grew', 'opened', 'opened', 'steady', 'unknown']);
  });
});
