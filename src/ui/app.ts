// What every panel is handed by the composition root (main.ts): the store, the selectors, the places to
// put controls and messages, and the services it may use. Panels read the store and the selectors,
// render, and dispatch; they never reach the renderer (view/sync does) and hold no app state of their own.
import type { Dataset } from "../domain/types";
import type { Derived } from "../state/derived";
import type { Selectors } from "../state/selectors";
import type { Change, Store } from "../state/store";
import type { ViewState } from "../state/viewState";
import type { Messages } from "./messages";
import type { SidePanel } from "./sidePanel";

export interface App {
  store: Store;
  select: Selectors;
  panel: SidePanel;
  messages: Messages;
  /** The bar above the graph, for primary controls (Year, Share link, Export PNG, Import data…). */
  toolbar: HTMLElement;
  /** Resolves when the tweens and camera moves running now have ended. */
  settled(): Promise<void>;
  /** Writes a camera the user moved but that has not rested yet into the state (before reading state.camera). */
  flushCamera(): void;
  /** The open dataset (store.data().dataset). */
  dataset(): Dataset;
  /** The flows in force and shown, for the state now (select.derived). */
  derived(): Derived;
  /** Marks a long task (playing through the years, a force layout run) as running, for tests and people. */
  track<T>(done: Promise<T>): Promise<T>;
}

/** Calls `listener` when another dataset is opened (after the store has it). */
export function onDataset(app: App, listener: (dataset: Dataset) => void): () => void {
  return app.store.subscribe((_s, _p, change: Change) => {
    if (change.data.dataset !== change.prevData.dataset) listener(change.data.dataset);
  });
}

/** Calls `listener` when what the year's flows look like may have changed (data, flows in force, filters, positions). */
export function onScene(app: App, listener: (state: ViewState) => void): () => void {
  let last = app.select.drawn(app.store.get(), app.store.data());
  return app.store.subscribe((state, _p, change) => {
    const scene = app.select.drawn(state, change.data);
    if (scene === last) return;
    last = scene;
    listener(state);
  });
}
