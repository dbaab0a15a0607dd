/**
 * Runs the analyses the state asks for, off the main thread: keeps the worker's
 * data in step with the store, reruns the active analysis when its inputs or
 * parameters change, and publishes answers in the results store and headline
 * numbers in `keyFigures`. What to run and how comes from the analysis's
 * descriptor (src/analyses): this module knows no analysis by name.
 */
import type { AreaShape } from '../../workers/analysis/index';
import type { Progress, RunResult } from '../../workers/analysis-api';
import type { RunChannel } from '../analyses/analysis-descriptor';
import { figureContext, keyFiguresOf } from '../analyses/key-figures';
import { analysisLegend } from '../analyses/overlays';
import { ANALYSES, ANALYSIS_IDS, type AnalysisId, type AnyAnalysis, analysisOf } from '../analyses/registry';
import type { Datasets } from '../domain/types';
import type { AppState } from '../state/app-state';
import { coalesced } from '../state/coalesce';
import { createStore, type Store } from '../state/store';
import type { AnalysisClient, RunAnswer } from './analysis-client';
import { type AnalysisResults, emptyResults, errorOf } from './analysis-results';

export interface AnalysisController {
  results: Store<AnalysisResults>;
  /**
   * Gives an analysis that waits for an input on the map (see `AnalysisDescriptor.input`)
   * its input: kept in the state, it runs now and again when data or parameters change.
   */
  runWithInput(analysis: AnalysisId, input: unknown): void;
  /** Sites inside a drawn polygon or circle (the analysis whose input is an area shape). */
  runArea(shape: AreaShape): void;
  /** Vets a proposed site location (the analysis whose input is a location). */
  checkCandidate(longitude: number, latitude: number): void;
  /** Stops a running analysis (its answer is dropped). */
  cancel(analysis: AnalysisId | 'flags'): void;
  /** Computes the per-site flags (for the site table) if they are not there yet. */
  ensureFlags(): void;
  /**
   * Resolves once every run started for the data and parameters of now has
   * answered, failed or been cancelled, counting runs that a change made just
   * before starts at the end of its task: a product made then prints the key
   * figures and marks of the data on its map, however long the worker took.
   */
  whenAnswered(): Promise<void>;
  dispose(): void;
}

/** The end of the current task: every microtask queued by a change made in it (coalesced runs) has run. */
const endOfTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A quick, uncached worker call, answered like a long run. */
async function quick<T>(call: () => Promise<T | null>): Promise<RunAnswer<T> | null> {
  const started = performance.now();
  const result = await call();
  return result === null ? null : { result, fromCache: false, milliseconds: performance.now() - started };
}

/** The analysis that takes this kind of map input. */
function takingInput(input: AnyAnalysis['input']): AnyAnalysis | undefined {
  return ANALYSES.find((descriptor) => descriptor.input === input);
}

