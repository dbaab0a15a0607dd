/**
 * Yielding to the event loop between chunks of a long run, so queued
 * messages (a cancel, newer data, a newer request) are handled in between.
 *
 * `setTimeout(0)` is clamped to 4 ms once nested, which on a 100k-site run
 * of 13 chunks costs ~50 ms of idle worker; maplibre-gl-js's worker yields
 * with a `MessageChannel` message instead, a task that is not clamped. Node
 * (tests, benchmarks) processes up to 1,000 port messages in a row without
 * letting other events in, so there `setImmediate`, which runs once per loop
 * turn after pending I/O, is the equivalent.
 */

type Resume = () => void;

let channel: MessageChannel | null = null;
const waiting: Resume[] = [];

function viaChannel(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Resolves in a later task of the event loop, without timer clamping. */
export function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') return viaChannel();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
