/**
 * The flows panel's import report (issue 17): how many movements were read,
 * every row left out named by its number and why, capped with a count of the
 * rest; a refused file names the columns it lacks.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { flowReportLines } from '../../src/ui/flow-report';

const t = translator('fr');

describe('the movements import report', () => {
  it('names each row left out by its number, a row with two problems counted once', () => {
    const lines = flowReportLines(
      {
        ok: true,
        fileName: 'moves.csv',
        imported: 1,
        problems: [
          { row: 5, code: 'unplaced-origin', value: 'HT9999' },
          { row: 9, code: 'bad-count', value: 'many' },
          { row: 9, code: 'bad-date', value: 'yesterday' },
        ],
      },
      t,
    );
    expect(lines).toEqual([
      'moves.csv : 1 mouvement importé.',
      '2 lignes écartées :',
      'Ligne 5 : origine introuvable (« HT9999 »)',
      'Ligne 9 : nombre de personnes illisible (« many »)',
      'Ligne 9 : date illisible (« yesterday »)',
    ]);
  });

  it('stops at the limit and says how many problems are left', () => {
    const problems = Array.from({ length: 25 }, (_, index) => ({
      row: index + 3,
      code: 'bad-count' as const,
      value: '',
    }));
    const lines = flowReportLines({ ok: true, fileName: 'big.csv', imported: 0, problems }, t, 20);
    expect(lines).toHaveLength(2 + 20 + 1);
    expect(lines.at(-1)).toBe('… et 5 autres problèmes.');
  });

  it('names the missing columns of a refused file', () => {
    expect(flowReportLines({ ok: false, fileName: 'x.csv', missing: ['count', 'date'] }, t)).toEqual([
      'x.csv n’a pas été importé : colonne manquante (nombre de personnes, date).',
    ]);
  });
});
