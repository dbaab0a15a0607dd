/**
 * Rows of cells (from a CSV or a spreadsheet sheet) into point features:
 * finds the header below any title rows and the HXL tag row wherever it sits
 * in the first rows, the latitude and longitude columns (by HXL tag, 1.x or
 * pre-1.0, by name in English, French or Spanish, or by the one column whose
 * name holds "latitude"), turns each good row into a Point and reports each
 * bad row by its spreadsheet row number, keeping the others. A row with both
 * coordinates blank, or every row of a file with admin P-code or commune
 * columns but no coordinate columns (DTM extracts), becomes a feature with a
 * null geometry: validation keeps it as a site located by its admin area
 * when it declares one, never with invented coordinates. Cells stay strings:
 * field mapping decides what is a number, so "0042" keeps its zeros.
 */
import type { Feature, Geometry } from 'geojson';
import { COORDINATE_SYNONYMS, SITE_LOCATION_FIELDS } from '../domain/field-synonyms';
import { unguardFormula } from './csv-formula-guard';
import { FIELD_CANDIDATES } from './field-candidates';
import { mapFields } from './field-mapping';
import { normaliseFieldName, WKT_NAMES, WKT_TAG } from './field-names';
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

/** How many leading rows may hold titles, the header and the HXL row (DTM workbooks carry a few title rows). */
export const LAYOUT_SEARCH_ROWS = 25;

/** Turns rows into a collection; `problems` holds the reader's earlier warnings. Never throws. */
export function rowsToCollection(
  rows: readonly string[][],
  fileName: string,
  problems: Problem[],
): ReadResult {
  const layout = findLayout(rows);
  if (!layout) return failure('csv-no-header', fileName);
  const { columns, firstDataRow } = layout;
  const geometryReader =
    chooseGeometryReader(columns, fileName, problems) ?? (locatesSites(columns) ? NO_COORDINATES : undefined);
  if (!geometryReader) return failure('csv-no-coordinate-columns', fileName, { row: layout.headerRow });

  const features: Feature<Geometry | null>[] = [];
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
    if (geometry === undefined) continue;
    const properties: Record<string, string> = {};
    columns.forEach((column, columnIndex) => {
      if (geometryReader.columnIndexes.includes(columnIndex)) return;
      // Our own exports guard formulas with an apostrophe: removed, so values come back identical.
      properties[column.name] = unguardFormula((cells[columnIndex] ?? '').trim());
    });
    features.push({ type: 'Feature', properties, geometry });
    sourceRows.push(row);
  }
  // A null geometry is valid GeoJSON; the collection type's default parameter just leaves it out.
  const collection: ImportedCollection = { type: 'FeatureCollection', features: features as Feature[] };
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

interface Layout {
  columns: SourceColumn[];
  firstDataRow: number;
  /** Spreadsheet row (1-based) of the header, for messages. */
  headerRow: number;
}

/** Every name a column could be recognised by, normalised: the header guess counts them. */
const KNOWN_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(FIELD_CANDIDATES).flatMap((fields) =>
    Object.entries(fields).flatMap(([field, candidates]) => [normaliseFieldName(field), ...candidates.names]),
  ),
  ...[...COORDINATE_SYNONYMS.latitude.names, ...COORDINATE_SYNONYMS.longitude.names].map(normaliseFieldName),
  ...WKT_NAMES,
]);

/**
 * Where the header and data start. With an HXL row at index h > 0 the header
 * is row h − 1 (rows above are titles); with h = 0 the tags are the names.
 * Without HXL the header is the leading row with the most recognised column
 * names (ties: the one with most filled cells, then the first), so title rows
 * above it ("DTM Haiti — Round 32", a blank line) are skipped.
 */
