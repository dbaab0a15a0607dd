/**
 * Long runs: request ids, cancellation, "a newer request of the same run key
 * supersedes an older one", "a load supersedes every run on the view it
 * replaced", and the cache around each run's body.
 *
 * A run is keyed by its view and kind (`filtered:flags` and `source:flags`
 * are different runs and never supersede each other).
 */
import type { CacheAccess, CacheSpecification } from './cache-access';
import type { DatasetsSession, DatasetsView, Snapshot } from './datasets-session';
import { nextTask } from './next-task';
import type { Waiter } from './shared-intermediates';

/** Progress of a long run: sites done out of the total. */
export interface Progress {
  requestId: number;
  done: number;
  total: number;
}

/** Options every long run accepts. */
export interface RunOptions {
  requestId?: number;
  /** The layers to read: the filtered ones (default) or the source ones (flag filters). */
  view?: DatasetsView;
}

/**
 * Called between chunks. A separate, last argument rather than a field of
 * `RunOptions`: Comlink only proxies top-level arguments, so pass
 * `Comlink.proxy(callback)` there.
 */
export type ProgressCallback = (progress: Progress) => unknown;

/** The answer of a long run: a result, or why there is none. */
export type RunResult<T> =
  | {
      status: 'done';
      requestId: number;
      result: T;
      /** True when the answer came from the cache of an earlier run on the same inputs. */
      fromCache: boolean;
      /** Worker time from the start of the run to the answer. */
      milliseconds: number;
    }
  | { status: 'cancelled' | 'superseded'; requestId: number }
  | { status: 'missing-data'; requestId: number; missing: string[] };

/** Why a run stopped early; thrown at a chunk boundary and turned into its answer. */
export class Stopped extends Error {
  constructor(readonly status: 'cancelled' | 'superseded') {
    super(status);
  }
}

/** What a run's body receives: its snapshot and its stop check / progress, to pass to intermediates. */
export interface RunContext {
  snapshot: Snapshot;
  waiter: Waiter;
}

export interface RunSpecification<T> {
  kind: string;
  /** The layers the run cannot do without. */
  requires: readonly (keyof Omit<Snapshot, 'view' | 'generation'>)[];
  body: (context: RunContext) => Promise<T>;
  /** Omitted for answers not worth caching. */
  cache?: (snapshot: Snapshot) => CacheSpecification;
}

export interface RunScheduler {
  run<T>(
    specification: RunSpecification<T>,
    options: RunOptions | undefined,
    onProgress: ProgressCallback | undefined,
  ): Promise<RunResult<T>>;
  cancel(requestId: number): void;
}

export function createRunScheduler(session: DatasetsSession, cache: CacheAccess): RunScheduler {
  let nextRequestId = 1;
  const latest = new Map<string, number>();
  const cancelled = new Set<number>();
  // Runs in progress: a cancel for one that has already answered is dropped, not kept forever.
  const active = new Set<number>();

  return {
    cancel(requestId) {
      if (active.has(requestId)) cancelled.add(requestId);
    },
    async run(specification, options, onProgress) {
      const requestId = options?.requestId ?? nextRequestId++;
      const runKey = `${options?.view ?? 'filtered'}:${specification.kind}`;
      latest.set(runKey, requestId);
      active.add(requestId);
      const started = performance.now();
      const snapshot = session.snapshot(options?.view ?? 'filtered');
      const check = (): void => {
        if (cancelled.has(requestId)) throw new Stopped('cancelled');
        if (latest.get(runKey) !== requestId || !session.isCurrent(snapshot)) throw new Stopped('superseded');
      };
      const done = <T>(result: T, fromCache: boolean): RunResult<T> => ({
        status: 'done',
        requestId,
        result,
        fromCache,
        milliseconds: performance.now() - started,
      });
      try {
        const missing = specification.requires.filter((name) => !snapshot[name]);
        if (missing.length > 0) return { status: 'missing-data', requestId, missing };
        const key = specification.cache
          ? cache.keyOf(specification.kind, snapshot, specification.cache(snapshot))
          : null;
        if (key) {
          const stored = await cache.read(specification.kind, key, snapshot);
          check();
          if (stored !== undefined) return done(stored as never, true);
        }
        await nextTask();
        check();
        const waiter: Waiter = {
          check,
          onProgress: onProgress && ((sites, total) => void onProgress({ requestId, done: sites, total })),
        };
        const result = await specification.body({ snapshot, waiter });
        // Data replaced or a newer request meanwhile: neither answer nor cache entry from a stale snapshot.
        check();
        if (key) cache.write(key, result);
        return done(result, false);
      } catch (error) {
        if (error instanceof Stopped) return { status: error.status, requestId };
        throw error;
      } finally {
        active.delete(requestId);
        cancelled.delete(requestId);
      }
    },
  };
}
