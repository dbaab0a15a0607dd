/**
 * Keeps the offline basemap file in the Origin Private File System: files of
 * several hundred megabytes are streamed to disk (not held in memory or in
 * IndexedDB), and read back by range. A small `current.json` names the file in
 * use, so a copy that fails half-way never replaces the previous basemap: the
 * pointer moves only once the new file is complete, and the old file is
 * deleted after that.
 */

import {
  type CopyFailure,
  copyIntoDirectory,
  privateDirectory,
  readPrivateFile,
  readRecord,
  removeFilesExcept,
  writeRecord,
} from './private-files';

const DIRECTORY = 'basemap';
const POINTER = 'current.json';

export interface StoredBasemapFile {
  file: File;
  /** The name the user's file had when it was picked. */
  originalName: string;
  /** Unique per copy: tile URLs use it, so tiles of a replaced archive are never reused. */
  key: string;
}

export type StoreResult = { ok: true; stored: StoredBasemapFile } | ({ ok: false } & CopyFailure);

interface Pointer {
  fileName: string;
  originalName: string;
}

function isPointer(value: unknown): value is Pointer {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.fileName === 'string' && typeof record.originalName === 'string';
}

async function readPointer(directory: FileSystemDirectoryHandle): Promise<Pointer | null> {
  const value = await readRecord(directory, POINTER);
  return isPointer(value) ? value : null;
}

/** Keeps the pointer and the one archive it names (or none). */
const keeping = (archive: string | null) => (name: string) => name === POINTER || name === archive;

/** The stored basemap, or null when there is none (or storage cannot be read). */
export async function readStoredBasemap(storage: StorageManager): Promise<StoredBasemapFile | null> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!directory) return null;
  const pointer = await readPointer(directory);
  if (!pointer) return null;
  const file = await readPrivateFile(directory, pointer.fileName);
  return file ? { file, originalName: pointer.originalName, key: pointer.fileName } : null;
}

/**
 * Copies a picked file into the device's private storage and makes it the
 * stored basemap. Checks the browser's storage estimate first; on any failure
 * the previous basemap stays as it was.
 */
export async function storeBasemap(storage: StorageManager, file: File): Promise<StoreResult> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!directory) return { ok: false, code: 'storageUnavailable' };
  const previous = await readPointer(directory);
  // A fresh name every time: a clock-based one repeats within a millisecond, and the failed copy
  // of a replacement then wiped the previous basemap it was meant to keep.
  const fileName = `basemap-${crypto.randomUUID()}.pmtiles`;
  // The previous file is freed after the copy, so the estimate does not count it as room now.
  const copy = await copyIntoDirectory(storage, directory, file, fileName);
  if (!copy.ok) {
    await removeFilesExcept(directory, keeping(previous?.fileName ?? null));
    return copy;
  }
  try {
    await writeRecord(directory, POINTER, { fileName, originalName: file.name });
  } catch {
    await removeFilesExcept(directory, keeping(previous?.fileName ?? null));
    return { ok: false, code: 'copyFailed' };
  }
  await removeFilesExcept(directory, keeping(fileName));
  return { ok: true, stored: { file: copy.file, originalName: file.name, key: fileName } };
}

/** Forgets the stored basemap and frees its space. */
export async function removeStoredBasemap(storage: StorageManager): Promise<void> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!directory) return;
  await removeFilesExcept(directory, () => false);
}
