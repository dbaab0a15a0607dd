/**
 * The IndexedDB schema: the shape of every store (a `DBSchema` for idb, so
 * every read and write is typed) and the list of upgrade steps. Step N takes a
 * database at version N to N + 1, so a new version is one more entry and a
 * user on any older version walks every step in order.
 *
 * Version 1 keeps a dataset's metadata (`datasets`) apart from its features
 * (`collections`, same key): listing the datasets must not load megabytes of
 * GeoJSON. Both are always written in one transaction.
 *
 * Version 4 cuts the features into parts of PART_SIZE (`collectionParts`, key
 * `[dataset id, part index]`): the browser clones a stored value on the main
 * thread in one go, so a million sites in one value froze the page for
 * seconds on save and on reload; parts are cloned one task each, with
 * progress between them. `collections` then keeps the collection's own
 * members with no features (a record from before keeps all of its features
 * there, and still reads).
 *
 * Version 5 keeps the columnar form of a site dataset (`siteColumns`, same
 * key as `datasets`; see columnar-sites.ts): typed arrays and packed strings,
 * cloned in a few milliseconds, so a reload hands the site table and the
 * analysis worker their columns without reading every feature again. They
 * are derived data: a record without them (written before, or damaged) is
 * still shown, its columns rebuilt from its features.
 *
 * Version 6 keeps the last imported movements table (`flowTables`, one
 * record under `FLOW_TABLE_KEY`; see flows/flow-store.ts), so movements
 * survive a reload like the datasets do.
 *
 * Version 7 cuts the site columns into parts too (`siteColumnParts`, key
 * `[dataset id, part index]`; see column-parts.ts): a million sites' columns
 * were cloned in one 0.75 s task on save. `siteColumns` then keeps their head
 * (counts, hash, text dictionaries); a whole record from before still reads.
 *
 * The types say what this build writes. What is read may still differ (an
 * older build, another tab, a crash, a hand edit), so every read is validated
 * (`dataset-validation.ts`) before it is trusted.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoredFlowTable } from '../flows/stored-flow-table';
import type { RoundInfo } from '../rounds/round-info';
import type { ColumnPart, ColumnsHead } from './column-parts';
import type { ColumnarSites } from './columnar-sites';
import type { LayerRole } from './field-candidates';
import type { FieldMapping } from './field-mapping';

export const DATABASE_NAME = 'katsit';

/** Store names, fixed once shipped: renaming one needs an upgrade step. */
export const STORES = {
  datasets: 'datasets',
  collections: 'collections',
  analysisCache: 'analysisCache',
  /** Version 2: named map views (URL-hash state), keyPath `id`. */
  savedViews: 'savedViews',
  /** Version 3: size and last use of each analysis-cache entry, for least-recently-used eviction. */
  analysisCacheUsage: 'analysisCacheUsage',
  /** Version 4: a dataset's features in parts, key `[dataset id, part index]`. */
  collectionParts: 'collectionParts',
  /** Version 5: the columnar form of a site dataset, key: dataset id. */
  siteColumns: 'siteColumns',
  /** Version 6: the imported movements table, one record (flows/stored-flow-table.ts). */
  flowTables: 'flowTables',
  /** Version 7: a site dataset's columns in parts, key `[dataset id, part index]` (column-parts.ts). */
  siteColumnParts: 'siteColumnParts',
} as const;

/** Features per stored part: cloning one part is a short task even on a slow machine. */
export const PART_SIZE = 5000;

/** What the dataset list shows, without the features. */
export interface DatasetRecord {
  id: string;
  name: string;
  role: LayerRole;
  fieldMapping: FieldMapping | null;
  featureCount: number;
  /** ISO timestamp. */
  importedAt: string;
  sourceFileName: string;
  /**
   * SHA-256 of the collection, written by builds before version 3. No longer
   * computed (it froze the page for seconds on large layers; the analysis
   * worker hashes what it loads); kept optional so old records still read.
   */
  contentHash?: string;
  /**
   * How many parts of `collectionParts` hold the features (version 4 on);
   * absent on older records, whose features are all in `collections`.
   */
  partCount?: number;
  /**
   * Sites datasets only: the DTM round it is (its "as of" date and label),
   * when the file or the user gave a date. Optional, so no upgrade step:
   * records without it are undated and stay out of the round series.
   */
  round?: RoundInfo;
}

