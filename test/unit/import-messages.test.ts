import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { translator } from '../../src/i18n/translate';
import type { StoreErrorCode } from '../../src/io/dataset-store';
import { PROBLEM_CODES } from '../../src/io/problem';
import {
  problemLine,
  problemMessage,
  problemPlace,
  repairLabel,
  storeErrorMessage,
} from '../../src/ui/import-messages';

const STORE_ERRORS: StoreErrorCode[] = [
  'unavailable',
  'blocked',
  'newer-version',
  'closed',
  'quota-exceeded',
  'unstorable-data',
  'unreadable-record',
  'not-found',
  'storage-failed',
];

describe('import messages', () => {
  it('has a French and an English message for every problem code and store error', () => {
    for (const code of PROBLEM_CODES) {
      expect(fr[`problem.${code}`]).toBeTruthy();
      expect(en[`problem.${code}`]).toBeTruthy();
      expect(en[`problem.${code}`]).not.toBe(fr[`problem.${code}`]);
    }
    for (const code of STORE_ERRORS) {
      expect(storeErrorMessage(code, translator('fr'))).not.toBe('');
      expect(storeErrorMessage(code, translator('en'))).not.toBe('');
    }
  });

  it('locates a problem by CSV row, text line, feature number or whole file', () => {
    const fr = translator('fr');
    const en = translator('en');
    const base = { severity: 'error', code: 'coordinates-swapped', fileName: 'f.csv' } as const;
    expect(problemPlace({ ...base, row: 7, featureIndex: 5 }, fr)).toBe('ligne 7');
    expect(problemPlace({ ...base, line: 3, column: 9 }, en)).toBe('line 3, column 9');
    expect(problemPlace({ ...base, featureIndex: 0 }, en)).toBe('feature #1');
    expect(problemPlace(base, fr)).toBe('fichier entier');
    expect(problemMessage(base, en)).toBe('Latitude and longitude look swapped.');
    expect(repairLabel('close-ring', 2, en)).toBe('Close open polygon rings (2)');
  });

  it('keeps hostile values as plain text in the summary line', () => {
    const line = problemLine(
      {
        severity: 'warning',
        code: 'number-unparseable',
        fileName: 'x.csv',
        row: 2,
        field: 'hh',
        value: '<img src=x>',
      },
      translator('en'),
    );
    expect(line).toBe(
      'x.csv · row 2 · hh · "<img src=x>" — Unreadable number: the value will be left empty.',
    );
  });
});
