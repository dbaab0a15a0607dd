/**
 * The analysis flags of the *source* sites, for flag filters (see the module
 * comment of state/site-filter.ts for why they cannot come from the analysis
 * controller, whose results are indexed on the filtered sites).
 *
 * They are computed by the one analysis worker, in its `source` view: the
 * client sends `sourceDatasets` there on first use only (most sessions never
 * filter by flags), and any layer the filtered view already holds — every
 * layer, while no filter is set — goes as a reference, so nothing is sent,
 * prepared or computed twice (intermediates are shared by identity). Its
 * inputs are `sourceDatasets` and the analysis parameters, never the filter
 * or `datasets`: filtering by flags cannot trigger a recomputation of the
 * flags it filters on.
 */
import type { Datasets } from '../domain/types';
import type { AnalysisParameters, AppState } from '../state/app-state';
import type { SourceSiteFlags } from '../state/site-filter';
import { createStore, type Store } from '../state/store';
import type { AnalysisClient } from './analysis-client';

/** The run key of these flags: distinct from the table's `flags`, so neither supersedes the other. */
const RUN_KEY = 'source-flags';

export interface SourceFlagsState {
  /** The latest flags, with the sites they are indexed on. */
  flags: SourceSiteFlags | null;
  running: boolean;
  error: string | null;
}

export interface SourceFlags {
  state: Store<SourceFlagsState>;
  /** Computes the flags of the current source data and parameters unless they are known or on their way. */
  ensure(): void;
  dispose(): void;
}

/**
 * @param client the shared analysis client, looked up on first use only.
 */
export function createSourceFlags(store: Store<AppState>, client: () => AnalysisClient): SourceFlags {
  const state = createStore<SourceFlagsState>({ flags: null, running: false, error: null });
  let shared: AnalysisClient | undefined;
  // The inputs of the last finished or running computation.
  let computedFor: { source: Datasets; parameters: AnalysisParameters } | null = null;

  async function compute(source: Datasets, parameters: AnalysisParameters): Promise<void> {
    computedFor = { source, parameters };
    shared ??= client();
    const current = shared;
    state.set({ running: true, error: null });
    try {
      await current.sync(source, 'source');
      const answer = await current.run(
        RUN_KEY,
        (requestId, onProgress) =>
          current.remote.runSiteFlags(
            {
              accessDistanceMeters: parameters.accessDistanceMeters,
              healthDistanceMeters: parameters.healthDistanceMeters,
            },
            { requestId, view: 'source' },
            onProgress,
          ),
        () => {},
      );
      // Superseded by a newer request (null), or inputs changed meanwhile: that run publishes.
      if (answer === null || computedFor?.source !== source || computedFor.parameters !== parameters) return;
      state.set({
        flags: {
          sites: source.sites,
          bits: answer.result.flags,
          hazardSeverity: answer.result.hazardSeverityByType,
        },
        running: false,
      });
    } catch (error) {
      if (computedFor?.source !== source || computedFor.parameters !== parameters) return;
      computedFor = null;
      state.set({ running: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    state,
    ensure() {
      const { sourceDatasets, analysisParameters } = store.get();
      if (!sourceDatasets) return;
      if (computedFor?.source === sourceDatasets && computedFor.parameters === analysisParameters) return;
      void compute(sourceDatasets, analysisParameters);
    },
    dispose() {
      // The client is shared: its owner terminates it. A late answer is dropped.
      computedFor = null;
      shared?.cancel(RUN_KEY);
    },
  };
}
