/**
 * The filter in words, as the analysis panel and the figures' context print
 * it: the place, the conditions with any/all, and "N of M sites".
 */
import { describe, expect, it } from 'vitest';
import { siteFilterSummary } from '../../src/analyses/filter-summary';
import { figureContext, scopeFigure } from '../../src/analyses/key-figures';
import { EMPTY_SITE_FILTER, normaliseSiteFilter } from '../../src/state/site-filter';
import { smallDatasets } from '../fixtures/small-datasets';

describe('the site filter in words', () => {
  const source = smallDatasets();
  const question = normaliseSiteFilter({
    ...EMPTY_SITE_FILTER,
    commune: 'HT0111',
    flags: ['waterBeyondSphere', 'healthBeyondReach'],
    flagMode: 'any',
  });

  it('names the commune, the conditions joined by "any of", and the count of all sites', () => {
    const total = source.sites.features.length;
    expect(siteFilterSummary(question, { source, shown: 1, language: 'en' })).toBe(
      `Port-au-Prince · any of: No water point within 500 m, No health facility within 5 km — 1 of ${total} sites`,
    );
    expect(siteFilterSummary(EMPTY_SITE_FILTER, { source, shown: total, language: 'en' })).toBe(
      `All sites (${total})`,
    );
  });

  it('puts the filter, the total and the data date in the context of the "sites analysed" figure', () => {
    const filtered = { ...source, sites: { ...source.sites, features: source.sites.features.slice(0, 1) } };
    const context = figureContext('en', { accessDistanceMeters: 1000, healthDistanceMeters: 2000 }, filtered);
    const figure = scopeFigure(context, { filter: question, source });
    expect(figure.value).toBe(1);
    expect(figure.context).toContain('filter: Port-au-Prince · any of:');
    expect(figure.context).toContain('within 2 km');
    expect(figure.context).toContain(`of ${source.sites.features.length} sites`);
  });
});
