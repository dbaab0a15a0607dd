/** The `filter=` part of the URL hash: round trip, backward compatibility, malformed parts. */
import { describe, expect, it } from 'vitest';
import { initialAppState } from '../../src/state/app-state';
import { EMPTY_SITE_FILTER, normaliseSiteFilter, type SiteFilter } from '../../src/state/site-filter';
import { decodeSiteFilter, encodeSiteFilter } from '../../src/state/site-filter-url';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';

const camera = { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0 };
const full: SiteFilter = normaliseSiteFilter({
  siteTypes: ['collective_centre', 'planned_camp'],
  individualsMin: 100,
  individualsMax: 5000,
  minimumNeeds: { shelter: 4, protection: 3 },
  department: 'HT01',
  commune: 'HT0114',
  flags: ['waterBeyondSphere', 'hazardExposed'],
  hazardTypes: [],
  flagMode: 'all',
  search: '',
  peopleChange: null,
  roundStatus: null,
});

describe('site filter in the URL', () => {
  it('round-trips every condition through the hash, in a readable form', () => {
    const hash = encodeUrlState({ ...initialAppState('fr'), siteFilter: full }, camera);
    expect(hash).toBe(
      '#map=11.30/18.56000/-72.30000&layers=admin,hazards,control,services,sites' +
        '&filter=type:planned_camp,collective_centre;min:100;max:5000;shelter:4;protection:3;adm1:HT01;adm2:HT0114;flag:exposed,water',
    );
    // What the browser gives back in location.hash is the same text: nothing needed escaping.
    expect(new URL(`http://127.0.0.1/${hash}`).hash).toBe(hash);
    const decoded = decodeUrlState(hash);
    expect(decoded.siteFilter).toEqual(full);
    expect(statePatch(initialAppState('fr'), decoded).siteFilter).toEqual(full);
  });

  it('writes nothing without a filter, so older links and hashes are unchanged', () => {
    const hash = encodeUrlState(initialAppState('fr'), camera);
    expect(hash).not.toContain('filter=');
    expect(decodeUrlState(hash).siteFilter).toBeUndefined();
    // A link without a filter clears one that is set (back/forward), and leaves no filter alone.
    expect(statePatch({ ...initialAppState('fr'), siteFilter: full }, decodeUrlState(hash)).siteFilter).toBe(
      EMPTY_SITE_FILTER,
    );
    expect('siteFilter' in statePatch(initialAppState('fr'), decodeUrlState(hash))).toBe(false);
  });

  it('drops malformed parts and keeps the rest', () => {
    expect(
      decodeSiteFilter(
        'type:planned_camp,castle;min:-4;max:12;shelter:9;wash:3;adm1:<x>;flag:water,nope;zz:1',
      ),
    ).toEqual({
      ...EMPTY_SITE_FILTER,
      individualsMax: 12,
      minimumNeeds: { wash: 3 },
    });
    for (const broken of [
      '',
      ';;;',
      'type',
      'min:abc',
      'shelter:1',
      `min:${'9'.repeat(20)}`,
      'x'.repeat(2000),
    ])
      expect(decodeSiteFilter(broken), broken).toBeUndefined();
    const view = decodeUrlState('#map=10/18.5/-72.3&filter=type:nope&select=sites:S1');
    expect(view.siteFilter).toBeUndefined();
    expect(view.selection).toEqual({ layerId: 'sites', featureId: 'S1' });
  });

  it('encodes the canonical form, so equal filters give equal links', () => {
    const shuffled = { ...full, siteTypes: ['planned_camp', 'collective_centre'] as SiteFilter['siteTypes'] };
    expect(encodeSiteFilter(shuffled)).toBe(encodeSiteFilter(full));
    expect(encodeSiteFilter(EMPTY_SITE_FILTER)).toBeNull();
    // P-codes a hash could not carry as they are stay out of the link.
    expect(encodeSiteFilter({ ...EMPTY_SITE_FILTER, commune: 'HT 01;x', minimumNeeds: { health: 2 } })).toBe(
      'health:2',
    );
  });
});
