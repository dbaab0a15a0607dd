/** The site table's source columns: robust to what imports leave behind, and never mutating the data. */
import { describe, expect, it } from 'vitest';
import { searchKeysOf, siteTableSource } from '../../src/analysis/site-table-source';
import type { SiteCollection } from '../../src/domain/types';
import { site } from '../fixtures/small-datasets';

describe('site table source', () => {
  it('reads missing geometry, missing counts and numeric ids as unknown or text', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null,
          properties: { id: 42, name: 'Sans position', individuals: 'many' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-72.3, 18.5] }, properties: null },
        site('42', { name: 'Doublon' }),
      ],
    } as unknown as SiteCollection;
    const before = JSON.stringify(collection);
    const source = siteTableSource(collection);
    expect(source.count).toBe(3);
    expect(source.ids).toEqual(['42', '', '42']);
    expect(source.individuals[0]).toBeNaN();
    expect(source.longitudes[0]).toBeNaN();
    expect(source.latitudes[1]).toBe(18.5);
    expect(source.names[1]).toBe('');
    // The first of repeated ids wins: the map's findFeature picks the first too.
    expect(source.indexOfId.get('42')).toBe(0);
    expect(searchKeysOf(source)[0]).toBe(' sans position 42 ');
    expect(searchKeysOf(source)).toBe(searchKeysOf(source));
    expect(JSON.stringify(collection)).toBe(before);
  });
});
