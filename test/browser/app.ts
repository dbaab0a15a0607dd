/**
 * Typed access to the running app's handle (`globalThis.katsit`, the type
 * `KatsitHandle` of src/app/test-handle.ts) from a test in Node.
 *
 * Functions given here run in the page, not in Node: they are sent as source
 * text, so they may use only their parameters (the handle and one JSON
 * argument), never variables of the test.
 */
import type { Page } from 'playwright-core';
import type { AnalysisResults } from '../../src/analysis/analysis-results';
import type { KatsitHandle } from '../../src/app/test-handle';
import type { AppState } from '../../src/state/app-state';

/** A value that survives JSON: what may cross from the test into the page. */
export type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | { readonly [key: string]: Json | undefined };

/** The expression that calls `run(katsit, argument)` in the page. */
function call(run: (...parameters: never[]) => unknown, argument: unknown): string {
  return `(${run.toString()})(globalThis.katsit, ${JSON.stringify(argument ?? null)})`;
}

export interface App {
  /** Runs `run(katsit, argument)` in the page and returns its (serialisable) answer. */
  evaluate<R, A extends Json | undefined = undefined>(
    run: (katsit: KatsitHandle, argument: A) => R | Promise<R>,
    argument?: A,
  ): Promise<Awaited<R>>;
  /** Waits until `predicate(katsit, argument)` is truthy (polled every 16 ms unless told). */
  waitFor<A extends Json | undefined = undefined>(
    predicate: (katsit: KatsitHandle, argument: A) => unknown,
    argument?: A,
    options?: { timeout?: number; polling?: number | 'raf' },
  ): Promise<void>;
  /** A part of the app state, picked in the page (the whole state holds every dataset). */
  state<R>(pick: (state: AppState) => R): Promise<Awaited<R>>;
  /** `store.set(patch)` in the page. */
  set(patch: { [K in keyof AppState]?: AppState[K] & Json }): Promise<void>;
  /** A part of the analysis results, picked in the page. */
  results<R>(pick: (results: AnalysisResults) => R): Promise<Awaited<R>>;
  /** Waits until the map has drawn everything after a change. */
  waitForIdle(): Promise<void>;
  /** Moves the map to a view and waits until it has drawn it. */
  jumpTo(view: { center: [number, number]; zoom: number }): Promise<void>;
}

/** The typed handle of the app in `page`. */
export function app(page: Page): App {
  const evaluate: App['evaluate'] = (run, argument) => page.evaluate(call(run, argument));
  const pickIn =
    (where: 'store' | 'results') =>
    <R>(pick: (value: never) => R) =>
      page.evaluate(
        `(${pick.toString()})(${where === 'store' ? 'globalThis.katsit.store' : 'globalThis.katsit.analysis.results'}.get())`,
      ) as Promise<Awaited<R>>;
  const waitForIdle = () => evaluate((katsit) => katsit.view.whenIdle());
  return {
    evaluate,
    async waitFor(predicate, argument, options = {}) {
      // Polled from Node: the page's Content-Security-Policy forbids the eval that
      // waitForFunction would need to run a function sent as text.
      const expression = `Boolean(${call(predicate, argument)})`;
      const timeout = options.timeout ?? 30_000;
      const interval = typeof options.polling === 'number' ? options.polling : 16;
      const deadline = Date.now() + timeout;
      while (!(await page.evaluate(expression))) {
        if (Date.now() > deadline)
          throw new Error(`app(page).waitFor timed out after ${timeout} ms: ${predicate}`);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
    state: pickIn('store'),
    results: pickIn('results'),
    async set(patch) {
      await evaluate((katsit, value) => katsit.store.set(value as Partial<AppState>), patch as Json);
    },
    waitForIdle,
    async jumpTo(view) {
      const camera = { longitude: view.center[0], latitude: view.center[1], zoom: view.zoom };
      await evaluate((katsit, target) => katsit.view.setCamera(target as never), camera);
      await waitForIdle();
    },
  };
}
