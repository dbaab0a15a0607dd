/**
 * The analysis flags of the *source* sites, for flag filters (see the module
 * comment of site-filter.ts for why they cannot come from the analysis
 * controller, whose results are indexed on the filtered sites).
 *
 * They are computed by a second analysis client, created on first use only
 * (most sessions never filter by flags), that holds `sourceDatasets` and runs
 * the same `runSiteFlags` as the site table. Its inputs are `sourceDatasets`
 * and the analysis parameters, never the filter or `datasets`: filtering by
 * flags cannot trigger a recomputation of the flags it filters on.
 */
import type { AnalysisClient } from '../analysis/analysis-client';
import type { Datasets } from '../domain/types';
import type { AnalysisParameters, AppState } from './app-state';
import type { SourceSiteFlags } from './site-filter';
import { createStore, type Store } from './store';

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

export function createSourceFlags(store: Store<AppState>, makeClient: () => AnalysisClient): SourceFlags {
  const state = createStore<SourceFlagsState>({ flags: null, running: false, error: null });
  let client: AnalysisClient | undefined;
  // The inputs of the last finished or running computation.
  let computedFor: { source: Datasets; parameters: AnalysisParameters } | null = null;

  async function compute(source: Datasets, parameters: AnalysisParameters): Promise<void> {
    computedFor = { source, parameters };
    client ??= makeClient();
    const current = client;
    state.set({ running: true, error: null });
    try {
      await current.sync(source);
      const answer = await current.run(
        'flags',
        (requestId, onProgress) =>
          current.remote.runSiteFlags(
            {
              accessDistanceMeters: parameters.accessDistanceMeters,
              healthDistanceMeters: parameters.healthDistanceMeters,
            },
            { requestId },
            onProgress,
          ),
        () => {},
      );
      // Superseded by a newer request (null), or inputs changed meanwhile: that run publishes.
      if (answer === null || computedFor?.source !== source || computedFor.parameters !== parameters) return;
      state.set({ flags: { sites: source.sites, bits: answer.result.flags }, running: false });
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
      client?.terminate();
      client = undefined;
    },
  };
}
