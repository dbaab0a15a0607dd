import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDatasetLibrary } from '../../src/app/data-library';
import type { Datasets } from '../../src/domain/types';
import { message, translator } from '../../src/i18n/translate';
import { openAnalysisCacheStore } from '../../src/io/analysis-cache-store';
import { STORE_ERROR_CODES } from '../../src/io/database';
import { STORES, UPGRADE_STEPS } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { DATASET_DAMAGES } from '../../src/io/dataset-validation';
import { openSavedViewStore } from '../../src/io/saved-view-store';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';
import { viewFailureMessage } from '../../src/ui/saved-views-dialog';

let databaseCount = 0;
const uniqueName = () => `storage-healing-${++databaseCount}`;

const collection = (...ids: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-72.3, 18.5] },
    properties: { id },
  })),
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

/** One "tab": its own app store and library over the shared database. */
function tab(name: string) {
  const store = createStore<AppState>({ ...initialAppState('fr'), sourceDatasets: demo, datasets: demo });
  const library = createDatasetLibrary(store, demo, { open: { name }, channelName: null, now });
  const siteIds = () => store.get().sourceDatasets?.sites.features.map((feature) => feature.properties?.id);
  return { store, library, siteIds };
}

const imported = (id: string, role: 'sites' | 'hazards' = 'sites') => ({
  name: `Import ${id}`,
  role,
  fieldMapping: null,
  sourceFileName: `${id}.csv`,
  collection: collection(id),
});

/** Two imports saved by an earlier session, then the raw database for tampering. */
async function savedThenRaw(name: string) {
  const earlier = tab(name);
  await earlier.library.load();
  const first = await earlier.library.save(imported('first'));
  const second = await earlier.library.save(imported('second', 'hazards'));
  if (!first.ok || !second.ok) throw new Error('not saved');
  earlier.library.dispose();
  const raw = await openDB(name, UPGRADE_STEPS.length);
  return { raw, first: first.value, second: second.value };
}

