/**
 * The main thread's side of the analysis worker. It sends each layer once,
 * when its collection changes (sites as transferred typed arrays), and keeps
 * only the answer to the latest request of each kind, so a slow stale answer
 * never overwrites a fresh one.
 */
import { proxy, type Remote, transfer, wrap } from 'comlink';
import { siteTableOf, transferablesOf } from '../../workers/analysis/index';
import type {
  AnalysisApi,
  DatasetsInput,
  LoadSummary,
  Progress,
  RunResult,
} from '../../workers/analysis-api';
import type { Datasets } from '../domain/types';

type Kind = 'exposure' | 'access' | 'coverage' | 'area' | 'admin' | 'flags';

/** A fresh answer, and how it was obtained. */
export interface RunAnswer<T> {
  result: T;
  fromCache: boolean;
  /** Worker time from request to answer. */
  milliseconds: number;
}

export interface AnalysisClient {
  /** The worker API (for the quick calls: space per person, candidate check). */
  readonly remote: Remote<AnalysisApi>;
  /** Sends the layers that changed since the last call; resolves when the worker has indexed them. */
  sync(datasets: Datasets): Promise<LoadSummary | null>;
  /**
   * Runs a long analysis; `start` receives the request id and the progress
   * proxy to pass on. Resolves with the result, or null when it was
   * superseded, cancelled or replaced by a newer request of the same kind.
   */
  run<T>(
    kind: Kind,
    start: (requestId: number, onProgress: (progress: Progress) => void) => Promise<RunResult<T>>,
    onProgress: (progress: Progress) => void,
  ): Promise<RunAnswer<T> | null>;
  cancel(kind: Kind): void;
  terminate(): void;
}

/** Where the analysis API runs: the worker by default; tests may pass the same API in-process. */
export interface AnalysisEndpoint {
  remote: Remote<AnalysisApi>;
  terminate(): void;
}

export function analysisWorker(): AnalysisEndpoint {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'katsit-analysis',
  });
  return { remote: wrap<AnalysisApi>(worker), terminate: () => worker.terminate() };
}

export function createAnalysisClient(endpoint: AnalysisEndpoint = analysisWorker()): AnalysisClient {
  const { remote } = endpoint;
  let sent: Partial<Datasets> = {};
  let nextRequestId = 1;
  const latest = new Map<Kind, number>();
  // Analyses must not start before the data they read has arrived.
  let loading: Promise<unknown> = Promise.resolve();

  return {
    remote,
    sync(datasets) {
      const input: DatasetsInput = {};
      let transferables: ArrayBuffer[] = [];
      if (datasets.sites !== sent.sites) {
        const table = siteTableOf(datasets.sites);
        input.sites = table;
        transferables = transferablesOf(table);
      }
      if (datasets.hazards !== sent.hazards) input.hazards = datasets.hazards;
      if (datasets.control !== sent.control) input.control = datasets.control;
      if (datasets.services !== sent.services) input.services = datasets.services;
      if (datasets.admin !== sent.admin) input.admin = datasets.admin;
      sent = { ...datasets };
      if (Object.keys(input).length === 0) return Promise.resolve(null);
      const load = Promise.resolve(remote.loadDatasets(transfer(input, transferables)));
      loading = load.catch(() => undefined);
      return load;
    },
    async run(kind, start, onProgress) {
      const requestId = nextRequestId++;
      latest.set(kind, requestId);
      await loading;
      if (latest.get(kind) !== requestId) return null;
      const answer = await start(
        requestId,
        proxy((progress: Progress) => {
          if (latest.get(kind) === requestId) onProgress(progress);
        }),
      );
      if (latest.get(kind) !== requestId || answer.status !== 'done') return null;
      return { result: answer.result, fromCache: answer.fromCache, milliseconds: answer.milliseconds };
    },
    cancel(kind) {
      const requestId = latest.get(kind);
      if (requestId === undefined) return;
      latest.delete(kind);
      void remote.cancel(requestId);
    },
    terminate() {
      endpoint.terminate();
    },
  };
}
