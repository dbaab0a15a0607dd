/**
 * The one key-figure formatter: counts, shares, distances and areas in
 * French, Creole and English, and the snapshot printing a share as a share.
 */
import { describe, expect, it } from 'vitest';
import { figureTexts, formatFigure } from '../../src/analyses/figure-format';
import { defaultTexts, snapshotContent } from '../../src/map/snapshot-content';
import { initialAppState } from '../../src/state/app-state';
import { smallDatasets } from '../fixtures/small-datasets';

const NARROW_NO_BREAK_SPACE = '\u202f';
const NO_BREAK_SPACE = '\u00a0';

describe('formatFigure', () => {
  it('groups thousands with a narrow no-break space in French and Creole, a comma in English', () => {
    expect(formatFigure({ value: 12345, format: 'count', language: 'fr' })).toBe(
      `12${NARROW_NO_BREAK_SPACE}345`,
    );
    expect(formatFigure({ value: 12345, format: 'count', language: 'ht' })).toBe(
      `12${NARROW_NO_BREAK_SPACE}345`,
    );
    expect(formatFigure({ value: 12345, format: 'count', language: 'en' })).toBe('12,345');
    expect(formatFigure({ value: 12345.6, format: 'count', language: 'en' })).toBe('12,346');
  });

  it('writes a share between 0 and 1 as a percentage with one decimal', () => {
    expect(formatFigure({ value: 0.8012, format: 'percent', language: 'fr' })).toBe(`80,1${NO_BREAK_SPACE}%`);
    expect(formatFigure({ value: 0.8012, format: 'percent', language: 'ht' })).toBe(`80,1${NO_BREAK_SPACE}%`);
    expect(formatFigure({ value: 0.8012, format: 'percent', language: 'en' })).toBe('80.1%');
    expect(formatFigure({ value: 1, format: 'percent', language: 'en' })).toBe('100%');
  });

  it('writes distances in m or km and areas in m², and "—" for a value that is not a number', () => {
    expect(formatFigure({ value: 5000, format: 'metres', language: 'fr' })).toBe('5 km');
    expect(formatFigure({ value: 1234, format: 'metres', language: 'fr' })).toBe('1,2 km');
    expect(formatFigure({ value: 850, format: 'metres', language: 'en' })).toBe('850 m');
    expect(formatFigure({ value: 45, format: 'squareMetres', language: 'en' })).toBe('45 m²');
    expect(formatFigure({ value: Number.NaN, format: 'percent', language: 'fr' })).toBe('—');
    expect(formatFigure({ value: Number.POSITIVE_INFINITY, format: 'count', language: 'fr' })).toBe('—');
  });
});

describe('the snapshot key figures', () => {
  it('a share prints as 1 on the snapshot: no longer, it prints "80,1 %" as on the panel', () => {
    const state = {
      ...initialAppState('fr'),
      datasets: smallDatasets(),
      activeAnalysis: 'coverage' as const,
      keyFigures: [
        { label: 'PDI avec un point d’eau à 500 m', value: 0.801, format: 'percent' as const, context: null },
        {
          label: 'Personnes sans point d’eau',
          value: 12345,
          format: 'count' as const,
          context: 'sur 1 site',
        },
      ],
    };
    const content = snapshotContent(state, defaultTexts(state, 'Haïti'), new Date(2026, 10, 2));
    expect(content.keyFigures.map((figure) => figure.value)).toEqual([
      `80,1${NO_BREAK_SPACE}%`,
      `12${NARROW_NO_BREAK_SPACE}345`,
    ]);
    expect(content.keyFigures[0]?.value).not.toBe('1');
    expect(content.keyFigures[1]?.context).toBe('sur 1 site');
    // The panel's list is made by the same function.
    expect(figureTexts(state.keyFigures, 'fr')).toEqual(content.keyFigures);
  });
});
