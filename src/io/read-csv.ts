/**
 * CSV reader for site lists: finds the delimiter, the HXL tag row (anywhere in
 * the first five rows), the latitude and longitude columns; turns each good row
 * into a Point and reports each bad row by its spreadsheet row number, keeping
 * the others. Cells stay strings: field mapping decides what is a number, so
 * an id like "0042" keeps its zeros.
 */
import type { Feature, Geometry } from 'geojson';
import Papa from 'papaparse';
import { decodeText } from './bytes';
import { unguardFormula } from './csv-formula-guard';
import {
  LATITUDE_NAMES,
  LATITUDE_TAG,
  LONGITUDE_NAMES,
  LONGITUDE_TAG,
  normaliseFieldName,
  WKT_NAMES,
  WKT_TAG,
} from './field-names';
import { hxlMatchScore, isHxlRow } from './hxl';
import { isBlank, parseNumber } from './numbers';
import {
  excerpt,
  failure,
  type ImportedCollection,
  makeProblem,
  type Problem,
  type ReadResult,
  type SourceColumn,
} from './problem';
import { isWrittenSensitivityLabel } from './sensitivity';
import { wktToGeometry } from './wkt';

/** How many leading rows may hold titles, the header and the HXL row. */
const HXL_SEARCH_ROWS = 5;

/** Reads a delimited text file (`,`, `;` or tab). Never throws. */
export async function readCsv(bytes: Uint8Array | string, fileName: string): Promise<ReadResult> {
  try {
    return parseCsvText(bytes, fileName);
  } catch {
    return failure('read-failed', fileName);
  }
}

function parseCsvText(bytes: Uint8Array | string, fileName: string): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure('not-text', fileName);
  if (decoded.text.trim() === '') return failure('empty-file', fileName);
  const parsed = Papa.parse<string[]>(decoded.text, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(decoded.text),
  });
  const rows = parsed.data;
  const problems: Problem[] = parsed.errors
    .filter((error) => error.type === 'Quotes')
    .map((error) => makeProblem('warning', 'csv-malformed-row', fileName, { row: (error.row ?? 0) + 1 }));

  const layout = findLayout(rows);
  if (!layout) return failure('csv-no-header', fileName);
  const { columns, firstDataRow } = layout;
  const geometryReader = chooseGeometryReader(columns, fileName, problems);
  if (!geometryReader) return failure('csv-no-coordinate-columns', fileName);

  const features: Feature[] = [];
  const sourceRows: number[] = [];
  for (let index = firstDataRow; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    // Spreadsheets number rows from 1 and show every record as one row.
    const row = index + 1;
    if (cells.length !== columns.length) {
      problems.push(makeProblem('warning', 'csv-ragged-row', fileName, { row, value: String(cells.length) }));
    }
    const geometry = geometryReader.read(cells, row);
    if (!geometry) continue;
    const properties: Record<string, string> = {};
    columns.forEach((column, columnIndex) => {
      if (geometryReader.columnIndexes.includes(columnIndex)) return;
      // Our own exports guard formulas with an apostrophe: removed, so values come back identical.
      properties[column.name] = unguardFormula((cells[columnIndex] ?? '').trim());
    });
    features.push({ type: 'Feature', properties, geometry });
    sourceRows.push(row);
  }
  const collection: ImportedCollection = { type: 'FeatureCollection', features };
  // Our writers put the label in the first column: named `sensitivity` in layer exports, under a
  // translated header ("Sensibilité", "Sansiblite"…) in the site table and key-figures CSV.
  const firstProperties = features[0]?.properties ?? {};
  const sensitivity = [firstProperties.sensitivity, firstProperties[columns[0]?.name ?? '']].find(
    isWrittenSensitivityLabel,
  );
  if (typeof sensitivity === 'string') collection.sensitivity = sensitivity;
  if (features.length === 0 && !problems.some((problem) => problem.severity === 'error')) {
    problems.push(makeProblem('warning', 'no-features', fileName));
  }
  return { ok: true, collection, problems, columns, sourceRows };
}

/**
 * The delimiter that splits the header line most often, quotes ignored. Papaparse's own guess looks at field-count consistency and picks
 * `,` for French files where "18,54" puts commas in every data row; headers
 * almost never hold decimal numbers, so they decide.
 */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const candidates = [',', ';', '\t'] as const;
  // The first line holding any candidate, so a title row above the header does not decide.
  for (const line of text.split(/\r?\n/, 5)) {
    const unquoted = line.replace(/"[^"]*"/g, '');
    const count = (delimiter: string) => unquoted.split(delimiter).length - 1;
    const best = candidates.reduce(
      (chosen, candidate) => (count(candidate) > count(chosen) ? candidate : chosen),
      ',',
    );
    if (count(best) > 0) return best;
  }
  return ',';
}

