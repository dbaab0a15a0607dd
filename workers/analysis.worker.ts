/**
 * The analysis worker: exposes the analysis API over Comlink, nothing else.
 * All logic lives in `analysis-api.ts`, the session under `session/` and
 * the pure modules under `analysis/`.
 */
import { type Endpoint, expose } from 'comlink';
import { createAnalysisApi } from './analysis-api';
import { indexedDbAnalysisCache } from './indexeddb-analysis-cache';

// Answers are cached in IndexedDB where there is one (browsers); Node worker threads run without.
expose(createAnalysisApi({ cache: indexedDbAnalysisCache() }), self as unknown as Endpoint);
