/**
 * Keeps reference-layer archives (PMTiles: building footprints, a national
 * layer tiled upstream…) in the Origin Private File System beside the street
 * basemap, several at once. `layers.json` lists them in the order they were
 * added; it is rewritten only after a copy is complete, so a failed copy
 * leaves the list as it was.
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

const DIRECTORY = 'reference-layers';
const LIST = 'layers.json';

export interface StoredReferenceFile {
  file: File;
  /** The name the user's file had when it was added. */
  originalName: string;
  /** Unique per copy: the archive's key in `pmtiles://` tile URLs. */
  key: string;
}

interface ListEntry {
  fileName: string;
  originalName: string;
}

function isEntry(value: unknown): value is ListEntry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.fileName === 'string' && typeof record.originalName === 'string';
}

async function readList(directory: FileSystemDirectoryHandle): Promise<ListEntry[]> {
  const value = await readRecord(directory, LIST);
  // A damaged list is read as far as its entries are valid: one bad entry does not lose the others.
  return Array.isArray(value) ? value.filter(isEntry) : [];
}

const listed = (entries: readonly ListEntry[]) => (name: string) =>
  name === LIST || entries.some((entry) => entry.fileName === name);

/** The stored reference layers whose files are still there, in the order they were added. */
export async function readStoredReferenceLayers(
  storage: StorageManager | undefined,
): Promise<StoredReferenceFile[]> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!directory) return [];
  const stored: StoredReferenceFile[] = [];
  for (const entry of await readList(directory)) {
    const file = await readPrivateFile(directory, entry.fileName);
    if (file) stored.push({ file, originalName: entry.originalName, key: entry.fileName });
  }
  return stored;
}

/** Copies a picked archive into private storage and adds it to the list; on failure nothing changes. */
export async function storeReferenceLayer(
  storage: StorageManager | undefined,
  file: File,
): Promise<{ ok: true; stored: StoredReferenceFile } | ({ ok: false } & CopyFailure)> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!storage || !directory) return { ok: false, code: 'storageUnavailable' };
  const entries = await readList(directory);
  const fileName = `reference-${crypto.randomUUID()}.pmtiles`;
  const copy = await copyIntoDirectory(storage, directory, file, fileName);
  if (!copy.ok) return copy;
  const next = [...entries, { fileName, originalName: file.name }];
  try {
    await writeRecord(directory, LIST, next);
  } catch {
    await removeFilesExcept(directory, listed(entries));
    return { ok: false, code: 'copyFailed' };
  }
  return { ok: true, stored: { file: copy.file, originalName: file.name, key: fileName } };
}

/** Removes one stored reference layer and frees its space. */
export async function removeStoredReferenceLayer(
  storage: StorageManager | undefined,
  key: string,
): Promise<void> {
  const directory = await privateDirectory(storage, DIRECTORY);
  if (!directory) return;
  const remaining = (await readList(directory)).filter((entry) => entry.fileName !== key);
  await writeRecord(directory, LIST, remaining);
  await removeFilesExcept(directory, listed(remaining));
}
