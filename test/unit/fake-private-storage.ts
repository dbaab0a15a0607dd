/**
 * A small in-memory stand-in for the browser's Origin Private File System
 * (Node has none), for the stores that keep archives there.
 */
export interface FakeOptions {
  quota?: number;
  usage?: number;
  /** Makes every write of a `.pmtiles` file fail half-way, as a full disk would. */
  failArchiveWrites?: boolean;
}

/** Files by name, with just the handle methods the stores call; one directory whatever its name. */
export function fakeStorage(options: FakeOptions = {}) {
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
