/**
 * The imported datasets as the app sees them: kept in IndexedDB (the dataset
 * store), and shown per role on the map. For each role the most recent import
 * replaces the demo layer; the demo collections are kept, so removing every
 * import (or "reset to the demo") brings them back. Every store failure comes
 * back as a value with its code; nothing is dropped silently.
 */
import type { FeatureCollection } from 'geojson';
import { type Datasets, LAYER_IDS } from '../domain/types';
import {
  type DatasetRecord,
  type DatasetStore,
  type OpenOptions,
  openDatasetStore,
  type StoreErrorCode,
  type StoreResult,
} from '../io/dataset-store';
import type { LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/** What an import hands over to be kept and shown. */
export interface ImportedDataset {
  name: string;
  role: LayerRole;
  fieldMapping: FieldMapping | null;
  sourceFileName: string;
  collection: FeatureCollection;
}

/** Something that went wrong while loading stored datasets. */
export type LoadProblem =
  | { kind: 'store'; code: StoreErrorCode }
  | { kind: 'record'; code: StoreErrorCode; name: string };

export interface DatasetLibrary {
  /** Stored datasets, oldest import first. */
  records(): readonly DatasetRecord[];
  /** Ids of the datasets the map shows now (the latest of each role). */
  shownIds(): ReadonlySet<string>;
  /** Opens the store, reads every dataset and shows them. */
  load(): Promise<LoadProblem[]>;
  /** Saves a new dataset (or overwrites `replaceId`) and shows it. */
  save(dataset: ImportedDataset, replaceId?: string): Promise<StoreResult<DatasetRecord>>;
  /** Shows a collection for this session only (when saving failed and the user still wants it). */
  showUnsaved(role: LayerRole, collection: FeatureCollection): void;
  rename(id: string, name: string): Promise<StoreResult<DatasetRecord>>;
  remove(id: string): Promise<StoreResult<void>>;
  /** Removes every import and shows the demo again. */
  reset(): Promise<StoreResult<void>>;
  /** Called after every change of the list. */
  subscribe(listener: () => void): () => void;
}

export interface LibraryOptions {
  /** For tests: another database name. */
  open?: OpenOptions;
  /** Another tab upgraded the database: this one must reload. */
  onVersionChange?: () => void;
  now?: () => Date;
}

/** Model metadata for an imported collection (the snapshot lists its source and date). */
function withMetadata(dataset: ImportedDataset, importedAt: string): FeatureCollection {
  return {
    ...dataset.collection,
    metadata: {
      synthetic: false,
      description: dataset.name,
      asOf: importedAt.slice(0, 10),
      source: dataset.sourceFileName,
    },
  } as FeatureCollection;
}

function newId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `dataset-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function createDatasetLibrary(
  store: Store<AppState>,
  demo: Datasets,
  options: LibraryOptions = {},
): DatasetLibrary {
  let database: DatasetStore | undefined;
  let openError: StoreErrorCode | undefined;
  let opening: Promise<void> | undefined;
  let records: DatasetRecord[] = [];
  const collections = new Map<string, FeatureCollection>();
  const unsaved = new Map<LayerRole, FeatureCollection>();
  const listeners = new Set<() => void>();
  const now = options.now ?? (() => new Date());

  const open = (): Promise<void> => {
    opening ??= openDatasetStore({
      ...options.open,
      onVersionChange: () => {
        database = undefined;
        openError = 'closed';
        options.onVersionChange?.();
      },
    }).then((result) => {
      if (result.ok) database = result.value;
      else openError = result.error.code;
    });
    return opening;
  };

  const latestByRole = (): Map<LayerRole, DatasetRecord> => {
    const latest = new Map<LayerRole, DatasetRecord>();
    for (const record of records) if (collections.has(record.id)) latest.set(record.role, record);
    return latest;
  };

  /** Puts the right collection of each role in the store; untouched roles keep their identity. */
  const apply = () => {
    // The full collections: `datasets` is derived from them through the site filter.
    const current = store.get().sourceDatasets ?? demo;
    const latest = latestByRole();
    const next: Record<string, unknown> = { ...current };
    let changed = false;
    for (const role of LAYER_IDS) {
      const record = latest.get(role);
      const wanted = unsaved.get(role) ?? (record ? collections.get(record.id) : undefined) ?? demo[role];
      if (next[role] !== wanted) {
        next[role] = wanted;
        changed = true;
      }
    }
    if (changed) store.set({ sourceDatasets: next as unknown as Datasets });
    for (const listener of [...listeners]) listener();
  };

  const sortRecords = () => {
    records.sort((first, second) => first.importedAt.localeCompare(second.importedAt));
  };

  const withDatabase = async <T>(work: (database: DatasetStore) => Promise<StoreResult<T>>) => {
    await open();
    if (!database) return { ok: false, error: { code: openError ?? 'unavailable' } } as StoreResult<T>;
    return work(database);
  };

  return {
    records: () => records,
    shownIds: () => new Set([...latestByRole().values()].map((record) => record.id)),

    async load() {
      await open();
      if (!database) return [{ kind: 'store', code: openError ?? 'unavailable' }];
      const problems: LoadProblem[] = [];
      const listed = await database.list();
      if (!listed.ok) return [{ kind: 'store', code: listed.error.code }];
      const readable: DatasetRecord[] = [];
      for (const record of listed.value) {
        const stored = await database.get(record.id);
        if (stored.ok) {
          collections.set(record.id, stored.value.collection);
          readable.push(record);
        } else {
          problems.push({ kind: 'record', code: stored.error.code, name: record.name });
        }
      }
      records = readable;
      apply();
      return problems;
    },

    async save(dataset, replaceId) {
      const importedAt = now().toISOString();
      const collection = withMetadata(dataset, importedAt);
      const previous = replaceId ? records.find((record) => record.id === replaceId) : undefined;
      const result = await withDatabase((database) =>
        database.put({
          id: previous?.id ?? newId(),
          name: previous?.name ?? dataset.name,
          role: previous?.role ?? dataset.role,
          fieldMapping: dataset.fieldMapping,
          sourceFileName: dataset.sourceFileName,
          importedAt,
          collection,
        }),
      );
      if (result.ok) {
        records = [...records.filter((record) => record.id !== result.value.id), result.value];
        sortRecords();
        collections.set(result.value.id, collection);
        unsaved.delete(result.value.role);
        apply();
      }
      return result;
    },

    showUnsaved(role, collection) {
      unsaved.set(role, collection);
      apply();
    },

    async rename(id, name) {
      const result = await withDatabase((database) => database.rename(id, name));
      if (result.ok) {
        records = records.map((record) => (record.id === id ? result.value : record));
        apply();
      }
      return result;
    },

    async remove(id) {
      const result = await withDatabase((database) => database.remove(id));
      if (result.ok) {
        records = records.filter((record) => record.id !== id);
        collections.delete(id);
        apply();
      }
      return result;
    },

    async reset() {
      unsaved.clear();
      for (const record of [...records]) {
        const result = await withDatabase((database) => database.remove(record.id));
        if (!result.ok) {
          apply();
          return result;
        }
        records = records.filter((kept) => kept.id !== record.id);
        collections.delete(record.id);
      }
      apply();
      return { ok: true, value: undefined };
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
