/**
 * The columns of the site table and the flags it shows as badges: one table
 * read by the header, the cells, the sort and the CSV export, so they cannot
 * disagree. Sort keys are numeric columns (see site-table-order.ts).
 */
import { SITE_FLAG, type SiteFlags } from '../../workers/analysis/site-flags';
import { CONTROL_LEVELS } from '../domain/types';
import type { MessageKey } from '../i18n/fr';
import { type SortDirection, textRanks } from './site-table-order';
import type { SiteTableSource } from './site-table-source';

export const SITE_TABLE_COLUMN_IDS = [
  'name',
  'id',
  'siteType',
  'commune',
  'individuals',
  'households',
  'spacePerPerson',
  'hazard',
  'control',
  'water',
  'health',
  'distribution',
  'flags',
] as const;
export type SiteTableColumnId = (typeof SITE_TABLE_COLUMN_IDS)[number];

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
  /** Derived from the gang-control layer: carries the sensitivity label. */
  sensitive?: boolean;
}

export const SITE_TABLE_COLUMNS: readonly SiteTableColumn[] = SITE_TABLE_COLUMN_IDS.map((id) => ({
  id,
  kind: id === 'name' || id === 'id' || id === 'siteType' || id === 'commune' ? 'text' : 'number',
  label: `siteTable.column.${id}` as const,
  description: `siteTable.describe.${id}` as const,
  fromFlags: !['name', 'id', 'siteType', 'commune', 'individuals', 'households'].includes(id),
  ...(id === 'control' ? { sensitive: true } : {}),
}));

/** The direction of the first click on a column header. */
export function firstDirection(column: SiteTableColumnId): SortDirection {
  return SITE_TABLE_COLUMNS.find((candidate) => candidate.id === column)?.kind === 'text'
    ? 'ascending'
    : 'descending';
}

export const SITE_TABLE_FLAG_IDS = [
  'hazardExposed',
  'hazardHigh',
  'accessConstrained',
  'waterBeyondSphere',
  'healthBeyondReach',
  'overcrowded',
  'waterPointOverloaded',
] as const satisfies readonly (keyof typeof SITE_FLAG)[];
export type SiteTableFlagId = (typeof SITE_TABLE_FLAG_IDS)[number];

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
}

/**
 * A control-level sort key where larger is more severe: controlled above
 * contested above influence, and within a level the closer site first; 0 for
 * sites outside every control buffer.
 */
function controlSeverity(level: number, meters: number): number {
  if (level < 0) return 0;
  const distance = Number.isFinite(meters) ? Math.min(Math.max(meters, 0), 999_999) : 999_999;
  return (CONTROL_LEVELS.length - level) * 1_000_000 - distance;
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
  const unknown = () => new Float64Array(source.count).fill(Number.NaN);
  switch (column) {
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
    case 'spacePerPerson':
      return flags ? flags.squareMetresPerPerson : unknown();
    case 'hazard':
      return flags ? Float64Array.from(flags.worstHazardSeverity) : unknown();
    case 'control': {
      if (!flags) return unknown();
      const keys = new Float64Array(source.count);
      flags.controlLevel.forEach((level, index) => {
        keys[index] = controlSeverity(level, flags.controlMeters[index] ?? Number.NaN);
      });
      return keys;
    }
    case 'water':
      return flags ? flags.waterMeters : unknown();
    case 'health':
      return flags ? flags.healthMeters : unknown();
    case 'distribution':
      return flags ? flags.distributionMeters : unknown();
    case 'flags':
      return flags ? Float64Array.from(flags.flagCount) : unknown();
  }
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
