// The view sync: the only code that talks to the renderer. It subscribes to the store and sets the
// scene (tweened when the change asks for it), the highlight, the map backdrop and the camera; it turns
// what the user does on the canvas (hover, click, pan and zoom) into store changes.
import { importFrameRatio } from "../state/openDataset";
import type { extentOf } from "../state/layouts";
import { layoutFrame } from "../state/layoutPositions";
import { insetAvailable } from "../state/borderInset";
import { memoLast } from "../state/selectors";
import type { Dataset } from "../domain/types";
import { select, setCamera, setHover } from "../state/producers";
import { setMapScale } from "../state/openDataset";
import type { Scene } from "../state/scene";
import type { Selectors } from "../state/selectors";
import type { CameraMove, Store } from "../state/store";
import type { CameraState, ViewState } from "../state/viewState";
import type { Highlight } from "../state/highlight";
import type { CaptureOptions, CapturedView } from "./captureLayers";
import { createRenderer, mark, type Renderer } from "./renderer";
import { signalRender, trackAnimation } from "./signals";
import { LIGHT_BACKDROP } from "./worldBackdrop";

/** A layout switch tweens the places to their new positions over this long. */
export const LAYOUT_TWEEN_MS = 500;
/** A camera the user moved is written into the state once it has rested this long. */
export const CAMERA_SETTLE_MS = 300;
/** The map's scale (for clustering big graphs) is reported once the camera has rested this long. */
export const SCALE_SETTLE_MS = 150;

export interface ViewSync {
  /** Resolves when the tweens and camera moves running now have ended. */
  settled(): Promise<void>;
  /** Writes a camera the user moved but that has not rested yet into the state now (Share link, Save view). */
  flushCamera(): void;
  /** Draws the current view at a chosen size for image export, with the camera on screen. */
  capture(options: Omit<CaptureOptions, "camera">): Promise<CapturedView>;
  /** For view/testHandle only. */
  renderer: Renderer;
}

const isDefaultCamera = (c: CameraState) =>
  Math.abs(c.x - 0.5) < 1e-6 && Math.abs(c.y - 0.5) < 1e-6 && Math.abs(c.ratio - 1) < 1e-6 && Math.abs(c.angle) < 1e-6;
export const sameCamera = (a: CameraState | null, b: CameraState | null) =>
  a === b ||
  (!!a &&
    !!b &&
    Math.abs(a.x - b.x) < 1e-5 &&
    Math.abs(a.y - b.y) < 1e-5 &&
    Math.abs(a.ratio - b.ratio) < 1e-5 &&
    Math.abs(a.angle - b.angle) < 1e-5);

