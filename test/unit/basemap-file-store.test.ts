/**
 * The stored basemap's file handling, over a small in-memory stand-in for the
 * browser's Origin Private File System (Node has none): the storage estimate
 * is checked before copying, and a failed copy keeps the previous basemap.
 */
import { describe, expect, it } from 'vitest';
import { readStoredBasemap, removeStoredBasemap, storeBasemap } from '../../src/offline/basemap-file-store';

interface FakeOptions {
  quota?: number;
  usage?: number;
  /** Makes every write of a `.pmtiles` file fail half-way, as a full disk would. */
  failArchiveWrites?: boolean;
}

/** Files by name, with just the handle methods the store calls. */
function fakeStorage(options: FakeOptions = {}) {
  const files = new Map<string, Blob>();
  const fileHandle = (name: string) => ({
    getFile: async () => {
      const blob = files.get(name);
      if (!blob) throw new DOMException('missing', 'NotFoundError');
      return new File([blob], name);
    },
    createWritable: async () => {
      const parts: BlobPart[] = [];
      return new WritableStream<BlobPart>({
        write(chunk) {
          if (options.failArchiveWrites && name.endsWith('.pmtiles'))
            throw new DOMException('full', 'QuotaExceededError');
          parts.push(chunk);
        },
        close() {
          files.set(name, new Blob(parts));
        },
      });
    },
  });
  const directory = {
    getFileHandle: async (name: string, create?: { create?: boolean }) => {
      if (!files.has(name) && !create?.create) throw new DOMException('missing', 'NotFoundError');
      if (!files.has(name)) files.set(name, new Blob([]));
      return fileHandle(name);
    },
    removeEntry: async (name: string) => {
      files.delete(name);
    },
    keys: async function* () {
      yield* [...files.keys()];
    },
  };
  const storage = {
    getDirectory: async () => ({ getDirectoryHandle: async () => directory }),
    estimate: async () => ({ quota: options.quota ?? 10_000_000_000, usage: options.usage ?? 0 }),
  };
  return { files, storage: storage as unknown as StorageManager };
}

const archive = (size: number, name = 'haiti.pmtiles') => new File([new Uint8Array(size).fill(7)], name);

describe('storing the basemap file', () => {
  it('copies the file and reads it back as the stored basemap', async () => {
    const { storage } = fakeStorage();
    const result = await storeBasemap(storage, archive(1000));
    expect(result.ok).toBe(true);
    const stored = await readStoredBasemap(storage);
    expect(stored?.originalName).toBe('haiti.pmtiles');
    expect(stored?.file.size).toBe(1000);
    expect(stored?.key).toMatch(/^basemap-\d+\.pmtiles$/);
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

  it('keeps the previous basemap when a copy fails half-way, and leaves no partial file', async () => {
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
