/**
 * The IndexedDB schema as a list of upgrade steps: step N takes a database at
 * version N to N + 1, so version 2 is one more entry and a user on any older
 * version walks every step in order.
 *
 * Version 1 keeps a dataset's metadata (`datasets`) apart from its features
 * (`collections`, same key): listing the datasets must not load megabytes of
 * GeoJSON. Both are always written in one transaction.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';

export const DATABASE_NAME = 'katsit';

/** Store names, fixed once shipped: renaming one needs an upgrade step. */
export const STORES = {
  datasets: 'datasets',
  collections: 'collections',
  analysisCache: 'analysisCache',
  /** Version 2: named map views (URL-hash state), keyPath `id`. */
  savedViews: 'savedViews',
} as const;

/** One schema step, run inside the versionchange transaction. */
export type UpgradeStep = (
  database: IDBPDatabase<unknown>,
  transaction: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void;

/** Version 1 → the schema described above; version 2 adds saved views. Append, never edit, once released. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  (database) => {
    database.createObjectStore(STORES.datasets, { keyPath: 'id' });
    database.createObjectStore(STORES.collections);
    database.createObjectStore(STORES.analysisCache);
  },
  // Version 2: a store of its own, so v1 records are untouched.
  (database) => {
    database.createObjectStore(STORES.savedViews, { keyPath: 'id' });
  },
];

/** Runs the steps from `oldVersion` up to `newVersion`. */
export function runUpgrades(
  steps: readonly UpgradeStep[],
  database: IDBPDatabase<unknown>,
  oldVersion: number,
  newVersion: number,
  transaction: IDBPTransaction<unknown, string[], 'versionchange'>,
): void {
  for (let version = oldVersion; version < newVersion; version++) steps[version]?.(database, transaction);
}
