/**
 * Keeps the URL hash and the app in step (format: url-state.ts).
 *
 * History scheme: moving the map replaces the current entry (panning must
 * not flood the back button); a discrete change — layer shown or hidden,
 * opacity, selection, analysis, drawn area or candidate, site filter — pushes a new entry. Both are debounced
 * (300 ms) so one slider drag or one fly-to makes one entry. Back/forward
 * and a pasted hash restore the view (popstate / hashchange); a malformed
 * hash restores what it can and ignores the rest.
 */
import type { FlowState } from '../flows/flow-state';
import { flowStatePatch } from '../flows/flow-url';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { decodeUrlState, encodeUrlState, statePatch, type UrlView } from '../state/url-state';

const DEBOUNCE_MILLISECONDS = 300;

/** The parts of the state a link carries whose change is a step of its own (a new history entry). */
const DISCRETE_PARTS = [
  'layers',
  'selection',
  'activeAnalysis',
  'analysisParameters',
  'siteFilter',
  'analysisInput',
  'priorityWeights',
  'roundComparison',
  'shownRound',
] as const satisfies readonly (keyof AppState)[];

/** The current hash of the app, as a link would carry it (with the movements when `flows` is given). */
export function currentHash(store: Store<AppState>, view: MapView, flows?: Store<FlowState>): string {
  const { longitude, latitude, zoom, bearing } = view.getCamera();
  return encodeUrlState(
    { ...store.get(), flows: flows?.get() ?? null },
    { longitude, latitude, zoom, bearing },
  );
}

/** Applies a decoded view to the store and the map (and the movements when `flows` is given). */
export function applyUrlView(
  store: Store<AppState>,
  view: MapView,
  decoded: UrlView,
  flows?: Store<FlowState>,
): void {
  if (Object.keys(decoded).length === 0) return;
  store.set((state) => statePatch(state, decoded));
  flows?.set(flowStatePatch(decoded.flows));
  if (decoded.camera) view.setCamera(decoded.camera);
}

/**
 * Opens a view by its hash (a saved view), as a pasted link would. The address is written a
 * moment after each change, so it can still hold a hash equal to the view's: setting the same
 * hash fires no `hashchange` and the view would not open, so the event is sent instead.
 */
export function openHash(hash: string, window_: Window = window): void {
  if (window_.location.hash === hash) window_.dispatchEvent(new Event('hashchange'));
  else window_.location.hash = hash;
}

export function mountUrlSync(
  store: Store<AppState>,
  view: MapView,
  window_: Window = window,
  flows?: Store<FlowState>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let push = false;
  let applying = false;
  /** The address as this sync last wrote or read it: another change to it is a view being opened. */
  let known = window_.location.hash;

  const write = () => {
    timer = undefined;
    // Someone opened a view since (its hashchange is on its way): the app's state is not written
    // over it.
    if (window_.location.hash !== known) return;
    const hash = currentHash(store, view, flows);
    const mode = push ? 'pushState' : 'replaceState';
    push = false;
    if (hash === window_.location.hash) return;
    window_.history[mode](window_.history.state, '', hash);
    known = window_.location.hash;
  };
  const schedule = (discrete: boolean) => {
    if (applying) return;
    push ||= discrete;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MILLISECONDS);
  };
  const restore = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    push = false;
    known = window_.location.hash;
    applying = true;
    try {
      applyUrlView(store, view, decodeUrlState(window_.location.hash), flows);
    } finally {
      applying = false;
    }
  };

  restore();
  const unsubscribers = [
    view.on('move-end', () => schedule(false)),
    ...DISCRETE_PARTS.map((part) =>
      store.subscribe(
        (state) => state[part],
        () => schedule(true),
      ),
    ),
    // Movements shown or hidden, their categories, period and colouring: each a step of its own.
    ...(flows
      ? [
          flows.subscribe(
            (state) => state.shown,
            () => schedule(true),
          ),
          flows.subscribe(
            (state) => state.filter,
            () => schedule(true),
          ),
          flows.subscribe(
            (state) => state.pressureShown,
            () => schedule(true),
          ),
        ]
      : []),
  ];
  window_.addEventListener('popstate', restore);
  window_.addEventListener('hashchange', restore);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
    window_.removeEventListener('popstate', restore);
    window_.removeEventListener('hashchange', restore);
  };
}
