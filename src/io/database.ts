/**
 * The one way to open Katsit's IndexedDB database, typed by `KatsitSchema`,
 * shared by the dataset store, the saved-view store and the analysis cache.
 * Every failure a user can meet — no IndexedDB, full disk, another tab holding
 * an old version open or wanting a newer one — comes back as a value with a
 * code; each code has a message in the catalogues (`storeError.*`).
 */
import { type IDBPTransaction, openDB, type StoreNames } from 'idb';
import {
  DATABASE_NAME,
  type KatsitDatabase,
  type KatsitSchema,
  runUpgrades,
  UPGRADE_STEPS,
  type UpgradeStep,
} from './dataset-schema';

export type StoreErrorCode =
  | 'unavailable'
  | 'blocked'
  | 'newer-version'
  | 'closed'
  | 'quota-exceeded'
  | 'unstorable-data'
  | 'unreadable-record'
  | 'not-found'
  | 'storage-failed';

/** Every store error code, for tests that check each has a message. */
export const STORE_ERROR_CODES: readonly StoreErrorCode[] = [
  'unavailable',
  'blocked',
  'newer-version',
  'closed',
  'quota-exceeded',
  'unstorable-data',
  'unreadable-record',
  'not-found',
  'storage-failed',
];

export type StoreResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: StoreErrorCode; name?: string } };

export interface OpenOptions {
  name?: string;
  /** Schema steps; tests pass a longer list to exercise an upgrade. */
  upgrades?: readonly UpgradeStep[];
  /**
   * Another tab wants a newer schema, or the browser closed the connection:
   * this connection is closed (so the other tab is not blocked) and every
   * later operation fails with `closed`; the user must reload.
   */
  onVersionChange?: () => void;
}

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
export const fail = <T>(code: StoreErrorCode, name?: string): StoreResult<T> => ({
  ok: false,
  error: name ? { code, name } : { code },
});
const ignore = () => {};

/** Maps a DOMException (or anything thrown) to a store error code. */
export function storeErrorCode(error: unknown): StoreErrorCode {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'QuotaExceededError':
      return 'quota-exceeded';
    case 'DataCloneError':
      return 'unstorable-data';
    case 'VersionError':
      return 'newer-version';
    case 'InvalidStateError':
      return 'closed';
    default:
      return 'storage-failed';
  }
}

/** A failure value from anything thrown, keeping the DOMException's name for diagnosis. */
export function failFrom<T>(error: unknown): StoreResult<T> {
  const name = (error as { name?: unknown } | null)?.name;
  return fail(storeErrorCode(error), typeof name === 'string' ? name : undefined);
}

/**
 * Opens (creating or upgrading) the database. Resolves `blocked` as soon as
 * another tab holds an older version open; if that tab lets go later, the
 * late connection is closed so it never leaks.
 */
export function openDatabase(options: OpenOptions = {}): Promise<StoreResult<KatsitDatabase>> {
  const steps = options.upgrades ?? UPGRADE_STEPS;
  if (typeof indexedDB === 'undefined') return Promise.resolve(fail('unavailable'));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: StoreResult<KatsitDatabase>) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    let database: KatsitDatabase | undefined;
    let opening: Promise<KatsitDatabase>;
    const letGo = () => {
      database?.close();
      options.onVersionChange?.();
    };
    try {
      opening = openDB<KatsitSchema>(options.name ?? DATABASE_NAME, steps.length, {
        upgrade: (db, oldVersion, newVersion, transaction) =>
          runUpgrades(
            steps,
            db,
            oldVersion,
            newVersion ?? steps.length,
            transaction as IDBPTransaction<KatsitSchema, StoreNames<KatsitSchema>[], 'versionchange'>,
          ),
        blocked: () => settle(fail('blocked')),
        blocking: letGo,
        // The browser closed the connection (storage cleared, disk error).
        terminated: () => options.onVersionChange?.(),
      });
    } catch (error) {
      // openDB throws synchronously on an invalid version (an empty step list).
      settle(failFrom(error));
      return;
    }
    opening.then(
      (opened) => {
        if (settled) {
          opened.close();
          return;
        }
        database = opened;
        settle(ok(opened));
      },
      (error: unknown) => settle(failFrom(error)),
    );
  });
}

/**
 * Runs writes in one readwrite transaction; any failure aborts all of them.
 * `work` may await requests of this transaction only (awaiting anything else
 * would let it auto-commit).
 */
export async function writeTogether<Names extends StoreNames<KatsitSchema>[]>(
  database: KatsitDatabase,
  stores: Names,
  work: (
    transaction: IDBPTransaction<KatsitSchema, Names, 'readwrite'>,
    track: (request: Promise<unknown>) => void,
  ) => void | Promise<void>,
): Promise<StoreResult<void>> {
  let transaction: IDBPTransaction<KatsitSchema, Names, 'readwrite'>;
  try {
    transaction = database.transaction(stores, 'readwrite');
  } catch (error) {
    return failFrom(error);
  }
  // An aborted transaction rejects `done` and every request; all are awaited or silenced here.
  transaction.done.catch(ignore);
  const requests: Promise<unknown>[] = [];
  try {
    // Each request is silenced as soon as it exists: a later synchronous throw
    // (DataCloneError) aborts the transaction and rejects the earlier ones.
    await work(transaction, (request) => {
      request.catch(ignore);
      requests.push(request);
    });
    await Promise.all(requests);
    await transaction.done;
    return ok(undefined);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already aborted by the failing request.
    }
    return failFrom(error);
  }
}
