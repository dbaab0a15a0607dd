import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createSourceFlags } from '../../src/analysis/source-site-flags';
import { createDatasetLibrary } from '../../src/app/data-library';
import { mountSiteFilterSync } from '../../src/app/site-filter-sync';
import type { Datasets } from '../../src/domain/types';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';

const collection = (id: string): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-72.3, 18.5] }, properties: { id } },
  ],
});

const demo = {
  sites: collection('demo-site'),
  hazards: collection('demo-hazard'),
  control: collection('demo-control'),
  services: collection('demo-service'),
  admin: collection('demo-admin'),
} as unknown as Datasets;

function setup(name: string) {
  // The library writes the source collections; `datasets` follows them through the (empty) site filter.
  const store = createStore<AppState>({ ...initialAppState('fr'), sourceDatasets: demo, datasets: demo });
  mountSiteFilterSync(
    store,
    createSourceFlags(store, () => {
      throw new Error('no flag filter in these tests');
    }),
  );
  let clock = Date.parse('2026-03-01T10:00:00Z');
  const library = createDatasetLibrary(store, demo, {
    open: { name },
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
  });
  const siteIds = () => store.get().datasets?.sites.features.map((feature) => feature.properties.id);
  return { store, library, siteIds };
}

const dataset = (id: string) => ({
  name: id,
  role: 'sites' as const,
  fieldMapping: null,
  sourceFileName: `${id}.csv`,
  collection: collection(id),
});

describe('dataset library', () => {
  it('shows every import of a role together, keeps the other layers, and falls back on removal', async () => {
    const { store, library, siteIds } = setup('library-fallback');
    expect(await library.load()).toEqual([]);
    const hazardsBefore = store.get().datasets?.hazards;
    const first = await library.save(dataset('first'));
    const second = await library.save(dataset('second'));
    expect(first.ok && second.ok).toBe(true);
    expect(siteIds()).toEqual(['first', 'second']);
    expect(store.get().datasets?.hazards).toBe(hazardsBefore);
    expect(store.get().datasets?.sites.metadata).toMatchObject({
      source: 'first.csv, second.csv',
      synthetic: false,
    });
    if (second.ok) await library.remove(second.value.id);
    expect(siteIds()).toEqual(['first']);
    await library.reset();
    expect(store.get().datasets?.sites).toBe(demo.sites);
    expect(library.records()).toEqual([]);
  });

  it('finds its datasets again after a "reload" and replaces an entry in place', async () => {
    const first = setup('library-reload');
    await first.library.load();
    const saved = await first.library.save(dataset('kept'));
    if (!saved.ok) throw new Error('not saved');
    await first.library.rename(saved.value.id, 'Renamed');
    const replaced = await first.library.save(dataset('newer'), saved.value.id);
    expect(replaced.ok && replaced.value.id).toBe(saved.value.id);

    const second = setup('library-reload');
    expect(await second.library.load()).toEqual([]);
    expect(second.library.records()).toHaveLength(1);
    expect(second.library.records()[0]).toMatchObject({
      name: 'Renamed',
      sourceFileName: 'newer.csv',
      featureCount: 1,
    });
    expect(second.siteIds()).toEqual(['newer']);
  });

  it('reports a store that cannot open and keeps the demo', async () => {
    const { store, library } = setup('library-broken');
    const broken = createDatasetLibrary(store, demo, { open: { name: 'library-broken', upgrades: [] } });
    expect(await broken.load()).toEqual([{ kind: 'store', code: 'storage-failed' }]);
    expect(store.get().datasets?.sites).toBe(demo.sites);
    const saved = await broken.save(dataset('lost'));
    expect(saved.ok).toBe(false);
    broken.showUnsaved('sites', collection('session-only'));
    expect(store.get().datasets?.sites.features[0]?.properties.id).toBe('session-only');
    expect(library.records()).toEqual([]);
  });
});
