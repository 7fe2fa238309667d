// Signals for people and tests: the app is ready, a frame was drawn, an animation ended.
// Tests wait for these (data attributes, window events and window.reroute), never for a fixed sleep.

let renders = 0;

export function signalRender(): void {
  renders++;
  if (window.reroute) window.reroute.renders = renders;
  document.documentElement.dataset.renders = String(renders);
}

/** Marks the page ready two frames after the first draw (data-ready, "reroute:ready"). */
export function signalReady(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("reroute:first-frame");
      document.documentElement.dataset.ready = "true";
      window.dispatchEvent(new Event("reroute:ready"));
    }),
  );
}

export function renderCount(): number {
  return renders;
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