export function createAnalysisController(store: Store<AppState>, client: AnalysisClient): AnalysisController {
  const results = createStore<AnalysisResults>(emptyResults(null));
  /** Worker calls not yet settled, and who waits for there to be none. */
  let inFlight = 0;
  let waiters: (() => void)[] = [];

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
    inFlight++;
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
      results.set({ error: errorOf(error) });
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const waiting = waiters;
        waiters = [];
        for (const resolve of waiting) resolve();
      }
    }
  }

  /** A long, chunked worker run on one channel, with progress. */
  function runLong<T>(
    channel: RunChannel,
    analysis: AnalysisId | 'flags',
    start: (requestId: number, progress: (progress: Progress) => void) => Promise<RunResult<T>>,
    patch: (result: T) => Partial<AnalysisResults>,
  ): Promise<void> {
    return track(analysis, (onProgress) => client.run(channel, start, onProgress), patch);
  }

  /** Runs one analysis as its descriptor says, on the current parameters. */
  function runAnalysis(descriptor: AnyAnalysis, input: unknown): Promise<void> {
    const parameters = store.get().analysisParameters;
    const remote = client.remote;
    const patch = (result: unknown) => ({ [descriptor.id]: result }) as Partial<AnalysisResults>;
    const run = descriptor.run;
    if (run.kind === 'quick')
      return track(descriptor.id, () => quick(() => run.call(remote, parameters, input)), patch);
    return runLong(
      run.channel,
      descriptor.id,
      (requestId, progress) => run.start(remote, parameters, input, requestId, progress),
      patch,
    );
  }

  function runActive(): void {
    const state = store.get();
    const active = state.activeAnalysis ? analysisOf(state.activeAnalysis) : null;
    // Analyses that wait for a map input run once it is there, and again when data or parameters change.
    if (active && active.input === 'none') void runAnalysis(active, undefined);
    const input = state.analysisInput;
    if (active && active.input !== 'none' && input?.analysis === active.id)
      void runAnalysis(active, input.value);
    // Flags feed the table and the highlights; keep them current while anything uses them.
    if (active || results.get().flags) runFlags();
  }

  /** One run however many of its inputs one change touched (a link sets analysis, parameters and input at once). */
  const runActiveSoon = coalesced(runActive);

  /** The per-site flags behind the table and the map highlights. */
  function runFlags(): void {
    const { accessDistanceMeters, healthDistanceMeters } = store.get().analysisParameters;
    void runLong(
      'flags',
      'flags',
      (requestId, progress) =>
        client.remote.runSiteFlags({ accessDistanceMeters, healthDistanceMeters }, { requestId }, progress),
      (flags) => ({ flags }),
    );
  }

  /** Key figures and overlay legend of the active analysis, into the app state. */
  function publishAnswers(): void {
    const state = store.get();
    const figures = state.datasets
      ? keyFiguresOf(
          state.activeAnalysis,
          results.get(),
          figureContext(state.language, state.analysisParameters, state.datasets, {
            filter: state.siteFilter,
            source: state.sourceDatasets,
          }),
        )
      : [];
    store.set({ keyFigures: figures, analysisLegend: analysisLegend(state, results.get()) });
  }

  function onDatasets(datasets: Datasets | null): void {
    if (!datasets) return;
    // Sync first: listeners of the reset below may start runs, which must wait for the new data.
    void client.sync(datasets);
    results.set(emptyResults(datasets.sites));
    runActive();
  }

  /** Keeps a map input in the state (the URL and saved views carry it); the run follows from there. */
  function giveInput(descriptor: AnyAnalysis, value: unknown): void {
    // Kept as a link writes it (vertices to about a metre), so the drawn area and the same area
    // restored from a link or saved view give the very same figures.
    const code = descriptor.inputCode;
    const kept = code ? (code.decode(code.encode(value)) ?? value) : value;
    store.set({ activeAnalysis: descriptor.id, analysisInput: { analysis: descriptor.id, value: kept } });
  }

  onDatasets(store.get().datasets);
  const unsubscribers = [
    store.subscribe((state) => state.datasets, onDatasets),
    store.subscribe((state) => state.activeAnalysis, runActiveSoon),
    store.subscribe((state) => state.analysisParameters, runActiveSoon),
    store.subscribe((state) => state.analysisInput, runActiveSoon),
    store.subscribe((state) => state.activeAnalysis, publishAnswers),
    store.subscribe((state) => state.language, publishAnswers),
    store.subscribe((state) => state.choropleth, publishAnswers),
    // Only answers change the figures: progress ticks (which replace `running`) must not wake this.
    ...ANALYSIS_IDS.map((id) => results.subscribe((current) => current[id], publishAnswers)),
  ];

  return {
    results,
    runWithInput(analysis, input) {
      giveInput(analysisOf(analysis), input);
    },
    runArea(shape) {
      const descriptor = takingInput('area-shape');
      if (descriptor) giveInput(descriptor, shape);
    },
    checkCandidate(longitude, latitude) {
      const descriptor = takingInput('location');
      if (descriptor) giveInput(descriptor, { longitude, latitude });
    },
    cancel(analysis) {
      const run = analysis === 'flags' ? null : analysisOf(analysis).run;
      // Quick runs are single calls: nothing to cancel.
      if (run?.kind === 'quick') return;
      client.cancel(run ? run.channel : 'flags');
      results.set({ running: null });
    },
    ensureFlags() {
      const current = results.get();
      if (!current.flags && current.running?.analysis !== 'flags') runFlags();
    },
    async whenAnswered() {
      // An answer may start another run (flags a filter asks for): wait until a task ends with none.
      for (;;) {
        await endOfTask();
        if (inFlight === 0) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      client.terminate();
    },
  };
}
