/**
 * The site table as CSV, in the order and with the filters on screen: a
 * human header (in the interface language), an HXL tag row (DTM habit), then
 * one row per site. Numbers are written plainly (dot decimals, no grouping)
 * so spreadsheets and QGIS read them; flags are 1/0 so they sum.
 *
 * The analyses' columns come from their descriptors (src/analyses); the
 * round columns (site-table-round-columns.ts) follow the site's counts while
 * two rounds are compared, as in the table. When one
 * derives from a sensitive layer (the control columns come from the
 * gang-control layer), every row carries the sensitivity label (in the
 * interface language, like the headers) in a first column, as the layer's own CSV export does (see src/io/write-csv.ts for why
 * a column and not a comment line).
 */
import { rounded, siteTypeLabel } from '../analyses/labels';
import { DEFAULT_PRIORITY_WEIGHTS, gapPoints } from '../analyses/priority-score';
import type { Translate } from '../i18n/translate';
import { LATITUDE_TAG, LONGITUDE_TAG } from '../io/field-names';
import { type CsvDialect, csvDocument, STANDARD_CSV } from '../io/write-csv';
import {
  ANALYSIS_COLUMNS,
  priorityScoreOf,
  SITE_TABLE_FLAGS,
  SITE_TABLE_SENSITIVE,
  type SiteTableData,
} from './site-table-columns';
import { ROUND_TABLE_COLUMNS } from './site-table-round-columns';

export type CsvCell = string | number | null;

/** Header and HXL tag of the site's own columns, in order. */
const SITE_COLUMNS = [
  { header: 'siteTable.csv.sensitivity', hxl: '' },
  { header: 'siteTable.csv.id', hxl: '#site+code' },
  { header: 'siteTable.csv.name', hxl: '#site+name' },
  { header: 'siteTable.csv.siteType', hxl: '#site+type' },
  { header: 'siteTable.csv.admin2Pcode', hxl: '#adm2+code' },
  { header: 'siteTable.csv.admin2Name', hxl: '#adm2+name' },
  { header: 'siteTable.csv.individuals', hxl: '#affected+idps+ind' },
  { header: 'siteTable.csv.households', hxl: '#affected+idps+hh' },
] as const;

/** The priority score and its gap points (priority-score.ts), then the analyses' CSV columns. */
const PRIORITY_COLUMNS = [
  { header: 'siteTable.csv.priority', hxl: '#indicator+priority+score+num' },
  { header: 'siteTable.csv.priorityPoints', hxl: '#indicator+priority+gaps+num' },
] as const;

/** The analyses' CSV columns (from their descriptors), then the position. */
const ANALYSIS_CSV_COLUMNS = ANALYSIS_COLUMNS.flatMap((column) => column.csv);
const POSITION_COLUMNS = [
  { header: 'siteTable.csv.latitude', hxl: LATITUDE_TAG },
  { header: 'siteTable.csv.longitude', hxl: LONGITUDE_TAG },
] as const;

/** Header row, HXL row, then one row per index of `order`. */
export function siteTableCsvRows(data: SiteTableData, order: Uint32Array, t: Translate): CsvCell[][] {
  const { source, flags, rounds } = data;
  const roundColumns = rounds ? ROUND_TABLE_COLUMNS : [];
  const fixed = [
    ...SITE_COLUMNS,
    ...roundColumns.map((column) => column.csv),
    ...PRIORITY_COLUMNS,
    ...ANALYSIS_CSV_COLUMNS,
    ...POSITION_COLUMNS,
  ];
  const weights = data.weights ?? DEFAULT_PRIORITY_WEIGHTS;
  const header: CsvCell[] = [
    ...fixed.map((column) => t(column.header)),
    ...SITE_TABLE_FLAGS.map((flag) => t(flag.description)),
  ];
  const tags: CsvCell[] = [...fixed.map((column) => column.hxl), ...SITE_TABLE_FLAGS.map((flag) => flag.hxl)];
  const rows: CsvCell[][] = [header, tags];
  for (const index of order) {
    const bits = flags?.flags[index];
    const change = rounds?.byId.get(source.ids[index] ?? '');
    rows.push([
      SITE_TABLE_SENSITIVE ? t('export.sensitivityLabel') : '',
      source.ids[index] ?? '',
      source.names[index] ?? '',
      siteTypeLabel(t, source.siteTypes[index] ?? ''),
      source.communePcodes[index] ?? '',
      source.communeNames[index] ?? '',
      rounded(source.individuals[index]),
      rounded(source.households[index]),
      ...roundColumns.map((column) => (change ? column.value(change, t) : null)),
      flags ? rounded(priorityScoreOf(data, index)) : null,
      flags ? gapPoints(flags, index, weights) : null,
      ...ANALYSIS_CSV_COLUMNS.map((column) => (flags ? column.value(flags, index, t) : null)),
      rounded(source.latitudes[index], 6),
      rounded(source.longitudes[index], 6),
      ...SITE_TABLE_FLAGS.map((flag) => (bits === undefined ? null : (bits & flag.bit) !== 0 ? 1 : 0)),
    ]);
  }
  return rows;
}

/**
 * Serialises rows with the app's one CSV writer (`csvDocument`: byte-order
 * mark, quoting, the formula guard our reader removes) in the user's dialect.
 */
export function csvText(rows: CsvCell[][], dialect: CsvDialect = STANDARD_CSV): string {
  return csvDocument(rows, dialect);
}
