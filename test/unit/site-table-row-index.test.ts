import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { siteRowOfFeature, siteRowOfId, siteRowsIndexed } from '../../src/analysis/site-table-row-index';
import { attachColumns, columnarSitesOf } from '../../src/io/columnar-sites';

function sites(count: number, idOf: (index: number) => string | number = (index) => `S-${index}`) {
  return Array.from(
    { length: count },
    (_, index): Feature<Point> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-72.3 + index / 1e5, 18.5] },
      properties: { id: idOf(index), name: `Site ${index}` },
    }),
  );
}

describe('the shared row index of sites by id', () => {
  it('answers the same rows while it is built (a scan) and once built (the index), past one slice', async () => {
    const features = sites(120_000);
    const asked = ['S-0', 'S-19999', 'S-20000', 'S-119999', 'S-missing', ''];
    const whileBuilding = asked.map((id) => siteRowOfId(features, id));
    await siteRowsIndexed(features);
    expect(asked.map((id) => siteRowOfId(features, id))).toEqual(whileBuilding);
    expect(whileBuilding).toEqual([0, 19_999, 20_000, 119_999, -1, -1]);
  });

  it('is built once per site list and shared by every reader; a new list gets its own', async () => {
    const features = sites(10);
    expect(siteRowsIndexed(features)).toBe(siteRowsIndexed(features));
    await siteRowsIndexed(features);
    // A new import or filter is a new array: its rows, not the old ones.
    const reordered = [...features].reverse();
    await siteRowsIndexed(reordered);
    expect(siteRowOfId(features, 'S-2')).toBe(2);
    expect(siteRowOfId(reordered, 'S-2')).toBe(7);
  });

  it('keeps the first site of a repeated id, and finds a hovered duplicate by its own row', async () => {
    const features = sites(6, (index) => (index === 4 ? 'S-1' : `S-${index}`));
    await siteRowsIndexed(features);
    expect(siteRowOfId(features, 'S-1')).toBe(1);
    expect(siteRowOfFeature(features, features[4])).toBe(4);
    expect(siteRowOfFeature(features, features[3])).toBe(3);
    expect(siteRowOfFeature(features, sites(1)[0])).toBe(-1);
  });

  it('reads the ids from the columns built at import, numeric ids as text', async () => {
    const features = sites(8, (index) => 100 + index);
    attachColumns(features, columnarSitesOf(features));
    await siteRowsIndexed(features);
    expect(siteRowOfId(features, '105')).toBe(5);
    expect(siteRowOfFeature(features, features[7])).toBe(7);
  });
});