describe('storage that heals', () => {
  it('one dataset metadata record of the wrong shape hid all imports and disabled reset', async () => {
    const name = uniqueName();
    const { raw } = await savedThenRaw(name);
    await raw.put(STORES.datasets, { id: 'junk', name: 'Sites R4', featureCount: 'many' });
    raw.close();

    const { library, siteIds, store } = tab(name);
    const problems = await library.load();
    // The good imports load and show…
    expect(library.records().map((record) => record.name)).toEqual(['Import first', 'Import second']);
    expect(siteIds()).toEqual(['first']);
    // …and the bad one is listed by name, as damaged, and said at startup.
    expect(library.damaged()).toEqual([{ key: 'junk', id: 'junk', name: 'Sites R4', damage: 'wrong-shape' }]);
    expect(problems).toEqual([{ kind: 'record', code: 'unreadable-record', name: 'Sites R4' }]);
    // Reset works and takes the damaged record too.
    expect((await library.reset()).ok).toBe(true);
    expect(library.records()).toEqual([]);
    expect(library.damaged()).toEqual([]);
    expect(store.get().sourceDatasets?.sites).toBe(demo.sites);
    const after = tab(name);
    expect(await after.library.load()).toEqual([]);
    expect(after.library.records()).toEqual([]);
    library.dispose();
    after.library.dispose();
  });

  it('a truncated collection vanished from the data manager', async () => {
    const name = uniqueName();
    const { raw, first } = await savedThenRaw(name);
    await raw.put(STORES.collections, collection(), first.id);
    await raw.put(STORES.datasets, { ...first, featureCount: 5000 });
    raw.close();

    const { library, siteIds } = tab(name);
    await library.load();
    expect(library.records().map((record) => record.name)).toEqual(['Import second']);
    expect(library.damaged()).toEqual([
      { key: first.id, id: first.id, name: 'Import first', damage: 'truncated-collection' },
    ]);
    expect(siteIds()).toEqual(['demo-site']);
    // It can be removed from the data manager, for good.
    expect((await library.removeDamaged(first.id)).ok).toBe(true);
    expect(library.damaged()).toEqual([]);
    const after = tab(name);
    await after.library.load();
    expect(after.library.damaged()).toEqual([]);
    expect(after.library.records().map((record) => record.name)).toEqual(['Import second']);
    library.dispose();
    after.library.dispose();
  });

  it('a collection with null features threw a TypeError', async () => {
    const name = uniqueName();
    const { raw, first, second } = await savedThenRaw(name);
    await raw.put(STORES.collections, { type: 'FeatureCollection', features: [null] }, first.id);
    await raw.put(STORES.collections, { type: 'FeatureCollection', features: null }, second.id);
    raw.close();

    const { library, store } = tab(name);
    await expect(library.load()).resolves.toHaveLength(2);
    expect(library.damaged().map((entry) => [entry.name, entry.damage])).toEqual([
      ['Import first', 'invalid-features'],
      ['Import second', 'invalid-features'],
    ]);
    // The map keeps the demo layers: nothing with a null feature reaches it.
    expect(store.get().sourceDatasets?.sites).toBe(demo.sites);
    expect(store.get().sourceDatasets?.hazards).toBe(demo.hazards);
    library.dispose();
  });

  it('reset to demo kept the analysis cache', async () => {
    const name = uniqueName();
    const worker = await openAnalysisCacheStore({ name });
    if (!worker.ok) throw new Error(worker.error.code);
    await worker.value.put('katsit-analysis-1:exposure:abc', { totals: [1, 2, 3] });

    const { library } = tab(name);
    await library.load();
    await library.save(imported('first'));
    const before = await library.storageUsage();
    expect(before.cache?.entries).toBe(1);
    expect((await library.reset()).ok).toBe(true);
    expect((await library.storageUsage()).cache).toEqual({ entries: 0, bytes: 0 });
    expect(await worker.value.get('katsit-analysis-1:exposure:abc')).toEqual({ ok: true, value: undefined });
    worker.value.close();
    library.dispose();
  });

  it('clears the analysis cache on demand and reports the storage used', async () => {
    const name = uniqueName();
    const worker = await openAnalysisCacheStore({ name });
    if (!worker.ok) throw new Error(worker.error.code);
    await worker.value.put('a', { offsets: new Uint32Array(256) });
    const { library } = tab(name);
    await library.load();
    const usage = await library.storageUsage();
    expect(usage.cache?.entries).toBe(1);
    expect(usage.cache?.bytes).toBeGreaterThanOrEqual(1024);
    expect((await library.clearAnalysisCache()).ok).toBe(true);
    expect((await library.storageUsage()).cache).toEqual({ entries: 0, bytes: 0 });
    worker.value.close();
    library.dispose();
  });

  it('resets to the demo even when the database cannot be opened', async () => {
    const { library, store } = tab(uniqueName());
    const broken = createDatasetLibrary(store, demo, {
      open: { name: uniqueName(), upgrades: [] },
      channelName: null,
    });
    await broken.load();
    broken.showUnsaved('sites', collection('session-only'));
    const reset = await broken.reset();
    expect(reset.ok).toBe(false);
    expect(store.get().sourceDatasets?.sites).toBe(demo.sites);
    library.dispose();
    broken.dispose();
  });

  it('saving a view under a newer schema showed a raw code', async () => {
    const name = uniqueName();
    const views = await openSavedViewStore({ name });
    if (!views.ok) throw new Error(views.error.code);
    // Another tab opens a newer Katsit: this tab's connection lets go of the database.
    const newer = await openDatasetStore({ name, upgrades: [...UPGRADE_STEPS, () => {}] });
    expect(newer.ok).toBe(true);
    const saved = await views.value.save('Delmas', '#map=12/18.5/-72.3');
    expect(saved).toEqual({ ok: false, error: { code: 'closed', name: 'InvalidStateError' } });
    if (saved.ok) return;
    const french = viewFailureMessage(saved.error.code, translator('fr'));
    const english = viewFailureMessage(saved.error.code, translator('en'));
    expect(french).toBe(
      'Opération impossible : La base locale a été fermée (mise à jour dans une autre fenêtre) : rechargez la page.',
    );
    expect(english).toContain('reload the page');
    for (const language of ['fr', 'en', 'ht'] as const) {
      const t = translator(language);
      const text = viewFailureMessage(saved.error.code, t);
      expect(text).not.toBe(t('views.failed', { detail: 'closed' }));
      expect(text).not.toMatch(/: closed$|InvalidStateError/);
    }
    if (newer.ok) newer.value.close();
  });

  it('words every store error and every damage in each language, never as a code', () => {
    for (const language of ['fr', 'en', 'ht'] as const) {
      for (const code of STORE_ERROR_CODES) {
        const text = message(language, `storeError.${code}`);
        expect(text.length).toBeGreaterThan(15);
        // A sentence, not the code or its key.
        expect(text).not.toContain('storeError');
        expect(text).toMatch(/\s.*[.!?]$/);
      }
      for (const damage of DATASET_DAMAGES) {
        expect(message(language, `dataManager.damage.${damage}`).length).toBeGreaterThan(10);
      }
    }
  });
});
