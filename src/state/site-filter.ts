/**
 * Site filters ("find things"): the filter model, its predicate, and the
 * derivation of the datasets everything else reads.
 *
 * Architecture decision
 * ---------------------
 * `AppState.sourceDatasets` holds the full collections: the demo loader,
 * imports and the data manager write there, and nothing else does.
 * `AppState.datasets` is derived from it (site-filter-sync.ts): the same
 * collections, with `sites` replaced by a new FeatureCollection of the
 * matching features. Every reader of `datasets` — the map, the analysis
 * worker, the details panel, the site table, exports and snapshots — thus
 * follows the filter without knowing about it. The derivation is memoised:
 *   - no active filter → `datasets` IS `sourceDatasets` (same object);
 *   - the same source sites + the same filter (+ the same flags, when a flag
 *     filter is on) → the same sites collection, so the worker is not
 *     re-sent sites, and a change of another layer keeps the sites' identity.
 *
 * Flag filters (exposed, access-constrained, water beyond 500 m,
 * overcrowded) need analysis results, and `analysis.results.flags` is
 * indexed on the *filtered* sites the worker holds: filtering on it would
 * feed back (filter → new sites → new flags → new filter input) and could
 * never bring back a site once hidden. So flag filters read flags computed
 * on the *source* sites (`SourceSiteFlags`, site-filter-flags.ts), which
 * depend on `sourceDatasets` and the analysis parameters only — never on
 * the filter. While those flags are being computed (or when they belong to
 * older source sites), the flag conditions are not applied yet and the
 * panel says so; the other conditions apply at once.
 *
 * Semantics: ticked site types are alternatives (OR); the analysis conditions
 * (flags and "exposed to <hazard type>") form one group that holds when *any*
 * or *all* of them hold (`flagMode`), so "no water within 500 m OR no health
 * care within reach" can be listed; every other condition, the search words
 * included, must hold (AND). The site table's search box edits `search`, so
 * there is one filter and the map, table, analyses, exports and products all
 * follow it.
 */

import { SITE_FLAG } from '../../workers/analysis/site-flags';
import {
  type Datasets,
  HAZARD_TYPES,
  type HazardType,
  NEED_SECTORS,
  type NeedSector,
  type NeedSeverity,
  SITE_TYPES,
  type SiteCollection,
  type SiteFeature,
  type SiteProperties,
  type SiteType,
} from '../domain/types';
import { normaliseText } from '../io/field-names';
import type { RoundSiteChanges } from '../rounds/round-site-changes';
import {
  normaliseRoundConditions,
  type RoundConditions,
  roundConditionCount,
  roundConditionsMatch,
} from './site-filter-rounds';

/** The analysis flags one can filter on (every SITE_FLAG, in bit order). */
export const FILTER_FLAGS = Object.keys(SITE_FLAG) as readonly (keyof typeof SITE_FLAG)[];
export type FilterFlag = keyof typeof SITE_FLAG;

/** How the analysis conditions (flags and hazard types) combine. */
export const FLAG_MODES = ['any', 'all'] as const;
export type FlagMode = (typeof FLAG_MODES)[number];

/** Longest search text kept (a search is a few words, not a document). */
const MAX_SEARCH_LENGTH = 100;

/** The round conditions (site-filter-rounds.ts) are the filter's `peopleChange` and `roundStatus`. */
export interface SiteFilter extends RoundConditions {
  /** Site types to keep; empty keeps every type. */
  siteTypes: readonly SiteType[];
  individualsMin: number | null;
  individualsMax: number | null;
  /** Minimum needs severity per sector (a site passes with severity ≥ this). */
  minimumNeeds: Readonly<Partial<Record<NeedSector, NeedSeverity>>>;
  /** Department P-code (admin 1), or null for all. */
  department: string | null;
  /** Commune P-code (admin 2), or null for all. */
  commune: string | null;
  /** Analysis flags; with `hazardTypes`, the analysis conditions. Empty ignores flags. */
  flags: readonly FilterFlag[];
  /** "Exposed to" these hazard types (any severity); part of the analysis conditions. */
  hazardTypes: readonly HazardType[];
  /** Whether a site needs any or all of the analysis conditions. */
  flagMode: FlagMode;
  /** Words that must all occur in the site's name, id or commune: normalised (see `normaliseText`), "" for none. */
  search: string;
}

export const EMPTY_SITE_FILTER: SiteFilter = Object.freeze({
  siteTypes: [],
  individualsMin: null,
  individualsMax: null,
  minimumNeeds: {},
  department: null,
  commune: null,
  flags: [],
  hazardTypes: [],
  flagMode: 'all',
  search: '',
  peopleChange: null,
  roundStatus: null,
});

/** The property of each sector's severity. */
export const NEED_PROPERTY: Record<NeedSector, keyof SiteProperties> = {
  shelter: 'needShelter',
  wash: 'needWash',
  health: 'needHealth',
  protection: 'needProtection',
};

