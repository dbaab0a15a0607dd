import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentHash, mountUrlSync, openHash } from '../../src/app/url-sync';
import type { MapView } from '../../src/map/map-view';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { createStore, type Store } from '../../src/state/store';

/**
 * A window whose address changes as a browser's do: written by history without an event, set
 * through `location.hash` with a `hashchange` some time later (`eventDelay`).
 */
function fakeWindow(hash: string, eventDelay: number) {
  const target = new EventTarget();
  let current = hash;
  const location = {
    get hash() {
      return current;
    },
    set hash(next: string) {
      if (next === current) return;
      current = next;
      setTimeout(() => target.dispatchEvent(new Event('hashchange')), eventDelay);
    },
  };
  const history = {
    state: null,
    replaceState: (_state: unknown, _title: string, next: string) => {
      current = next;
    },
    pushState: (_state: unknown, _title: string, next: string) => {
      current = next;
    },
  };
  return Object.assign(target, { location, history }) as unknown as Window;
}

/** The map's side of the sync: a still camera, no moves. */
const view = {
  on: () => () => undefined,
  getCamera: () => ({ longitude: -72.3, latitude: 18.54, zoom: 11, bearing: 0 }),
  setCamera: () => undefined,
} as unknown as MapView;

describe('the URL sync and a saved view opened', () => {
  let store: Store<AppState>;
  /** The address of the app with the coverage analysis open, and with none. */
  let withCoverage: string;
  let withNone: string;

  beforeEach(() => {
    vi.useFakeTimers();
    store = createStore<AppState>(initialAppState('fr'));
    withNone = currentHash(store, view);
    store.set({ activeAnalysis: 'coverage' });
    withCoverage = currentHash(store, view);
    store.set({ activeAnalysis: null });
  });
  afterEach(() => vi.useRealTimers());

  it('opens a view equal to the address not yet rewritten after a change', () => {
    const window_ = fakeWindow(withNone, 0);
    const unmount = mountUrlSync(store, view, window_);
    // A change: its address is written a moment later…
    store.set({ activeAnalysis: 'exposure' });
    // …and within that moment the user opens a saved view equal to the old address.
    openHash(withNone, window_);
    vi.advanceTimersByTime(1000);
    expect(store.get().activeAnalysis).toBeNull();
    expect(window_.location.hash).toBe(withNone);
    unmount();
  });

  it('does not write the state over a view opened while a write was due', () => {
    // The view's hashchange arrives after the pending write would have fired.
    const window_ = fakeWindow(withNone, 500);
    const unmount = mountUrlSync(store, view, window_);
    store.set({ activeAnalysis: 'exposure' });
    openHash(withCoverage, window_);
    vi.advanceTimersByTime(1000);
    expect(store.get().activeAnalysis).toBe('coverage');
    expect(window_.location.hash).toBe(withCoverage);
    unmount();
  });

  it('still writes the state of a change into the address', () => {
    const window_ = fakeWindow(withNone, 0);
    const unmount = mountUrlSync(store, view, window_);
    store.set({ activeAnalysis: 'coverage' });
    vi.advanceTimersByTime(1000);
    expect(window_.location.hash).toBe(withCoverage);
    unmount();
  });
});
