/**
 * Per-site intermediate results (hazard containment, admin containment,
 * nearest services, control distances) memoised by the identity of their
 * inputs: the site table and the prepared layer objects a run's snapshot
 * holds, plus a parameter key. A value computed from old inputs can only
 * ever be found again with those same old objects, so an answer can never
 * mix the rows of two datasets (the bug closure variables allowed).
 *
 * One computation per key at a time, shared: exposure and flags asking for
 * the same containment wait on the same chunked work, each with its own
 * progress and its own stop check. The work stops when no run is left
 * waiting for it, and its slot is freed so the next run starts over.
 */
import { nextTask } from './next-task';

/** A run waiting for an intermediate. */
export interface Waiter {
  /** Throws when the run no longer wants an answer (cancelled, superseded). */
  check(): void;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Given to a computation, called around each chunk. */
export interface ChunkStep {
  /** Yields to the event loop, then stops the computation (throws) if no run is left waiting. */
  next(): Promise<void>;
  /** Reports sites done to every waiting run. */
  progress(done: number, total: number): void;
}

interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
  waiter: Waiter;
}

interface Slot<T> {
  value?: T;
  waiters?: Set<Pending<T>>;
}

/** Thrown inside a computation that nobody waits for any more. */
class Abandoned extends Error {}

export interface Intermediates {
  /**
   * The intermediate of `inputs` (compared by identity) and `parameter`:
   * known, joined while in flight, or computed by `compute`, which must call
   * `step.next()` before each chunk.
   */
  obtain<T>(
    inputs: readonly [object, object],
    parameter: string,
    waiter: Waiter,
    compute: (step: ChunkStep) => Promise<T>,
  ): Promise<T>;
  /** A finished value for these inputs whose parameter satisfies `accepts`, if any. */
  find<T>(inputs: readonly [object, object], accepts: (parameter: string) => boolean): T | undefined;
}

export function createIntermediates(): Intermediates {
  const slots = new WeakMap<object, WeakMap<object, Map<string, Slot<unknown>>>>();

  const slotsOf = ([first, second]: readonly [object, object]): Map<string, Slot<unknown>> => {
    let bySecond = slots.get(first);
    if (!bySecond) {
      bySecond = new WeakMap();
      slots.set(first, bySecond);
    }
    let byParameter = bySecond.get(second);
    if (!byParameter) {
      byParameter = new Map();
      bySecond.set(second, byParameter);
    }
    return byParameter;
  };

  function start<T>(
    byParameter: Map<string, Slot<unknown>>,
    parameter: string,
    slot: Slot<T>,
    compute: (step: ChunkStep) => Promise<T>,
  ): void {
    const waiters = slot.waiters!;
    const next = async () => {
      await nextTask();
      for (const pending of [...waiters]) {
        try {
          pending.waiter.check();
        } catch (stop) {
          waiters.delete(pending);
          pending.reject(stop);
        }
      }
      if (waiters.size === 0) throw new Abandoned();
    };
    const progress = (done: number, total: number) => {
      for (const pending of waiters) pending.waiter.onProgress?.(done, total);
    };
    compute({ next, progress }).then(
      (value) => {
        slot.value = value;
        delete slot.waiters;
        for (const pending of waiters) pending.resolve(value);
      },
      (error: unknown) => {
        byParameter.delete(parameter);
        if (!(error instanceof Abandoned)) for (const pending of waiters) pending.reject(error);
      },
    );
  }

  return {
    obtain<T>(
      inputs: readonly [object, object],
      parameter: string,
      waiter: Waiter,
      compute: (step: ChunkStep) => Promise<T>,
    ): Promise<T> {
      const byParameter = slotsOf(inputs);
      let slot = byParameter.get(parameter) as Slot<T> | undefined;
      if (slot && 'value' in slot) return Promise.resolve(slot.value as T);
      const joining = slot !== undefined;
      if (!slot) {
        slot = { waiters: new Set() };
        byParameter.set(parameter, slot);
      }
      const waiters = slot.waiters!;
      const answer = new Promise<T>((resolve, reject) => waiters.add({ resolve, reject, waiter }));
      if (!joining) start(byParameter, parameter, slot, compute);
      return answer;
    },
    find<T>(inputs: readonly [object, object], accepts: (parameter: string) => boolean): T | undefined {
      for (const [parameter, slot] of slotsOf(inputs)) {
        if ('value' in slot && accepts(parameter)) return slot.value as T;
      }
      return undefined;
    },
  };
}
