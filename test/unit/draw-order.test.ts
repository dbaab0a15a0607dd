import { describe, expect, it } from 'vitest';
import type { SiteCollection, SiteFeature } from '../../src/domain/types';
import { sitesInDrawOrder } from '../../src/map/draw-order';

/** Sites with the given counts, in that order; `null` for a site without coordinates. */
function sites(counts: readonly (number | null)[]): SiteCollection {
  const features = counts.map(
    (count, index) =>
      ({
        type: 'Feature',
        geometry: count === null ? null : { type: 'Point', coordinates: [index, 0] },
        properties: { id: `S${index}`, individuals: count ?? 10 },
      }) as unknown as SiteFeature,
  );
  return { type: 'FeatureCollection', features };
}

/** What the order must be: largest first, equal counts in collection order, no site without coordinates. */
function expected(collection: SiteCollection): string[] {
  return collection.features
    .filter((site) => site.geometry !== null)
    .sort((a, b) => b.properties.individuals - a.properties.individuals)
    .map((site) => site.properties.id);
}

describe('sitesInDrawOrder', () => {
  it('puts the largest first and keeps equal counts in collection order', () => {
    const collection = sites([5, 300, 5, 0, 300, 12, 5, null, 0]);
    expect(sitesInDrawOrder(collection).map((site) => site.properties.id)).toEqual(expected(collection));
    expect(sitesInDrawOrder(collection).map((site) => site.properties.id)).toEqual([
      'S1',
      'S4',
      'S5',
      'S0',
      'S2',
      'S6',
      'S3',
      'S8',
    ]);
  });

  it('agrees with a comparator sort on 50,000 sites with many ties and very large counts', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const counts = Array.from({ length: 50_000 }, () =>
      random() < 0.1 ? Math.floor(random() * 2 ** 31) : Math.floor(random() * 40),
    );
    const collection = sites(counts);
    expect(sitesInDrawOrder(collection).map((site) => site.properties.id)).toEqual(expected(collection));
  });

  it('keeps the same order for counts a packed key cannot hold (fractions, negatives, beyond 2^31)', () => {
    for (const odd of [2.5, -3, 2 ** 40]) {
      const collection = sites([4, odd, 4, 9]);
      expect(sitesInDrawOrder(collection).map((site) => site.properties.id)).toEqual(expected(collection));
    }
  });

  it('gives the same array again for the same collection', () => {
    const collection = sites([1, 2, 3]);
    expect(sitesInDrawOrder(collection)).toBe(sitesInDrawOrder(collection));
  });
});
