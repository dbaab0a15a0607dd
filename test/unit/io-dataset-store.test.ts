import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/io/content-hash';
import { PART_SIZE, STORES, UPGRADE_STEPS, type UpgradeStep } from '../../src/io/dataset-schema';
import {
  type DatasetStore,
  type NewDataset,
  openDatasetStore,
  storeErrorCode,
} from '../../src/io/dataset-store';

let databaseCount = 0;
const uniqueName = () => `katsit-test-${++databaseCount}`;

const collection = (count: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: count }, (_, index) => ({
    type: 'Feature',
    properties: { id: `S-${index}`, name: `Site fictif ${index}` },
    geometry: { type: 'Point', coordinates: [-72.3, 18.5 + index / 100] },
  })),
});

const dataset = (id: string, count = 2): NewDataset => ({
  id,
  name: `Jeu ${id}`,
  role: 'sites',
  fieldMapping: null,
  sourceFileName: `${id}.csv`,
  importedAt: `2024-03-0${count}T10:00:00.000Z`,
  collection: collection(count),
});

async function open(name: string, upgrades?: readonly UpgradeStep[]): Promise<DatasetStore> {
  const opened = await openDatasetStore(upgrades ? { name, upgrades } : { name });
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}

describe('dataset store', () => {
  it('puts, gets, lists, renames, replaces and removes', async () => {
    const store = await open(uniqueName());
    const put = await store.put(dataset('a', 2));
    expect(put.ok && put.value.featureCount).toBe(2);
    // No hash of the whole collection on the main thread any more (seconds at 1M sites).
    expect(put.ok && 'contentHash' in put.value).toBe(false);
    await store.put(dataset('b', 3));
    const got = await store.get('a');
    expect(got.ok && got.value.collection).toEqual(collection(2));
    const list = await store.list();
    expect(list.ok && list.value.records.map((record) => [record.id, record.featureCount])).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    expect(list.ok && list.value.damaged).toEqual([]);
    expect(list.ok && 'collection' in (list.value.records[0] ?? {})).toBe(false);
    expect((await store.rename('a', 'Sites DTM R5')).ok).toBe(true);
    const replaced = await store.put({ ...dataset('a', 5), name: 'Sites DTM R5' });
    expect(replaced.ok && replaced.value).toMatchObject({ name: 'Sites DTM R5', featureCount: 5 });
    expect((await store.remove('b')).ok).toBe(true);
    expect(await store.get('b')).toEqual({ ok: false, error: { code: 'not-found' } });
    expect((await store.rename('missing', 'x')).ok).toBe(false);
    store.close();
  });

  it('keeps data across close and reopen', async () => {
    const name = uniqueName();
    const first = await open(name);
    await first.put(dataset('kept'));
    first.close();
    const second = await open(name);
    const got = await second.get('kept');
    expect(got.ok && got.value.name).toBe('Jeu kept');
    second.close();
  });

  it('leaves the previous state whole when a write fails mid-transaction', async () => {
    const store = await open(uniqueName());
    await store.put(dataset('a', 2));
    // A function cannot be cloned: the features write throws after the metadata write was queued.
    const poisoned = { ...dataset('a', 4), name: 'should not stick' };
    (poisoned.collection as unknown as { broken: unknown }).broken = () => 1;
    const result = await store.put(poisoned);
    expect(result).toEqual({ ok: false, error: { code: 'unstorable-data', name: 'DataCloneError' } });
    const got = await store.get('a');
    expect(got.ok && [got.value.name, got.value.featureCount, got.value.collection.features.length]).toEqual([
      'Jeu a',
      2,
      2,
    ]);
    store.close();
  });

  it('lists damaged records beside the readable ones, each with its key, name and damage', async () => {
    const name = uniqueName();
    const store = await open(name);
    await store.put(dataset('good'));
    await store.put(dataset('cut', 3));
    await store.put(dataset('nulls', 2));
    store.close();
    const raw = await openDB(name, UPGRADE_STEPS.length);
    await raw.put(STORES.datasets, { id: 'junk', name: 42 });
    await raw.put(STORES.datasets, { id: 'named-junk', name: 'Sites R4', role: 'sites' });
    await raw.put(
      STORES.collections,
      { ...collection(3), features: collection(3).features.slice(0, 1) },
      'cut',
    );
    await raw.put(STORES.collections, { type: 'FeatureCollection', features: [null, null] }, 'nulls');
    await raw.put(STORES.collections, collection(1), 'orphan');
    raw.close();
    const reopened = await open(name);
    const list = await reopened.list();
    expect(list.ok && list.value.records.map((record) => record.id)).toEqual(['good', 'nulls', 'cut']);
    expect(list.ok && list.value.damaged).toEqual([
      { key: 'junk', id: 'junk', damage: 'wrong-shape' },
      { key: 'named-junk', id: 'named-junk', name: 'Sites R4', damage: 'wrong-shape' },
      { key: 'orphan', id: 'orphan', damage: 'orphan-collection' },
    ]);
    expect(await reopened.get('junk')).toEqual({
      ok: false,
      error: { code: 'unreadable-record', damage: 'wrong-shape' },
    });
    expect(await reopened.get('cut')).toEqual({
      ok: false,
      error: { code: 'unreadable-record', damage: 'truncated-collection' },
    });
    expect(await reopened.get('nulls')).toEqual({
      ok: false,
      error: { code: 'unreadable-record', damage: 'invalid-features' },
    });
    expect((await reopened.get('good')).ok).toBe(true);
    // Damaged records can be removed like any other, and clear takes everything.
    expect((await reopened.remove('junk')).ok).toBe(true);
    expect((await reopened.remove('orphan')).ok).toBe(true);
    const after = await reopened.list();
    expect(after.ok && after.value.damaged.map((entry) => entry.id)).toEqual(['named-junk']);
    expect((await reopened.clear()).ok).toBe(true);
    expect(await reopened.list()).toEqual({ ok: true, value: { records: [], damaged: [] } });
    reopened.close();
  });

  it('opens a version 2 database with its datasets (content hash included) and empties the old cache', async () => {
    const name = uniqueName();
    const version2 = await openDB(name, 2, {
      upgrade: (database) => {
        database.createObjectStore('datasets', { keyPath: 'id' });
        database.createObjectStore('collections');
        database.createObjectStore('analysisCache');
        database.createObjectStore('savedViews', { keyPath: 'id' });
      },
    });
    await version2.put('datasets', {
      id: 'old',
      name: 'Sites R5',
      role: 'sites',
      fieldMapping: null,
      featureCount: 2,
      importedAt: '2025-01-01T00:00:00.000Z',
      sourceFileName: 'r5.csv',
      contentHash: 'a'.repeat(64),
    });
    await version2.put('collections', collection(2), 'old');
    await version2.put('analysisCache', { result: { total: 1 }, storedAt: '2025-01-01' }, 'old-key');
    version2.close();
    const store = await open(name);
    const got = await store.get('old');
    expect(got.ok && [got.value.name, got.value.contentHash, got.value.collection.features.length]).toEqual([
      'Sites R5',
      'a'.repeat(64),
      2,
    ]);
    expect(await store.getAnalysis('old-key')).toEqual({ ok: true, value: undefined });
    store.close();
  });

  it('upgrades the current database to a test next version and keeps its records', async () => {
    const name = uniqueName();
    const version1 = await open(name);
    await version1.put(dataset('old'));
    version1.close();
    const addIndex: UpgradeStep = (_database, transaction) => {
      // An index the typed schema does not declare: a future version's step.
      const datasets = transaction.objectStore('datasets') as unknown as IDBObjectStore;
      datasets.createIndex('byRole', 'role');
    };
    const version2 = await open(name, [...UPGRADE_STEPS, addIndex]);
    const got = await version2.get('old');
    expect(got.ok && got.value.collection.features).toHaveLength(2);
    version2.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(UPGRADE_STEPS.length + 1);
    expect(await raw.getAllFromIndex('datasets', 'byRole', 'sites')).toHaveLength(1);
    raw.close();
  });

  it('reports a blocked upgrade while another tab holds the old version, and a newer database', async () => {
    const name = uniqueName();
    (await open(name)).close();
    const otherTab = await openDB(name, UPGRADE_STEPS.length);
    const blocked = await openDatasetStore({ name, upgrades: [...UPGRADE_STEPS, () => {}] });
    expect(blocked).toEqual({ ok: false, error: { code: 'blocked' } });
    otherTab.close();
    // The blocked request completes once the other tab lets go; its connection is closed for us.
    const currentVersion = async () => {
      const database = await openDB(name);
      database.close();
      return database.version;
    };
    for (let attempt = 0; attempt < 50 && (await currentVersion()) <= UPGRADE_STEPS.length; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await openDatasetStore({ name })).toEqual({
      ok: false,
      error: { code: 'newer-version', name: 'VersionError' },
    });
    expect((await openDatasetStore({ name, upgrades: [] })).ok).toBe(false);
  });

  it('closes itself when another tab needs a newer version, and says so', async () => {
    const name = uniqueName();
    let told = false;
    const opened = await openDatasetStore({ name, onVersionChange: () => (told = true) });
    const upgraded = await openDatasetStore({ name, upgrades: [...UPGRADE_STEPS, () => {}] });
    expect(told).toBe(true);
    expect(upgraded.ok).toBe(true);
    if (opened.ok) expect((await opened.value.list()).ok).toBe(false);
    if (upgraded.ok) upgraded.value.close();
  });

  it('stores a large collection in parts, with progress, and reads it back whole and in order', async () => {
    const store = await open(uniqueName());
    const count = PART_SIZE * 2 + 7;
    const written: number[] = [];
    const put = await store.put(dataset('big', count), { onProgress: (share) => written.push(share) });
    expect(put.ok && [put.value.featureCount, put.value.partCount]).toEqual([count, 3]);
    expect(written).toEqual([1 / 3, 2 / 3, 1]);
    const read: number[] = [];
    const got = await store.get('big', { onProgress: (share) => read.push(share) });
    expect(got.ok && got.value.collection).toEqual(collection(count));
    expect(read).toEqual([1 / 3, 2 / 3, 1]);
    // A smaller replacement leaves no part of the bigger one behind.
    await store.put(dataset('big', 3));
    expect((await store.get('big')).ok).toBe(true);
    store.close();
  });

  it('stops a save between two parts when cancelled, and keeps what was stored before', async () => {
    const store = await open(uniqueName());
    await store.put(dataset('kept', 2));
    const controller = new AbortController();
    const result = await store.put(dataset('kept', PART_SIZE * 3), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result).toEqual({ ok: false, error: { code: 'storage-failed', name: 'AbortError' } });
    const got = await store.get('kept');
    expect(got.ok && [got.value.featureCount, got.value.collection.features.length]).toEqual([2, 2]);
    store.close();
  });

  it('refuses a collection with a missing or broken part as damaged', async () => {
    const name = uniqueName();
    const store = await open(name);
    await store.put(dataset('holed', PART_SIZE * 2));
    await store.put(dataset('broken', PART_SIZE + 1));
    store.close();
    const raw = await openDB(name, UPGRADE_STEPS.length);
    await raw.delete(STORES.collectionParts, ['holed', 1]);
    await raw.put(STORES.collectionParts, [{ type: 'Feature', geometry: 7 }], ['broken', 1]);
    raw.close();
    const reopened = await open(name);
    expect(await reopened.get('holed')).toEqual({
      ok: false,
      error: { code: 'unreadable-record', damage: 'truncated-collection' },
    });
    expect(await reopened.get('broken')).toEqual({
      ok: false,
      error: { code: 'unreadable-record', damage: 'invalid-features' },
    });
    // Removing a dataset takes its parts with it.
    expect((await reopened.remove('holed')).ok).toBe(true);
    reopened.close();
    const after = await openDB(name, UPGRADE_STEPS.length);
    expect(
      await after.count(STORES.collectionParts, IDBKeyRange.bound(['holed', 0], ['holed', Infinity])),
    ).toBe(0);
    after.close();
  });

  it('maps quota and other DOM errors to codes', () => {
    expect(storeErrorCode(new DOMException('full', 'QuotaExceededError'))).toBe('quota-exceeded');
    expect(storeErrorCode(new DOMException('v', 'VersionError'))).toBe('newer-version');
    expect(storeErrorCode(new Error('other'))).toBe('storage-failed');
    expect(storeErrorCode(null)).toBe('storage-failed');
  });

  it('keeps the engine adapter’s analysis cache working through the typed cache store', async () => {
    const store = await open(uniqueName());
    await store.putAnalysis('exposure-1:abc', { sitesWithoutWater: 3 });
    expect(await store.getAnalysis('exposure-1:abc')).toEqual({ ok: true, value: { sitesWithoutWater: 3 } });
    expect(await store.getAnalysis('exposure-2:abc')).toEqual({ ok: true, value: undefined });
    store.close();
  });

  it('hashes parameters independently of key order', async () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe(
      '{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}',
    );
    expect(await sha256Hex(canonicalJson({ a: 1, b: 2 }))).toBe(
      await sha256Hex(canonicalJson({ b: 2, a: 1 })),
    );
    expect(await sha256Hex('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
