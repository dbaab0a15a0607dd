/**
 * The imported datasets as the app sees them: kept in IndexedDB (the dataset
 * store), and shown per role on the map. For each role the most recent import
 * replaces the demo layer; the demo collections are kept, so removing every
 * import (or "reset to the demo") brings them back.
 *
 * Storage heals: a damaged record is listed (with its name when it has one)
 * and can be removed; it never hides the readable ones, and reset always
 * clears everything, the analysis cache included. Tabs agree: each change is
 * announced on a BroadcastChannel and the other tabs reload their list from
 * storage. Every store failure comes back as a value with its code.
 */
import type { FeatureCollection } from 'geojson';
import { type Datasets, LAYER_IDS } from '../domain/types';
import {
  type AnalysisCacheOptions,
  type AnalysisCacheStore,
  type AnalysisCacheUsage,
  createAnalysisCacheStore,
} from '../io/analysis-cache-store';
import { openDatabase } from '../io/database';
import {
  createDatasetStore,
  type DamagedDataset,
  type DatasetRecord,
  type DatasetStore,
  type OpenOptions,
  type StoreErrorCode,
  type StoreResult,
} from '../io/dataset-store';
import type { LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { createLibraryChannel, type LibraryChannel, type LibraryMessage } from './data-library-channel';

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

/** What local storage holds, for the data manager. */
export interface StorageUsage {
  /** The browser's estimate for this site (all stores, service-worker cache included). */
  device?: { usage: number; quota: number };
  cache?: AnalysisCacheUsage;
}

export interface DatasetLibrary {
  /** Stored datasets that can be shown, oldest import first. */
  records(): readonly DatasetRecord[];
  /** Stored datasets that cannot be shown; each can be removed. */
  damaged(): readonly DamagedDataset[];
  /** Ids of the datasets the map shows now (the latest of each role). */
  shownIds(): ReadonlySet<string>;
  /** Opens the store, reads every dataset and shows the readable ones. */
  load(): Promise<LoadProblem[]>;
  /** Saves a new dataset (or overwrites `replaceId`) and shows it. */
  save(dataset: ImportedDataset, replaceId?: string): Promise<StoreResult<DatasetRecord>>;
  /** Shows a collection for this session only (when saving failed and the user still wants it). */
  showUnsaved(role: LayerRole, collection: FeatureCollection): void;
  rename(id: string, name: string): Promise<StoreResult<DatasetRecord>>;
  remove(id: string): Promise<StoreResult<void>>;
  removeDamaged(key: IDBValidKey): Promise<StoreResult<void>>;
  /** Removes every stored dataset (damaged ones too) and the analysis cache, and shows the demo, in every tab. */
  reset(): Promise<StoreResult<void>>;
  clearAnalysisCache(): Promise<StoreResult<void>>;
  storageUsage(): Promise<StorageUsage>;
  /** Called after every change of the list, here or in another tab. */
  subscribe(listener: () => void): () => void;
  /** Closes the channel and the connection. */
  dispose(): void;
}

export interface LibraryOptions {
  /** For tests: another database name. */
  open?: OpenOptions;
  /** Another tab upgraded the database: this one must reload. */
  onVersionChange?: () => void;
  now?: () => Date;
  /** The analysis cache's cap (tests use a small one). */
  analysisCache?: AnalysisCacheOptions;
  /** The channel between tabs; tests give each pair of "tabs" their own, null turns it off. */
  channelName?: string | null;
}

interface Connection {
  datasets: DatasetStore;
  cache: AnalysisCacheStore;
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

async function deviceUsage(): Promise<StorageUsage['device']> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    if (estimate?.usage === undefined || estimate.quota === undefined) return undefined;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    // Not offered here (an older browser, a private window): the cache figure is still shown.
    return undefined;
  }
}

