/**
 * What the analysis worker has answered, kept beside the app state: typed
 * arrays indexed like the loaded sites collection. Not part of the URL state,
 * and replaced whole on every answer so subscribers can compare identities.
 */
import type {
  AccessConstraints,
  AdminTotals,
  AreaOfInterest,
  AreaShape,
  CandidateCheck,
  HazardExposure,
  ServiceCoverage,
  SiteFlags,
  SpacePerPerson,
} from '../../workers/analysis/index';
import type { SiteCollection } from '../domain/types';
import type { AnalysisId } from '../state/app-state';

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

export interface AnalysisResults {
  /** The sites collection the per-site results are indexed on; results for another one are stale. */
  sites: SiteCollection | null;
  running: AnalysisProgress | null;
  error: string | null;
  exposure: HazardExposure | null;
  access: AccessConstraints | null;
  coverage: ServiceCoverage | null;
  space: SpacePerPerson | null;
  admin: AdminTotals | null;
  area: (AreaOfInterest & { shape: AreaShape }) | null;
  candidate: CandidateCheck | null;
  flags: SiteFlags | null;
  /** How the latest answer of each analysis was obtained. */
  lastRuns: Partial<Record<AnalysisId | 'flags', LastRun>>;
}

export function emptyResults(sites: SiteCollection | null): AnalysisResults {
  return {
    sites,
    running: null,
    error: null,
    exposure: null,
    access: null,
    coverage: null,
    space: null,
    admin: null,
    area: null,
    candidate: null,
    flags: null,
    lastRuns: {},
  };
}
