/**
 * Wraps a render so that calls within one task run it once, at the end of the
 * task: an answer often changes several store slices at once, and each would
 * otherwise rebuild the same DOM or deck layers.
 */
export function coalesced(run: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      run();
    });
  };
}
