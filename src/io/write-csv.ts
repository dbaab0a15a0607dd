/**
 * The one CSV writer of the app (layer exports and the site table): RFC 4180
 * quoting and the formula guard of `csv-formula-guard.ts`, CRLF line ends, a
 * UTF-8 byte-order mark. Layer exports are in the shape DTM users know: human headers on row 1, HXL tags on
 * row 2 (sites and services), `latitude`/`longitude` for points, a `WKT` column
 * for polygons (QGIS "Add delimited text layer" reads both).
 *
 * Sensitive layers get a first column `sensitivity` holding the label (in the
 * interface language, given by the caller) on every row. A comment line was rejected: QGIS and Excel would read it as data or a
 * header, while a column opens everywhere and stays attached to rows that are
 * copied out of the file.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { guardFormula } from './csv-formula-guard';
import type { LayerRole } from './field-candidates';
import { LATITUDE_TAG, LONGITUDE_TAG } from './field-names';
import { isSensitiveCollection } from './sensitivity';
import { geometryToWkt } from './wkt';

/** HXL tags written under the model's field names, per role that gets a tag row. */
export const CSV_HXL_TAGS: Partial<Record<LayerRole, Record<string, string>>> = {
  sites: {
    id: '#site+code',
    name: '#site+name',
    siteType: '#site+type',
    admin1Pcode: '#adm1+code',
    admin1Name: '#adm1+name',
    admin2Pcode: '#adm2+code',
    admin2Name: '#adm2+name',
    households: '#affected+idps+hh',
    individuals: '#affected+idps+ind',
    managementAgency: '#org+name',
    lastAssessment: '#date+reported',
  },
  services: {
    id: '#loc+code',
    name: '#loc+name',
    serviceType: '#loc+type',
    operator: '#org+name',
  },
};

const LINE_END = '\r\n';

/**
 * How cells are separated and decimals written. Tools (QGIS, pandas, HDX) read the
 * standard comma form; a spreadsheet on a French system splits columns on `;` and
 * reads "18,54" as a number, so a double-click opens the other form correctly.
 */
export interface CsvDialect {
  readonly separator: ',' | ';';
  readonly decimalComma: boolean;
}

/** RFC 4180: comma-separated, decimal points. */
export const STANDARD_CSV: CsvDialect = { separator: ',', decimalComma: false };

/** For spreadsheets set to French (and Creole) conventions: `;`-separated, decimal commas. */
export const FRENCH_SPREADSHEET_CSV: CsvDialect = { separator: ';', decimalComma: true };

/**
 * The CSV styles a user chooses between: `spreadsheet` opens by double-click in a
 * spreadsheet set to French conventions; `standard` (RFC 4180) is for tools.
 */
export type CsvStyle = 'spreadsheet' | 'standard';

/** The writer's dialect for each style. */
export const CSV_DIALECTS: Record<CsvStyle, CsvDialect> = {
  spreadsheet: FRENCH_SPREADSHEET_CSV,
  standard: STANDARD_CSV,
};

/**
 * Serialises a collection as CSV (UTF-8 with a byte-order mark so Excel on
 * French Windows shows "Pétion-Ville" correctly; QGIS ignores the mark).
 * `sensitivityLabel` is the catalogue's `export.sensitivityLabel` in the
 * interface language, written only when the collection is sensitive.
 */
export function writeCsv(
  collection: FeatureCollection,
  role: LayerRole | undefined,
  sensitivityLabel: string,
  dialect: CsvDialect = STANDARD_CSV,
): string {
  const features = collection.features;
  const tags = role === undefined ? undefined : CSV_HXL_TAGS[role];
  const sensitive = isSensitiveCollection(collection, role);
  const asPoints = features.every(
    (feature) => feature.geometry === null || feature.geometry?.type === 'Point',
  );
  const propertyKeys = orderedKeys(features, tags ? Object.keys(tags) : []).filter(
    (key) => !(sensitive && key === 'sensitivity'),
  );
  const header = [
    ...(sensitive ? ['sensitivity'] : []),
    ...propertyKeys,
    ...(asPoints ? ['latitude', 'longitude'] : ['WKT']),
  ];
  const rows: unknown[][] = [header];
  if (tags) {
    const tagRow = [
      ...(sensitive ? [''] : []),
      ...propertyKeys.map((key) => tags[key] ?? ''),
      ...(asPoints ? [LATITUDE_TAG, LONGITUDE_TAG] : ['#geo+wkt']),
    ];
    rows.push(tagRow);
  }
  for (const feature of features) {
    const properties = feature.properties ?? {};
    const geometryCells = asPoints ? pointCells(feature) : [geometryToWkt(feature.geometry) ?? ''];
    const row = [
      ...(sensitive ? [sensitivityLabel] : []),
      ...propertyKeys.map((key) => properties[key]),
      ...geometryCells,
    ];
    rows.push(row);
  }
  return csvDocument(rows, dialect);
}

/**
 * Rows as a CSV document: UTF-8 byte-order mark (so Excel on French Windows
 * shows "Pétion-Ville"; QGIS ignores it), cells through `cell` in `dialect`,
 * CRLF after every row, as RFC 4180 writes them.
 */
export function csvDocument(
  rows: readonly (readonly unknown[])[],
  dialect: CsvDialect = STANDARD_CSV,
): string {
  const line = (row: readonly unknown[]) => row.map((value) => cell(value, dialect)).join(dialect.separator);
  return `\uFEFF${rows.map(line).join(LINE_END)}${LINE_END}`;
}

/** Known fields in model order, then every other key in first-seen order. */
function orderedKeys(features: readonly Feature[], preferred: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const feature of features) for (const key of Object.keys(feature.properties ?? {})) seen.add(key);
  return [
    ...preferred.filter((key) => seen.has(key)),
    ...[...seen].filter((key) => !preferred.includes(key)),
  ];
}

function pointCells(feature: Feature): unknown[] {
  if (feature.geometry?.type !== 'Point') return ['', ''];
  const [longitude, latitude] = feature.geometry.coordinates;
  return [latitude, longitude];
}

/**
 * One CSV cell: text a spreadsheet would run as a formula gets the guard
 * apostrophe (see `guardFormula`; the reader removes it), then the cell is
 * quoted when it holds the separator, a quote or line break or starts or
 * ends with spaces, quotes doubled (RFC 4180). Numbers are written plainly (with a
 * decimal comma in the French dialect, never grouped); non-finite numbers, null
 * and undefined are empty cells.
 */
export function cell(value: unknown, dialect: CsvDialect = STANDARD_CSV): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? numberText(value, dialect) : '';
  else if (typeof value === 'string') text = guardFormula(value);
  else if (typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value) ?? '';
  const needsQuotes = /["\r\n]/.test(text) || text.includes(dialect.separator) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberText(value: number, dialect: CsvDialect): string {
  const text = String(value);
  return dialect.decimalComma ? text.replace('.', ',') : text;
}
