/**
 * Excel workbooks (`.xlsx`, and `.xls` for the older DTM rounds) through
 * `@e965/xlsx`, the maintained republish of SheetJS 0.20 (see the README for
 * why this reader). It is loaded only when a workbook is dropped, inside the
 * import worker, so it is never in the page's chunks. An `.xlsx` is a zip:
 * it is inflated first under the same ceiling as every archive (a workbook
 * bomb is stopped and named before SheetJS sees it). Formulas, styles, HTML
 * and macros are not read: only the cells' values.
 *
 * Every sheet is listed; the one read is the asked one, else the first that
 * yields points, most rows first (a "read me" sheet in front is skipped).
 * Its rows go to `rowsToCollection`, which skips title rows, finds the HXL
 * row and the coordinates, exactly as for a CSV.
 */
import { isZip, toBytes } from './bytes';
import { failure, type ReadResult } from './problem';
import { zipFailure } from './read-kmz';
import { rowsToCollection } from './read-table';
import { type InflateLimits, unzipLimited } from './unzip-limited';

export interface SpreadsheetOptions {
  /** Sheet to read; by default the best one. */
  sheet?: string;
  limits?: InflateLimits;
}

/** Reads a workbook. Never throws. */
export async function readSpreadsheet(
  input: Uint8Array | string,
  fileName: string,
  options: SpreadsheetOptions = {},
): Promise<ReadResult> {
  const read = await readWorkbookSheets(input, fileName, options.limits);
  if (!read.ok) return read;
  const { sheets } = read;
  const sheetNames = sheets.map((sheet) => sheet.name);
  const withSheets = (result: ReadResult, sheet: string): ReadResult =>
    result.ok ? { ...result, sheets: sheetNames, sheet } : result;
  const asked = sheets.find((sheet) => sheet.name === options.sheet);
  if (asked) return withSheets(rowsToCollection(asked.rows, fileName, []), asked.name);
  const bySize = [...sheets].sort((a, b) => b.rows.length - a.rows.length);
  let firstFailure: ReadResult | undefined;
  for (const sheet of bySize) {
    if (sheet.rows.every((cells) => cells.every((cell) => cell === ''))) continue;
    const result = rowsToCollection(sheet.rows, fileName, []);
    if (result.ok && result.collection.features.length > 0) return withSheets(result, sheet.name);
    firstFailure ??= withSheets(result, sheet.name);
  }
  return firstFailure ?? failure('spreadsheet-no-data', fileName);
}

type ReadFailure = Extract<ReadResult, { ok: false }>;

/**
 * Every sheet of a workbook as rows of cell texts, after the archive ceiling;
 * also read by the movements import, which lays out its own rows and first
 * looks at only `rowLimit` leading rows of each sheet.
 */
export async function readWorkbookSheets(
  input: Uint8Array | string,
  fileName: string,
  limits?: InflateLimits,
  rowLimit?: number,
): Promise<{ ok: true; sheets: Array<{ name: string; rows: string[][] }> } | ReadFailure> {
  const bytes = toBytes(input);
  if (isZip(bytes)) {
    const inflated = unzipLimited(bytes, () => true, limits);
    if (!inflated.ok) return zipFailure(inflated, fileName) as ReadFailure;
  }
  let sheets: Array<{ name: string; rows: string[][] }>;
  try {
    const { read, utils } = await import('@e965/xlsx');
    const workbook = read(bytes, {
      type: 'array',
      cellDates: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      dense: true,
      ...(rowLimit === undefined ? {} : { sheetRows: rowLimit }),
    });
    sheets = workbook.SheetNames.map((name) => {
      const sheet = workbook.Sheets[name];
      const raw = sheet
        ? utils.sheet_to_json<unknown[]>(sheet, {
            header: 1,
            raw: true,
            defval: '',
            blankrows: true,
            UTC: true,
          })
        : [];
      return { name, rows: padRows(raw.map((cells) => cells.map(cellText))) };
    });
  } catch {
    return failure('spreadsheet-unreadable', fileName) as ReadFailure;
  }
  return { ok: true, sheets };
}

/** Every row as wide as the widest, so a short row is not reported as ragged. */
function padRows(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  return rows.map((cells) =>
    cells.length < width ? [...cells, ...Array(width - cells.length).fill('')] : cells,
  );
}

/**
 * A cell as the text a CSV would hold: numbers in full (18.5392, not a
 * rounded display), dates as ISO days (or date-times when they have a time),
 * booleans as true/false.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}
