/**
 * Reference layers kept on the device: several archives at once, in the order
 * added; a failed copy changes nothing; removing one frees its file and keeps
 * the others; a damaged list keeps its valid entries.
 */
import { describe, expect, it } from 'vitest';
import {
  readStoredReferenceLayers,
  removeStoredReferenceLayer,
  storeReferenceLayer,
} from '../../src/offline/reference-layer-store';
import { fakeStorage } from './fake-private-storage';

const archive = (size: number, name: string) => new File([new Uint8Array(size).fill(3)], name);

describe('storing reference layers', () => {
  it('keeps several archives, in the order they were added, each under its own key', async () => {
    const { storage } = fakeStorage();
    const first = await storeReferenceLayer(storage, archive(100, 'footprints.pmtiles'));
    const second = await storeReferenceLayer(storage, archive(200, 'dtm-national.pmtiles'));
    expect(first.ok && second.ok).toBe(true);
    const stored = await readStoredReferenceLayers(storage);
    expect(stored.map((layer) => [layer.originalName, layer.file.size])).toEqual([
      ['footprints.pmtiles', 100],
      ['dtm-national.pmtiles', 200],
    ]);
    expect(new Set(stored.map((layer) => layer.key)).size).toBe(2);
  });

  it('leaves the list and the files as they were when a copy fails half-way', async () => {
    const healthy = fakeStorage();
    await storeReferenceLayer(healthy.storage, archive(100, 'footprints.pmtiles'));
    const failing = fakeStorage({ failArchiveWrites: true });
    for (const [name, blob] of healthy.files) failing.files.set(name, blob);
    const result = await storeReferenceLayer(failing.storage, archive(50, 'broken.pmtiles'));
    expect(result).toEqual({ ok: false, code: 'copyFailed' });
    expect((await readStoredReferenceLayers(failing.storage)).map((layer) => layer.originalName)).toEqual([
      'footprints.pmtiles',
    ]);
    expect([...failing.files.keys()].filter((name) => name.endsWith('.pmtiles'))).toHaveLength(1);
  });

  it('says storage is short before copying anything', async () => {
    const { storage, files } = fakeStorage({ quota: 100 * 1024 * 1024, usage: 90 * 1024 * 1024 });
    const result = await storeReferenceLayer(storage, archive(1024, 'footprints.pmtiles'));
    expect(result.ok === false && result.code).toBe('storageShort');
    expect(files.size).toBe(0);
  });

  it('removes one layer and its file, keeping the others', async () => {
    const { storage, files } = fakeStorage();
    const first = await storeReferenceLayer(storage, archive(100, 'footprints.pmtiles'));
    await storeReferenceLayer(storage, archive(200, 'dtm-national.pmtiles'));
    if (!first.ok) throw new Error('first copy failed');
    await removeStoredReferenceLayer(storage, first.stored.key);
    expect((await readStoredReferenceLayers(storage)).map((layer) => layer.originalName)).toEqual([
      'dtm-national.pmtiles',
    ]);
    expect(files.has(first.stored.key)).toBe(false);
  });

  it('reads the valid entries of a damaged list (a regression would lose every layer)', async () => {
    const { storage, files } = fakeStorage();
    const stored = await storeReferenceLayer(storage, archive(100, 'footprints.pmtiles'));
    if (!stored.ok) throw new Error('copy failed');
    files.set(
      'layers.json',
      new Blob([JSON.stringify([{ fileName: stored.stored.key, originalName: 'footprints.pmtiles' }, 42])]),
    );
    expect(await readStoredReferenceLayers(storage)).toHaveLength(1);
  });
});
