/**
 * What the analysis worker has answered, kept beside the app state: one
 * answer per analysis of the registry (typed arrays indexed like the loaded
 * sites collection) and the per-site flags. Not part of the URL state, and
 * replaced whole on every answer so subscribers can compare identities.
 */
import type { SiteFlags } from '../../workers/analysis/index';
import { type AnalysisAnswers, type AnalysisId, emptyAnswers } from '../analyses/registry';
import type { SiteCollection } from '../domain/types';
import type { MessageKey } from '../i18n/fr';

export interface AnalysisProgress {
  analysis: AnalysisId | 'flags';
  done: number;
  total: number;
  /** performance.now() when the run started: the indicator shows only past 300 ms. */
  startedAt: number;
}

/** How an answer was obtained: computed, or served from the cache of an earlier run. */
export interface LastRun {
  analysis: AnalysisId | 'flags';
  fromCache: boolean;
  milliseconds: number;
}

/** Why a run has no answer, as a catalogue key (never a raw exception message). */
export interface AnalysisError {
  key: MessageKey;
  parameters?: Record<string, string | number>;
}

export type AnalysisResults = AnalysisAnswers & {
  /** The sites collection the per-site results are indexed on; results for another one are stale. */
  sites: SiteCollection | null;
  running: AnalysisProgress | null;
  error: AnalysisError | null;
  flags: SiteFlags | null;
  /** How the latest answer of each analysis was obtained. */
  lastRuns: Partial<Record<AnalysisId | 'flags', LastRun>>;
};

export function emptyResults(sites: SiteCollection | null): AnalysisResults {
  return { ...emptyAnswers(), sites, running: null, error: null, flags: null, lastRuns: {} };
}

/** The error a failed run shows: a worker that stopped says so; anything else is a generic failure. */
export function errorOf(error: unknown): AnalysisError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return { key: code === 'worker-stopped' ? 'analysis.workerStopped' : 'analysis.failed' };
}
