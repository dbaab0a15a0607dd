/**
 * Movements into the flows layer (issue 17): a file the import queue hands
 * over (taken when it is a movements table, left to the layer import
 * otherwise) or the fictional demo movements, placed against the admin areas
 * loaded now. The readers load on first use, so the start-up bundle stays lean.
 */
import demoFlowsUrl from '../../data/flows.csv?url';
import type { AdminAreaCollection } from '../domain/types';
import type { Store } from '../state/store';
import type { FlowTable } from './flow-file';
import type { FlowState } from './flow-state';

/** Reads a file's movements table where files are parsed (the import worker). */
export type FlowTableReader = (file: File) => Promise<FlowTable | undefined>;

export interface FlowImport {
  /** True when the file was a movements table (read into the layer, or refused with a report). */
  importFile(file: File, readTable: FlowTableReader): Promise<boolean>;
  /** Loads the fictional demo movements unless movements are already loaded. */
  loadDemo(): Promise<void>;
}

export function createFlowImport(
  flows: Store<FlowState>,
  admin: () => AdminAreaCollection | undefined,
): FlowImport {
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
  return {
    async importFile(file, readTable) {
      let table: FlowTable | undefined;
      try {
        table = await readTable(file);
      } catch {
        // A file that stops the worker or the user's cancel: the layer import reads it again and says why.
        return false;
      }
      const result = await place(table);
      if (!result) return false;
      const { reading, communes } = result;
      if (!reading.ok) {
        flows.set({ report: { ok: false, fileName: file.name, missing: reading.missing } });
        return true;
      }
      flows.set({
        records: reading.records,
        communes,
        source: { fileName: file.name },
        shown: true,
        report: {
          ok: true,
          fileName: file.name,
          imported: reading.records.length,
          problems: reading.problems,
        },
      });
      return true;
    },
    async loadDemo() {
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
  };
}
