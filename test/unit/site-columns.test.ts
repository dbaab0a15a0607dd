import { describe, expect, it } from 'vitest';
import { siteRadiusMetres } from '../../src/map/palette';
import { gatherSites, siteColumns } from '../../src/map/site-columns';
import { site } from '../fixtures/small-datasets';

describe('site columns', () => {
  const first = site('A', { individuals: 100 });
  const second = site('B', { individuals: 900 });
  second.geometry.coordinates = [-72.1, 18.7];
  const sites = { type: 'FeatureCollection' as const, features: [first, second] };

  it('lays out positions and radii once per collection', () => {
    const columns = siteColumns(sites);
    expect(Array.from(columns.positions)).toEqual([-72.33, 18.54, -72.1, 18.7]);
    expect(columns.radii[1]).toBeCloseTo(siteRadiusMetres(900));
    expect(siteColumns(sites)).toBe(columns);
  });

  it('gathers a subset in the order asked, memoised per index array', () => {
    const columns = siteColumns(sites);
    const indices = [1, 0];
    const subset = gatherSites(columns, indices);
    expect(Array.from(subset.positions)).toEqual([-72.1, 18.7, -72.33, 18.54]);
    expect(subset.radii[0]).toBeCloseTo(siteRadiusMetres(900));
    expect(gatherSites(columns, indices)).toBe(subset);
    expect(gatherSites(columns, [1, 0])).not.toBe(subset);
  });
});
