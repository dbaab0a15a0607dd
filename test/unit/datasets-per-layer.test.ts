/**
 * Several datasets per layer: each import, the session-only collection and
 * the demo have their own visibility; a layer combines the shown ones; ids
 * that two shown datasets share are reported; the fictional gang-control
 * demo is hidden once real data is in; nothing is deleted by showing.
 */
import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createDatasetLibrary } from '../../src/app/data-library';
import { demoDatasetId } from '../../src/app/shown-datasets';
import type { Datasets } from '../../src/domain/types';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';

const collection = (...ids: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-72.3, 18.5] },
    properties: { id, pcode: id },
  })),
});

const synthetic = (id: string) => ({ ...collection(id), metadata: { synthetic: true } }) as FeatureCollection;

const demo = {
  sites: synthetic('demo-site'),
  hazards: synthetic('demo-hazard'),
  control: synthetic('demo-control'),
  services: synthetic('demo-service'),
  admin: synthetic('demo-admin'),
} as unknown as Datasets;

/** A Storage over a Map, shared by the "reloads" of one test. */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

let databases = 0;

function setup(name = `per-layer-${++databases}`, storage: Storage = memoryStorage()) {
  const store = createStore<AppState>({ ...initialAppState('en'), sourceDatasets: demo, datasets: demo });
  const library = createDatasetLibrary(store, demo, {
    open: { name },
    channelName: null,
    visibilityStorage: storage,
  });
  const ids = (role: keyof Datasets) =>
    store
      .get()
      .sourceDatasets?.[role].features.map((feature) => String((feature.properties as { id?: unknown }).id));
  return { store, library, ids, name, storage };
}

const imported = (name: string, role: 'sites' | 'admin', ...ids: string[]) => ({
  name,
  role,
  fieldMapping: null,
  sourceFileName: `${name}.csv`,
  collection: collection(...ids),
});

async function saved(result: Promise<{ ok: boolean; value?: { id: string } }>): Promise<string> {
  const value = await result;
  if (!value.ok || !value.value) throw new Error('not saved');
  return value.value.id;
}

