/**
 * The columns of the site table and the flags it shows as badges: one table
 * read by the header, the cells, the sort and the CSV export, so they cannot
 * disagree. The site's own columns come first, then each analysis's columns
 * and flags as its descriptor declares them (src/analyses), then the count of
 * alerts. When two rounds are compared, the round columns (people in each
 * round, the change, the status: site-table-round-columns.ts) follow the
 * site's counts. Sort keys are numeric columns (see site-table-order.ts).
 */
import { SITE_FLAG, type SiteFlags } from '../../workers/analysis/site-flags';
import type { AnalysisColumn, SiteFlagId } from '../analyses/analysis-descriptor';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  gapPoints,
  type PriorityWeights,
  prioritySortKeys,
} from '../analyses/priority-score';
import { ANALYSES } from '../analyses/registry';
import type { MessageKey } from '../i18n/fr';
import type { RoundSiteChanges } from '../rounds/round-site-changes';
import { type SortDirection, textRanks } from './site-table-order';
import { ROUND_TABLE_COLUMNS, type RoundTableColumn, roundSortKeys } from './site-table-round-columns';
import type { SiteTableSource } from './site-table-source';

/** The site's own columns, read from the sites collection. */
const SITE_COLUMN_IDS = ['name', 'id', 'siteType', 'commune', 'individuals', 'households'] as const;
type SiteColumnId = (typeof SITE_COLUMN_IDS)[number];

/** A column id: a site column, `priority`, an analysis column (see the descriptors) or `flags`. */
export type SiteTableColumnId = string;

export interface SiteTableColumn {
  id: SiteTableColumnId;
  /** Text columns sort by collation and start ascending; numeric ones start descending (largest first). */
  kind: 'text' | 'number';
  /** Short header label. */
  label: MessageKey;
  /** What the column holds, in full (header tooltip). */
  description: MessageKey;
  /** Needs the analysis flags: shows "—" until they arrive. */
  fromFlags: boolean;
  /** Derived from a sensitive layer (the gang-control layer): carries the sensitivity label. */
  sensitive?: boolean;
  /** The analysis column behind it, when an analysis contributes it. */
  analysis?: AnalysisColumn;
  /** The round column behind it: shown only while two rounds are compared. */
  rounds?: RoundTableColumn;
}

const siteColumn = (id: SiteColumnId): SiteTableColumn => ({
  id,
  kind: id === 'individuals' || id === 'households' ? 'number' : 'text',
  label: `siteTable.column.${id}`,
  description: `siteTable.describe.${id}`,
  fromFlags: false,
});

/** Every analysis column, in registry order. */
export const ANALYSIS_COLUMNS: readonly AnalysisColumn[] = ANALYSES.flatMap(
  (descriptor) => descriptor.tableColumns,
);

export const SITE_TABLE_COLUMNS: readonly SiteTableColumn[] = [
  ...SITE_COLUMN_IDS.map(siteColumn),
  ...ROUND_TABLE_COLUMNS.map(
    (column): SiteTableColumn => ({
      id: column.id,
      kind: column.kind,
      label: column.label,
      description: column.description,
      fromFlags: false,
      rounds: column,
    }),
  ),
  {
    id: 'priority',
    kind: 'number',
    label: 'siteTable.column.priority',
    description: 'siteTable.describe.priority',
    fromFlags: true,
  },
  ...ANALYSIS_COLUMNS.map(
    (column): SiteTableColumn => ({
      id: column.id,
      kind: 'number',
      label: column.label,
      description: column.description,
      fromFlags: true,
      ...(column.sensitive ? { sensitive: true } : {}),
      analysis: column,
    }),
  ),
  {
    id: 'flags',
    kind: 'number',
    label: 'siteTable.column.flags',
    description: 'siteTable.describe.flags',
    fromFlags: true,
  },
];

/** True when some column of the table derives from a sensitive layer: the table and its CSV carry the label. */
export const SITE_TABLE_SENSITIVE = SITE_TABLE_COLUMNS.some((column) => column.sensitive === true);

/** The direction of the first click on a column header. */
export function firstDirection(column: SiteTableColumnId): SortDirection {
  return SITE_TABLE_COLUMNS.find((candidate) => candidate.id === column)?.kind === 'text'
    ? 'ascending'
    : 'descending';
}

