import 'fake-indexeddb/auto';
import type { FeatureCollection } from 'geojson';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { columnPart, columnsHead, isColumnsHead, joinColumns } from '../../src/io/column-parts';
import { attachColumns, attachedColumns, columnArrays, columnarSitesOf } from '../../src/io/columnar-sites';
import { STORES } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { checkColumnarSites } from '../../src/io/dataset-validation';
import { variedSites } from '../fixtures/varied-sites';

describe('site columns in parts', () => {
  const columns = columnarSitesOf(variedSites(250));
  const head = columnsHead(columns, 100);
  const parts = [0, 1, 2].map((index) => columnPart(columns, head, index));

  it('cuts 250 sites into parts of 100, 100 and 50 that join back to the very same columns', () => {
    expect(head.partCount).toBe(3);
    expect(isColumnsHead(head)).toBe(true);
    expect(isColumnsHead(columns)).toBe(false);
    expect(parts.map((part) => part.individuals.length)).toEqual([100, 100, 50]);
    expect(parts[2]?.coordinates.length).toBe(100);
    const joined = checkColumnarSites(joinColumns(head, parts), 250);
    if (!joined) throw new Error('the joined columns did not check');
    expect(joined.hash).toBe(columns.hash);
    expect(columnArrays(joined)).toEqual(columnArrays(columns));
  });

  it('stores parts as copies: a part holds its own sites only, not the whole buffer', () => {
    expect(parts[1]?.households.buffer.byteLength).toBe(100 * 8);
    expect(parts[1]?.households[0]).toBe(100);
  });

  it('joins nothing from a missing, short or mistyped part (the columns are then rebuilt from the features)', () => {
    expect(joinColumns(head, parts.slice(0, 2))).toBeUndefined();
    expect(joinColumns(head, [parts[0], undefined, parts[2]])).toBeUndefined();
    const short = { ...parts[1], individuals: new Float64Array(99) };
    expect(joinColumns(head, [parts[0], short, parts[2]])).toBeUndefined();
    const mistyped = {
      ...parts[1],
      communalServicesOutside: Array.from(parts[1]?.communalServicesOutside ?? []),
    };
    expect(joinColumns(head, [parts[0], mistyped, parts[2]])).toBeUndefined();
    expect(joinColumns({ ...head, partCount: 2 }, parts.slice(0, 2))).toBeUndefined();
  });
});

describe('site columns in IndexedDB', () => {
  /** `count` sites with their columns, stored in a fresh database `name` and closed; what was stored. */
  async function stored(name: string, count: number) {
    const opened = await openDatasetStore({ name });
    if (!opened.ok) throw new Error(opened.error.code);
    const features = variedSites(count);
    const columns = columnarSitesOf(features);
    attachColumns(features, columns);
    const collection = { type: 'FeatureCollection', features } as FeatureCollection;
    const dataset = {
      id: 'sites-a',
      name: 'Sites',
      role: 'sites' as const,
      fieldMapping: null,
      sourceFileName: 'sites.csv',
      collection,
    };
    expect((await opened.value.put(dataset)).ok).toBe(true);
    opened.value.close();
    return columns;
  }

  /** The hash of the columns attached to the features read back from `name`. */
  async function hashReadBack(name: string) {
    const reopened = await openDatasetStore({ name });
    if (!reopened.ok) throw new Error(reopened.error.code);
    const read = await reopened.value.get('sites-a');
    if (!read.ok) throw new Error(read.error.code);
    return { hash: attachedColumns(read.value.collection.features)?.hash, store: reopened.value };
  }

  it('keeps only the head in siteColumns and the per-site arrays in parts, and reads them back whole', async () => {
    const name = 'katsit-column-parts-1';
    const columns = await stored(name, 300);
    const raw = await openDB(name);
    const head = await raw.get(STORES.siteColumns, 'sites-a');
    expect(isColumnsHead(head)).toBe(true);
    expect(head.coordinates).toBeUndefined();
    expect(await raw.count(STORES.siteColumnParts)).toBe(head.partCount);
    raw.close();
    const { hash, store } = await hashReadBack(name);
    expect(hash).toBe(columns.hash);
    // Removing the dataset takes its column parts too.
    expect((await store.remove('sites-a')).ok).toBe(true);
    store.close();
    const after = await openDB(name);
    expect(await after.count(STORES.siteColumnParts)).toBe(0);
    after.close();
  });

  it('still reads whole columns stored before version 7', async () => {
    const name = 'katsit-column-parts-2';
    const columns = await stored(name, 120);
    // What a build before version 7 wrote: the whole columns in one record, no parts.
    const raw = await openDB(name);
    await raw.put(STORES.siteColumns, columns, 'sites-a');
    await raw.clear(STORES.siteColumnParts);
    raw.close();
    const { hash, store } = await hashReadBack(name);
    expect(hash).toBe(columns.hash);
    store.close();
  });
});
