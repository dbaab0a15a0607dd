/**
 * The error a pending analysis rejects with when its worker died (crashed,
 * was terminated, or stopped answering). Expected, not a bug: the client has
 * already started a new worker with the current data, so the user only needs
 * to run the analysis again. Recognise it by `code` (or `isAnalysisWorkerStopped`),
 * like maplibre-gl-js's `AbortError`/`isAbortError`.
 */
export class AnalysisWorkerStopped extends Error {
  readonly code = 'worker-stopped';

  /** `message` is what a generic error display shows: the client passes the translated text. */
  constructor(message = 'analysis.workerStopped') {
    super(message);
    this.name = 'AnalysisWorkerStopped';
  }
}

/** True for the error of an analysis whose worker died (also across realms, by its code). */
export function isAnalysisWorkerStopped(error: unknown): error is AnalysisWorkerStopped {
  return (
    error instanceof AnalysisWorkerStopped ||
    (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'worker-stopped')
  );
}
