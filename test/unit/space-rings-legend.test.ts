/**
 * Regression: the covered-space flag had no legend entry. Space per person rings
 * the sites below either standard (site area or covered space), and its legend
 * label names both wherever the data gives covered space.
 */
import { describe, expect, it } from 'vitest';
import { spaceAnalysis } from '../../src/analyses/space';
import { translator } from '../../src/i18n/translate';
import { siteTableOf } from '../../workers/analysis/site-table';
import { spacePerPerson } from '../../workers/analysis/space-per-person';
import { site } from '../fixtures/small-datasets';

describe('the rings of space per person', () => {
  const withCovered = spacePerPerson(
    siteTableOf({
      type: 'FeatureCollection',
      features: [
        site('CROWDED', { individuals: 100, areaSquareMetres: 4000 }),
        site('ROOF', { individuals: 100, areaSquareMetres: 6000, coveredSquareMetres: 300 }),
        site('ENOUGH', { individuals: 100, areaSquareMetres: 6000, coveredSquareMetres: 350 }),
      ],
    }),
  );
  const withoutCovered = spacePerPerson(
    siteTableOf({
      type: 'FeatureCollection',
      features: [site('CROWDED', { individuals: 100, areaSquareMetres: 4000 })],
    }),
  );

  it('ring the overcrowded sites and those short of covered space', () => {
    expect(spaceAnalysis.flagged?.sites(withCovered)).toEqual([0, 1]);
  });

  it('name covered space in the legend where the data gives it, and only there', () => {
    const reason = spaceAnalysis.flagged?.reason;
    expect(reason?.(withCovered, translator('fr'), 'fr')).toBe(
      'Site surpeuplé (moins de 45 m² par personne) ou à l’espace couvert insuffisant (moins de 3,5 m² par personne)',
    );
    expect(reason?.(withCovered, translator('en'), 'en')).toContain(
      'covered space (below 3.5 m² per person)',
    );
    expect(reason?.(withoutCovered, translator('en'), 'en')).toBe(
      'Overcrowded site (below 45 m² per person)',
    );
  });
});
