import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { createDatasetLibrary } from '../../src/app/data-library';
import type { Datasets } from '../../src/domain/types';
import { openAnalysisCacheStore } from '../../src/io/analysis-cache-store';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';

let count = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++count}`;

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

let clock = Date.parse('2026-03-01T10:00:00Z');
const now = () => {
  clock += 1000;
  return new Date(clock);
};

/** A "tab": its own app store and library, on the database and channel it shares with the others. */
function tab(database: string, channel: string) {
  const store = createStore<AppState>({ ...initialAppState('fr'), sourceDatasets: demo, datasets: demo });
  const library = createDatasetLibrary(store, demo, { open: { name: database }, channelName: channel, now });
  const changes = vi.fn();
  library.subscribe(changes);
  const siteIds = () => store.get().sourceDatasets?.sites.features.map((feature) => feature.properties?.id);
  const names = () => library.records().map((record) => record.name);
  return { store, library, siteIds, names, changes };
}

const imported = (id: string) => ({
  name: `Import ${id}`,
  role: 'sites' as const,
  fieldMapping: null,
  sourceFileName: `${id}.csv`,
  collection: collection(id),
});

describe('several tabs', () => {
  it('reset in one tab left another tab’s import', async () => {
    const database = unique('tabs-db');
    const channel = unique('tabs-channel');
    const first = tab(database, channel);
    const second = tab(database, channel);
    await Promise.all([first.library.load(), second.library.load()]);

    // An import in the second tab reaches the first tab's data manager and map.
    await second.library.save(imported('second-tab'));
    await expect.poll(first.names).toEqual(['Import second-tab']);
    expect(first.siteIds()).toEqual(['second-tab']);

    // A rename too.
    const id = second.library.records()[0]?.id ?? '';
    await second.library.rename(id, 'Sites R5');
    await expect.poll(first.names).toEqual(['Sites R5']);

    // Reset in the first tab resets everywhere: storage and the second tab's map.
    expect((await first.library.reset()).ok).toBe(true);
    await expect.poll(second.names).toEqual([]);
    expect(second.siteIds()).toEqual(['demo-site']);

    // And after a "reload", nothing comes back.
    const reloaded = tab(database, unique('alone'));
    await reloaded.library.load();
    expect(reloaded.names()).toEqual([]);
    for (const each of [first, second, reloaded]) each.library.dispose();
  });

  it('a reset elsewhere also drops this tab’s unsaved layer, and removals are shared', async () => {
    const database = unique('tabs-db');
    const channel = unique('tabs-channel');
    const first = tab(database, channel);
    const second = tab(database, channel);
    await Promise.all([first.library.load(), second.library.load()]);
    const saved = await first.library.save(imported('kept'));
    await expect.poll(second.names).toEqual(['Import kept']);
    if (saved.ok) await first.library.remove(saved.value.id);
    await expect.poll(second.names).toEqual([]);

    second.library.showUnsaved('sites', collection('session-only'));
    expect(second.siteIds()).toEqual(['session-only']);
    await first.library.reset();
    await expect.poll(second.siteIds).toEqual(['demo-site']);
    first.library.dispose();
    second.library.dispose();
  });

  it('clearing the analysis cache in one tab refreshes the other tab’s data manager', async () => {
    const database = unique('tabs-db');
    const channel = unique('tabs-channel');
    const cache = await openAnalysisCacheStore({ name: database });
    if (!cache.ok) throw new Error(cache.error.code);
    await cache.value.put('answer', { total: 1 });
    const first = tab(database, channel);
    const second = tab(database, channel);
    await Promise.all([first.library.load(), second.library.load()]);
    expect((await second.library.storageUsage()).cache?.entries).toBe(1);
    second.changes.mockClear();
    await first.library.clearAnalysisCache();
    await expect.poll(() => second.changes.mock.calls.length).toBeGreaterThan(0);
    expect((await second.library.storageUsage()).cache?.entries).toBe(0);
    cache.value.close();
    first.library.dispose();
    second.library.dispose();
  });
});
