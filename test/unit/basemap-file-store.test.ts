/**
 * The stored basemap's file handling, over the in-memory stand-in for the
 * browser's Origin Private File System (fake-private-storage.ts): the storage estimate
 * is checked before copying, and a failed copy keeps the previous basemap.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStoredBasemap, removeStoredBasemap, storeBasemap } from '../../src/offline/basemap-file-store';
import { fakeStorage } from './fake-private-storage';

const archive = (size: number, name = 'haiti.pmtiles') => new File([new Uint8Array(size).fill(7)], name);

describe('storing the basemap file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('copies the file and reads it back as the stored basemap', async () => {
    const { storage } = fakeStorage();
    const result = await storeBasemap(storage, archive(1000));
    expect(result.ok).toBe(true);
    const stored = await readStoredBasemap(storage);
    expect(stored?.originalName).toBe('haiti.pmtiles');
    expect(stored?.file.size).toBe(1000);
    expect(stored?.key).toMatch(/^basemap-[0-9a-f-]{36}\.pmtiles$/);
  });

  it('says storage is short before copying anything, with the sizes', async () => {
    const { storage, files } = fakeStorage({ quota: 300 * 1024 * 1024, usage: 200 * 1024 * 1024 });
    const result = await storeBasemap(storage, archive(80 * 1024 * 1024));
    expect(result).toEqual({
      ok: false,
      code: 'storageShort',
      neededBytes: 130 * 1024 * 1024,
      availableBytes: 100 * 1024 * 1024,
    });
    expect([...files.keys()]).toEqual([]);
  });

  // Regression: the replacement's file name came from the clock, so a copy in the same millisecond
  // wrote over the previous basemap and its failure removed it.
  it('keeps the previous basemap when a copy fails half-way, and leaves no partial file', async () => {
    // Both copies within one millisecond, as on a fast device.
    vi.spyOn(Date, 'now').mockReturnValue(1_764_720_000_000);
    const fake = fakeStorage();
    await storeBasemap(fake.storage, archive(500, 'first.pmtiles'));
    const failing = fakeStorage({ failArchiveWrites: true });
    for (const [name, blob] of fake.files) failing.files.set(name, blob);
    const result = await storeBasemap(failing.storage, archive(700, 'second.pmtiles'));
    expect(result).toEqual({ ok: false, code: 'copyFailed' });
    const stored = await readStoredBasemap(failing.storage);
    expect(stored?.originalName).toBe('first.pmtiles');
    expect(stored?.file.size).toBe(500);
    expect([...failing.files.keys()].filter((name) => name.endsWith('.pmtiles'))).toHaveLength(1);
  });

  it('removes the stored basemap', async () => {
    const { storage, files } = fakeStorage();
    await storeBasemap(storage, archive(10));
    await removeStoredBasemap(storage);
    expect(await readStoredBasemap(storage)).toBeNull();
    expect(files.size).toBe(0);
  });

  it('answers storageUnavailable where the browser has no private file system', async () => {
    const storage = { estimate: async () => ({}) } as unknown as StorageManager;
    expect(await storeBasemap(storage, archive(10))).toEqual({ ok: false, code: 'storageUnavailable' });
    expect(await readStoredBasemap(storage)).toBeNull();
  });
});