/** Flags computed on the source sites: `bits[i]` belongs to `sites.features[i]`. */
export interface SourceSiteFlags {
  sites: SiteCollection;
  bits: Uint8Array;
  /**
   * Worst severity rank per site and hazard type (`site × HAZARD_TYPES.length + type`),
   * −1 where not exposed; absent when not computed (hazard-type conditions then wait).
   */
  hazardSeverity?: Int8Array;
}

/** The number of conditions set (for the "3 filters" indicator). */
export function activeConditionCount(filter: SiteFilter): number {
  return (
    (filter.siteTypes.length > 0 ? 1 : 0) +
    (filter.individualsMin !== null ? 1 : 0) +
    (filter.individualsMax !== null ? 1 : 0) +
    Object.keys(filter.minimumNeeds).length +
    (filter.department !== null ? 1 : 0) +
    (filter.commune !== null ? 1 : 0) +
    filter.flags.length +
    filter.hazardTypes.length +
    (filter.search !== '' ? 1 : 0) +
    roundConditionCount(filter)
  );
}

export function isSiteFilterActive(filter: SiteFilter): boolean {
  return activeConditionCount(filter) > 0;
}

/**
 * The same filter in canonical form: lists in their declaration order without
 * duplicates, severities 1 (no condition) dropped, an inverted range swapped.
 * Two filters meaning the same thing normalise to equal values.
 */
export function normaliseSiteFilter(filter: SiteFilter): SiteFilter {
  const minimumNeeds: Partial<Record<NeedSector, NeedSeverity>> = {};
  for (const sector of NEED_SECTORS) {
    const value = filter.minimumNeeds[sector];
    if (value !== undefined && value > 1) minimumNeeds[sector] = value;
  }
  let individualsMin = finiteOrNull(filter.individualsMin);
  let individualsMax = finiteOrNull(filter.individualsMax);
  if (individualsMin !== null && individualsMax !== null && individualsMin > individualsMax)
    [individualsMin, individualsMax] = [individualsMax, individualsMin];
  return {
    siteTypes: SITE_TYPES.filter((type) => filter.siteTypes.includes(type)),
    individualsMin,
    individualsMax,
    minimumNeeds,
    department: filter.department || null,
    commune: filter.commune || null,
    flags: FILTER_FLAGS.filter((flag) => filter.flags.includes(flag)),
    hazardTypes: HAZARD_TYPES.filter((type) => filter.hazardTypes.includes(type)),
    flagMode: filter.flagMode === 'any' ? 'any' : 'all',
    search: normaliseText(filter.search.slice(0, MAX_SEARCH_LENGTH)),
    ...normaliseRoundConditions(filter),
  };
}

