/**
 * The imported movements table kept across reloads (issue 17), in the
 * `flowTables` store of Katsit's one database (schema version 6). One record:
 * a new import replaces it, "remove" and "reset to the demo" delete it. A
 * record that does not read back as a table is deleted and reported as
 * `damaged`, so the panel can say so; nothing else in the database is touched.
 * Each call opens and closes its own connection: movements are read once per
 * load and written once per import, and a connection held open would block
 * another tab's schema upgrade.
 */
import { type OpenOptions, openDatabase, type StoreErrorCode, storeErrorCode } from '../io/database';
import { type KatsitDatabase, STORES } from '../io/dataset-schema';
import { FLOW_TABLE_KEY, isStoredFlowTable, type StoredFlowTable } from './stored-flow-table';

/** What reading the kept movements found. */
export type FlowTableReading =
  | { kind: 'none' }
  | { kind: 'stored'; record: StoredFlowTable }
  /** A record was there but unreadable: it has been deleted. */
  | { kind: 'damaged' }
  | { kind: 'failed'; code: StoreErrorCode };

export interface FlowTableStore {
  read(): Promise<FlowTableReading>;
  /** Keeps `record` in place of the previous one; a failure code when it could not be kept. */
  save(record: StoredFlowTable): Promise<StoreErrorCode | null>;
  remove(): Promise<StoreErrorCode | null>;
}

export function createFlowTableStore(options: OpenOptions = {}): FlowTableStore {
  /** Runs `work` on a fresh connection, closing it after; a failure becomes its code. */
  const withDatabase = async <Result>(
    work: (database: KatsitDatabase) => Promise<Result>,
    failed: (code: StoreErrorCode) => Result,
  ): Promise<Result> => {
    const opened = await openDatabase(options);
    if (!opened.ok) return failed(opened.error.code);
    try {
      return await work(opened.value);
    } catch (error) {
      return failed(storeErrorCode(error));
    } finally {
      opened.value.close();
    }
  };
  return {
    read: () =>
      withDatabase<FlowTableReading>(
        async (database) => {
          // Typed as what this build writes; checked as what any build may have written.
          const record: unknown = await database.get(STORES.flowTables, FLOW_TABLE_KEY);
          if (record === undefined) return { kind: 'none' };
          if (isStoredFlowTable(record)) return { kind: 'stored', record };
          await database.delete(STORES.flowTables, FLOW_TABLE_KEY);
          return { kind: 'damaged' };
        },
        (code) => ({ kind: 'failed', code }),
      ),
    save: (record) =>
      withDatabase(
        async (database) => {
          await database.put(STORES.flowTables, record, FLOW_TABLE_KEY);
          return null;
        },
        (code) => code,
      ),
    remove: () =>
      withDatabase(
        async (database) => {
          await database.delete(STORES.flowTables, FLOW_TABLE_KEY);
          return null;
        },
        (code) => code,
      ),
  };
}
