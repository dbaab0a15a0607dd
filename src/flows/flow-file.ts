/**
 * A dropped or chosen file read as a movements table, when it is one: CSV
 * (any encoding and delimiter the site reader takes) or a workbook sheet,
 * laid out by the importer's own header and HXL row search, recognised by
 * `isFlowTable`. Anything else is left to the layer import.
 */
import Papa from 'papaparse';
import { decodeText } from '../io/bytes';
import { detectFormat } from '../io/detect-format';
import { isFlowTable } from '../io/layer-role';
import { guessDelimiter } from '../io/read-csv';
import { readWorkbookSheets } from '../io/read-spreadsheet';
import { findLayout, LAYOUT_SEARCH_ROWS } from '../io/read-table';
import { flowColumnIndexes } from './flow-columns';
import type { FlowGazetteer } from './flow-places';
import { type FlowReading, readFlowRows } from './flow-rows';

/**
 * Workbooks are read on the page, not in the import worker: past this size
 * one is left to the layer import rather than block the page to look at it.
 */
const LARGEST_FLOW_WORKBOOK = 4 * 1024 * 1024;

const parseRows = (text: string, preview = 0) =>
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(text),
    preview,
  }).data;

/**
 * The tables of a file as rows of cell texts; none for formats that are not
 * tables. A CSV's leading rows are looked at first, so a large site list is
 * not parsed twice on the page.
 */
async function tablesOf(fileName: string, bytes: Uint8Array): Promise<string[][][]> {
  const format = detectFormat(fileName, bytes);
  if (format === 'csv') {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return [];
    const layout = findLayout(parseRows(decoded.text, LAYOUT_SEARCH_ROWS + 1));
    if (!layout || !isFlowTable(layout.columns)) return [];
    return [parseRows(decoded.text)];
  }
  if (format === 'spreadsheet' && bytes.length <= LARGEST_FLOW_WORKBOOK) {
    const read = await readWorkbookSheets(bytes, fileName);
    return read.ok ? read.sheets.map((sheet) => sheet.rows) : [];
  }
  return [];
}

/** The movements in a file, or undefined when no table of it is a movements table. */
export async function readFlowFile(
  fileName: string,
  bytes: Uint8Array,
  places: FlowGazetteer,
): Promise<FlowReading | undefined> {
  for (const rows of await tablesOf(fileName, bytes)) {
    const layout = findLayout(rows);
    if (!layout || !isFlowTable(layout.columns)) continue;
    return readFlowRows(
      rows.slice(layout.firstDataRow),
      layout.firstDataRow + 1,
      flowColumnIndexes(layout.columns),
      places,
    );
  }
  return undefined;
}
