/**
 * The analysis worker: exposes the analysis API over Comlink, nothing else.
 * All logic lives in `analysis-api.ts` and the pure modules under `analysis/`.
 */
import { type Endpoint, expose } from 'comlink';
import { indexedDbAnalysisCache } from './analysis/result-cache';
import { createAnalysisApi } from './analysis-api';

// Answers are cached in IndexedDB where there is one (browsers); Node worker threads run without.
expose(createAnalysisApi({ cache: indexedDbAnalysisCache() }), self as unknown as Endpoint);