export function createViewSync(container: HTMLElement, store: Store, selectors: Selectors): ViewSync {
  const running = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const t = trackAnimation(p);
    running.add(t);
    void t.finally(() => running.delete(t));
    return t;
  };
  /** Camera moves that put the state's own camera on screen: their frames are not user moves. */
  let applyingCamera = 0;
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;

  const flushCamera = () => {
    clearTimeout(cameraTimer);
    const cam = renderer.getCamera();
    const next = isDefaultCamera(cam) ? null : cam;
    if (!sameCamera(store.get().camera, next)) store.dispatch(setCamera(next));
  };

  let scaleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Tells the state how many graph units a CSS px shows now (a power of two), once the camera rests. */
  const reportScale = () => {
    clearTimeout(scaleTimer);
    scaleTimer = setTimeout(() => {
      const scale = mapScaleOf(renderer);
      if (scale !== null && scale !== store.data().mapScale) store.update(setMapScale(scale));
    }, SCALE_SETTLE_MS);
  };
  /** Zooms in on a drawn cluster until it splits; false when `id` is not a cluster. */
  const zoomIntoCluster = (id: string): boolean => {
    const cluster = selectors.drawn(store.get(), store.data()).clustering?.byId.get(id);
    if (!cluster) return false;
    const ratio = renderer.getCamera().ratio / (cluster.expandBy ?? 2);
    void track(renderer.focusNode(id, ratio * 0.9));
    return true;
  };

  const renderer = createRenderer(
    container,
    {
      hoverNode: (id) => store.dispatch(setHover(id ? { type: "node", id } : null)),
      hoverEdge: (id) => store.dispatch(setHover(id ? { type: "edge", id } : null)),
      clickNode: (id) => {
        // A cluster opens: the camera zooms in on it until it splits.
        if (!zoomIntoCluster(id)) store.dispatch(select({ type: "node", id }));
      },
      clickEdge: (id) => store.dispatch(select({ type: "edge", id })),
      clickStage: () => store.dispatch(select(null)),
      camera: () => {
        reportScale();
        if (applyingCamera) return;
        clearTimeout(cameraTimer);
        cameraTimer = setTimeout(flushCamera, CAMERA_SETTLE_MS);
      },
      rendered: signalRender,
    },
    { bbox: frameOf(store) },
  );
  const firstBBox = frameOf(store);

  const moveCamera = (move: CameraMove, view: ViewState) => {
    switch (move.to) {
      case "view": {
        clearTimeout(cameraTimer);
        applyingCamera++;
        const done = view.camera ? renderer.setCamera(view.camera, move.animate) : renderer.resetCamera(move.animate);
        void track(done).finally(() => applyingCamera--);
        return;
      }
      case "nodes":
        void track(renderer.fitNodes([...move.ids], true));
        return;
      case "node": {
        // A place inside a cluster: the camera goes to its cluster and opens it.
        const inside = selectors.drawn(view, store.data()).clustering?.placeOf.get(move.id);
        if (!inside || !zoomIntoCluster(inside)) void track(renderer.focusNode(move.id));
        return;
      }
      case "reset":
        void renderer.resetCamera(false);
        return;
      case "data": {
        // Imported data on the map is framed on its places: the frame spans them and the first data (so data
        // far from it, the Americas after Eurasia, is not left off-screen), and the camera fits the places.
        if (view.layout === "geo") renderer.setBBox(unionBBox(firstBBox, frameOf(store)));
        reportScale();
        void renderer.resetCamera(false);
        if (view.layout !== "geo" || store.data().dataset.places.length === 0) return;
        void renderer.fitNodes([], false);
        const fitted = renderer.getCamera();
        const ratio = importFrameRatio(fitted.ratio);
        if (ratio !== null) void renderer.setCamera({ ...fitted, ratio }, false);
        else void renderer.resetCamera(false);
      }
    }
  };

  let drawn: Scene | null = null;
  let highlighted: Highlight | null = null;
  const draw = (view: ViewState, tweenMs: number) => {
    const scene = selectors.drawn(view, store.data());
    if (scene !== drawn) {
      mark("reroute:redraw");
      if (tweenMs > 0 && drawn) void track(renderer.animateScene(drawn, scene, tweenMs));
      else renderer.setScene(scene);
      drawn = scene;
    }
    const h = selectors.drawnHighlight(view, store.data());
    if (h !== highlighted) {
      highlighted = h;
      renderer.setHighlight(h);
    }
  };

  const available = memoLast((dataset: Dataset) => insetAvailable(dataset.places, dataset.flows));
  const showInset = () => {
    const { dataset, panels } = store.data();
    renderer.setInset(store.get().layout === "geo" && panels.borderInset && available(dataset));
  };
  renderer.setBackdrop(store.get().layout === "geo" ? LIGHT_BACKDROP : null);
  showInset();
  draw(store.get(), 0);
  store.subscribe((view, prev, { data, prevData, motion }) => {
    const newData = data.dataset !== prevData.dataset;
    if (view.layout !== prev.layout || newData) renderer.setBackdrop(view.layout === "geo" ? LIGHT_BACKDROP : null);
    const layoutTween = view.layout !== prev.layout && !newData ? LAYOUT_TWEEN_MS : 0;
    showInset();
    draw(view, motion.tweenMs ?? layoutTween);
    if (motion.camera) moveCamera(motion.camera, view);
    else if (newData) moveCamera({ to: "reset" }, view);
  });
  // Presenting, embedding or a narrow window resize the canvas without a window resize event.
  new ResizeObserver(() => {
    renderer.refresh();
    reportScale();
  }).observe(container);
  reportScale();

  return {
    settled: async () => {
      while (running.size) await Promise.allSettled([...running]);
    },
    flushCamera,
    capture: (options) => renderer.capture({ ...options, camera: renderer.getCamera() }),
    renderer,
  };
}

type BBox = ReturnType<typeof extentOf>;

/** The frame the data opens on (the routes, every layout inside it); null without places. */
function frameOf(store: Store): BBox {
  const { dataset } = store.data();
  return dataset.places.length ? layoutFrame(dataset.places, dataset.flows) : null;
}

/** The smallest box holding both (either may be null). */
function unionBBox(a: BBox, b: BBox): BBox {
  if (!a || !b) return a ?? b;
  return { x: [Math.min(a.x[0], b.x[0]), Math.max(a.x[1], b.x[1])], y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])] };
}

/** Graph units per CSS px at the camera shown, rounded to a power of two; null before the canvas has a size. */
function mapScaleOf(renderer: Renderer): number | null {
  const a = renderer.graphToViewport({ x: 0, y: 0 });
  const b = renderer.graphToViewport({ x: 1, y: 0 });
  const px = Math.hypot(b.x - a.x, b.y - a.y);
  return px > 0 && Number.isFinite(px) ? 2 ** Math.round(Math.log2(1 / px)) : null;
}
