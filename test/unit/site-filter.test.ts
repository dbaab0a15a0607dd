/**
 * Site filters: the predicate, the memoised derivation of `datasets`, and the
 * flags of the source sites behind flag filters (against the real engine, in-process).
 */
import type { Remote } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { createAnalysisClient } from '../../src/analysis/analysis-client';
import { createSourceFlags } from '../../src/analysis/source-site-flags';
import { mountSiteFilterSync } from '../../src/app/site-filter-sync';
import type { Datasets } from '../../src/domain/types';
import { type AppState, initialAppState } from '../../src/state/app-state';
import {
  activeConditionCount,
  createDatasetsDeriver,
  EMPTY_SITE_FILTER,
  filterSites,
  flagsPending,
  normaliseSiteFilter,
  type SiteFilter,
  siteMatches,
} from '../../src/state/site-filter';
import { createStore } from '../../src/state/store';
import { SITE_FLAG } from '../../workers/analysis/site-flags';
import { type AnalysisApi, createAnalysisApi } from '../../workers/analysis-api';
import { site, smallDatasets } from '../fixtures/small-datasets';

const filter = (change: Partial<SiteFilter>): SiteFilter =>
  normaliseSiteFilter({ ...EMPTY_SITE_FILTER, ...change });
const ids = (datasets: Datasets | null) => datasets?.sites.features.map((feature) => feature.properties.id);

function sample(): Datasets {
  const datasets = smallDatasets();
  datasets.sites = {
    type: 'FeatureCollection',
    metadata: { synthetic: true, description: 'test', asOf: '2026-11-01', source: 'test' },
    features: [
      site('A', { siteType: 'planned_camp', individuals: 100, needShelter: 5, admin2Pcode: 'HT0114' }),
      site('B', { siteType: 'collective_centre', individuals: 2000, needWash: 1 }),
      site('C', {
        siteType: 'spontaneous_site',
        individuals: 800,
        admin1Pcode: 'HT05',
        admin2Pcode: 'HT0511',
      }),
    ],
  };
  return datasets;
}

describe('site filter predicate', () => {
  const [a, b, c] = sample().sites.features.map((feature) => feature.properties);

  it('keeps any of the ticked site types, and every site with none ticked', () => {
    expect(siteMatches(a!, EMPTY_SITE_FILTER)).toBe(true);
    const types = filter({ siteTypes: ['planned_camp', 'spontaneous_site'] });
    expect([a, b, c].map((properties) => siteMatches(properties!, types))).toEqual([true, false, true]);
  });

  it('applies an inclusive individuals range, minimum severities and admin areas together', () => {
    expect(siteMatches(c!, filter({ individualsMin: 800, individualsMax: 800 }))).toBe(true);
    expect(siteMatches(b!, filter({ individualsMax: 1999 }))).toBe(false);
    expect(siteMatches(a!, filter({ minimumNeeds: { shelter: 5 } }))).toBe(true);
    expect(siteMatches(b!, filter({ minimumNeeds: { wash: 2 } }))).toBe(false);
    expect(siteMatches(c!, filter({ department: 'HT05' }))).toBe(true);
    expect(siteMatches(a!, filter({ department: 'HT05' }))).toBe(false);
    expect(siteMatches(a!, filter({ commune: 'HT0114', siteTypes: ['planned_camp'] }))).toBe(true);
    expect(siteMatches(a!, filter({ commune: 'HT0114', siteTypes: ['collective_centre'] }))).toBe(false);
  });

  it('normalises: severity 1 and duplicates dropped, an inverted range swapped, lists in a fixed order', () => {
    const normalised = filter({
      siteTypes: ['transit_centre', 'planned_camp', 'planned_camp'],
      individualsMin: 900,
      individualsMax: 100,
      minimumNeeds: { health: 1, shelter: 3 },
      flags: ['overcrowded', 'hazardExposed'],
    });
    expect(normalised).toEqual({
      ...EMPTY_SITE_FILTER,
      siteTypes: ['planned_camp', 'transit_centre'],
      individualsMin: 100,
      individualsMax: 900,
      minimumNeeds: { shelter: 3 },
      flags: ['hazardExposed', 'overcrowded'],
    });
    expect(activeConditionCount(normalised)).toBe(6);
    expect(activeConditionCount(EMPTY_SITE_FILTER)).toBe(0);
  });

  it('applies flag conditions only with flags of these very sites (all ticked flags required)', () => {
    const sites = sample().sites;
    const bits = new Uint8Array([
      SITE_FLAG.hazardExposed | SITE_FLAG.overcrowded,
      SITE_FLAG.hazardExposed,
      SITE_FLAG.waterBeyondSphere,
    ]);
    const both = filter({ flags: ['hazardExposed', 'overcrowded'] });
    expect(filterSites(sites, both, { sites, bits }).map((feature) => feature.properties.id)).toEqual(['A']);
    expect(filterSites(sites, filter({ flags: ['hazardExposed'] }), { sites, bits })).toHaveLength(2);
    // Flags of other sites: pending, the flag condition waits.
    const other = { ...sites, features: [...sites.features] };
    expect(filterSites(sites, both, { sites: other, bits })).toHaveLength(3);
    expect(flagsPending(sample(), both, null)).toBe(true);
    expect(flagsPending(sample(), EMPTY_SITE_FILTER, null)).toBe(false);
  });
});