/**
 * Where the header and data start. With an HXL row at index h > 0 the header
 * is row h − 1 (rows above are titles); with h = 0 the tags are the names.
 * Without HXL the first non-empty row is the header.
 */
function findLayout(rows: string[][]): { columns: SourceColumn[]; firstDataRow: number } | undefined {
  const hxlIndex = rows.slice(0, HXL_SEARCH_ROWS).findIndex((cells) => isHxlRow(cells));
  if (hxlIndex >= 0) {
    const tags = rows[hxlIndex] ?? [];
    const header = hxlIndex > 0 ? (rows[hxlIndex - 1] ?? []) : tags;
    const width = Math.max(tags.length, header.length);
    const names = uniqueNames(Array.from({ length: width }, (_, index) => header[index] ?? ''));
    const columns = names.map((name, index) => {
      const tag = (tags[index] ?? '').trim();
      return tag === '' ? { name } : { name, hxlTag: tag };
    });
    return { columns, firstDataRow: hxlIndex + 1 };
  }
  const headerIndex = rows.findIndex((cells) => cells.some((cell) => !isBlank(cell)));
  if (headerIndex < 0) return undefined;
  const columns = uniqueNames(rows[headerIndex] ?? []).map((name) => ({ name }));
  return { columns, firstDataRow: headerIndex + 1 };
}

/** Trims names, fills blanks and de-duplicates, so every cell keeps its own property. */
function uniqueNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const base = raw.trim() === '' ? `column_${index + 1}` : raw.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

interface GeometryReader {
  /** Columns consumed by the geometry, left out of the properties. */
  columnIndexes: number[];
  /** The geometry of a row, or undefined after recording the row's problem. */
  read: (cells: string[], row: number) => Geometry | undefined;
}

/** Latitude/longitude columns for points; else a WKT column (polygon layers exported by us or QGIS). */
function chooseGeometryReader(
  columns: SourceColumn[],
  fileName: string,
  problems: Problem[],
): GeometryReader | undefined {
  const latitudeIndex = findCoordinateColumn(columns, LATITUDE_TAG, LATITUDE_NAMES);
  const longitudeIndex = findCoordinateColumn(columns, LONGITUDE_TAG, LONGITUDE_NAMES);
  if (latitudeIndex !== undefined && longitudeIndex !== undefined) {
    const latitudeName = columns[latitudeIndex]?.name ?? '';
    const longitudeName = columns[longitudeIndex]?.name ?? '';
    return {
      columnIndexes: [latitudeIndex, longitudeIndex],
      read: (cells, row) => {
        const latitude = readCoordinate(cells[latitudeIndex], latitudeName, row, fileName, problems);
        const longitude = readCoordinate(cells[longitudeIndex], longitudeName, row, fileName, problems);
        return latitude === undefined || longitude === undefined
          ? undefined
          : { type: 'Point', coordinates: [longitude, latitude] };
      },
    };
  }
  const wktIndex = findCoordinateColumn(columns, WKT_TAG, WKT_NAMES);
  if (wktIndex === undefined) return undefined;
  const field = columns[wktIndex]?.name ?? '';
  return {
    columnIndexes: [wktIndex],
    read: (cells, row) => {
      const cell = cells[wktIndex];
      if (isBlank(cell)) {
        problems.push(makeProblem('error', 'csv-missing-coordinates', fileName, { row, field }));
        return undefined;
      }
      const geometry = wktToGeometry(cell ?? '');
      if (!geometry)
        problems.push(
          makeProblem('error', 'csv-bad-coordinate', fileName, { row, field, value: excerpt(cell) }),
        );
      return geometry;
    },
  };
}

/** The HXL tag wins over the name; among names, the earlier list entry wins. */
function findCoordinateColumn(
  columns: SourceColumn[],
  tag: string,
  names: readonly string[],
): number | undefined {
  const byTag = columns.findIndex(
    (column) => column.hxlTag !== undefined && hxlMatchScore(column.hxlTag, tag) > 0,
  );
  if (byTag >= 0) return byTag;
  for (const name of names) {
    const index = columns.findIndex((column) => normaliseFieldName(column.name) === name);
    if (index >= 0) return index;
  }
  return undefined;
}

function readCoordinate(
  cell: string | undefined,
  field: string,
  row: number,
  fileName: string,
  problems: Problem[],
): number | undefined {
  if (isBlank(cell)) {
    problems.push(makeProblem('error', 'csv-missing-coordinates', fileName, { row, field }));
    return undefined;
  }
  const value = parseNumber(cell, 'decimal');
  if (value === undefined) {
    problems.push(makeProblem('error', 'csv-bad-coordinate', fileName, { row, field, value: excerpt(cell) }));
  }
  return value;
}
