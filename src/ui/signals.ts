// Signals for people and tests: the app is ready, a frame was drawn, an animation ended.
// Tests wait for these (data attributes and window.reroute), never for a fixed sleep.
import type { App } from "./app";

declare global {
  interface Window {
    reroute?: {
      app: App;
      renders: number;
      /** Viewport position (page CSS px) of a node, for pointer tests. */
      nodeOnPage(id: string): { x: number; y: number; r: number } | null;
    };
  }
}

let renders = 0;

export function signalRender(): void {
  renders++;
  if (window.reroute) window.reroute.renders = renders;
  document.documentElement.dataset.renders = String(renders);
}

export function signalReady(app: App): void {
  window.reroute = {
    app,
    renders,
    nodeOnPage(id) {
      const p = app.renderer.nodeViewportPosition(id);
      if (!p) return null;
      const r = document.getElementById("graph")!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y, r: p.r };
    },
  };
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("reroute:first-frame");
      document.documentElement.dataset.ready = "true";
      window.dispatchEvent(new Event("reroute:ready"));
    }),
  );
}

/** Marks an animation as running until `done` settles; tests wait for data-animating="false". */
export async function trackAnimation<T>(done: Promise<T>): Promise<T> {
  const root = document.documentElement;
  const n = Number(root.dataset.animations ?? "0") + 1;
  root.dataset.animations = String(n);
  root.dataset.animating = "true";
  try {
    return await done;
  } finally {
    const left = Number(root.dataset.animations ?? "1") - 1;
    root.dataset.animations = String(left);
    if (left <= 0) {
      root.dataset.animating = "false";
      window.dispatchEvent(new Event("reroute:idle"));
    }
  }
}
