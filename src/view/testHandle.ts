// window.reroute: the store, what the selectors derive and the renderer, for browser tests and the
// console. Read-mostly: tests change the app through the store, as the panels do.
import type { Chain } from "../analysis";
import type { Dataset } from "../domain/types";
import type { Derived } from "../state/derived";
import type { Highlight } from "../state/highlight";
import type { Positions } from "../state/layouts";
import { openDataset } from "../state/openDataset";
import type { Scene } from "../state/scene";
import type { Selectors } from "../state/selectors";
import type { Store } from "../state/store";
import type { Renderer } from "./renderer";
import { renderCount } from "./signals";

export interface TestApp {
  store: Store;
  renderer: Renderer;
  dataset(): Dataset;
  derived(): Derived;
  /** The places and flows in view, before clustering. */
  scene(): Scene;
  /** What the renderer draws (big graphs: nearby places clustered at the zoom shown). */
  drawn(): Scene;
  positions(): Positions;
  analysisHighlight(): Highlight | null;
  /** The chain of the trace chosen now (state.trace.chain), or null. */
  chosenChain(): Chain | null;
  /** Opens a dataset as the Datasets section does (its default view, the camera reset). */
  setDataset(dataset: Dataset): void;
}

declare global {
  interface Window {
    reroute?: {
      app: TestApp;
      renders: number;
      /** Viewport position (page CSS px) of a node, for pointer tests. */
      nodeOnPage(id: string): { x: number; y: number; r: number } | null;
    };
  }
}

export function exposeForTests(store: Store, select: Selectors, renderer: Renderer, container: HTMLElement): void {
  const app: TestApp = {
    store,
    renderer,
    dataset: () => store.data().dataset,
    derived: () => select.derived(store.get(), store.data()),
    scene: () => select.scene(store.get(), store.data()),
    drawn: () => select.drawn(store.get(), store.data()),
    positions: () => store.data().positions,
    analysisHighlight: () => select.analysisHighlight(store.get(), store.data()),
    chosenChain: () => select.chosenChain(store.get(), store.data()),
    setDataset: (dataset) => store.update(openDataset(dataset), { camera: { to: "reset" } }),
  };
  window.reroute = {
    app,
    renders: renderCount(),
    nodeOnPage(id) {
      const p = renderer.nodeViewportPosition(id);
      if (!p) return null;
      const r = container.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y, r: p.r };
    },
  };
}
