/**
 * The main thread's side of the one analysis worker. It sends each layer
 * once, when its collection changes (sites as transferred typed arrays), into
 * one of two views: `filtered` (the datasets shown) and `source` (the
 * unfiltered ones, for flag filters). A layer one view already holds goes to
 * the other as a reference, so without a filter nothing is sent twice. It
 * keeps only the answer to the latest request of each run key, so a slow
 * stale answer never overwrites a fresh one.
 *
 * A dead worker is noticed (error or messageerror events, or silence: see
 * worker-liveness.ts): every pending run rejects with `AnalysisWorkerStopped`,
 * a new worker is started and given the current data, and pending quick calls
 * (clusters, candidate check…) are asked again there. The next run works
 * without a reload.
 */
import { proxy, type Remote, transfer, wrap } from 'comlink';
import { type SiteTable, transferablesOf } from '../../workers/analysis/index';
import type {
  AnalysisApi,
  DatasetsInput,
  DatasetsView,
  LoadSummary,
  Progress,
  RunResult,
} from '../../workers/analysis-api';
import type { Datasets } from '../domain/types';
import { AnalysisWorkerStopped } from './analysis-worker-stopped';
import { encodedTransferables, engineSiteTable } from './engine-site-table';
import { createWorkerLiveness, type LivenessOptions } from './worker-liveness';

export { AnalysisWorkerStopped, isAnalysisWorkerStopped } from './analysis-worker-stopped';

/** A fresh answer, and how it was obtained. */
export interface RunAnswer<T> {
  result: T;
  fromCache: boolean;
  /** Worker time from request to answer. */
  milliseconds: number;
}

export interface AnalysisClient {
  /** The worker API (for the quick calls: space per person, candidate check); follows a restarted worker. */
  readonly remote: Remote<AnalysisApi>;
  /** Sends the layers of a view that changed since the last call; resolves when the worker has indexed them. */
  sync(datasets: Datasets, view?: DatasetsView): Promise<LoadSummary | null>;
  /**
   * Runs a long analysis under a run key (e.g. the analysis id); `start`
   * receives the request id and the progress proxy to pass on. Resolves with
   * the result, or null when it was superseded, cancelled or replaced by a
   * newer request of the same key; rejects with `AnalysisWorkerStopped` when
   * the worker died meanwhile.
   */
  run<T>(
    key: string,
    start: (requestId: number, onProgress: (progress: Progress) => void) => Promise<RunResult<T>>,
    onProgress: (progress: Progress) => void,
  ): Promise<RunAnswer<T> | null>;
  cancel(key: string): void;
  terminate(): void;
}

/** Where the analysis API runs: the worker by default; tests may pass the same API in-process. */
export interface AnalysisEndpoint {
  remote: Remote<AnalysisApi>;
  terminate(): void;
  /** Registers the listener for the worker's own failure reports (error, messageerror). */
  onFailure?(listener: () => void): void;
}

export interface AnalysisClientOptions extends LivenessOptions {
  /** The message of `AnalysisWorkerStopped` errors, read when one is raised (the current language's text). */
  stoppedMessage?: () => string;
}

export function analysisWorker(): AnalysisEndpoint {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'katsit-analysis',
  });
  return {
    remote: wrap<AnalysisApi>(worker),
    terminate: () => worker.terminate(),
    onFailure(listener) {
      worker.addEventListener('error', listener);
      worker.addEventListener('messageerror', listener);
    },
  };
}

const LAYERS = ['sites', 'hazards', 'control', 'services', 'admin'] as const;
const VIEWS: readonly DatasetsView[] = ['filtered', 'source'];

/** A call in flight, and what to do with it if the worker dies before answering. */
interface Pending {
  onWorkerDied(): void;
}

/**
 * @param endpoint the worker to use, or a factory (needed to restart after a death; the default
 *   makes a real worker).
 */
