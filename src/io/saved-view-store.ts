/**
 * Named saved views ("Delmas floods") in IndexedDB's `savedViews` store
 * (schema version 2, dataset-schema.ts). A view is its URL hash (url-state.ts),
 * so a saved view, a shared link and the snapshot's starting point are the
 * same thing. Failures come back as values, like the dataset store.
 */

import { fail, failFrom, type OpenOptions, ok, openDatabase, type StoreResult } from './database';
import { type SavedView, STORES } from './dataset-schema';

export type { SavedView } from './dataset-schema';

export interface SavedViewStore {
  /** Every saved view, newest first. */
  list(): Promise<StoreResult<SavedView[]>>;
  save(name: string, hash: string): Promise<StoreResult<SavedView>>;
  rename(id: string, name: string): Promise<StoreResult<SavedView>>;
  remove(id: string): Promise<StoreResult<void>>;
  close(): void;
}

const MAX_NAME_LENGTH = 120;

export function isSavedView(value: unknown): value is SavedView {
  const view = value as Partial<SavedView> | null;
  return (
    typeof view === 'object' &&
    view !== null &&
    typeof view.id === 'string' &&
    typeof view.name === 'string' &&
    typeof view.hash === 'string' &&
    typeof view.createdAt === 'string' &&
    typeof view.updatedAt === 'string'
  );
}

/** A trimmed, bounded name; empty names are refused by the callers' forms. */
export function cleanViewName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

export interface SavedViewStoreOptions extends OpenOptions {
  /** Injected for tests: ids and clock. */
  newId?: () => string;
  now?: () => Date;
}

export async function openSavedViewStore(
  options: SavedViewStoreOptions = {},
): Promise<StoreResult<SavedViewStore>> {
  // Another tab needing a newer schema closes this connection (openDatabase
  // lets go of it); later operations then fail with `closed`, which the
  // dialog words as "reload the page".
  const opened = await openDatabase(options);
  if (!opened.ok) return opened;
  const database = opened.value;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const read = async (id: string): Promise<StoreResult<SavedView>> => {
    try {
      const record: unknown = await database.get(STORES.savedViews, id);
      if (record === undefined) return fail('not-found');
      return isSavedView(record) ? ok(record) : fail('unreadable-record');
    } catch (error) {
      return failFrom(error);
    }
  };
  const write = async (view: SavedView): Promise<StoreResult<SavedView>> => {
    try {
      await database.put(STORES.savedViews, view);
      return ok(view);
    } catch (error) {
      return failFrom(error);
    }
  };
  return {
    ok: true,
    value: {
      async list() {
        try {
          // Typed as what this build writes; checked as what any build may have written.
          const records: unknown[] = await database.getAll(STORES.savedViews);
          // One broken record must not hide the others.
          const views = records.filter(isSavedView);
          return ok(views.sort((first, second) => second.updatedAt.localeCompare(first.updatedAt)));
        } catch (error) {
          return failFrom(error);
        }
      },
      save(name, hash) {
        const stamp = now().toISOString();
        return write({ id: newId(), name: cleanViewName(name), hash, createdAt: stamp, updatedAt: stamp });
      },
      async rename(id, name) {
        const found = await read(id);
        if (!found.ok) return found;
        return write({ ...found.value, name: cleanViewName(name), updatedAt: now().toISOString() });
      },
      async remove(id) {
        try {
          await database.delete(STORES.savedViews, id);
          return ok(undefined);
        } catch (error) {
          return failFrom(error);
        }
      },
      close: () => database.close(),
    },
  };
}
