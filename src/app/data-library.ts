/**
 * The imported datasets as the app sees them: kept in IndexedDB (the dataset
 * store), and shown per role on the map. Each dataset has its own visibility
 * and a layer shows every shown dataset of its role combined (see
 * shown-datasets.ts): a new import is shown beside the others and hides the
 * demo of its role; the demo collections are kept, so removing every import
 * (or "reset to the demo") brings them back.
 *
 * Storage heals: a damaged record is listed (with its name when it has one)
 * and can be removed; it never hides the readable ones, and reset always
 * clears everything, the analysis cache included. Tabs agree: each change is
 * announced on a BroadcastChannel and the other tabs reload their list from
 * storage. Every store failure comes back as a value with its code.
 */
import type { FeatureCollection } from 'geojson';
import type { Datasets } from '../domain/types';
import {
  type AnalysisCacheOptions,
  type AnalysisCacheStore,
  createAnalysisCacheStore,
} from '../io/analysis-cache-store';
import { openDatabase } from '../io/database';
import {
  createDatasetStore,
  type DamagedDataset,
  type DatasetRecord,
  type DatasetStore,
  type OpenOptions,
  type PartProgress,
  type StoreErrorCode,
  type StoreResult,
} from '../io/dataset-store';
import type { LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import type { RoundInfo } from '../rounds/round-info';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { createLibraryChannel, type LibraryChannel, type LibraryMessage } from './data-library-channel';
import { createVisibilityChoices } from './dataset-visibility';
import { type SharedIds, sharedIds } from './duplicate-ids';
import { type LoadProblem, readStoredDatasets } from './read-stored-datasets';
import { type LayerDataset, layerDatasets, shownDatasets } from './shown-datasets';
import { deviceUsage, type StorageUsage } from './storage-usage';

export type { SharedIds } from './duplicate-ids';
export type { LoadProblem } from './read-stored-datasets';
export type { LayerDataset } from './shown-datasets';
export type { StorageUsage } from './storage-usage';

/** What an import hands over to be kept and shown. */
export interface ImportedDataset {
  name: string;
  role: LayerRole;
  fieldMapping: FieldMapping | null;
  sourceFileName: string;
  collection: FeatureCollection;
  /** A sites dataset that is a dated DTM round (rounds/round-info.ts). */
  round?: RoundInfo;
}

export interface DatasetLibrary {
  /** Stored datasets that can be shown, oldest import first. */
  records(): readonly DatasetRecord[];
  /** Stored datasets that cannot be shown; each can be removed. */
  damaged(): readonly DamagedDataset[];
  /** Ids of the datasets the map shows now (demo ones as `demo:<role>`). */
  shownIds(): ReadonlySet<string>;
  /** Every dataset a layer may show (imports, session-only, demo), with whether it is shown. */
  layerDatasets(): readonly LayerDataset[];
  /** Shows or hides one dataset (its layer combines the shown ones); remembered, and in every tab. */
  setShown(id: string, shown: boolean): void;
  /** Ids that several shown datasets of one layer hold (those features are counted twice). */
  sharedIds(): readonly SharedIds[];
  /** Opens the store, reads every dataset and shows the readable ones. */
  load(): Promise<LoadProblem[]>;
  /** Saves a new dataset (or overwrites `replaceId`) and shows it; `progress` follows (and may stop) a large save. */
  save(
    dataset: ImportedDataset,
    replaceId?: string,
    progress?: PartProgress,
  ): Promise<StoreResult<DatasetRecord>>;
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
  /** Where visibility choices are kept; localStorage by default, null for this session only. */
  visibilityStorage?: Storage | null;
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
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
      asOf: dataset.round?.asOf ?? importedAt.slice(0, 10),
      source: dataset.sourceFileName,
      ...(dataset.round ? { round: dataset.round } : {}),
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
  let connection: Connection | undefined;
  let openError: StoreErrorCode | undefined;
  let opening: Promise<void> | undefined;
  let records: DatasetRecord[] = [];
  let damaged: DamagedDataset[] = [];
  let collections = new Map<string, FeatureCollection>();
  const unsaved = new Map<LayerRole, FeatureCollection>();
  const listeners = new Set<() => void>();
  const visibility = createVisibilityChoices(
    options.visibilityStorage === null ? undefined : (options.visibilityStorage ?? defaultStorage()),
  );
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

  const listing = () => ({ demo, records, collections, unsaved, visibility: visibility.get() });

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  /** Puts the right collection of each role in the store; untouched roles keep their identity. */
  const apply = () => {
    // The full collections: `datasets` is derived from them through the site filter.
    const current = store.get().sourceDatasets ?? demo;
    const next = shownDatasets({ current, ...listing() });
    if (next) store.set({ sourceDatasets: next });
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
    const read = await readStoredDatasets(connection.datasets, { records, collections });
    if ('problem' in read) return [read.problem];
    records = read.records;
    damaged = read.damaged;
    collections = read.collections;
    apply();
    return read.problems;
  };

  const onMessage = (message: LibraryMessage) => {
    // The movements layer hears that one itself (main.ts): no dataset changed.
    if (message.kind === 'movements-changed') return;
    if (message.kind === 'analysis-cache-cleared') {
      notify();
      return;
    }
    // A reset anywhere is a reset everywhere, this session's unsaved layers included.
    if (message.kind === 'reset') unsaved.clear();
    visibility.reload();
    if (message.kind === 'visibility-changed') {
      apply();
      return;
    }
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
    shownIds: () =>
      new Set(
        layerDatasets(listing())
          .filter((dataset) => dataset.shown)
          .map((dataset) => dataset.id),
      ),
    layerDatasets: () => layerDatasets(listing()),
    sharedIds: () => sharedIds(layerDatasets(listing())),

    setShown(id, shown) {
      visibility.set(id, shown);
      apply();
      channel?.post({ kind: 'visibility-changed' });
    },

    load: () => inTurn(readAll),

    save: (dataset, replaceId, progress) =>
      inTurn(async () => {
        const importedAt = now().toISOString();
        const collection = withMetadata(dataset, importedAt);
        const previous = replaceId ? records.find((record) => record.id === replaceId) : undefined;
        const result = await withConnection(({ datasets }) =>
          datasets.put(
            {
              id: previous?.id ?? newId(),
              name: previous?.name ?? dataset.name,
              role: previous?.role ?? dataset.role,
              fieldMapping: dataset.fieldMapping,
              sourceFileName: dataset.sourceFileName,
              importedAt,
              collection,
              ...(dataset.round ? { round: dataset.round } : {}),
            },
            progress,
          ),
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
          visibility.forget(id);
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
        visibility.clear();
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
