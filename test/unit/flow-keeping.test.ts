/**
 * Movements kept across reloads (issue 17), through the real store on an
 * in-memory IndexedDB: an imported table is kept and a new page (a new
 * importer on the same database) shows the same movements and report; a
 * damaged record gives the notice and no movements; "remove" and a reset of
 * the stored data take the import away; another tab follows an import and a
 * removal through the tabs' channel.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createLibraryChannel } from '../../src/app/data-library-channel';
import type { AdminAreaCollection } from '../../src/domain/types';
import { readFlowTable } from '../../src/flows/flow-file';
import { createFlowImport } from '../../src/flows/flow-import';
import { type FlowState, initialFlowState } from '../../src/flows/flow-state';
import { createFlowTableStore } from '../../src/flows/flow-store';
import { FLOW_TABLE_KEY } from '../../src/flows/stored-flow-table';
import { STORES, UPGRADE_STEPS } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { createStore } from '../../src/state/store';

const admin = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'data', 'admin-areas.geojson'), 'utf8'),
) as AdminAreaCollection;
const CSV = [
  'Origin,Destination,Individuals,Date,Category',
  '#adm2+code+origin,#adm2+code+dest,#affected+ind,#date,#category',
  'HT0111,HT0131,500,2026-10-03,internal',
  'poe-port-au-prince-airport,HT0112,150,2026-10-05,repatriation_air',
  'HT9999,HT0112,80,2026-10-06,internal',
].join('\n');
const file = new File([CSV], 'mouvements.csv', { type: 'text/csv' });
const readTable = async (chosen: File) =>
  readFlowTable(chosen.name, new Uint8Array(await chosen.arrayBuffer()));

let counter = 0;
/** One "page": its own flows store and importer, on the database `name`. */
function page(name: string) {
  const flows = createStore<FlowState>(initialFlowState());
  const importer = createFlowImport(flows, () => admin, createFlowTableStore({ name }));
  return { flows, importer };
}

describe('movements kept across reloads', () => {
  it('shows the same movements and report after a reload, until removed', async () => {
    const name = `flow-keeping-${counter++}`;
    const first = page(name);
    expect(await first.importer.importFile(file, readTable)).toBe(true);
    expect(first.flows.get()).toMatchObject({
      kept: true,
      notice: null,
      source: { fileName: 'mouvements.csv' },
    });
    expect(first.flows.get().records).toHaveLength(2);

    const reloaded = page(name);
    await reloaded.importer.restore();
    const [before, after] = [first.flows.get(), reloaded.flows.get()];
    expect(after.source).toEqual({ fileName: 'mouvements.csv' });
    expect(after.records).toEqual(before.records);
    expect(after.report).toEqual(before.report);
    expect(after.kept).toBe(true);
    // What to show comes from the link, not from storage.
    expect(after.shown).toBe(false);

    await reloaded.importer.remove();
    expect(reloaded.flows.get()).toMatchObject({ source: null, records: [], kept: false, report: null });
    const third = page(name);
    await third.importer.restore();
    expect(third.flows.get().source).toBeNull();
  });

  it('says once that a damaged record was dropped, and shows nothing from it', async () => {
    const name = `flow-keeping-${counter++}`;
    // The app's own open creates the stores; then a record no build writes.
    await createFlowTableStore({ name }).read();
    const raw = await openDB(name, UPGRADE_STEPS.length);
    await raw.put(
      STORES.flowTables,
      { fileName: 'x.csv', importedAt: 'today', table: 'rows' },
      FLOW_TABLE_KEY,
    );
    raw.close();
    const reloaded = page(name);
    await reloaded.importer.restore();
    expect(reloaded.flows.get()).toMatchObject({ notice: 'damaged', source: null, records: [] });
    const next = page(name);
    await next.importer.restore();
    expect(next.flows.get().notice).toBeNull();
  });

  it('drops the import when the stored data is reset, keeping what the user chose to see', async () => {
    const name = `flow-keeping-${counter++}`;
    const current = page(name);
    await current.importer.importFile(file, readTable);
    // Hidden, so no demo is fetched in Node.
    current.flows.set({ shown: false, pressureShown: true });
    await current.importer.reconcile();
    expect(current.flows.get().source).toEqual({ fileName: 'mouvements.csv' });
    const datasets = await openDatasetStore({ name });
    if (!datasets.ok) throw new Error('no dataset store');
    await datasets.value.clear();
    datasets.value.close();
    await current.importer.reconcile();
    expect(current.flows.get()).toMatchObject({
      source: null,
      records: [],
      kept: false,
      pressureShown: true,
    });
  });

  it('shows a table kept in another tab there too, and drops it there when removed (only a reload picked it up)', async () => {
    const name = `flow-keeping-${counter++}`;
    /** A tab: its page, listening on the channel every tab of the test shares. */
    const tab = () => {
      const flows = createStore<FlowState>(initialFlowState());
      const reconcile = () => importer.reconcile();
      const channel = createLibraryChannel((message) => {
        if (message.kind === 'movements-changed') void reconcile();
      }, `${name}-tabs`);
      const importer = createFlowImport(
        flows,
        () => admin,
        createFlowTableStore({ name }),
        () => channel?.post({ kind: 'movements-changed' }),
      );
      return { flows, importer, channel };
    };
    const first = tab();
    const second = tab();
    await second.importer.restore();
    expect(second.flows.get().source).toBeNull();

    expect(await first.importer.importFile(file, readTable)).toBe(true);
    await vi.waitFor(() => expect(second.flows.get().source).toEqual({ fileName: 'mouvements.csv' }));
    expect(second.flows.get().records).toEqual(first.flows.get().records);
    expect(second.flows.get().report).toEqual(first.flows.get().report);
    expect(second.flows.get().kept).toBe(true);
    // Shown or not stays each tab's own choice.
    expect(second.flows.get().shown).toBe(false);

    // Hidden first, so no demo is fetched in Node when the import goes.
    first.flows.set({ shown: false });
    await first.importer.remove();
    await vi.waitFor(() => expect(second.flows.get().source).toBeNull());
    expect(second.flows.get()).toMatchObject({ records: [], kept: false });
    first.channel?.close();
    second.channel?.close();
  });
});
