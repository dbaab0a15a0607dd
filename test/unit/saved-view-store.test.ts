import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { STORES, UPGRADE_STEPS } from '../../src/io/dataset-schema';
import { openDatasetStore } from '../../src/io/dataset-store';
import { cleanViewName, openSavedViewStore } from '../../src/io/saved-view-store';

let counter = 0;
const uniqueName = () => `saved-views-test-${Date.now()}-${counter++}`;

describe('saved view store', () => {
  it('saves, lists newest first, renames and deletes views', async () => {
    let clock = Date.UTC(2026, 10, 22, 10);
    let id = 0;
    const opened = await openSavedViewStore({
      name: uniqueName(),
      newId: () => `view-${id++}`,
      now: () => {
        clock += 1000;
        return new Date(clock);
      },
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const views = opened.value;
    await views.save('  Delmas   floods ', '#map=12/18.55/-72.3');
    await views.save('Cité Soleil', '#map=13/18.58/-72.33');
    const listed = await views.list();
    expect(listed.ok && listed.value.map((view) => view.name)).toEqual(['Cité Soleil', 'Delmas floods']);
    const renamed = await views.rename('view-0', 'Delmas floods — Nov');
    expect(renamed.ok && renamed.value).toMatchObject({
      name: 'Delmas floods — Nov',
      hash: '#map=12/18.55/-72.3',
    });
    expect((await views.remove('view-1')).ok).toBe(true);
    const after = await views.list();
    expect(after.ok && after.value.map((view) => view.id)).toEqual(['view-0']);
    expect(await views.rename('missing', 'x')).toEqual({ ok: false, error: { code: 'not-found' } });
    views.close();
  });

  it('upgrades a version 1 database to the current version and keeps its datasets', async () => {
    const name = uniqueName();
    const version1 = await openDatasetStore({ name, upgrades: UPGRADE_STEPS.slice(0, 1) });
    if (!version1.ok) throw new Error(version1.error.code);
    version1.value.close();
    // Written as a version 1 build wrote it (today's store writes parts, a store version 1 lacks).
    const raw1 = await openDB(name, 1);
    await raw1.put(STORES.datasets, {
      id: 'old',
      name: 'Sites R5',
      role: 'sites',
      fieldMapping: null,
      featureCount: 0,
      importedAt: '2024-01-01T00:00:00.000Z',
      sourceFileName: 'r5.csv',
    });
    await raw1.put(STORES.collections, { type: 'FeatureCollection', features: [] }, 'old');
    raw1.close();
    const views = await openSavedViewStore({ name });
    if (!views.ok) throw new Error(views.error.code);
    expect((await views.value.save('Delmas', '#map=12/18.5/-72.3')).ok).toBe(true);
    views.value.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(UPGRADE_STEPS.length);
    expect([...raw.objectStoreNames]).toContain(STORES.savedViews);
    expect(await raw.get(STORES.datasets, 'old')).toMatchObject({ name: 'Sites R5' });
    raw.close();
  });

  it('skips unreadable records instead of failing the list, and bounds names', async () => {
    const name = uniqueName();
    const opened = await openSavedViewStore({ name });
    if (!opened.ok) throw new Error(opened.error.code);
    opened.value.close();
    const raw = await openDB(name, UPGRADE_STEPS.length);
    await raw.put(STORES.savedViews, { id: 'junk', name: 42 });
    raw.close();
    const reopened = await openSavedViewStore({ name });
    if (!reopened.ok) throw new Error(reopened.error.code);
    expect(await reopened.value.list()).toEqual({ ok: true, value: [] });
    reopened.value.close();
    expect(cleanViewName('x'.repeat(500))).toHaveLength(120);
  });
});
