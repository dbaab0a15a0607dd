/**
 * Waiting on work a user may cancel: the wait ends at the cancel, the work
 * itself is left to settle on its own.
 */

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it is aborted. The
 * abandoned promise still settles on its own (a GPU read frees its buffer then).
 */
export function untilAborted<Value>(
  promise: Promise<Value>,
  signal: AbortSignal | undefined,
): Promise<Value> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<Value>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