export function findLayout(rows: readonly string[][]): Layout | undefined {
  const leading = rows.slice(0, LAYOUT_SEARCH_ROWS);
  const hxlIndex = leading.findIndex((cells) => isHxlRow(cells));
  if (hxlIndex >= 0) {
    const tags = rows[hxlIndex] ?? [];
    const headerIndex = hxlIndex > 0 && !isBlankRow(rows[hxlIndex - 1]) ? hxlIndex - 1 : hxlIndex;
    const header = rows[headerIndex] ?? [];
    const width = Math.max(tags.length, header.length);
    const names = uniqueNames(Array.from({ length: width }, (_, index) => header[index] ?? ''));
    const columns = names.map((name, index) => {
      const tag = (tags[index] ?? '').trim();
      return tag === '' ? { name } : { name, hxlTag: tag };
    });
    return { columns, firstDataRow: hxlIndex + 1, headerRow: headerIndex + 1 };
  }
  let best: { index: number; known: number; filled: number } | undefined;
  leading.forEach((cells, index) => {
    const filled = cells.filter((cell) => !isBlank(cell)).length;
    if (filled === 0) return;
    const known = cells.filter((cell) => KNOWN_NAMES.has(normaliseFieldName(cell))).length;
    if (!best || known > best.known || (known === best.known && filled > best.filled)) {
      best = { index, known, filled };
    }
  });
  if (!best) return undefined;
  const headerIndex = best.known > 0 ? best.index : rows.findIndex((cells) => !isBlankRow(cells));
  const columns = uniqueNames(rows[headerIndex] ?? []).map((name) => ({ name }));
  return { columns, firstDataRow: headerIndex + 1, headerRow: headerIndex + 1 };
}

function isBlankRow(cells: readonly string[] | undefined): boolean {
  return !cells || cells.every((cell) => isBlank(cell));
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
  /** The geometry of a row, null when it has no coordinates at all, or undefined after recording the row's problem. */
  read: (cells: string[], row: number) => Geometry | null | undefined;
}

/** Every row of a file with no coordinate columns: validation decides whether its admin columns place it. */
const NO_COORDINATES: GeometryReader = { columnIndexes: [], read: () => null };

/** The columns name at least one admin area a site could be counted in (P-code or commune name). */
function locatesSites(columns: SourceColumn[]): boolean {
  const { fields } = mapFields('sites', columns);
  return SITE_LOCATION_FIELDS.some((field) => fields[field] !== undefined);
}

/** Latitude/longitude columns for points; else a WKT column (polygon layers exported by us or QGIS). */
function chooseGeometryReader(
  columns: SourceColumn[],
  fileName: string,
  problems: Problem[],
): GeometryReader | undefined {
  const latitudeIndex = findCoordinateColumn(columns, COORDINATE_SYNONYMS.latitude, 'latitude');
  const longitudeIndex = findCoordinateColumn(columns, COORDINATE_SYNONYMS.longitude, 'longitude');
  if (latitudeIndex !== undefined && longitudeIndex !== undefined) {
    const latitudeName = columns[latitudeIndex]?.name ?? '';
    const longitudeName = columns[longitudeIndex]?.name ?? '';
    return {
      columnIndexes: [latitudeIndex, longitudeIndex],
      read: (cells, row) => {
        if (isBlank(cells[latitudeIndex]) && isBlank(cells[longitudeIndex])) return null;
        const latitude = readCoordinate(cells[latitudeIndex], latitudeName, row, fileName, problems);
        const longitude = readCoordinate(cells[longitudeIndex], longitudeName, row, fileName, problems);
        return latitude === undefined || longitude === undefined
          ? undefined
          : { type: 'Point', coordinates: [longitude, latitude] };
      },
    };
  }
  const wktIndex = findCoordinateColumn(columns, { hxl: [WKT_TAG], names: WKT_NAMES }, undefined);
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

interface CoordinateSynonyms {
  hxl: readonly string[];
  hxlExact?: readonly string[];
  names: readonly string[];
}

/**
 * The HXL tag wins over the name; among names, the earlier list entry wins;
 * failing both, the only column whose name holds `word` ("Centre latitude").
 */
function findCoordinateColumn(
  columns: SourceColumn[],
  synonyms: CoordinateSynonyms,
  word: string | undefined,
): number | undefined {
  const tagged = (tag: string, exact: boolean) =>
    columns.findIndex(
      (column) => column.hxlTag !== undefined && hxlMatchScore(column.hxlTag, tag) >= (exact ? 2 : 1),
    );
  for (const tag of synonyms.hxl) {
    const index = tagged(tag, false);
    if (index >= 0) return index;
  }
  for (const tag of synonyms.hxlExact ?? []) {
    const index = tagged(tag, true);
    if (index >= 0) return index;
  }
  const normalised = columns.map((column) => normaliseFieldName(column.name));
  for (const name of synonyms.names) {
    const index = normalised.indexOf(normaliseFieldName(name));
    if (index >= 0) return index;
  }
  if (word === undefined) return undefined;
  const holding = normalised.flatMap((name, index) => (name.includes(word) ? [index] : []));
  return holding.length === 1 ? holding[0] : undefined;
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
