/**
 * The imported movements table kept in IndexedDB (issue 17, schema version 6):
 * a table read back equals the one saved, a damaged record is deleted and
 * reported without touching anything else in the database, and "reset to the
 * demo" (the dataset store's clear) removes it.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createFlowTableStore } from '../../src/flows/flow-store';
import { FLOW_TABLE_KEY, isStoredFlowTable, type StoredFlowTable } from '../../src/flows/stored-flow-table';
import { STORES, UPGRADE_STEPS } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { openSavedViewStore } from '../../src/io/saved-view-store';

let counter = 0;
const uniqueName = () => `flow-store-test-${Date.now()}-${counter++}`;

const stored: StoredFlowTable = {
  fileName: 'mouvements-octobre.csv',
  importedAt: '2026-12-03T02:30:00.000Z',
  table: {
    rows: [
      ['HT0111', 'HT0112', '500', '2026-10-03', 'internal'],
      ['poe-belladere', 'HT0112', '300', '2026-10-05', 'repatriation_land'],
    ],
    firstRow: 3,
    indexes: { originCode: 0, destinationCode: 1, count: 2, date: 3, category: 4 },
  },
};

describe('the kept movements table', () => {
  it('reads back the table it saved, and nothing once removed', async () => {
    const keeper = createFlowTableStore({ name: uniqueName() });
    expect(await keeper.read()).toEqual({ kind: 'none' });
    expect(await keeper.save(stored)).toBeNull();
    expect(await keeper.read()).toEqual({ kind: 'stored', record: stored });
    const replaced = { ...stored, fileName: 'novembre.csv' };
    expect(await keeper.save(replaced)).toBeNull();
    expect(await keeper.read()).toEqual({ kind: 'stored', record: replaced });
    expect(await keeper.remove()).toBeNull();
    expect(await keeper.read()).toEqual({ kind: 'none' });
  });

  it('drops a damaged record with a notice and keeps the saved views beside it', async () => {
    const name = uniqueName();
    const keeper = createFlowTableStore({ name });
    const views = await openSavedViewStore({ name });
    if (!views.ok) throw new Error('no saved-view store');
    await views.value.save('Delmas', '#map=12/18.55/-72.3');
    views.value.close();
    const raw = await openDB(name, UPGRADE_STEPS.length);
    // A row that is not a list of texts, as a crash or another build might leave.
    await raw.put(
      STORES.flowTables,
      { ...stored, table: { ...stored.table, rows: [[1, 2]] } },
      FLOW_TABLE_KEY,
    );
    raw.close();
    expect(await keeper.read()).toEqual({ kind: 'damaged' });
    // Deleted, so the next visit says nothing more.
    expect(await keeper.read()).toEqual({ kind: 'none' });
    const again = await openSavedViewStore({ name });
    if (!again.ok) throw new Error('no saved-view store');
    const listed = await again.value.list();
    expect(listed.ok && listed.value.map((view) => view.name)).toEqual(['Delmas']);
    again.value.close();
  });

  it('is cleared with the datasets by "reset to the demo"', async () => {
    const name = uniqueName();
    const keeper = createFlowTableStore({ name });
    await keeper.save(stored);
    const datasets = await openDatasetStore({ name });
    if (!datasets.ok) throw new Error('no dataset store');
    expect((await datasets.value.clear()).ok).toBe(true);
    datasets.value.close();
    expect(await keeper.read()).toEqual({ kind: 'none' });
  });

  it('checks every part of a record read back', () => {
    expect(isStoredFlowTable(stored)).toBe(true);
    const broken: unknown[] = [
      null,
      'a table',
      { ...stored, fileName: '' },
      { ...stored, importedAt: 3 },
      { ...stored, table: { ...stored.table, firstRow: 0 } },
      { ...stored, table: { ...stored.table, rows: 'HT0111' } },
      { ...stored, table: { ...stored.table, indexes: { count: -1 } } },
      { ...stored, table: { ...stored.table, indexes: { shoeSize: 2 } } },
      { ...stored, table: { ...stored.table, indexes: null } },
    ];
    for (const record of broken) expect(isStoredFlowTable(record)).toBe(false);
  });
});
