/**
 * The analysis worker: exposes the analysis API over Comlink, nothing else.
 * All logic lives in `analysis-api.ts` and the pure modules under `analysis/`.
 */
import { type Endpoint, expose } from 'comlink';
import { analysisApi } from './analysis-api';

expose(analysisApi, self as unknown as Endpoint);
