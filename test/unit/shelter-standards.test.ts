/**
 * Sphere's shelter standards per site: 45 m² of site area per person, 30 m²
 * where communal services are outside the site, and 3.5 m² of covered living
 * space where the data gives it; both reach the flags table.
 */
import { describe, expect, it } from 'vitest';
import { SITE_FLAG, siteFlags } from '../../workers/analysis/site-flags';
import { siteTableOf } from '../../workers/analysis/site-table';
import { spacePerPerson } from '../../workers/analysis/space-per-person';
import { site } from '../fixtures/small-datasets';

describe('shelter standards', () => {
  const sites = siteTableOf({
    type: 'FeatureCollection',
    features: [
      // 40 m² per person: below 45, but services are outside, so 30 applies.
      site('OUTSIDE', { individuals: 100, areaSquareMetres: 4000, communalServicesOutside: true }),
      // The same site with services on site: overcrowded.
      site('ON-SITE', { individuals: 100, areaSquareMetres: 4000, coveredSquareMetres: 300 }),
      // Roomy, but 3 m² of covered space per person.
      site('ROOF', { individuals: 100, areaSquareMetres: 6000, coveredSquareMetres: 300 }),
      site('ENOUGH', { individuals: 100, areaSquareMetres: 6000, coveredSquareMetres: 350 }),
    ],
  });
  const space = spacePerPerson(sites);

  it('applies 30 m² where communal services are outside the site, 45 m² elsewhere', () => {
    expect(Array.from(space.overcrowded)).toEqual([0, 1, 0, 0]);
    expect(space.overcrowdedIndividuals).toBe(100);
    expect(space.sitesWithArea).toBe(4);
  });

  it('checks covered space only where it is known, against 3.5 m² per person', () => {
    expect(Array.from(space.coveredSquareMetresPerPerson)).toEqual([Number.NaN, 3, 3, 3.5]);
    expect(Array.from(space.coveredShort)).toEqual([0, 1, 1, 0]);
    expect(space.sitesWithCovered).toBe(3);
    expect(space.coveredShortSites).toBe(2);
  });

  it('raises the covered-space flag in the flags table', () => {
    const flags = siteFlags(4, { space });
    expect(Array.from(flags.flags, (bits) => (bits & SITE_FLAG.coveredSpaceShort) !== 0)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(flags.coveredSquareMetresPerPerson[2]).toBe(3);
  });
});
