/**
 * Runs the analyses the state asks for, off the main thread: keeps the worker's
 * data in step with the store, reruns the active analysis when its inputs or
 * parameters change, and publishes answers in the results store and headline
 * numbers in `keyFigures`.
 */
import type { AreaShape } from '../../workers/analysis/index';
import type { Progress, RunResult } from '../../workers/analysis-api';
import type { Datasets } from '../domain/types';
import { translator } from '../i18n/translate';
import type { AnalysisId, AppState } from '../state/app-state';
import { createStore, type Store } from '../state/store';
import type { AnalysisClient, RunAnswer } from './analysis-client';
import { type AnalysisResults, emptyResults } from './analysis-results';
import { keyFigures } from './key-figures';

export interface AnalysisController {
  results: Store<AnalysisResults>;
  /** Sites inside a drawn polygon or circle. */
  runArea(shape: AreaShape): Promise<void>;
  /** Vets a proposed site location. */
  checkCandidate(longitude: number, latitude: number): Promise<void>;
  /** Stops a running analysis (its answer is dropped). */
  cancel(analysis: AnalysisId | 'flags'): void;
  /** Computes the per-site flags (for the site table) if they are not there yet. */
  ensureFlags(): void;
  dispose(): void;
}

/** A quick, uncached worker call, answered like a long run. */
async function quick<T>(call: () => Promise<T | null>): Promise<RunAnswer<T> | null> {
  const started = performance.now();
  const result = await call();
  return result === null ? null : { result, fromCache: false, milliseconds: performance.now() - started };
}

export function createAnalysisController(store: Store<AppState>, client: AnalysisClient): AnalysisController {
  const results = createStore<AnalysisResults>(emptyResults(null));

  /**
   * Runs one worker call, reporting its progress, and writes `patch(result)`
   * unless the answer is stale. Progress travels on its own channel and may
   * land after the answer: once finished, late ticks are ignored.
   */
  async function track<T>(
    analysis: AnalysisId | 'flags',
    call: (onProgress: (progress: Progress) => void) => Promise<RunAnswer<T> | null>,
    patch: (result: T) => Partial<AnalysisResults>,
  ): Promise<void> {
    const sites = results.get().sites;
    const startedAt = performance.now();
    let finished = false;
    const clearRunning = () => {
      if (results.get().running?.analysis === analysis) results.set({ running: null });
    };
    results.set({ running: { analysis, done: 0, total: 0, startedAt }, error: null });
    try {
      const answer = await call((progress) => {
        if (!finished)
          results.set({ running: { analysis, done: progress.done, total: progress.total, startedAt } });
      });
      finished = true;
      // Data replaced meanwhile: this answer is indexed on the old sites.
      if (results.get().sites !== sites) return;
      if (answer !== null) {
        const lastRun = { analysis, fromCache: answer.fromCache, milliseconds: answer.milliseconds };
        results.set({
          ...patch(answer.result),
          lastRuns: { ...results.get().lastRuns, [analysis]: lastRun },
        });
      }
      clearRunning();
    } catch (error) {
      finished = true;
      clearRunning();
      results.set({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** A long, chunked worker run of one kind, with progress. */
  function runLong<T>(
    kind: 'exposure' | 'access' | 'coverage' | 'admin' | 'area' | 'flags',
    start: (requestId: number, progress: (progress: Progress) => void) => Promise<RunResult<T>>,
    patch: (result: T) => Partial<AnalysisResults>,
  ): Promise<void> {
    return track(kind, (onProgress) => client.run(kind, start, onProgress), patch);
  }

  function runActive(): void {
    const state = store.get();
    const { accessDistanceMeters, healthDistanceMeters } = state.analysisParameters;
    const remote = client.remote;
    switch (state.activeAnalysis) {
      case 'exposure':
        void runLong(
          'exposure',
          (requestId, progress) => remote.runExposure({ requestId }, progress),
          (exposure) => ({ exposure }),
        );
        break;
      case 'access':
        void runLong(
          'access',
          (requestId, progress) => remote.runAccess(accessDistanceMeters, { requestId }, progress),
          (access) => ({ access }),
        );
        break;
      case 'coverage':
        void runLong(
          'coverage',
          (requestId, progress) => remote.runCoverage(healthDistanceMeters, { requestId }, progress),
          (coverage) => ({ coverage }),
        );
        break;
      case 'space':
        void track(
          'space',
          () => quick(() => remote.runSpacePerPerson()),
          (space) => ({ space }),
        );
        break;
      case 'admin':
        void runLong(
          'admin',
          (requestId, progress) => remote.runByAdmin({ requestId }, progress),
          (admin) => ({ admin }),
        );
        break;
      case 'area':
      case 'candidate':
      case null:
        break;
    }
    // Flags feed the table and the highlights; keep them current while anything uses them.
    if (state.activeAnalysis || results.get().flags) runFlags();
  }

  /** The per-site flags behind the table and the map highlights. */
  function runFlags(): void {
    const { accessDistanceMeters, healthDistanceMeters } = store.get().analysisParameters;
    void runLong(
      'flags',
      (requestId, progress) =>
        client.remote.runSiteFlags({ accessDistanceMeters, healthDistanceMeters }, { requestId }, progress),
      (flags) => ({ flags }),
    );
  }

  function publishKeyFigures(): void {
    const state = store.get();
    const figures = keyFigures(state.activeAnalysis, results.get(), translator(state.language));
    store.set({ keyFigures: figures });
  }

  function onDatasets(datasets: Datasets | null): void {
    if (!datasets) return;
    // Sync first: listeners of the reset below may start runs, which must wait for the new data.
    void client.sync(datasets);
    results.set(emptyResults(datasets.sites));
    runActive();
  }

  onDatasets(store.get().datasets);
  const unsubscribers = [
    store.subscribe((state) => state.datasets, onDatasets),
    store.subscribe((state) => state.activeAnalysis, runActive),
    store.subscribe((state) => state.analysisParameters, runActive),
    store.subscribe((state) => state.activeAnalysis, publishKeyFigures),
    store.subscribe((state) => state.language, publishKeyFigures),
    // Only answers change the figures: progress ticks (which replace `running`) must not wake this.
    ...(['exposure', 'access', 'coverage', 'space', 'admin', 'area'] as const).map((key) =>
      results.subscribe((current) => current[key], publishKeyFigures),
    ),
  ];

  return {
    results,
    runArea(shape) {
      return runLong(
        'area',
        (requestId, progress) => client.remote.runAreaOfInterest(shape, { requestId }, progress),
        (area) => ({ area: { ...area, shape } }),
      );
    },
    async checkCandidate(longitude, latitude) {
      const { accessDistanceMeters, healthDistanceMeters } = store.get().analysisParameters;
      await track(
        'candidate',
        () =>
          quick(() =>
            client.remote.checkCandidate(longitude, latitude, { accessDistanceMeters, healthDistanceMeters }),
          ),
        (candidate) => ({ candidate }),
      );
    },
    cancel(analysis) {
      // Space per person and the candidate check are single quick calls: nothing to cancel.
      if (analysis === 'space' || analysis === 'candidate') return;
      client.cancel(analysis);
      results.set({ running: null });
    },
    ensureFlags() {
      const current = results.get();
      if (!current.flags && current.running?.analysis !== 'flags') runFlags();
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      client.terminate();
    },
  };
}