/** A named map view: its URL hash. */
export interface SavedView {
  id: string;
  name: string;
  /** The URL hash, with its `#`. */
  hash: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** One cached analysis answer (key: engine version, input hashes, parameters). */
export interface AnalysisCacheEntry {
  result: unknown;
  /** ISO timestamp. */
  storedAt: string;
}

/** The bookkeeping of one cache entry, small so eviction never reads the answers themselves. */
export interface AnalysisCacheUsageRecord {
  key: string;
  /** Approximate size of the stored answer. */
  bytes: number;
  /** Milliseconds since the epoch of the last read or write. */
  lastUsedAt: number;
}

/** Every store of the `katsit` database, typed for idb's `openDB<KatsitSchema>()`. */
export interface KatsitSchema extends DBSchema {
  datasets: { key: string; value: DatasetRecord };
  collections: { key: string; value: FeatureCollection };
  analysisCache: { key: string; value: AnalysisCacheEntry };
  savedViews: { key: string; value: SavedView };
  analysisCacheUsage: {
    key: string;
    value: AnalysisCacheUsageRecord;
    indexes: { 'by-last-used': number };
  };
  collectionParts: { key: [string, number]; value: Feature[] };
  /** Whole columns up to version 6, their head from version 7. */
  siteColumns: { key: string; value: ColumnarSites | ColumnsHead };
  siteColumnParts: { key: [string, number]; value: ColumnPart };
  flowTables: { key: string; value: StoredFlowTable };
}

export type KatsitDatabase = IDBPDatabase<KatsitSchema>;
export type UpgradeTransaction = IDBPTransaction<KatsitSchema, StoreNames<KatsitSchema>[], 'versionchange'>;

/** One schema step, run inside the versionchange transaction. */
export type UpgradeStep = (database: KatsitDatabase, transaction: UpgradeTransaction) => void;

/** Append, never edit, once released. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // Version 1: datasets, their features, the analysis cache.
  (database) => {
    database.createObjectStore(STORES.datasets, { keyPath: 'id' });
    database.createObjectStore(STORES.collections);
    database.createObjectStore(STORES.analysisCache);
  },
  // Version 2: a store of its own, so v1 records are untouched.
  (database) => {
    database.createObjectStore(STORES.savedViews, { keyPath: 'id' });
  },
  // Version 3: the cache gets a size cap. Entries written before have no size
  // or last use, so they are dropped (a cache, recomputed on demand); datasets
  // and views are untouched.
  (database, transaction) => {
    // An aborted upgrade rejects every request; the open itself reports that failure.
    transaction
      .objectStore(STORES.analysisCache)
      .clear()
      .catch(() => undefined);
    database
      .createObjectStore(STORES.analysisCacheUsage, { keyPath: 'key' })
      .createIndex('by-last-used', 'lastUsedAt');
  },
  // Version 4: features in parts. Records written before keep their features
  // in `collections` and are read as they are, so nothing is copied here (an
  // upgrade that rewrote a million sites would freeze the page it runs in).
  (database) => {
    database.createObjectStore(STORES.collectionParts);
  },
  // Version 5: site columns beside the features; records from before have none and are read as they are.
  (database) => {
    database.createObjectStore(STORES.siteColumns);
  },
  // Version 6: the imported movements table; nothing before it to move.
  (database) => {
    database.createObjectStore(STORES.flowTables);
  },
  // Version 7: site columns in parts; whole records from before are read as they are.
  (database) => {
    database.createObjectStore(STORES.siteColumnParts);
  },
];

/** Runs the steps from `oldVersion` up to `newVersion`. */
export function runUpgrades(
  steps: readonly UpgradeStep[],
  database: KatsitDatabase,
  oldVersion: number,
  newVersion: number,
  transaction: UpgradeTransaction,
): void {
  for (let version = oldVersion; version < newVersion; version++) steps[version]?.(database, transaction);
}
