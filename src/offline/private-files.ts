/**
 * The Origin Private File System as the app uses it for large archives (the
 * street basemap, reference layers): one directory per kind, files streamed
 * to disk after checking the browser's storage estimate, and small JSON
 * records naming what is in use. Files of several hundred megabytes are never
 * held in memory or in IndexedDB.
 */

/** Room kept free beyond a file itself, for the app's own caches and databases. */
const SAFETY_MARGIN_BYTES = 50 * 1024 * 1024;

/** Why a copy did not happen; the previous files are untouched in every case. */
export type CopyFailure =
  | { code: 'storageUnavailable' }
  | { code: 'storageShort'; neededBytes: number; availableBytes: number }
  | { code: 'copyFailed' };

/** The named directory of the private file system, created when missing; null where there is none. */
export async function privateDirectory(
  storage: StorageManager | undefined,
  name: string,
): Promise<FileSystemDirectoryHandle | null> {
  if (typeof storage?.getDirectory !== 'function') return null;
  try {
    const root = await storage.getDirectory();
    return await root.getDirectoryHandle(name, { create: true });
  } catch {
    return null;
  }
}

/** A JSON record of the directory, or null when it is missing or unreadable. */
export async function readRecord(directory: FileSystemDirectoryHandle, name: string): Promise<unknown> {
  try {
    return JSON.parse(await (await (await directory.getFileHandle(name)).getFile()).text()) as unknown;
  } catch {
    return null;
  }
}

/** Writes a JSON record, replacing the previous one only once written (a writable commits on close). */
export async function writeRecord(
  directory: FileSystemDirectoryHandle,
  name: string,
  value: unknown,
): Promise<void> {
  const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
  // A writable file is a WritableStream, which closes (and commits) when the pipe ends.
  await new Blob([JSON.stringify(value)]).stream().pipeTo(writable);
}

/** A file of the directory, or null when it is gone. */
export async function readPrivateFile(
  directory: FileSystemDirectoryHandle,
  name: string,
): Promise<File | null> {
  try {
    return await (await directory.getFileHandle(name)).getFile();
  } catch {
    return null;
  }
}

/**
 * Streams `file` into the directory as `fileName`, after checking the storage
 * estimate. A short or failed copy is deleted, so nothing half-written stays.
 */
export async function copyIntoDirectory(
  storage: StorageManager,
  directory: FileSystemDirectoryHandle,
  file: File,
  fileName: string,
): Promise<{ ok: true; file: File } | ({ ok: false } & CopyFailure)> {
  const estimate = await storage.estimate().catch(() => ({}) as StorageEstimate);
  if (estimate.quota !== undefined) {
    const availableBytes = Math.max(0, estimate.quota - (estimate.usage ?? 0));
    const neededBytes = file.size + SAFETY_MARGIN_BYTES;
    if (neededBytes > availableBytes) return { ok: false, code: 'storageShort', neededBytes, availableBytes };
  }
  try {
    const handle = await directory.getFileHandle(fileName, { create: true });
    await file.stream().pipeTo(await handle.createWritable());
    const stored = await handle.getFile();
    if (stored.size !== file.size) throw new Error('short copy');
    return { ok: true, file: stored };
  } catch {
    await directory.removeEntry(fileName).catch(() => undefined);
    return { ok: false, code: 'copyFailed' };
  }
}

/** Deletes every file of the directory whose name `keep` refuses (left-overs of failed or replaced copies). */
export async function removeFilesExcept(
  directory: FileSystemDirectoryHandle,
  keep: (name: string) => boolean,
): Promise<void> {
  const names: string[] = [];
  for await (const name of directory.keys()) if (!keep(name)) names.push(name);
  await Promise.all(names.map((name) => directory.removeEntry(name).catch(() => undefined)));
}