export function createAnalysisClient(
  endpoint: AnalysisEndpoint | (() => AnalysisEndpoint) = analysisWorker,
  options: AnalysisClientOptions = {},
): AnalysisClient {
  const makeEndpoint = typeof endpoint === 'function' ? endpoint : () => endpoint;
  let current = makeEndpoint();
  // Bumped on every restart: answers of a dead worker are ignored.
  let workerGeneration = 0;
  let terminated = false;
  const requested: Partial<Record<DatasetsView, Datasets>> = {};
  let sent: Record<DatasetsView, Partial<Datasets>> = { filtered: {}, source: {} };
  let nextRequestId = 1;
  const latest = new Map<string, number>();
  // Analyses must not start before the data they read has arrived.
  let loading: Promise<unknown> = Promise.resolve();
  // Set while a run's `start` calls the remote, so that call is known as the run's own.
  let startingRun = false;
  const pending = new Set<Pending>();
  // Pending calls that run as one long task in the worker (loads, quick calls), unlike chunked runs.
  let longTasks = 0;

  const stopped = () => new AnalysisWorkerStopped(options.stoppedMessage?.());
  const liveness = createWorkerLiveness(
    () => current.remote.ping(),
    () => restart(),
    options,
    () => longTasks > 0,
  );

  /**
   * Calls the worker and keeps the call pending until it answers; if the
   * worker dies first, `onWorkerDied` settles it instead (the dead worker's
   * answer, should one still come, is ignored).
   */
  const track = <T>(
    call: () => Promise<T>,
    onWorkerDied: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
    chunked = false,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const generation = workerGeneration;
      const entry: Pending = { onWorkerDied: () => onWorkerDied(resolve, reject) };
      pending.add(entry);
      if (!chunked) longTasks += 1;
      liveness.watch(true);
      const settle = (outcome: () => void) => {
        if (generation !== workerGeneration) return;
        pending.delete(entry);
        if (!chunked) longTasks -= 1;
        liveness.heard();
        if (pending.size === 0) liveness.watch(false);
        outcome();
      };
      let answer: Promise<T>;
      try {
        answer = Promise.resolve(call());
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });

  /** A quick call through `remote`: asked once more on the new worker if the first one died. */
  const forward = (name: string, args: unknown[]): Promise<unknown> => {
    const invoke = () => {
      const method = (current.remote as unknown as Record<string, (...values: unknown[]) => unknown>)[name];
      return Promise.resolve(method?.(...args));
    };
    if (startingRun) return invoke();
    const attempt = (retries: number): Promise<unknown> =>
      track(invoke, (resolve, reject) => {
        if (retries > 0) loading.then(() => attempt(retries - 1)).then(resolve, reject);
        else reject(stopped());
      });
    return attempt(1);
  };

  const remote = new Proxy({} as Remote<AnalysisApi>, {
    get: (_target, name) =>
      typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => forward(name, args) : undefined,
  });

  function load(datasets: Datasets, view: DatasetsView): Promise<LoadSummary | null> {
    const other: DatasetsView = view === 'filtered' ? 'source' : 'filtered';
    const input: DatasetsInput = {};
    let transferables: ArrayBuffer[] = [];
    for (const name of LAYERS) {
      const layer = datasets[name];
      if (layer === sent[view][name]) continue;
      if (layer === sent[other][name]) {
        input[name] = { sameAs: other };
      } else if (name === 'sites') {
        // Text columns may cross encoded: the worker's loadDatasets decodes them (engine-site-table.ts).
        const table = engineSiteTable(datasets.sites) as SiteTable;
        input.sites = table;
        transferables = [...transferablesOf(table), ...encodedTransferables(table)];
      } else {
        (input as Record<string, unknown>)[name] = layer;
      }
    }
    sent[view] = { ...datasets };
    if (Object.keys(input).length === 0) return Promise.resolve(null);
    // A load lost with its worker is made again by the restart, which runs go on to wait for.
    const loaded = track<LoadSummary | null>(
      () => current.remote.loadDatasets(transfer(input, transferables), view),
      (resolve) => resolve(null),
    );
    loading = Promise.all([loading, loaded.catch(() => undefined)]);
    return loaded;
  }

  /** The worker died: start a new one, give it the data, and settle what was pending. */
  function restart(): void {
    if (terminated) return;
    workerGeneration += 1;
    const dead = current;
    try {
      dead.terminate();
    } catch {
      // Already gone.
    }
    current = makeEndpoint();
    current.onFailure?.(failed(workerGeneration));
    liveness.restarted();
    const orphans = [...pending];
    pending.clear();
    longTasks = 0;
    liveness.watch(false);
    sent = { filtered: {}, source: {} };
    loading = Promise.resolve();
    const reloads = VIEWS.map((view) => {
      const datasets = requested[view];
      return datasets ? load(datasets, view) : Promise.resolve(null);
    });
    for (const orphan of orphans) orphan.onWorkerDied();
    void Promise.all(reloads).catch(() => undefined);
  }

  const failed = (generation: number) => () => {
    if (generation === workerGeneration) restart();
  };
  current.onFailure?.(failed(workerGeneration));

  return {
    remote,
    sync(datasets, view = 'filtered') {
      requested[view] = datasets;
      return load(datasets, view);
    },
    async run(key, start, onProgress) {
      const requestId = nextRequestId++;
      latest.set(key, requestId);
      await loading;
      if (latest.get(key) !== requestId) return null;
      const answer = await track(
        () => {
          startingRun = true;
          try {
            return start(
              requestId,
              proxy((progress: Progress) => {
                liveness.heard();
                if (latest.get(key) === requestId) onProgress(progress);
              }),
            );
          } finally {
            startingRun = false;
          }
        },
        (_resolve, reject) => reject(stopped()),
        true,
      );
      if (latest.get(key) !== requestId || answer.status !== 'done') return null;
      return { result: answer.result, fromCache: answer.fromCache, milliseconds: answer.milliseconds };
    },
    cancel(key) {
      const requestId = latest.get(key);
      if (requestId === undefined) return;
      latest.delete(key);
      void remote.cancel(requestId);
    },
    terminate() {
      terminated = true;
      liveness.dispose();
      current.terminate();
    },
  };
}
