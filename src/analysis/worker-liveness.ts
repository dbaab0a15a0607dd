/**
 * Notices a worker that died without a word. A worker that called
 * `self.close()`, was killed or hangs sends nothing: no error event, no
 * answer. While calls are pending, a worker quiet for `quietMilliseconds`
 * (no answer, no progress) is pinged; no pong within `pongMilliseconds`
 * means it is dead. A busy but healthy worker yields between chunks of
 * ~10–50 ms during runs, so it answers a ping well within that time; calls
 * that are one long task (loads, quick calls) get the start-up time instead.
 */

export interface LivenessOptions {
  /** Quiet time, while calls are pending, before a ping (default 2 s). */
  quietMilliseconds?: number;
  /** Time a ping has to be answered (default 2 s). */
  pongMilliseconds?: number;
  /** Time a new worker has to answer for the first time: loading its script and first data (default 15 s). */
  startupMilliseconds?: number;
}

export interface WorkerLiveness {
  /** Anything heard from the worker (an answer, a progress tick, a pong). */
  heard(): void;
  /** Starts or stops watching: call with true while calls are pending. */
  watch(active: boolean): void;
  /** A new worker: nothing heard from it yet, so it gets the start-up time to answer. */
  restarted(): void;
  /** Stops for good. */
  dispose(): void;
}

/**
 * @param lenient true while a call that runs as one long task (a data load, a
 *   grouping index over a million sites) may keep the worker from answering:
 *   the ping then gets the start-up time.
 */
export function createWorkerLiveness(
  ping: () => Promise<unknown>,
  onDead: () => void,
  options: LivenessOptions = {},
  lenient: () => boolean = () => false,
): WorkerLiveness {
  const quiet = options.quietMilliseconds ?? 2000;
  const pongWithin = options.pongMilliseconds ?? 2000;
  const startup = options.startupMilliseconds ?? 15_000;
  const tick = Math.max(50, Math.min(quiet, pongWithin) / 4);
  let lastHeard = performance.now();
  let started = false;
  let pingSentAt: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  // Pongs of an earlier ping round (or an earlier worker) must not count for this one.
  let round = 0;

  const check = () => {
    const now = performance.now();
    if (pingSentAt !== null) {
      if (now - pingSentAt > (started && !lenient() ? pongWithin : startup)) {
        pingSentAt = null;
        round += 1;
        onDead();
      }
      return;
    }
    if (now - lastHeard < quiet) return;
    pingSentAt = now;
    const sent = round;
    ping().then(
      () => {
        if (sent === round) liveness.heard();
      },
      () => {},
    );
  };

  const liveness: WorkerLiveness = {
    heard() {
      started = true;
      lastHeard = performance.now();
      pingSentAt = null;
    },
    watch(active) {
      if (active && timer === null) {
        lastHeard = performance.now();
        pingSentAt = null;
        timer = setInterval(check, tick);
      } else if (!active && timer !== null) {
        clearInterval(timer);
        timer = null;
        pingSentAt = null;
      }
    },
    restarted() {
      started = false;
      lastHeard = performance.now();
      pingSentAt = null;
      round += 1;
    },
    dispose() {
      liveness.watch(false);
      round += 1;
    },
  };
  return liveness;
}
