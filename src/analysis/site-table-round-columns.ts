/**
 * The site table's round columns (issue 17): people in the base round and in
 * the later one, the change (absolute and as a percentage) and the status of
 * each site, when two rounds are compared. One definition per column gives
 * its sort key, its cell text and its CSV value and tag, so the table, its
 * sort, its column chooser and its CSV read the same thing
 * (site-table-columns.ts lists them with the other columns).
 *
 * A site the comparison does not know (not in the later round) and a count
 * missing in a round are unknown: "—" in a cell, an empty CSV cell, sorted
 * last; never 0.
 */
import { formatFigure } from '../analyses/figure-format';
import { numberText, rounded, UNKNOWN } from '../analyses/labels';
import type { MessageKey } from '../i18n/fr';
import type { Language, Translate } from '../i18n/translate';
import { signedText } from '../rounds/round-figures';
import {
  ROUND_SITE_STATUSES,
  type RoundSiteChange,
  type RoundSiteChanges,
} from '../rounds/round-site-changes';

export interface RoundTableColumn {
  id: string;
  kind: 'text' | 'number';
  label: MessageKey;
  description: MessageKey;
  /** CSV header (a catalogue key) and HXL tag. */
  csv: { header: MessageKey; hxl: string };
  /** The numeric sort key of one site (NaN: unknown, sorted last). */
  key(change: RoundSiteChange): number;
  /** The cell text (never "0" for an unknown). */
  cell(change: RoundSiteChange, language: Language, t: Translate): string;
  /** The CSV value (numbers plain, null when unknown). */
  value(change: RoundSiteChange, t: Translate): string | number | null;
}

/** "+25 %", "−12,5 %": the change as a signed percentage, through the one formatter. */
export function signedPercentText(language: Language, fraction: number): string {
  if (!Number.isFinite(fraction)) return UNKNOWN;
  const sign = fraction > 0 ? '+' : fraction < 0 ? '\u2212' : '';
  return `${sign}${formatFigure({ value: Math.abs(fraction), format: 'percent', language })}`;
}

const signedOrUnknown = (language: Language, value: number) =>
  Number.isFinite(value) ? signedText(language, value) : UNKNOWN;

export const ROUND_TABLE_COLUMNS: readonly RoundTableColumn[] = [
  {
    id: 'roundBefore',
    kind: 'number',
    label: 'roundTable.column.before',
    description: 'roundTable.describe.before',
    csv: { header: 'roundTable.csv.before', hxl: '#affected+idps+ind+base' },
    key: (change) => change.before,
    cell: (change, language) => numberText(language, change.before),
    value: (change) => rounded(change.before),
  },
  {
    id: 'roundAfter',
    kind: 'number',
    label: 'roundTable.column.after',
    description: 'roundTable.describe.after',
    csv: { header: 'roundTable.csv.after', hxl: '#affected+idps+ind+later' },
    key: (change) => change.after,
    cell: (change, language) => numberText(language, change.after),
    value: (change) => rounded(change.after),
  },
  {
    id: 'roundChange',
    kind: 'number',
    label: 'roundTable.column.change',
    description: 'roundTable.describe.change',
    csv: { header: 'roundTable.csv.change', hxl: '#affected+idps+ind+change' },
    key: (change) => change.change,
    cell: (change, language) => signedOrUnknown(language, change.change),
    value: (change) => rounded(change.change),
  },
  {
    id: 'roundChangePercent',
    kind: 'number',
    label: 'roundTable.column.changePercent',
    description: 'roundTable.describe.changePercent',
    csv: { header: 'roundTable.csv.changePercent', hxl: '#affected+idps+pct+change' },
    key: (change) => change.fraction,
    cell: (change, language) => signedPercentText(language, change.fraction),
    value: (change) => rounded(change.fraction * 100, 1),
  },
  {
    id: 'roundStatus',
    kind: 'text',
    label: 'roundTable.column.status',
    description: 'roundTable.describe.status',
    csv: { header: 'roundTable.csv.status', hxl: '#indicator+round_status' },
    key: (change) => ROUND_SITE_STATUSES.indexOf(change.status),
    cell: (change, _language, t) => t(`roundTable.status.${change.status}`),
    value: (change, t) => t(`roundTable.status.${change.status}`),
  },
];

/** The sort keys of a round column over the table's sites (by id); NaN everywhere without a comparison. */
export function roundSortKeys(
  column: RoundTableColumn,
  ids: readonly string[],
  rounds: RoundSiteChanges | null | undefined,
): Float64Array {
  const keys = new Float64Array(ids.length).fill(Number.NaN);
  if (!rounds) return keys;
  ids.forEach((id, index) => {
    const change = rounds.byId.get(id);
    if (change) keys[index] = column.key(change);
  });
  return keys;
}
