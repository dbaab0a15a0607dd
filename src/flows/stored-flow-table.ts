/**
 * The imported movements table as IndexedDB keeps it (schema version 6,
 * store `flowTables`): the file's data rows and where its columns are, not
 * the placed records, so a reload places them again against the admin areas
 * loaded then (an imported boundary set moves the arcs with it). What is read
 * back is checked here before it is trusted: another build, a crash or a hand
 * edit may have written it.
 */
import { FLOW_SYNONYMS } from '../domain/field-synonyms';
import type { FlowTable } from './flow-file';

/** The one record's key: the layer holds one movements table at a time. */
export const FLOW_TABLE_KEY = 'current';

export interface StoredFlowTable {
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  table: FlowTable;
}

const FIELDS: ReadonlySet<string> = new Set(Object.keys(FLOW_SYNONYMS));

const isColumnIndex = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function isFlowTable(value: unknown): value is FlowTable {
  const table = value as Partial<FlowTable> | null;
  if (typeof table !== 'object' || table === null) return false;
  if (!Number.isInteger(table.firstRow) || (table.firstRow ?? 0) < 1) return false;
  if (typeof table.indexes !== 'object' || table.indexes === null) return false;
  const indexesValid = Object.entries(table.indexes).every(
    ([field, index]) => FIELDS.has(field) && (index === undefined || isColumnIndex(index)),
  );
  return (
    indexesValid &&
    Array.isArray(table.rows) &&
    table.rows.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'))
  );
}

/** True when a record read back has the shape this build writes. */
export function isStoredFlowTable(value: unknown): value is StoredFlowTable {
  const record = value as Partial<StoredFlowTable> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.fileName === 'string' &&
    record.fileName.length > 0 &&
    typeof record.importedAt === 'string' &&
    isFlowTable(record.table)
  );
}
