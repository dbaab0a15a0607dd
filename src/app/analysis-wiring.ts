/**
 * The analysis side of the app, created together: one analysis worker (for the
 * analyses, the country-zoom grouping and the flag filter; restarted with the
 * data if it dies), the controller that runs what the state asks for, and the
 * source-site flags behind flag filters, kept in step by the site-filter sync.
 */
import { type AnalysisClient, analysisWorker, createAnalysisClient } from '../analysis/analysis-client';
import { type AnalysisController, createAnalysisController } from '../analysis/analysis-controller';
import { createSourceFlags, type SourceFlags } from '../analysis/source-site-flags';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { mountSiteFilterSync } from './site-filter-sync';

/** The parts other modules are wired to. */
export interface AnalysisWiring {
  client: AnalysisClient;
  analysis: AnalysisController;
  sourceFlags: SourceFlags;
}

/** Creates the worker, the controller and the flag filter's flags; `datasets` then follows `sourceDatasets`. */
export function createAnalysisWiring(store: Store<AppState>): AnalysisWiring {
  const client = createAnalysisClient(analysisWorker, {
    stoppedMessage: () => translator(store.get().language)('analysis.workerStopped'),
  });
  const analysis = createAnalysisController(store, client);
  const sourceFlags = createSourceFlags(store, () => client);
  mountSiteFilterSync(store, sourceFlags, { onFlagFilter: () => analysis.ensureFlags() });
  return { client, analysis, sourceFlags };
}
