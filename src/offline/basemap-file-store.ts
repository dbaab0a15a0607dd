/**
 * Keeps the offline basemap file in the Origin Private File System: files of
 * several hundred megabytes are streamed to disk (not held in memory or in
 * IndexedDB), and read back by range. A small `current.json` names the file in
 * use, so a copy that fails half-way never replaces the previous basemap: the
 * pointer moves only once the new file is complete, and the old file is
 * deleted after that.
 */

const DIRECTORY = 'basemap';
const POINTER = 'current.json';
/** Room kept free beyond the file itself, for the app's own caches and databases. */
const SAFETY_MARGIN_BYTES = 50 * 1024 * 1024;

export interface StoredBasemapFile {
  file: File;
  /** The name the user's file had when it was picked. */
  originalName: string;
  /** Unique per copy: tile URLs use it, so tiles of a replaced archive are never reused. */
  key: string;
}

type StoreFailure =
  | { code: 'storageUnavailable' }
  | { code: 'storageShort'; neededBytes: number; availableBytes: number }
  | { code: 'copyFailed' };

export type StoreResult = { ok: true; stored: StoredBasemapFile } | ({ ok: false } & StoreFailure);

interface Pointer {
  fileName: string;
  originalName: string;
}

function isPointer(value: unknown): value is Pointer {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.fileName === 'string' && typeof record.originalName === 'string';
}

async function basemapDirectory(storage: StorageManager): Promise<FileSystemDirectoryHandle | null> {
  if (typeof storage?.getDirectory !== 'function') return null;
  try {
    const root = await storage.getDirectory();
    return await root.getDirectoryHandle(DIRECTORY, { create: true });
  } catch {
    return null;
  }
}

async function readPointer(directory: FileSystemDirectoryHandle): Promise<Pointer | null> {
  try {
    const text = await (await (await directory.getFileHandle(POINTER)).getFile()).text();
    const value: unknown = JSON.parse(text);
    return isPointer(value) ? value : null;
  } catch {
    return null;
  }
}

async function writeText(directory: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
  // Piped like the archive itself: a writable file is a WritableStream, which closes when the pipe ends.
  await new Blob([text]).stream().pipeTo(writable);
}

/** Deletes every archive in the directory but `keep` (left-overs of failed or replaced copies). */
async function removeArchivesExcept(
  directory: FileSystemDirectoryHandle,
  keep: string | null,
): Promise<void> {
  const names: string[] = [];
  for await (const name of directory.keys()) if (name !== POINTER && name !== keep) names.push(name);
  await Promise.all(names.map((name) => directory.removeEntry(name).catch(() => undefined)));
}

/** The stored basemap, or null when there is none (or storage cannot be read). */
export async function readStoredBasemap(storage: StorageManager): Promise<StoredBasemapFile | null> {
  const directory = await basemapDirectory(storage);
  if (!directory) return null;
  const pointer = await readPointer(directory);
  if (!pointer) return null;
  try {
    const file = await (await directory.getFileHandle(pointer.fileName)).getFile();
    return { file, originalName: pointer.originalName, key: pointer.fileName };
  } catch {
    return null;
  }
}

/**
 * Copies a picked file into the device's private storage and makes it the
 * stored basemap. Checks the browser's storage estimate first; on any failure
 * the previous basemap stays as it was.
 */
export async function storeBasemap(storage: StorageManager, file: File): Promise<StoreResult> {
  const directory = await basemapDirectory(storage);
  if (!directory) return { ok: false, code: 'storageUnavailable' };
  const previous = await readPointer(directory);
  const estimate = await storage.estimate().catch(() => ({}) as StorageEstimate);
  if (estimate.quota !== undefined) {
    // The previous file is freed after the copy, so it does not count as room now.
    const availableBytes = Math.max(0, estimate.quota - (estimate.usage ?? 0));
    const neededBytes = file.size + SAFETY_MARGIN_BYTES;
    if (neededBytes > availableBytes) return { ok: false, code: 'storageShort', neededBytes, availableBytes };
  }
  const fileName = `basemap-${Date.now()}.pmtiles`;
  try {
    const handle = await directory.getFileHandle(fileName, { create: true });
    const writable = await handle.createWritable();
    await file.stream().pipeTo(writable);
    const stored = await handle.getFile();
    if (stored.size !== file.size) throw new Error('short copy');
    await writeText(directory, POINTER, JSON.stringify({ fileName, originalName: file.name }));
    await removeArchivesExcept(directory, fileName);
    return { ok: true, stored: { file: stored, originalName: file.name, key: fileName } };
  } catch {
    await removeArchivesExcept(directory, previous?.fileName ?? null);
    return { ok: false, code: 'copyFailed' };
  }
}

/** Forgets the stored basemap and frees its space. */
export async function removeStoredBasemap(storage: StorageManager): Promise<void> {
  const directory = await basemapDirectory(storage);
  if (!directory) return;
  await directory.removeEntry(POINTER).catch(() => undefined);
  await removeArchivesExcept(directory, null);
}
