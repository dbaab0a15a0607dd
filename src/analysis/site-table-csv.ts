/**
 * The site table as CSV, in the order and with the filters on screen: a
 * human header (in the interface language), an HXL tag row (DTM habit), then
 * one row per site. Numbers are written plainly (dot decimals, no grouping)
 * so spreadsheets and QGIS read them; flags are 1/0 so they sum.
 *
 * The control columns come from the gang-control layer, so every row carries
 * the sensitivity label in a first column, as the layer's own CSV export does
 * (see src/io/write-csv.ts for why a column and not a comment line).
 */
import type { Translate } from '../i18n/translate';
import { LATITUDE_TAG, LONGITUDE_TAG } from '../io/field-names';
import { SENSITIVITY_LABEL } from '../io/sensitivity';
import { csvDocument } from '../io/write-csv';
import { controlLevelLabel, severityLabel, siteTypeLabel } from './site-table-cells';
import { SITE_TABLE_FLAGS, type SiteTableData } from './site-table-columns';

export type CsvCell = string | number | null;

/** Header and HXL tag of each fixed column, in order. */
const FIXED_COLUMNS = [
  { header: 'siteTable.csv.sensitivity', hxl: '' },
  { header: 'siteTable.csv.id', hxl: '#site+code' },
  { header: 'siteTable.csv.name', hxl: '#site+name' },
  { header: 'siteTable.csv.siteType', hxl: '#site+type' },
  { header: 'siteTable.csv.admin2Pcode', hxl: '#adm2+code' },
  { header: 'siteTable.csv.admin2Name', hxl: '#adm2+name' },
  { header: 'siteTable.csv.individuals', hxl: '#affected+idps+ind' },
  { header: 'siteTable.csv.households', hxl: '#affected+idps+hh' },
  { header: 'siteTable.csv.spacePerPerson', hxl: '#indicator+space_per_person+num' },
  { header: 'siteTable.csv.hazard', hxl: '#indicator+hazard+severity' },
  { header: 'siteTable.csv.controlLevel', hxl: '#indicator+access+control_level' },
  { header: 'siteTable.csv.controlMeters', hxl: '#indicator+access+distance_m+num' },
  { header: 'siteTable.csv.waterMeters', hxl: '#indicator+water+distance_m+num' },
  { header: 'siteTable.csv.healthMeters', hxl: '#indicator+health+distance_m+num' },
  { header: 'siteTable.csv.distributionMeters', hxl: '#indicator+distribution+distance_m+num' },
  { header: 'siteTable.csv.latitude', hxl: LATITUDE_TAG },
  { header: 'siteTable.csv.longitude', hxl: LONGITUDE_TAG },
] as const;

/** A finite number rounded to `digits` decimals, else an empty cell (unknown, or no service at all). */
function rounded(value: number | undefined, digits = 0): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Header row, HXL row, then one row per index of `order`. */
export function siteTableCsvRows(data: SiteTableData, order: Uint32Array, t: Translate): CsvCell[][] {
  const { source, flags } = data;
  const header: CsvCell[] = [
    ...FIXED_COLUMNS.map((column) => t(column.header)),
    ...SITE_TABLE_FLAGS.map((flag) => t(flag.description)),
  ];
  const tags: CsvCell[] = [
    ...FIXED_COLUMNS.map((column) => column.hxl),
    ...SITE_TABLE_FLAGS.map((flag) => flag.hxl),
  ];
  const rows: CsvCell[][] = [header, tags];
  for (const index of order) {
    const level = flags?.controlLevel[index];
    const rank = flags?.worstHazardSeverity[index];
    const bits = flags?.flags[index];
    rows.push([
      SENSITIVITY_LABEL,
      source.ids[index] ?? '',
      source.names[index] ?? '',
      siteTypeLabel(t, source.siteTypes[index] ?? ''),
      source.communePcodes[index] ?? '',
      source.communeNames[index] ?? '',
      rounded(source.individuals[index]),
      rounded(source.households[index]),
      rounded(flags?.squareMetresPerPerson[index], 1),
      rank === undefined ? null : severityLabel(t, rank),
      level === undefined ? null : controlLevelLabel(t, level),
      rounded(flags?.controlMeters[index]),
      rounded(flags?.waterMeters[index]),
      rounded(flags?.healthMeters[index]),
      rounded(flags?.distributionMeters[index]),
      rounded(source.latitudes[index], 6),
      rounded(source.longitudes[index], 6),
      ...SITE_TABLE_FLAGS.map((flag) => (bits === undefined ? null : (bits & flag.bit) !== 0 ? 1 : 0)),
    ]);
  }
  return rows;
}

/**
 * Serialises rows with the app's one CSV writer (`csvDocument`: byte-order
 * mark, RFC 4180 quoting, the formula guard our reader removes).
 */
export function csvText(rows: CsvCell[][]): string {
  return csvDocument(rows);
}
