import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import type { SiteCollection, SiteFeature } from '../../src/domain/types';
import { buildLayers } from '../../src/map/layer-specs';
import type { IconAtlas } from '../../src/map/service-icons';
import { siteGrouping } from '../../src/map/site-grouping';
import { WINDOWED_SITES_FROM } from '../../src/map/site-window';
import { type AppState, initialAppState } from '../../src/state/app-state';
import type { SiteClusters } from '../../workers/analysis/site-clusters';
import { smallDatasets } from '../fixtures/small-datasets';

/** `count` sites named by `prefix`, spread over Haiti. */
function sites(count: number, prefix: string): SiteCollection {
  const features = Array.from(
    { length: count },
    (_, index) =>
      ({
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: [-74 + (index % 300) / 100, 18 + Math.floor(index / 300) / 100],
        },
        properties: { id: `${prefix}${index}`, individuals: 10 + (index % 50) },
      }) as unknown as SiteFeature,
  );
  return { type: 'FeatureCollection', features };
}

/** An answer of the worker: one group, and sites 1 and 3 drawn one by one. */
const answer = (): SiteClusters => ({
  zoom: 7,
  clusterPositions: new Float64Array([-72.3, 18.5]),
  clusterIds: new Int32Array([1]),
  clusterSites: new Uint32Array([40]),
  clusterIndividuals: new Float64Array([900]),
  singleSites: new Uint32Array([1, 3]),
});

/** The app's state at country zoom with `shown` sites and groups computed for `groupedFor`. */
function stateWith(shown: SiteCollection, groupedFor: SiteCollection, clusters = answer()): AppState {
  return {
    ...initialAppState('fr'),
    zoomStep: 7,
    datasets: { ...smallDatasets(), sites: shown },
    siteClusters: { sites: groupedFor, clusters },
  };
}

const resources = { serviceIcons: { atlas: {} as HTMLCanvasElement, mapping: {} as IconAtlas['mapping'] } };
const layer = (layers: Layer[], id: string) => layers.find((candidate) => candidate.id === id);
const drawnIds = (layers: Layer[]) =>
  ((layer(layers, 'sites-circles')?.props.data ?? []) as SiteFeature[]).map((site) => site.properties.id);

describe('siteGrouping', () => {
  it('draws the groups with the very sites they were computed for: single sites by their indices', () => {
    const list = sites(10, 'A');
    const state = stateWith(list, list);
    expect(siteGrouping(state).kind).toBe('grouped');
    const layers = buildLayers(state, resources);
    expect(drawnIds(layers).sort()).toEqual(['A1', 'A3']);
    expect(layer(layers, 'site-clusters')).toBeDefined();
  });

  it('never draws an answer over another site list (regression: new sites drawn at the old indices, old totals)', () => {
    const before = sites(WINDOWED_SITES_FROM, 'OLD');
    const after = sites(WINDOWED_SITES_FROM, 'NEW');
    const state = stateWith(after, before);
    // A large list waits for its own groups, drawing nothing rather than wrong sites or all of them at once.
    expect(siteGrouping(state).kind).toBe('awaiting-groups');
    const layers = buildLayers(state, resources);
    expect(drawnIds(layers)).toEqual([]);
    expect(layer(layers, 'site-clusters')).toBeUndefined();
  });

  it('draws a small list whole while its groups are on their way', () => {
    const state = stateWith(sites(12, 'NEW'), sites(12, 'OLD'));
    expect(siteGrouping(state).kind).toBe('one-by-one');
    expect(drawnIds(buildLayers(state, resources))).toHaveLength(12);
  });

  it('draws sites one by one from the aggregation zoom on, and follows the zoom a product asks for', () => {
    const list = sites(WINDOWED_SITES_FROM, 'A');
    const state = stateWith(list, list);
    expect(siteGrouping({ ...state, zoomStep: 10 }).kind).toBe('one-by-one');
    expect(siteGrouping(state, 12).kind).toBe('one-by-one');
    expect(siteGrouping({ ...state, zoomStep: 12 }, 7).kind).toBe('grouped');
    expect(siteGrouping({ ...state, siteClusters: null }).kind).toBe('awaiting-groups');
  });
});
