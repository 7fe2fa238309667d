// A minimal observable store around the view state: dispatch(producer), subscribe(listener).
import type { Producer } from "./producers";
import type { ViewState } from "./viewState";

export type Listener = (state: ViewState, previous: ViewState) => void;

export interface Store {
  get(): ViewState;
  dispatch(producer: Producer): void;
  /** Replace the whole state (loading a link or a saved view). */
  replace(state: ViewState): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const emit = (next: ViewState) => {
    if (next === state) return;
    const previous = state;
    state = next;
    for (const listener of [...listeners]) listener(state, previous);
  };
  return {
    get: () => state,
    dispatch: (producer) => emit(producer(state)),
    replace: (next) => emit(next),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