/** The flags each analysis raises, in registry order. */
export const SITE_TABLE_FLAG_IDS: readonly SiteFlagId[] = ANALYSES.flatMap(
  (descriptor) => descriptor.siteFlags,
);
export type SiteTableFlagId = SiteFlagId;

export interface SiteTableFlag {
  id: SiteTableFlagId;
  bit: number;
  /** Badge text. */
  label: MessageKey;
  /** The rule behind the flag (badge tooltip, CSV header). */
  description: MessageKey;
  /** HXL tag of the flag's CSV column. */
  hxl: string;
}

const FLAG_HXL: Record<SiteTableFlagId, string> = {
  hazardExposed: '#indicator+flag+hazard_exposed',
  hazardHigh: '#indicator+flag+hazard_high',
  accessConstrained: '#indicator+flag+access_constrained',
  waterBeyondSphere: '#indicator+flag+water_beyond_500m',
  healthBeyondReach: '#indicator+flag+health_beyond_reach',
  overcrowded: '#indicator+flag+overcrowded',
  waterPointOverloaded: '#indicator+flag+water_point_overloaded',
  coveredSpaceShort: '#indicator+flag+covered_space_below_3_5m2',
};

export const SITE_TABLE_FLAGS: readonly SiteTableFlag[] = SITE_TABLE_FLAG_IDS.map((id) => ({
  id,
  bit: SITE_FLAG[id],
  label: `siteTable.flag.${id}` as const,
  description: `siteTable.flagRule.${id}` as const,
  hxl: FLAG_HXL[id],
}));

/** What the table shows: the sites' own columns and, once computed, their flags. */
export interface SiteTableData {
  source: SiteTableSource;
  /** Null until the worker has answered (or when its answer is for other sites). */
  flags: SiteFlags | null;
  /** Weights of the priority score; the defaults when absent. */
  weights?: PriorityWeights;
  /** The comparison of two rounds, site by site; absent or null when none is active. */
  rounds?: RoundSiteChanges | null;
}

/**
 * The numeric sort key of a column (NaN = unknown, sorted last). Text columns
 * rank by `collator`; `siteTypeLabel` gives the displayed (translated) type
 * so the type column sorts the way it reads.
 */
export function sortKeyOf(
  column: SiteTableColumnId,
  data: SiteTableData,
  collator: Intl.Collator,
  siteTypeLabel: (code: string) => string,
): Float64Array {
  const { source, flags } = data;
  const definition = SITE_TABLE_COLUMNS.find((candidate) => candidate.id === column);
  if (definition?.analysis)
    return flags ? definition.analysis.sortKey(flags) : new Float64Array(source.count).fill(Number.NaN);
  if (definition?.rounds) return roundSortKeys(definition.rounds, source.ids, data.rounds);
  switch (column as SiteColumnId | 'flags' | 'priority') {
    case 'name':
      return textRanks(source.names, collator);
    case 'id':
      return textRanks(source.ids, collator);
    case 'siteType':
      return textRanks(source.siteTypes.map(siteTypeLabel), collator);
    case 'commune':
      return textRanks(source.communeNames, collator);
    case 'individuals':
      return source.individuals;
    case 'households':
      return source.households;
    case 'flags':
      return flags ? Float64Array.from(flags.flagCount) : new Float64Array(source.count).fill(Number.NaN);
    case 'priority':
      return flags
        ? prioritySortKeys(flags, source.individuals, data.weights ?? DEFAULT_PRIORITY_WEIGHTS)
        : new Float64Array(source.count).fill(Number.NaN);
  }
  return new Float64Array(source.count).fill(Number.NaN);
}

/** The flags of one site that are raised, in table order (empty before flags arrive). */
export function raisedFlags(flags: SiteFlags | null, index: number): SiteTableFlag[] {
  const bits = flags?.flags[index] ?? 0;
  return SITE_TABLE_FLAGS.filter((flag) => (bits & flag.bit) !== 0);
}

/** A Uint8Array mask of the flags a filter asks for. */
export function flagMask(ids: Iterable<SiteTableFlagId>): number {
  let mask = 0;
  for (const id of ids) mask |= SITE_FLAG[id];
  return mask;
}

/** The priority score of site `index` (NaN before the flags arrive or without people). */
export function priorityScoreOf(data: SiteTableData, index: number): number {
  if (!data.flags) return Number.NaN;
  const people = data.source.individuals[index] ?? Number.NaN;
  return people * gapPoints(data.flags, index, data.weights ?? DEFAULT_PRIORITY_WEIGHTS);
}