describe('datasets derivation', () => {
  it('returns the source object itself when no filter is set', () => {
    const derive = createDatasetsDeriver();
    const source = sample();
    expect(derive(source, EMPTY_SITE_FILTER, null)).toBe(source);
    expect(derive(source, filter({ minimumNeeds: { health: 1 } }), null)).toBe(source);
    expect(derive(null, filter({ siteTypes: ['planned_camp'] }), null)).toBeNull();
  });

  it('gives the same objects for the same inputs, and keeps the sites when another layer changes', () => {
    const derive = createDatasetsDeriver();
    const source = sample();
    const types = filter({ siteTypes: ['planned_camp', 'collective_centre'] });
    const first = derive(source, types, null);
    expect(ids(first)).toEqual(['A', 'B']);
    expect(first?.sites.metadata).toEqual(source.sites.metadata);
    expect(first?.hazards).toBe(source.hazards);
    // An equal filter built anew is the same filter.
    expect(derive(source, filter({ siteTypes: ['collective_centre', 'planned_camp'] }), null)).toBe(first);
    const newHazards = { ...source, hazards: { ...source.hazards } };
    const second = derive(newHazards, types, null);
    expect(second).not.toBe(first);
    expect(second?.sites).toBe(first?.sites);
    expect(second?.hazards).toBe(newHazards.hazards);
  });

  it('ignores flags unless a flag condition is set, and never mutates its input', () => {
    const derive = createDatasetsDeriver();
    const source = sample();
    const before = JSON.stringify(source);
    const types = filter({ siteTypes: ['planned_camp'] });
    const first = derive(source, types, null);
    const flags = { sites: source.sites, bits: new Uint8Array([0, 0, 0]) };
    expect(derive(source, types, flags)).toBe(first);
    expect(ids(derive(source, filter({ flags: ['overcrowded'] }), flags))).toEqual([]);
    expect(JSON.stringify(source)).toBe(before);
  });
});

describe('flag filters on the source sites', () => {
  function setup() {
    const endpoint = () =>
      createAnalysisClient({
        remote: createAnalysisApi() as unknown as Remote<AnalysisApi>,
        terminate: () => {},
      });
    const store = createStore<AppState>(initialAppState('en'));
    const made = vi.fn(endpoint);
    const sourceFlags = createSourceFlags(store, made);
    const onFlagFilter = vi.fn();
    mountSiteFilterSync(store, sourceFlags, { onFlagFilter });
    const source = smallDatasets();
    // Inside both hazard squares: exposed. The fixture's other sites are east of them.
    const exposed = site('EXPOSED');
    exposed.geometry.coordinates = [-72.375, 18.525];
    source.sites = { type: 'FeatureCollection', features: [...source.sites.features, exposed] };
    store.set({ sourceDatasets: source });
    return { store, source, sourceFlags, made, onFlagFilter };
  }

  it('derives datasets from the source, and computes flags only once a flag filter is set', async () => {
    const { store, source, made } = setup();
    expect(store.get().datasets).toBe(source);
    store.set({ siteFilter: filter({ siteTypes: ['collective_centre'] }) });
    expect(ids(store.get().datasets)).toEqual(['S2']);
    expect(made).not.toHaveBeenCalled();
    store.set({ siteFilter: EMPTY_SITE_FILTER });
    expect(store.get().datasets).toBe(source);
  });

  it('filters on flags of the unfiltered sites, without feedback: clearing brings every site back', async () => {
    const { store, source, sourceFlags, made, onFlagFilter } = setup();
    store.set({ siteFilter: filter({ flags: ['hazardExposed'] }) });
    // Pending: the flag condition waits for the flags.
    expect(store.get().datasets?.sites.features).toHaveLength(4);
    await vi.waitFor(() => expect(ids(store.get().datasets)).toEqual(['EXPOSED']));
    expect(sourceFlags.state.get().flags?.sites).toBe(source.sites);
    expect(onFlagFilter).toHaveBeenCalled();
    // Combining with another filter uses the same source flags: no recomputation.
    const runs = sourceFlags.state.get().flags;
    store.set({ siteFilter: filter({ flags: ['hazardExposed'], siteTypes: ['spontaneous_site'] }) });
    expect(ids(store.get().datasets)).toEqual(['EXPOSED']);
    expect(sourceFlags.state.get().flags).toBe(runs);
    store.set({ siteFilter: filter({ flags: ['hazardExposed'], siteTypes: ['planned_camp'] }) });
    expect(ids(store.get().datasets)).toEqual([]);
    store.set({ siteFilter: EMPTY_SITE_FILTER });
    expect(store.get().datasets).toBe(source);
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('recomputes the flags for new source data', async () => {
    const { store, sourceFlags } = setup();
    store.set({ siteFilter: filter({ flags: ['hazardExposed'] }) });
    await vi.waitFor(() => expect(ids(store.get().datasets)).toEqual(['EXPOSED']));
    const replaced = smallDatasets();
    store.set({ sourceDatasets: replaced });
    await vi.waitFor(() => expect(sourceFlags.state.get().flags?.sites).toBe(replaced.sites));
    expect(store.get().datasets?.sites.features).toEqual([]);
  });
});
