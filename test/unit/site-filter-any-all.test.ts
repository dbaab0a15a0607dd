/**
 * The one site filter: analysis conditions combined with any / all, hazard
 * types, search words, and the whole model through the URL hash.
 */
import { describe, expect, it } from 'vitest';
import type { SiteCollection } from '../../src/domain/types';
import { initialAppState } from '../../src/state/app-state';
import {
  EMPTY_SITE_FILTER,
  filterSites,
  flagsPending,
  normaliseSiteFilter,
  type SiteFilter,
} from '../../src/state/site-filter';
import { decodeSiteFilter, encodeSiteFilter } from '../../src/state/site-filter-url';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';
import { SITE_FLAG } from '../../workers/analysis/site-flags';
import { site, smallDatasets } from '../fixtures/small-datasets';

const filter = (change: Partial<SiteFilter>): SiteFilter =>
  normaliseSiteFilter({ ...EMPTY_SITE_FILTER, ...change });

function sites(): SiteCollection {
  return {
    type: 'FeatureCollection',
    features: [
      site('WATER', { name: 'Camp Delmas 33', admin2Name: 'Delmas' }),
      site('HEALTH', { name: 'Lycée Pétion', admin2Name: 'Pétion-Ville' }),
      site('BOTH', { name: 'Église Delmas 75', admin2Name: 'Delmas' }),
      site('NONE', { name: 'Terrain Carrefour', admin2Name: 'Carrefour' }),
    ],
  };
}
const bits = new Uint8Array([
  SITE_FLAG.waterBeyondSphere,
  SITE_FLAG.healthBeyondReach,
  SITE_FLAG.waterBeyondSphere | SITE_FLAG.healthBeyondReach,
  0,
]);
// Per site × (flood, landslide, storm surge, earthquake): −1 none, 0 low … 2 high.
const hazardSeverity = new Int8Array([-1, -1, -1, 1, 2, -1, -1, 1, -1, 0, -1, 1, -1, -1, -1, -1]);
const ids = (features: { properties: { id: string } }[]) => features.map((feature) => feature.properties.id);

describe('analysis conditions: any or all', () => {
  const collection = sites();
  const flags = { sites: collection, bits, hazardSeverity };
  const waterOrHealth = filter({ flags: ['waterBeyondSphere', 'healthBeyondReach'], flagMode: 'any' });

  it('"no water OR no health care" keeps a site with either; "all" only one with both', () => {
    expect(ids(filterSites(collection, waterOrHealth, flags))).toEqual(['WATER', 'HEALTH', 'BOTH']);
    expect(ids(filterSites(collection, { ...waterOrHealth, flagMode: 'all' }, flags))).toEqual(['BOTH']);
  });

  it('filters by hazard type, in the same group as the flags', () => {
    expect(ids(filterSites(collection, filter({ hazardTypes: ['flood'] }), flags))).toEqual(['HEALTH']);
    expect(ids(filterSites(collection, filter({ hazardTypes: ['landslide'] }), flags))).toEqual(['BOTH']);
    expect(
      ids(filterSites(collection, filter({ hazardTypes: ['flood', 'landslide'], flagMode: 'any' }), flags)),
    ).toEqual(['HEALTH', 'BOTH']);
    const waterAndEarthquake = filter({ flags: ['waterBeyondSphere'], hazardTypes: ['earthquake'] });
    expect(ids(filterSites(collection, waterAndEarthquake, flags))).toEqual(['WATER', 'BOTH']);
  });

  it('waits for hazard severities before applying a hazard-type condition', () => {
    const withoutTypes = { sites: collection, bits };
    expect(filterSites(collection, filter({ hazardTypes: ['flood'] }), withoutTypes)).toHaveLength(4);
    expect(flagsPending(smallDatasets(), filter({ hazardTypes: ['flood'] }), null)).toBe(true);
  });

  it('searches name, id and commune without accents or case, every word required', () => {
    expect(ids(filterSites(collection, filter({ search: 'delmas' }), null))).toEqual(['WATER', 'BOTH']);
    expect(ids(filterSites(collection, filter({ search: ' PETION ' }), null))).toEqual(['HEALTH']);
    expect(ids(filterSites(collection, filter({ search: 'Delmas 75' }), null))).toEqual(['BOTH']);
    // Search and analysis conditions hold together.
    const both = filter({ search: 'delmas', flags: ['healthBeyondReach'] });
    expect(ids(filterSites(collection, both, flags))).toEqual(['BOTH']);
  });
});

describe('the whole filter in the URL', () => {
  const camera = { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0 };

  it('round-trips any/all, hazard types and search words', () => {
    const full = filter({
      commune: 'HT0112',
      flags: ['waterBeyondSphere', 'healthBeyondReach'],
      hazardTypes: ['storm_surge', 'flood'],
      flagMode: 'any',
      search: 'Église Delmas',
    });
    const text = encodeSiteFilter(full);
    expect(text).toBe('adm2:HT0112;flag:water,health;hazard:flood,storm_surge;mode:any;q:eglise.delmas');
    expect(decodeSiteFilter(text)).toEqual(full);
    const hash = encodeUrlState({ ...initialAppState('en'), siteFilter: full }, camera);
    expect(new URL(`http://127.0.0.1/${hash}`).hash).toBe(hash);
    expect(statePatch(initialAppState('en'), decodeUrlState(hash)).siteFilter).toEqual(full);
  });

  it('writes "all" as the default (no mode part) and drops a mode without conditions', () => {
    expect(encodeSiteFilter(filter({ flags: ['overcrowded'] }))).toBe('flag:crowded');
    expect(encodeSiteFilter(filter({ commune: 'HT0112', flagMode: 'any' }))).toBe('adm2:HT0112');
  });

  it('drops malformed new parts and keeps the rest', () => {
    const decoded = decodeSiteFilter('adm2:HT0112;hazard:flood,tsunami;q:Bad Words;mode:some');
    expect(decoded).toEqual(filter({ commune: 'HT0112' }));
  });
});