describe('several datasets per layer', () => {
  it('combines two shown site lists, drops one when hidden, and deletes nothing', async () => {
    const { library, ids } = setup();
    await library.load();
    const first = await saved(library.save(imported('Partner A', 'sites', 'a1', 'a2')));
    await saved(library.save(imported('Partner B', 'sites', 'b1')));
    expect(ids('sites')).toEqual(['a1', 'a2', 'b1']);
    library.setShown(first, false);
    expect(ids('sites')).toEqual(['b1']);
    expect(library.records().map((record) => record.name)).toEqual(['Partner A', 'Partner B']);
    library.setShown(first, true);
    expect(ids('sites')).toEqual(['a1', 'a2', 'b1']);
  });

  it('shows departments and communes together in the admin layer', async () => {
    const { library, ids } = setup();
    await library.load();
    await saved(library.save(imported('Departments', 'admin', 'HT01', 'HT05')));
    await saved(library.save(imported('Communes', 'admin', 'HT0111')));
    expect(ids('admin')).toEqual(['HT01', 'HT05', 'HT0111']);
  });

  it('remembers which datasets are hidden across a reload', async () => {
    const first = setup();
    await first.library.load();
    const hidden = await saved(first.library.save(imported('Old round', 'sites', 'old')));
    await saved(first.library.save(imported('New round', 'sites', 'new')));
    first.library.setShown(hidden, false);
    first.library.dispose();
    const reloaded = setup(first.name, first.storage);
    await reloaded.library.load();
    expect(reloaded.ids('sites')).toEqual(['new']);
    expect(reloaded.library.shownIds().has(hidden)).toBe(false);
  });

  it('hides the demo of a layer once it has an import, and shows it beside the import on request', async () => {
    const { library, ids, store } = setup();
    await library.load();
    await saved(library.save(imported('Real', 'sites', 'real')));
    expect(ids('sites')).toEqual(['real']);
    expect(store.get().sourceDatasets?.sites.metadata?.synthetic).toBe(false);
    library.setShown(demoDatasetId('sites'), true);
    expect(ids('sites')).toEqual(['real', 'demo-site']);
    // Partly demo is demo: the header and products must say so.
    expect(store.get().sourceDatasets?.sites.metadata?.synthetic).toBe(true);
  });

  it('shows an empty layer, not the demo, when every import of it is hidden', async () => {
    const { library, ids } = setup();
    await library.load();
    const id = await saved(library.save(imported('Real', 'sites', 'real')));
    library.setShown(id, false);
    expect(ids('sites')).toEqual([]);
  });

  it('hides the fictional gang-control demo once any layer holds real data', async () => {
    const { library, ids, store } = setup();
    await library.load();
    expect(ids('control')).toEqual(['demo-control']);
    const hazardsBefore = store.get().sourceDatasets?.hazards;
    await saved(library.save(imported('Real', 'sites', 'real')));
    expect(ids('control')).toEqual([]);
    expect(store.get().sourceDatasets?.hazards).toBe(hazardsBefore);
    library.setShown(demoDatasetId('control'), true);
    expect(ids('control')).toEqual(['demo-control']);
  });

  it('reports ids two shown datasets share, and stops when one is hidden', async () => {
    const { library } = setup();
    await library.load();
    const first = await saved(library.save(imported('Partner A', 'sites', 'S-1', 'S-2', 'S-3')));
    const second = await saved(library.save(imported('Partner B', 'sites', 'S-2', 'S-3', 'S-9')));
    expect(library.sharedIds()).toEqual([
      { role: 'sites', ids: ['S-2', 'S-3'], datasetIds: [first, second] },
    ]);
    library.setShown(second, false);
    expect(library.sharedIds()).toEqual([]);
  });

  it('keeps the combined collection’s identity when nothing it is made of changed', async () => {
    const { library, store } = setup();
    await library.load();
    await saved(library.save(imported('A', 'sites', 'a')));
    await saved(library.save(imported('B', 'sites', 'b')));
    const sites = store.get().sourceDatasets?.sites;
    library.setShown(demoDatasetId('hazards'), false);
    expect(store.get().sourceDatasets?.sites).toBe(sites);
  });

  it('a reset forgets the choices and shows the demo again', async () => {
    const { library, ids } = setup();
    await library.load();
    const id = await saved(library.save(imported('Real', 'sites', 'real')));
    library.setShown(id, false);
    library.setShown(demoDatasetId('control'), false);
    await library.reset();
    expect(ids('sites')).toEqual(['demo-site']);
    expect(ids('control')).toEqual(['demo-control']);
  });
});

describe('visibility between tabs', () => {
  it('hiding a dataset in one tab hides it in the other', async () => {
    const storage = memoryStorage();
    const name = `per-layer-tabs-${++databases}`;
    const channelName = `per-layer-channel-${databases}`;
    const tab = () => {
      const store = createStore<AppState>({ ...initialAppState('en'), sourceDatasets: demo, datasets: demo });
      const library = createDatasetLibrary(store, demo, {
        open: { name },
        channelName,
        visibilityStorage: storage,
      });
      const ids = () =>
        store
          .get()
          .sourceDatasets?.sites.features.map((feature) =>
            String((feature.properties as { id?: unknown }).id),
          );
      return { library, ids };
    };
    const first = tab();
    const second = tab();
    await Promise.all([first.library.load(), second.library.load()]);
    const a = await saved(first.library.save(imported('A', 'sites', 'a')));
    await saved(first.library.save(imported('B', 'sites', 'b')));
    // Both shown, in whichever order the other tab read them (saved in the same millisecond).
    await expect.poll(() => second.ids()?.slice().sort()).toEqual(['a', 'b']);
    first.library.setShown(a, false);
    await expect.poll(second.ids).toEqual(['b']);
    first.library.dispose();
    second.library.dispose();
  });
});
