/**
 * The site filter's round conditions (issue 17) on the comparison of two
 * fixture rounds: "grew / declined by at least X %" (exactly 20 % passes
 * "at least 20 %"; an unknown change never passes), "opened / continuing",
 * waiting unapplied with no comparison; in the link (`grew:20;status:opened`)
 * and back; in the filter's words.
 */
import { describe, expect, it } from 'vitest';
import { siteFilterConditions } from '../../src/analyses/filter-summary';
import type { RoundSiteChanges } from '../../src/rounds/round-site-changes';
import {
  activeConditionCount,
  createDatasetsDeriver,
  EMPTY_SITE_FILTER,
  filterSites,
  normaliseSiteFilter,
  roundsPending,
  type SiteFilter,
} from '../../src/state/site-filter';
import { decodeSiteFilter, encodeSiteFilter } from '../../src/state/site-filter-url';
import { smallDatasets } from '../fixtures/small-datasets';
import { fixtureRoundChanges, ROUND_24_ROWS, roundSites } from '../fixtures/two-rounds';

const rounds = fixtureRoundChanges();
const sites = roundSites(ROUND_24_ROWS);
const ids = (filter: Partial<SiteFilter>, comparison: RoundSiteChanges | null = rounds) =>
  filterSites(sites, normaliseSiteFilter({ ...EMPTY_SITE_FILTER, ...filter }), null, comparison).map(
    (site) => site.properties.id,
  );

describe('round conditions of the site filter', () => {
  it('keep the sites whose people grew or declined by at least the percentage', () => {
    // A grew exactly 20 %, E 25 %; F had no one before (no percentage), D was not counted in the base round.
    expect(ids({ peopleChange: { direction: 'grew', percent: 20 } })).toEqual(['A', 'E']);
    expect(ids({ peopleChange: { direction: 'grew', percent: 21 } })).toEqual(['E']);
    expect(ids({ peopleChange: { direction: 'declined', percent: 25 } })).toEqual(['B']);
    expect(ids({ peopleChange: { direction: 'declined', percent: 26 } })).toEqual([]);
  });

  it('keep opened or continuing sites (moved and renamed ones continue)', () => {
    expect(ids({ roundStatus: 'opened' })).toEqual(['G', 'H']);
    expect(ids({ roundStatus: 'continuing' })).toEqual(['A', 'B', 'D', 'E', 'F']);
    expect(ids({ roundStatus: 'opened', peopleChange: { direction: 'grew', percent: 0 } })).toEqual([]);
  });

  it('wait, unapplied and said pending, while no comparison is active', () => {
    const filter = normaliseSiteFilter({ ...EMPTY_SITE_FILTER, roundStatus: 'opened' });
    expect(activeConditionCount(filter)).toBe(1);
    expect(roundsPending(filter, null)).toBe(true);
    expect(roundsPending(filter, rounds)).toBe(false);
    expect(ids({ roundStatus: 'opened' }, null)).toHaveLength(ROUND_24_ROWS.length);
  });

  it('derive the datasets again when the comparison arrives', () => {
    const derive = createDatasetsDeriver();
    const source = { ...smallDatasets(), sites };
    const filter = { ...EMPTY_SITE_FILTER, roundStatus: 'opened' as const };
    expect(derive(source, filter, null, null)?.sites.features).toHaveLength(ROUND_24_ROWS.length);
    const derived = derive(source, filter, null, rounds);
    expect(derived?.sites.features.map((site) => site.properties.id)).toEqual(['G', 'H']);
    expect(derive(source, filter, null, rounds)).toBe(derived);
  });

  it('round-trip through the link and drop malformed parts', () => {
    const filter = normaliseSiteFilter({
      ...EMPTY_SITE_FILTER,
      commune: 'HT0112',
      peopleChange: { direction: 'grew', percent: 20 },
      roundStatus: 'continuing',
    });
    const text = encodeSiteFilter(filter);
    expect(text).toBe('adm2:HT0112;grew:20;status:continuing');
    expect(decodeSiteFilter(text)).toEqual(filter);
    expect(decodeSiteFilter('declined:35')?.peopleChange).toEqual({ direction: 'declined', percent: 35 });
    expect(decodeSiteFilter('grew:-5;status:closed')).toBeUndefined();
    expect(decodeSiteFilter('grew:abc;adm2:HT0112')).toEqual(
      normaliseSiteFilter({ ...EMPTY_SITE_FILTER, commune: 'HT0112' }),
    );
  });

  it('are said in the filter’s words (panel, analysis panel, products)', () => {
    const filter = normaliseSiteFilter({
      ...EMPTY_SITE_FILTER,
      peopleChange: { direction: 'grew', percent: 20 },
      roundStatus: 'continuing',
    });
    expect(siteFilterConditions(filter, { source: null, language: 'en' })).toEqual([
      'people grew by at least 20%',
      'continuing sites',
    ]);
  });
});
