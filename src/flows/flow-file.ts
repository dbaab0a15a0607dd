/**
 * A file read as a movements table, when it is one: CSV (any encoding and
 * delimiter the site reader takes) or a workbook sheet, laid out by the
 * importer's own header and HXL row search and recognised by `isFlowTable`.
 * Only each table's leading rows are parsed to decide, so a large site list
 * costs little before going on to the layer import. Runs in the import worker
 * for a user's file; placing the rows needs the admin areas and is done on the page.
 */
import Papa from 'papaparse';
import { decodeText } from '../io/bytes';
import { detectFormat } from '../io/detect-format';
import { isFlowTable } from '../io/layer-role';
import { guessDelimiter } from '../io/read-csv';
import { readWorkbookSheets } from '../io/read-spreadsheet';
import { findLayout, LAYOUT_SEARCH_ROWS } from '../io/read-table';
import { type FlowColumnIndexes, flowColumnIndexes } from './flow-columns';

/** The data rows of a movements table and where its columns are. */
export interface FlowTable {
  rows: string[][];
  /** Spreadsheet row number (1-based) of `rows[0]`. */
  firstRow: number;
  indexes: FlowColumnIndexes;
}

const LEADING_ROWS = LAYOUT_SEARCH_ROWS + 1;

/**
 * A workbook is unzipped and parsed whole even to read its leading rows, before
 * the import dialog shows any progress: past this size (large DTM site lists)
 * it goes straight to the layer import instead of waiting twice.
 */
const LARGEST_FLOW_WORKBOOK = 8 * 1024 * 1024;

const parseRows = (text: string, preview = 0) =>
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(text),
    preview,
  }).data;

/** The table of `rows` when its layout makes it a movements table. */
function flowTableOf(rows: string[][]): FlowTable | undefined {
  const layout = findLayout(rows);
  if (!layout || !isFlowTable(layout.columns)) return undefined;
  return {
    rows: rows.slice(layout.firstDataRow),
    firstRow: layout.firstDataRow + 1,
    indexes: flowColumnIndexes(layout.columns),
  };
}

/** The movements table in a file, or undefined when the file holds none (it is left to the layer import). */
export async function readFlowTable(fileName: string, bytes: Uint8Array): Promise<FlowTable | undefined> {
  const format = detectFormat(fileName, bytes);
  if (format === 'csv') {
    const decoded = decodeText(bytes);
    if (!decoded.ok || !flowTableOf(parseRows(decoded.text, LEADING_ROWS))) return undefined;
    return flowTableOf(parseRows(decoded.text));
  }
  if (format !== 'spreadsheet' || bytes.length > LARGEST_FLOW_WORKBOOK) return undefined;
  const leading = await readWorkbookSheets(bytes, fileName, undefined, LEADING_ROWS);
  const index = leading.ok ? leading.sheets.findIndex((sheet) => flowTableOf(sheet.rows)) : -1;
  if (index < 0) return undefined;
  const whole = await readWorkbookSheets(bytes, fileName);
  const sheet = whole.ok ? whole.sheets[index] : undefined;
  return sheet && flowTableOf(sheet.rows);
}
