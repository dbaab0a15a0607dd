/** The site table's source columns: robust to what imports leave behind, and never mutating the data. */
import { describe, expect, it } from 'vitest';
import { allIndices, sortIndices } from '../../src/analysis/site-table-order';
import {
  prepareSearchKeys,
  prepareSiteTableSource,
  readySearchKeys,
  readySiteTableSource,
  searchKeysOf,
  siteIndexOf,
  siteTableSource,
} from '../../src/analysis/site-table-source';
import type { SiteCollection } from '../../src/domain/types';
import { siteTableApi } from '../../workers/site-table-api';
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
    expect(siteIndexOf(source, '42')).toBe(0);
    expect(siteIndexOf(source, '')).toBe(-1);
    expect(siteIndexOf(source, 'absent')).toBe(-1);
    expect(searchKeysOf(source)[0]).toBe(' sans position 42 ');
    expect(searchKeysOf(source)).toBe(searchKeysOf(source));
    expect(JSON.stringify(collection)).toBe(before);
  });

  it('reads a large collection in slices to the same columns, once per collection', async () => {
    const features = Array.from({ length: 45_001 }, (_, index) =>
      site(`S-${index % 40_000}`, {
        name: `Site ${index}`,
        individuals: index % 7 === 0 ? undefined : index,
      }),
    );
    const collection = { type: 'FeatureCollection', features } as unknown as SiteCollection;
    const prepared = prepareSiteTableSource(collection);
    expect(prepareSiteTableSource(collection)).toBe(prepared);
    expect(readySiteTableSource(collection)).toBeNull();
    const sliced = await prepared;
    expect(readySiteTableSource(collection)).toBe(sliced);
    const whole = siteTableSource(collection);
    expect(sliced.ids).toEqual(whole.ids);
    expect(sliced.names).toEqual(whole.names);
    expect([...sliced.individuals]).toEqual([...whole.individuals]);
    // A repeated id keeps its first site across slices.
    expect(siteIndexOf(sliced, 'S-1')).toBe(1);
    // Search keys too are built in slices, then answered at once.
    expect(readySearchKeys(sliced)).toBeNull();
    const keys = await prepareSearchKeys(sliced);
    expect(keys).toEqual(searchKeysOf(whole));
    expect(readySearchKeys(sliced)).toBe(keys);
    expect(searchKeysOf(sliced)).toBe(keys);
  });

  it('sorts in the worker exactly as the table sorts here', () => {
    const keys = Float64Array.from({ length: 30_000 }, (_, index) =>
      index % 11 === 0 ? Number.NaN : (index * 7919) % 1000,
    );
    for (const direction of ['ascending', 'descending'] as const) {
      expect([...siteTableApi.order(keys, direction)]).toEqual([
        ...sortIndices(allIndices(keys.length), keys, direction),
      ]);
    }
  });
});
