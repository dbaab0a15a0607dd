/**
 * Movements into the flows layer (issue 17): a file the import queue hands
 * over (taken when it is a movements table, left to the layer import
 * otherwise), the table kept from an earlier visit, or the fictional demo
 * movements, placed against the admin areas loaded now. An imported table is
 * kept in IndexedDB (flow-store.ts) until it is removed or the data is reset
 * to the demo. The readers load on first use, so the start-up bundle stays lean.
 */
import demoFlowsUrl from '../../data/flows.csv?url';
import type { AdminAreaCollection } from '../domain/types';
import type { Store } from '../state/store';
import type { FlowTable } from './flow-file';
import { type FlowState, initialFlowState } from './flow-state';
import type { FlowTableStore } from './flow-store';

/** Reads a file's movements table where files are parsed (the import worker). */
export type FlowTableReader = (file: File) => Promise<FlowTable | undefined>;

export interface FlowImport {
  /** True when the file was a movements table (read into the layer, or refused with a report). */
  importFile(file: File, readTable: FlowTableReader): Promise<boolean>;
  /** Loads the fictional demo movements unless movements are already loaded (or being restored). */
  loadDemo(): Promise<void>;
  /**
   * Shows the table kept from an earlier visit, if any, once `after` settles (the stored
   * boundaries are read); a damaged one is dropped with a notice. The demo waits for it.
   */
  restore(after?: Promise<unknown>): Promise<void>;
  /** Forgets the imported table (here and in storage); the demo follows when movements are shown. */
  remove(): Promise<void>;
  /**
   * After the stored data changed (a reset, an import or a removal, here or in another tab):
   * drops an import no longer kept, and shows one kept since (another tab's).
   */
  reconcile(): Promise<void>;
}

export function createFlowImport(
  flows: Store<FlowState>,
  admin: () => AdminAreaCollection | undefined,
  keeper?: FlowTableStore,
  /** Tells the other tabs that the kept table changed (they reconcile). */
  announce: () => void = () => undefined,
): FlowImport {
  let restoring: Promise<void> = Promise.resolve();
  /** When the kept table shown here was imported: another tab's newer one replaces it. */
  let shownImportedAt: string | null = null;
  const place = async (table: FlowTable | undefined) => {
    const areas = admin();
    if (!areas || !table) return undefined;
    const [{ createFlowGazetteer }, { placeFlowTable }] = await Promise.all([
      import('./flow-places'),
      import('./flow-rows'),
    ]);
    const places = createFlowGazetteer(areas);
    return { reading: placeFlowTable(table, places), communes: places.communes };
  };
  /** Shows a placed table read from `fileName`; false when it has none of the required columns. */
  const show = async (fileName: string, table: FlowTable, patch: Partial<FlowState>) => {
    const result = await place(table);
    if (!result) return false;
    const { reading, communes } = result;
    if (!reading.ok) {
      flows.set({ report: { ok: false, fileName, missing: reading.missing } });
      return true;
    }
    flows.set({
      records: reading.records,
      communes,
      source: { fileName },
      report: { ok: true, fileName, imported: reading.records.length, problems: reading.problems },
      ...patch,
    });
    return true;
  };
  /** Back to no movements, keeping what the user chose to see; the demo comes back if they are shown. */
  const forget = async () => {
    const { shown, entriesShown, filter, pressureShown } = flows.get();
    flows.set({ ...initialFlowState(), shown, entriesShown, filter, pressureShown });
    if (shown) await importer.loadDemo();
  };
  const importer: FlowImport = {
    async importFile(file, readTable) {
      let table: FlowTable | undefined;
      try {
        table = await readTable(file);
      } catch {
        // A file that stops the worker or the user's cancel: the layer import reads it again and says why.
        return false;
      }
      if (!table) return false;
      const before = flows.get().records;
      const taken = await show(file.name, table, { shown: true, kept: false, notice: null });
      if (!taken || flows.get().records === before || !keeper) return taken;
      const importedAt = new Date().toISOString();
      const failure = await keeper.save({ fileName: file.name, importedAt, table });
      flows.set(failure ? { notice: 'not-kept' } : { kept: true });
      if (!failure) {
        shownImportedAt = importedAt;
        announce();
      }
      return true;
    },
    async loadDemo() {
      await restoring;
      if (flows.get().source !== null) return;
      const response = await fetch(demoFlowsUrl);
      if (!response.ok) return;
      // Our own small demo file is parsed here, as the demo layers are; a user's file never is.
      const { readFlowTable } = await import('./flow-file');
      const result = await place(
        await readFlowTable('flows.csv', new Uint8Array(await response.arrayBuffer())),
      );
      // An import that arrived meanwhile wins over the demo.
      if (!result?.reading.ok || flows.get().source !== null) return;
      flows.set({ records: result.reading.records, communes: result.communes, source: 'demo' });
    },
    restore(after = Promise.resolve()) {
      restoring = (async () => {
        await after.catch(() => undefined);
        const reading = await keeper?.read();
        if (reading?.kind === 'damaged') flows.set({ notice: 'damaged' });
        if (reading?.kind !== 'stored') return;
        // An import made while reading wins; the demo gives way.
        if (typeof flows.get().source === 'object' && flows.get().source !== null) return;
        if (await show(reading.record.fileName, reading.record.table, { kept: true }))
          shownImportedAt = reading.record.importedAt;
      })();
      return restoring;
    },
    async remove() {
      const failure = await keeper?.remove();
      if (failure) {
        flows.set({ notice: 'not-kept' });
        return;
      }
      shownImportedAt = null;
      await forget();
      announce();
    },
    async reconcile() {
      if (!keeper) return;
      // After the start-up restore: a table is placed against the stored boundaries, not the demo's.
      await restoring;
      const reading = await keeper.read();
      if (reading.kind === 'none' && flows.get().kept) {
        shownImportedAt = null;
        await forget();
      }
      // Kept in another tab since: shown here too, as a reload would.
      if (reading.kind === 'stored' && reading.record.importedAt !== shownImportedAt) {
        if (await show(reading.record.fileName, reading.record.table, { kept: true, notice: null }))
          shownImportedAt = reading.record.importedAt;
      }
    },
  };
  return importer;
}