export function createDatasetLibrary(
  store: Store<AppState>,
  demo: Datasets,
  options: LibraryOptions = {},
): DatasetLibrary {
  let connection: Connection | undefined;
  let openError: StoreErrorCode | undefined;
  let opening: Promise<void> | undefined;
  let records: DatasetRecord[] = [];
  let damaged: DamagedDataset[] = [];
  const collections = new Map<string, FeatureCollection>();
  const unsaved = new Map<LayerRole, FeatureCollection>();
  const listeners = new Set<() => void>();
  const now = options.now ?? (() => new Date());
  // Every read-modify step runs in turn, so a reload asked by another tab
  // never interleaves with a save here and drops its record.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const open = (): Promise<void> => {
    opening ??= openDatabase({
      ...options.open,
      onVersionChange: () => {
        connection = undefined;
        openError = 'closed';
        options.onVersionChange?.();
      },
    }).then((result) => {
      if (result.ok)
        connection = {
          datasets: createDatasetStore(result.value),
          cache: createAnalysisCacheStore(result.value, options.analysisCache),
        };
      else openError = result.error.code;
    });
    return opening;
  };

  const notify = () => {
    for (const listener of [...listeners]) listener();
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
    notify();
  };

  const withConnection = async <T>(work: (connection: Connection) => Promise<StoreResult<T>>) => {
    await open();
    if (!connection) return { ok: false, error: { code: openError ?? 'unavailable' } } as StoreResult<T>;
    return work(connection);
  };

  /**
   * Reads the list from storage and shows it. Collections already in memory
   * are kept when their record is unchanged, so another tab's rename does not
   * read megabytes again.
   */
  const readAll = async (): Promise<LoadProblem[]> => {
    await open();
    if (!connection) return [{ kind: 'store', code: openError ?? 'unavailable' }];
    const listed = await connection.datasets.list();
    if (!listed.ok) return [{ kind: 'store', code: listed.error.code }];
    const problems: LoadProblem[] = [];
    const readable: DatasetRecord[] = [];
    const found: DamagedDataset[] = [...listed.value.damaged];
    for (const record of listed.value.records) {
      const known = records.find((previous) => previous.id === record.id);
      const unchanged = known?.importedAt === record.importedAt && known.featureCount === record.featureCount;
      if (unchanged && collections.has(record.id)) {
        readable.push(record);
        continue;
      }
      const stored = await connection.datasets.get(record.id);
      if (stored.ok) {
        collections.set(record.id, stored.value.collection);
        readable.push(record);
      } else if (stored.error.damage) {
        found.push({ key: record.id, id: record.id, name: record.name, damage: stored.error.damage });
      } else {
        problems.push({ kind: 'record', code: stored.error.code, name: record.name });
      }
    }
    const readableIds = new Set(readable.map((record) => record.id));
    for (const id of [...collections.keys()]) if (!readableIds.has(id)) collections.delete(id);
    records = readable;
    damaged = found;
    for (const entry of found) {
      problems.push({ kind: 'record', code: 'unreadable-record', name: entry.name ?? entry.id });
    }
    apply();
    return problems;
  };

  const onMessage = (message: LibraryMessage) => {
    if (message.kind === 'analysis-cache-cleared') {
      notify();
      return;
    }
    // A reset anywhere is a reset everywhere, this session's unsaved layers included.
    if (message.kind === 'reset') unsaved.clear();
    void inTurn(readAll);
  };
  const channel: LibraryChannel | undefined =
    options.channelName === null ? undefined : createLibraryChannel(onMessage, options.channelName);

  /** Tells the other tabs once a change is stored. */
  const announce = <T>(message: LibraryMessage, result: StoreResult<T>): StoreResult<T> => {
    if (result.ok) channel?.post(message);
    return result;
  };

  return {
    records: () => records,
    damaged: () => damaged,
    shownIds: () => new Set([...latestByRole().values()].map((record) => record.id)),

    load: () => inTurn(readAll),

    save: (dataset, replaceId) =>
      inTurn(async () => {
        const importedAt = now().toISOString();
        const collection = withMetadata(dataset, importedAt);
        const previous = replaceId ? records.find((record) => record.id === replaceId) : undefined;
        const result = await withConnection(({ datasets }) =>
          datasets.put({
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
          records.sort((first, second) => first.importedAt.localeCompare(second.importedAt));
          collections.set(result.value.id, collection);
          unsaved.delete(result.value.role);
          apply();
        }
        return announce({ kind: 'datasets-changed' }, result);
      }),

    showUnsaved(role, collection) {
      unsaved.set(role, collection);
      apply();
    },

    rename: (id, name) =>
      inTurn(async () => {
        const result = await withConnection(({ datasets }) => datasets.rename(id, name));
        if (result.ok) {
          records = records.map((record) => (record.id === id ? result.value : record));
          apply();
        }
        return announce({ kind: 'datasets-changed' }, result);
      }),

    remove: (id) =>
      inTurn(async () => {
        const result = await withConnection(({ datasets }) => datasets.remove(id));
        if (result.ok) {
          records = records.filter((record) => record.id !== id);
          collections.delete(id);
          apply();
        }
        return announce({ kind: 'datasets-changed' }, result);
      }),

    removeDamaged: (key) =>
      inTurn(async () => {
        const result = await withConnection(({ datasets }) => datasets.remove(key));
        if (result.ok) {
          damaged = damaged.filter((entry) => indexedDB.cmp(entry.key, key) !== 0);
          notify();
        }
        return announce({ kind: 'datasets-changed' }, result);
      }),

    reset: () =>
      inTurn(async () => {
        unsaved.clear();
        // The whole store, not only the records this tab knows: another tab's
        // imports and damaged records go too.
        const result = await withConnection(({ datasets }) => datasets.clear());
        if (!result.ok) {
          apply();
          return result;
        }
        records = [];
        damaged = [];
        collections.clear();
        // Answers computed on imported data are of no use any more. A cache
        // that cannot be cleared costs space, not correctness: its keys hold
        // the content of their inputs.
        if (connection) await connection.cache.clear();
        apply();
        return announce({ kind: 'reset' }, result);
      }),

    clearAnalysisCache: () =>
      inTurn(async () => {
        const result = await withConnection(({ cache }) => cache.clear());
        if (result.ok) notify();
        return announce({ kind: 'analysis-cache-cleared' }, result);
      }),

    async storageUsage() {
      const [device, cache] = await Promise.all([
        deviceUsage(),
        withConnection(({ cache }) => cache.usage()),
      ]);
      return { ...(device ? { device } : {}), ...(cache.ok ? { cache: cache.value } : {}) };
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      channel?.close();
      connection?.datasets.close();
      connection = undefined;
      openError = 'closed';
    },
  };
}
