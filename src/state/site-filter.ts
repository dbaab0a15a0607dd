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
 * Semantics: ticked site types are alternatives (OR); every other condition
 * must hold (AND), including every ticked flag.
 */

import { SITE_FLAG } from '../../workers/analysis/site-flags';
import {
  type Datasets,
  NEED_SECTORS,
  type NeedSector,
  type NeedSeverity,
  SITE_TYPES,
  type SiteCollection,
  type SiteFeature,
  type SiteProperties,
  type SiteType,
} from '../domain/types';

/** The analysis flags one can filter on, with their SITE_FLAG bit. */
export const FILTER_FLAGS = [
  'hazardExposed',
  'accessConstrained',
  'waterBeyondSphere',
  'overcrowded',
] as const;
export type FilterFlag = (typeof FILTER_FLAGS)[number];

export interface SiteFilter {
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
  /** Flags a site must all carry; empty ignores flags. */
  flags: readonly FilterFlag[];
}

export const EMPTY_SITE_FILTER: SiteFilter = Object.freeze({
  siteTypes: [],
  individualsMin: null,
  individualsMax: null,
  minimumNeeds: {},
  department: null,
  commune: null,
  flags: [],
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
    filter.flags.length
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
  };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

/** The mask of SITE_FLAG bits a site must all carry. */
export function flagMask(flags: readonly FilterFlag[]): number {
  let mask = 0;
  for (const flag of flags) mask |= SITE_FLAG[flag];
  return mask;
}

/**
 * The predicate of every condition except the flags (which need the site's
 * index in the source collection: see `filterSites`).
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

/**
 * The matching features of `sites`, in their order. Flag conditions apply only
 * with `flags` computed on these very sites; otherwise they are skipped.
 */
export function filterSites(
  sites: SiteCollection,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
): SiteFeature[] {
  const mask = flagMask(filter.flags);
  const bits = mask !== 0 && flags?.sites === sites ? flags.bits : null;
  return sites.features.filter(
    (feature, index) =>
      siteMatches(feature.properties, filter) && (bits === null || ((bits[index] ?? 0) & mask) === mask),
  );
}

/** True when a flag condition is set but the flags of these source sites are not known yet. */
export function flagsPending(
  source: Datasets | null,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
): boolean {
  return filter.flags.length > 0 && source !== null && flags?.sites !== source.sites;
}

export type DatasetsDeriver = (
  source: Datasets | null,
  filter: SiteFilter,
  flags: SourceSiteFlags | null,
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
    bits: Uint8Array | null;
    result: SiteCollection;
  } | null = null;
  let datasetsMemo: { source: Datasets; sites: SiteCollection; result: Datasets } | null = null;

  return (source, filter, flags) => {
    if (!source) return null;
    if (!isSiteFilterActive(filter)) return source;
    const normalised = normaliseSiteFilter(filter);
    const key = JSON.stringify(normalised);
    // Flags matter to the result only when a flag condition is set and they fit these sites.
    const bits = normalised.flags.length > 0 && flags?.sites === source.sites ? flags.bits : null;
    if (!sitesMemo || sitesMemo.source !== source.sites || sitesMemo.key !== key || sitesMemo.bits !== bits) {
      const features = filterSites(source.sites, normalised, bits ? { sites: source.sites, bits } : null);
      // Keep the collection's metadata (sources, "data as of") for exports and snapshots.
      const result: SiteCollection = { ...source.sites, features };
      sitesMemo = { source: source.sites, key, bits, result };
    }
    const sites = sitesMemo.result;
    if (!datasetsMemo || datasetsMemo.source !== source || datasetsMemo.sites !== sites) {
      datasetsMemo = { source, sites, result: { ...source, sites } };
    }
    return datasetsMemo.result;
  };
}