/** The number of analysis conditions (flags and hazard types) set. */
export function analysisConditionCount(filter: SiteFilter): number {
  return filter.flags.length + filter.hazardTypes.length;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

/**
 * The predicate of every condition except the analysis conditions and the
 * search (which need per-site data beyond the properties: see `filterSites`).
 */
export function siteMatches(properties: SiteProperties, filter: SiteFilter): boolean {
  if (filter.siteTypes.length > 0 && !filter.siteTypes.includes(properties.siteType)) return false;
  const individuals = Number(properties.individuals);
  if (filter.individualsMin !== null && !(individuals >= filter.individualsMin)) return false;
  if (filter.individualsMax !== null && !(individuals <= filter.individualsMax)) return false;
  for (const sector of NEED_SECTORS) {
    const minimum = filter.minimumNeeds[sector];
    if (minimum !== undefined && !(Number(properties[NEED_PROPERTY[sector]]) >= minimum)) return false;
  }
  if (filter.department !== null && properties.admin1Pcode !== filter.department) return false;
  if (filter.commune !== null && properties.admin2Pcode !== filter.commune) return false;
  return true;
}

const searchKeys = new WeakMap<readonly SiteFeature[], string[]>();

/** Name, id and commune of each site, normalised like `search` and padded with spaces (memoised). */
export function siteSearchKeys(features: readonly SiteFeature[]): string[] {
  let keys = searchKeys.get(features);
  if (!keys) {
    keys = features.map((feature) => {
      const properties = feature.properties ?? {};
      return ` ${normaliseText(`${properties.name ?? ''} ${properties.id ?? ''} ${properties.admin2Name ?? ''}`)} `;
    });
    searchKeys.set(features, keys);
  }
  return keys;
}

/** True when every word of a normalised search occurs in `key`. */
export function searchMatches(key: string, words: readonly string[]): boolean {
  for (const word of words) if (!key.includes(word)) return false;
  return true;
}

/**
 * The analysis-condition predicate over one site's flag bits and hazard
 * severities (`hazardSeverity` from `site × HAZARD_TYPES.length`): any or all
 * of the ticked flags and hazard types, as `filter.flagMode` says. True when
 * no analysis condition is set.
 */
export function analysisConditionsMatch(
  filter: SiteFilter,
  bits: number,
  hazardSeverity: ArrayLike<number> | null,
  site: number,
): boolean {
  const results: boolean[] = [];
  for (const flag of filter.flags) results.push((bits & SITE_FLAG[flag]) !== 0);
  for (const type of filter.hazardTypes) {
    const rank = hazardSeverity?.[site * HAZARD_TYPES.length + HAZARD_TYPES.indexOf(type)] ?? -1;
    results.push(rank >= 0);
  }
  if (results.length === 0) return true;
  return filter.flagMode === 'any' ? results.includes(true) : !results.includes(false);
}

/** True when `flags` were computed on these very sites and carry what the filter's conditions read. */
function flagsFit(sites: SiteCollection, filter: SiteFilter, flags: SourceSiteFlags | null): boolean {
  if (flags?.sites !== sites) return false;
  return filter.hazardTypes.length === 0 || flags.hazardSeverity !== undefined;
}

/**
 * The matching features of `sites`, in their order. Analysis conditions apply
 * only with `flags` computed on these very sites, and round conditions only
 * with a comparison of two rounds (`rounds`); otherwise they are skipped.
 */
export function filterSites(
  sites: SiteCollection,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
  rounds: RoundSiteChanges | null = null,
): SiteFeature[] {
  const usable = analysisConditionCount(filter) > 0 && flagsFit(sites, filter, flags) ? flags : null;
  const byRound = roundConditionCount(filter) > 0 ? rounds : null;
  const words = filter.search === '' ? [] : filter.search.split(' ');
  const keys = words.length > 0 ? siteSearchKeys(sites.features) : null;
  return sites.features.filter(
    (feature, index) =>
      siteMatches(feature.properties, filter) &&
      (keys === null || searchMatches(keys[index] ?? '', words)) &&
      (usable === null ||
        analysisConditionsMatch(filter, usable.bits[index] ?? 0, usable.hazardSeverity ?? null, index)) &&
      (byRound === null ||
        roundConditionsMatch(filter, byRound.byId.get(String(feature.properties.id ?? feature.id ?? '')))),
  );
}

/** True when an analysis condition is set but the flags of these source sites are not known yet. */
export function flagsPending(
  source: Datasets | null,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
): boolean {
  return analysisConditionCount(filter) > 0 && source !== null && !flagsFit(source.sites, filter, flags);
}

/** True when a round condition is set but no comparison of two rounds is active to apply it. */
export function roundsPending(filter: SiteFilter, rounds: RoundSiteChanges | null): boolean {
  return roundConditionCount(filter) > 0 && rounds === null;
}

export type DatasetsDeriver = (
  source: Datasets | null,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
  rounds?: RoundSiteChanges | null,
) => Datasets | null;

/**
 * A memoised `(source, filter, flags) → datasets`. With no active filter it
 * returns `source` itself; otherwise the same inputs give the same objects,
 * and the filtered sites keep their identity while only other layers change.
 */
export function createDatasetsDeriver(): DatasetsDeriver {
  let sitesMemo: {
    source: SiteCollection;
    key: string;
    flags: SourceSiteFlags | null;
    rounds: RoundSiteChanges | null;
    result: SiteCollection;
  } | null = null;
  let datasetsMemo: { source: Datasets; sites: SiteCollection; result: Datasets } | null = null;

  return (source, filter, flags, rounds = null) => {
    if (!source) return null;
    if (!isSiteFilterActive(filter)) return source;
    const normalised = normaliseSiteFilter(filter);
    const key = JSON.stringify(normalised);
    // Flags matter to the result only when an analysis condition is set and they fit these sites.
    const usable =
      analysisConditionCount(normalised) > 0 && flagsFit(source.sites, normalised, flags) ? flags : null;
    // Likewise the comparison, only when a round condition is set.
    const comparison = roundConditionCount(normalised) > 0 ? rounds : null;
    if (
      !sitesMemo ||
      sitesMemo.source !== source.sites ||
      sitesMemo.key !== key ||
      sitesMemo.flags !== usable ||
      sitesMemo.rounds !== comparison
    ) {
      const features = filterSites(source.sites, normalised, usable, comparison);
      // Keep the collection's metadata (sources, "data as of") for exports and snapshots.
      const result: SiteCollection = { ...source.sites, features };
      sitesMemo = { source: source.sites, key, flags: usable, rounds: comparison, result };
    }
    const sites = sitesMemo.result;
    if (!datasetsMemo || datasetsMemo.source !== source || datasetsMemo.sites !== sites) {
      datasetsMemo = { source, sites, result: { ...source, sites } };
    }
    return datasetsMemo.result;
  };
}
