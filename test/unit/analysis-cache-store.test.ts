import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_CACHE_BYTES, openAnalysisCacheStore } from '../../src/io/analysis-cache-store';
import { approximateByteSize } from '../../src/io/approximate-size';
import { STORES, UPGRADE_STEPS } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { indexedDbAnalysisCache } from '../../workers/indexeddb-analysis-cache';

let databaseCount = 0;
const uniqueName = () => `analysis-cache-test-${++databaseCount}`;

/** An answer of about `kilobytes` kB, shaped like the worker's (typed arrays). */
const answer = (kilobytes: number, marker = 0) => ({
  offsets: new Uint32Array((kilobytes * 1024) / 4).fill(marker),
  total: marker,
});

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function open(name: string, maxBytes?: number, now?: () => number) {
  const result = await openAnalysisCacheStore({
    name,
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(now ? { now } : {}),
  });
  if (!result.ok) throw new Error(result.error.code);
  opened.push(result.value);
  return result.value;
}

describe('analysis cache store', () => {
  it('the analysis cache grew forever: past its cap it evicts the least recently used entries', async () => {
    let clock = 1_000;
    const name = uniqueName();
    const cache = await open(name, 100 * 1024, () => ++clock);
    for (let index = 0; index < 4; index++) await cache.put(`key-${index}`, answer(30, index));
    // 4 × 30 kB > 100 kB: the oldest entry went.
    let usage = await cache.usage();
    expect(usage.ok && usage.value.entries).toBe(3);
    expect(usage.ok && usage.value.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(await cache.get('key-0')).toEqual({ ok: true, value: undefined });
    // Reading key-1 makes it recent: the next write evicts key-2 instead.
    const read = await cache.get('key-1');
    expect(read.ok && (read.value as { total: number }).total).toBe(1);
    await cache.put('key-4', answer(30, 4));
    const present: string[] = [];
    for (const key of ['key-1', 'key-2', 'key-3', 'key-4']) {
      const got = await cache.get(key);
      if (got.ok && got.value !== undefined) present.push(key);
    }
    expect(present).toEqual(['key-1', 'key-3', 'key-4']);
    // A hundred more writes: the cache stays under its cap.
    for (let index = 5; index < 105; index++) await cache.put(`key-${index}`, answer(30, index));
    usage = await cache.usage();
    expect(usage.ok && usage.value).toEqual({ entries: 3, bytes: expect.any(Number) });
    expect(usage.ok && usage.value.bytes).toBeLessThanOrEqual(100 * 1024);
    const raw = await openDB(name, UPGRADE_STEPS.length);
    expect(await raw.count(STORES.analysisCache)).toBe(3);
    raw.close();
  });

  it('has a 50 MB cap by default and never stores an answer bigger than the cap', async () => {
    expect(DEFAULT_ANALYSIS_CACHE_BYTES).toBe(50 * 1024 * 1024);
    const cache = await open(uniqueName(), 10 * 1024);
    await cache.put('small', answer(4));
    await cache.put('huge', answer(20));
    expect(await cache.get('huge')).toEqual({ ok: true, value: undefined });
    const small = await cache.get('small');
    expect(small.ok && small.value).toEqual(answer(4));
  });

  it('deletes, clears and counts its entries', async () => {
    const cache = await open(uniqueName());
    await cache.put('a', { total: 1 });
    await cache.put('b', answer(2));
    const usage = await cache.usage();
    expect(usage.ok && usage.value.entries).toBe(2);
    expect(usage.ok && usage.value.bytes).toBeGreaterThanOrEqual(2048);
    await cache.delete('a');
    expect(await cache.get('a')).toEqual({ ok: true, value: undefined });
    await cache.clear();
    expect(await cache.usage()).toEqual({ ok: true, value: { entries: 0, bytes: 0 } });
  });

  it('drops an entry of the wrong shape instead of handing it on', async () => {
    const name = uniqueName();
    const cache = await open(name);
    const raw = await openDB(name, UPGRADE_STEPS.length);
    await raw.put(STORES.analysisCache, 'not an entry', 'broken');
    raw.close();
    expect(await cache.get('broken')).toEqual({ ok: true, value: undefined });
    const again = await openDB(name, UPGRADE_STEPS.length);
    expect(await again.get(STORES.analysisCache, 'broken')).toBeUndefined();
    again.close();
  });

  it('sizes answers by their typed arrays, strings and numbers, counting shared members once', () => {
    const shared = new Float64Array(1000);
    expect(approximateByteSize({ a: shared, b: shared })).toBe(8000 + 2);
    expect(approximateByteSize([1, 2, 3])).toBe(24);
    expect(approximateByteSize('abcd')).toBe(4);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(approximateByteSize(cyclic)).toBe(4);
  });
});

describe('the worker’s IndexedDB analysis cache', () => {
  it('stores, reads and deletes answers', async () => {
    const cache = indexedDbAnalysisCache({ name: uniqueName() });
    if (!cache) throw new Error('no cache');
    await cache.put('k', { total: 3 });
    expect(await cache.get('k')).toEqual({ total: 3 });
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('is undefined where there is no IndexedDB', () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      expect(indexedDbAnalysisCache()).toBeUndefined();
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('never throws: unstorable answers, a newer schema and a closed connection are misses', async () => {
    const name = uniqueName();
    const cache = indexedDbAnalysisCache({ name });
    if (!cache) throw new Error('no cache');
    await expect(cache.put('function', { run: () => 1 })).resolves.toBeUndefined();
    expect(await cache.get('function')).toBeUndefined();
    await cache.put('kept', { total: 1 });
    // Another tab opens a newer schema: our connection lets go of it.
    const newer = await openDatasetStore({ name, upgrades: [...UPGRADE_STEPS, () => {}] });
    expect(newer.ok).toBe(true);
    await expect(cache.get('kept')).resolves.toBeUndefined();
    await expect(cache.put('kept', { total: 2 })).resolves.toBeUndefined();
    await expect(cache.delete('kept')).resolves.toBeUndefined();
    if (newer.ok) newer.value.close();
  });
});
