/** Search ranking and accent-insensitivity over the demo data's kinds of names. */
import { describe, expect, it } from 'vitest';
import type { AdminAreaFeature, Datasets } from '../../src/domain/types';
import { buildSearchIndex, search } from '../../src/ui/search-index';
import { site, smallDatasets } from '../fixtures/small-datasets';

function area(pcode: string, name: string, level: 1 | 2, parentName?: string): AdminAreaFeature {
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-72.4, 18.5],
          [-72.3, 18.5],
          [-72.3, 18.6],
          [-72.4, 18.5],
        ],
      ],
    },
    properties: {
      pcode,
      name,
      level,
      approximate: true,
      ...(parentName ? { parentName, parentPcode: 'HT01' } : {}),
    },
  };
}

function datasets(): Pick<Datasets, 'sites' | 'admin'> {
  return {
    sites: {
      type: 'FeatureCollection',
      features: [
        site('HTI-SITE-0001', { name: 'Site spontané Terrain de Champ de Mars' }),
        site('HTI-SITE-0002', {
          name: 'Centre collectif Lycée de Pétion-Ville',
          admin2Pcode: 'HT0114',
          admin2Name: 'Pétion-Ville',
        }),
        site('HTI-SITE-0003', {
          name: 'École de Cité Soleil',
          admin2Pcode: 'HT0117',
          admin2Name: 'Cité Soleil',
        }),
        site('HTI-SITE-0014', { name: 'Camp Mariani', admin2Pcode: 'HT0113' }),
      ],
    },
    admin: {
      type: 'FeatureCollection',
      features: [
        area('HT01', 'Ouest', 1),
        area('HT0111', 'Port-au-Prince', 2, 'Ouest'),
        area('HT0114', 'Pétion-Ville', 2, 'Ouest'),
        area('HT0117', 'Cité Soleil', 2, 'Ouest'),
      ],
    },
  };
}

const found = (query: string) =>
  search(buildSearchIndex(datasets()), query).map(({ entry }) => `${entry.kind}:${entry.id}`);

describe('search', () => {
  it('ignores accents, case and punctuation, and puts the place before sites named after it', () => {
    expect(found('petion')).toEqual(['commune:HT0114', 'site:HTI-SITE-0002']);
    expect(found('PETION-VILLE')[0]).toBe('commune:HT0114');
    expect(found('cite soleil')).toEqual(['commune:HT0117', 'site:HTI-SITE-0003']);
    expect(found('Cité  Soleil')[0]).toBe('commune:HT0117');
    expect(found('ville petion')[0]).toBe('commune:HT0114');
  });

  it('finds sites by id and areas by P-code, exact codes first', () => {
    expect(found('HTI-SITE-0014')[0]).toBe('site:HTI-SITE-0014');
    expect(found('hti site 0001')[0]).toBe('site:HTI-SITE-0001');
    expect(found('0014')).toEqual(['site:HTI-SITE-0014']);
    // The area first, then the sites it holds (by their admin P-code).
    expect(found('ht0114')).toEqual(['commune:HT0114', 'site:HTI-SITE-0002']);
    expect(found('HT01')[0]).toBe('department:HT01');
  });

  it('ranks name prefixes above words and substrings, and caps the list', () => {
    expect(found('camp')[0]).toBe('site:HTI-SITE-0014');
    expect(found('mars')).toEqual(['site:HTI-SITE-0001']);
    expect(found('')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('zzz')).toEqual([]);
    const many = smallDatasets();
    many.sites.features = Array.from({ length: 40 }, (_, index) =>
      site(`S${index}`, { name: `Site ${index}` }),
    );
    expect(search(buildSearchIndex(many), 'site', 10)).toHaveLength(10);
  });

  it('shows where each result is', () => {
    const index = buildSearchIndex(datasets());
    expect(index.find((entry) => entry.id === 'HTI-SITE-0003')?.context).toBe('Cité Soleil, Ouest');
    expect(index.find((entry) => entry.id === 'HT0117')).toMatchObject({ kind: 'commune', context: 'Ouest' });
  });
});
