/**
 * Named saved views ("Delmas floods") in IndexedDB's `savedViews` store
 * (schema version 2, dataset-schema.ts). A view is its URL hash (url-state.ts),
 * so a saved view, a shared link and the snapshot's starting point are the
 * same thing. Failures come back as values, like the dataset store.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { DATABASE_NAME, runUpgrades, STORES, UPGRADE_STEPS } from './dataset-schema';
import { type StoreResult, storeErrorCode } from './dataset-store';

export interface SavedView {
  id: string;
  name: string;
  /** The URL hash, with its `#`. */
  hash: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewStore {
  /** Every saved view, newest first. */
  list(): Promise<StoreResult<SavedView[]>>;
  save(name: string, hash: string): Promise<StoreResult<SavedView>>;
  rename(id: string, name: string): Promise<StoreResult<SavedView>>;
  remove(id: string): Promise<StoreResult<void>>;
  close(): void;
}

const MAX_NAME_LENGTH = 120;

function failFrom<T>(error: unknown): StoreResult<T> {
  const name = (error as { name?: unknown } | null)?.name;
  const code = storeErrorCode(error);
  return { ok: false, error: typeof name === 'string' ? { code, name } : { code } };
}

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

export interface SavedViewStoreOptions {
  name?: string;
  /** Injected for tests: ids and clock. */
  newId?: () => string;
  now?: () => Date;
}

export async function openSavedViewStore(
  options: SavedViewStoreOptions = {},
): Promise<StoreResult<SavedViewStore>> {
  if (typeof indexedDB === 'undefined') return { ok: false, error: { code: 'unavailable' } };
  let database: IDBPDatabase<unknown>;
  try {
    database = await openDB(options.name ?? DATABASE_NAME, UPGRADE_STEPS.length, {
      upgrade: (db, oldVersion, newVersion, transaction) =>
        runUpgrades(
          UPGRADE_STEPS,
          db,
          oldVersion,
          newVersion ?? UPGRADE_STEPS.length,
          transaction as IDBPTransaction<unknown, string[], 'versionchange'>,
        ),
      // Another tab needs a newer schema: let it go rather than block it.
      blocking: () => database.close(),
    });
  } catch (error) {
    return failFrom(error);
  }
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const read = async (id: string): Promise<StoreResult<SavedView>> => {
    try {
      const record: unknown = await database.get(STORES.savedViews, id);
      if (record === undefined) return { ok: false, error: { code: 'not-found' } };
      return isSavedView(record)
        ? { ok: true, value: record }
        : { ok: false, error: { code: 'unreadable-record' } };
    } catch (error) {
      return failFrom(error);
    }
  };
  const write = async (view: SavedView): Promise<StoreResult<SavedView>> => {
    try {
      await database.put(STORES.savedViews, view);
      return { ok: true, value: view };
    } catch (error) {
      return failFrom(error);
    }
  };
  return {
    ok: true,
    value: {
      async list() {
        try {
          const records: unknown[] = await database.getAll(STORES.savedViews);
          // One broken record must not hide the others.
          const views = records.filter(isSavedView);
          return {
            ok: true,
            value: views.sort((first, second) => second.updatedAt.localeCompare(first.updatedAt)),
          };
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
          return { ok: true, value: undefined };
        } catch (error) {
          return failFrom(error);
        }
      },
      close: () => database.close(),
    },
  };
}
