/**
 * A minimal observable store: get / set / subscribe(selector). Listeners run
 * only when their selected slice changes (Object.is), so a panel that watches
 * the language is not woken by a hover.
 */
export interface Store<State> {
  get(): State;
  set(update: Partial<State> | ((state: State) => Partial<State>)): void;
  subscribe<Slice>(
    selector: (state: State) => Slice,
    listener: (slice: Slice, state: State) => void,
  ): () => void;
}

export function createStore<State extends object>(initial: State): Store<State> {
  let state = initial;
  const listeners = new Set<(state: State) => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(selector, listener) {
      let previous = selector(state);
      const watcher = (next: State) => {
        const slice = selector(next);
        if (Object.is(slice, previous)) return;
        previous = slice;
        listener(slice, next);
      };
      listeners.add(watcher);
      return () => listeners.delete(watcher);
    },
  };
}
