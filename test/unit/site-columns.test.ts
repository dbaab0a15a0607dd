import { describe, expect, it } from 'vitest';
import { flaggedSitesLayer } from '../../src/map/analysis-layers';
import { siteRadiusMetres } from '../../src/map/palette';
import { siteColumns } from '../../src/map/site-columns';
import { VertexScatterplotLayer } from '../../src/map/vertex-layers';
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

  it("rings the flagged sites with the sites' own circle layer, read from the columns by index", () => {
    const layer = flaggedSitesLayer(sites, [1, 0]);
    // The program linked at start-up: deck's scatterplot would link its own at the first ringed answer.
    expect(layer).toBeInstanceOf(VertexScatterplotLayer);
    const props = layer.props as unknown as {
      data: number[];
      getPosition: (site: number, context: { target: number[] }) => number[];
      getRadius: (site: number) => number;
    };
    expect(props.data).toEqual([1, 0]);
    expect(props.getPosition(1, { target: [0, 0] })).toEqual([-72.1, 18.7]);
    expect(props.getPosition(0, { target: [0, 0] })).toEqual([-72.33, 18.54]);
    expect(props.getRadius(1)).toBeCloseTo(siteRadiusMetres(900));
  });
});
