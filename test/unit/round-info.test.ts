/**
 * A round's date and label (issue 17): read from the file (the most common
 * assessment date), typed at import, or absent — never invented; and kept in
 * the stored dataset's metadata, checked when read back.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { STORES } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { mapFields } from '../../src/io/field-mapping';
import {
  isIsoDate,
  isRoundInfo,
  mostCommonDate,
  roundLabelFromFileName,
  roundOfImport,
} from '../../src/rounds/round-info';

describe('round dates', () => {
  it('takes the most common assessment date of the sites, the later one on a tie', () => {
    expect(mostCommonDate(['2026-03-14', '2026-03-15', '2026-03-15', null, 'soon', '2026-03-16'])).toBe(
      '2026-03-15',
    );
    expect(mostCommonDate(['2026-03-14', '2026-03-16'])).toBe('2026-03-16');
    // A timestamp counts for its day.
    expect(mostCommonDate(['2026-03-15T08:00:00Z', '2026-03-15'])).toBe('2026-03-15');
  });

  it('finds no date where the file has none, rather than inventing one', () => {
    expect(mostCommonDate([undefined, '', 'n/a', 42, '2026-02-30'])).toBeUndefined();
    expect(roundOfImport({ asOf: '', label: 'Round 3' }, [undefined, ''], 'sites')).toBeUndefined();
  });

  it('prefers the date typed in the review over the file, and refuses a date that does not exist', () => {
    expect(roundOfImport({ asOf: '2026-06-01', label: '' }, ['2026-05-20'], 'DTM R24')).toEqual({
      asOf: '2026-06-01',
      label: 'DTM R24',
    });
    expect(roundOfImport({ asOf: '2026-02-30', label: 'Round 24' }, ['2026-05-20'], 'x')).toEqual({
      asOf: '2026-05-20',
      label: 'Round 24',
    });
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('finds the assessment date under the names DTM extracts give it', () => {
    for (const column of [
      { name: 'Date of assessment' },
      { name: 'Survey date' },
      { name: "Date de l'enquête" },
      { name: 'Collected on', hxlTag: '#date+reported' },
    ])
      expect(mapFields('sites', [column]).fields.lastAssessment, column.name).toBe(column.name);
  });

  it('reads a round label from a DTM file name', () => {
    expect(roundLabelFromFileName('DTM_Haiti_Round_24_site_list.xlsx')).toBe('Round 24');
    expect(roundLabelFromFileName('dtm-rnd07.csv')).toBe('Rnd 7');
    expect(roundLabelFromFileName('sites-2026.csv')).toBe('');
    expect(roundLabelFromFileName('background.csv')).toBe('');
  });
});

describe('a round in storage', () => {
  it('keeps the round with the dataset and reports a damaged round as a damaged record', async () => {
    const name = 'katsit-round-info-test';
    const opened = await openDatasetStore({ name });
    if (!opened.ok) throw new Error(opened.error.code);
    const store = opened.value;
    const base = {
      name: 'Round 24',
      role: 'sites' as const,
      fieldMapping: null,
      sourceFileName: 'r24.csv',
      collection: { type: 'FeatureCollection' as const, features: [] },
    };
    await store.put({
      ...base,
      id: 'r24',
      importedAt: '2026-04-01T10:00:00.000Z',
      round: { asOf: '2026-03-15', label: 'Round 24' },
    });
    await store.put({ ...base, id: 'plain', importedAt: '2026-04-02T10:00:00.000Z' });
    store.close();
    // Another build (or a hand edit) wrote a round that is not one.
    const raw = await openDB(name);
    const record = await raw.get(STORES.datasets, 'plain');
    await raw.put(STORES.datasets, { ...record, id: 'broken', round: { asOf: '15/03/2026', label: 'R' } });
    raw.close();

    const reopened = await openDatasetStore({ name });
    if (!reopened.ok) throw new Error(reopened.error.code);
    const list = await reopened.value.list();
    if (!list.ok) throw new Error(list.error.code);
    expect(list.value.records.map((each) => [each.id, each.round])).toEqual([
      ['r24', { asOf: '2026-03-15', label: 'Round 24' }],
      ['plain', undefined],
    ]);
    expect(list.value.damaged.map((each) => each.id)).toEqual(['broken']);
    expect(isRoundInfo({ asOf: '2026-03-15', label: '  ' })).toBe(false);
    reopened.value.close();
  });
});
