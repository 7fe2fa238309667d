// The renderer adapter: the only module that talks to sigma. Everything else hands it a Scene and a
// Highlight and listens to its events, so a move to another sigma major stays local to this file.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram } from "sigma/rendering";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type { CameraState } from "../state/viewState";
import type { Highlight } from "../state/highlight";
import type { Scene } from "../state/scene";
import { easeInOutCubic, tweenScene } from "./tween";
import { DIM_EDGE, DIM_NODE } from "../state/palette";
import type { PlacedLabel } from "./labelPlacement";
import { createLabelLayer, fitCanvas } from "./labelLayer";
import { createInsetLayer, nearestPlace } from "./insetLayer";
import type { DrawnInset } from "./insetDraw";
import { affineFrom, drawBackdrop, LIGHT_BACKDROP, type BackdropStyle, type PanelShape } from "./worldBackdrop";
import { captureLayers, type CaptureOptions, type CapturedView } from "./captureLayers";

export type { Highlight };

export interface RendererEvents {
  hoverNode(id: string | null): void;
  hoverEdge(id: string | null): void;
  clickNode(id: string): void;
  clickEdge(id: string): void;
  clickStage(): void;
  /** The camera moved (user pan/zoom or animation step). */
  camera(state: CameraState): void;
  /** A frame was drawn. */
  rendered(): void;
}

export interface RendererOptions {
  /** Curved edges with arrow heads (readable, slower) or straight lines (for very large graphs). */
  edgeStyle: "curved" | "line";
  backdrop: BackdropStyle | null;
  /** Graph-coordinate extent kept fixed, so filters never move the map. */
  bbox: { x: [number, number]; y: [number, number] } | null;
}

export const DEFAULT_RENDERER_OPTIONS: RendererOptions = { edgeStyle: "curved", backdrop: LIGHT_BACKDROP, bbox: null };

/**
 * Above this many edges the scene is drawn with straight lines instead of curved arrows. Curves are drawn
 * per pixel of each edge's quad: on software WebGL 2,000 curves made 150–480 ms frames (long tasks),
 * while 20,000 lines stayed under 100 ms (bench/run.ts, README "Performance").
 */
export const CURVED_EDGE_LIMIT = 500;

type NodeAttrs = {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  aggregate: boolean;
  /** Places in the cluster (0: a place), drawn with rings. */
  cluster: number;
  zIndex: number;
};
type EdgeAttrs = { size: number; color: string; type: string; curvature: number; zIndex: number };

function sameAttributes<T extends object>(current: Record<string, unknown>, next: T): boolean {
  for (const key in next) if (current[key] !== next[key]) return false;
  return Object.keys(current).length === Object.keys(next).length;
}

export interface Renderer {
  setScene(scene: Scene): void;
  /**
   * Draws frames between two scenes over `durationMs` (eased; positions, node sizes, edge widths), ending
   * on `to`. Resolves at the end, or early when another scene is set or animated meanwhile.
   */
  animateScene(from: Scene, to: Scene, durationMs: number): Promise<void>;
  setHighlight(highlight: Highlight | null): void;
  setBackdrop(style: BackdropStyle | null): void;
  getCamera(): CameraState;
  /** Move the camera; resolves when the animation has ended. */
  setCamera(state: CameraState, animate?: boolean): Promise<void>;
  /** Frame the given nodes (all when empty); resolves when the animation has ended. */
  fitNodes(ids: string[], animate?: boolean): Promise<void>;
  resetCamera(animate?: boolean): Promise<void>;
  /** Frames graph coordinates to this extent (the data's; null: sigma's own fit); resetCamera then fits it. */
  setBBox(bbox: RendererOptions["bbox"]): void;
  /** Centre the camera on one node and zoom in to at most `ratio` (never out); resolves when the animation has ended. */
  focusNode(id: string, ratio?: number, animate?: boolean): Promise<void>;
  /** Viewport (CSS px, relative to the container) position and drawn radius of a node, or null when not drawn. */
  nodeViewportPosition(id: string): { x: number; y: number; r: number } | null;
  /**
   * True while a click may still become half of a double click (sigma counts two clicks within its
   * doubleClickTimeout as one double click, wherever they land): tests wait for it before a second click.
   */
  clickPending(): boolean;
  /** Graph → viewport mapping, for overlays. */
  graphToViewport(p: { x: number; y: number }): { x: number; y: number };
  /** The labels drawn in the last frame (viewport CSS px), for image export and tests. */
  placedLabels(): PlacedLabel[];
  /** Shows or hides the border inset (drawn only on the map, when the canvas has room and the map does not already show the region large). */
  setInset(on: boolean): void;
  /** The inset as drawn in the last frame (its box, places and labels), or null. */
  inset(): DrawnInset | null;
  /** The canvases in paint order (backdrop first), for image export. */
  layers(): HTMLCanvasElement[];
  /** Draws the current graph (same reducers and highlight) at a chosen size and pixel ratio, for image export. */
  capture(options: CaptureOptions): Promise<CapturedView>;
  refresh(): void;
  kill(): void;
}

/** Camera ratio factor when framing a set of places: about 15% of the view left around them on each side. */
const FIT_MARGIN = 1.35;

/** One performance mark per name (replaced each time, so a long session does not pile them up). */
export function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export function createRenderer(container: HTMLElement, events: RendererEvents, options: Partial<RendererOptions> = {}): Renderer {
  const opts: RendererOptions = { ...DEFAULT_RENDERER_OPTIONS, ...options };
  // sigma's program types are declared on plain Attributes; the attribute shapes are documented below.
  const graph = new MultiDirectedGraph();
  let highlight: Highlight | null = null;
  let backdrop = opts.backdrop;
  // The aggregates' panel of the scene drawn (geographic layout), painted with the backdrop.
  let panel: PanelShape | null = null;
  // The scene's width scale: lit edges with an attributed volume are drawn on it.
  let widthScale: Scene["widthScale"] | null = null;

  const sigma = new Sigma(graph, container, {
    allowInvalidContainer: true,
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    // Node labels are placed by our own collision-free pass (labelPlacement.ts) on a layer of our own.
    renderLabels: false,
    defaultEdgeType: opts.edgeStyle === "curved" ? "curved" : "line",
    // "plain": curves without arrow heads, for undirected graphs.
    edgeProgramClasses: { curved: EdgeCurvedArrowProgram, plain: EdgeCurveProgram, arrow: EdgeArrowProgram, line: EdgeLineProgram },
    labelFont: "system-ui, 'DejaVu Sans', Arial, sans-serif",
    labelSize: 12,
    labelWeight: "500",
    labelColor: { color: "#1c2833" },
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    // sigma hands reducers a shallow copy of the attributes, so they write into it instead of allocating
    // another object per item (20,000 edges on every hover with "Show all flows").
    nodeReducer: (node, data) => {
      // A place with nothing drawn to or from it (no flow this year) stays a faint dot without a name, so a
      // picture never names a market its flows do not reach; selected or traced, it is named.
      if (!highlight) {
        if (graph.degree(node) === 0) data.label = "";
        return data;
      }
      // Highlighted items above the rest, each group in its own draw order (zIndex in [0, 1)).
      if (highlight.nodes.has(node)) Object.assign(data, { zIndex: 2 + (data.zIndex ?? 0), forceLabel: true, highlighted: false });
      else Object.assign(data, { color: DIM_NODE, label: "" });
      return data;
    },
    edgeReducer: (edge, data) => {
      if (!highlight) return data;
      if (highlight.edges.has(edge)) {
        data.zIndex = 2 + (data.zIndex ?? 0);
        // Drawn with the volume attributed to the selection or traced chain, on the same scale.
        const v = highlight.widths?.get(edge);
        if (v !== undefined && widthScale) data.size = widthScale(v);
      } else data.color = DIM_EDGE;
      return data;
    },
  });
  if (opts.bbox) sigma.setCustomBBox(opts.bbox);

  const backdropCanvas = sigma.createCanvas("backdrop", { beforeLayer: "edges" });
  const backdropCtx = backdropCanvas.getContext("2d");
  const paintBackdrop = () => {
    if (!backdropCtx) return;
    const { width, height } = sigma.getDimensions();
    // sigma sizes only its own contexts' pixels; keep this plain canvas at the device resolution ourselves.
    const ratio = window.devicePixelRatio || 1;
    fitCanvas(backdropCanvas, width, height, ratio);
    const affine = affineFrom((p) => sigma.graphToViewport(p));
    // A refresh that moved nothing (hover, highlight) keeps the map as drawn: it is the costliest 2D layer.
    const key = `${Object.values(affine).join(",")},${width},${height},${ratio}`;
    if (key === backdropKey && backdrop === backdropDrawn && panel === panelDrawn) return;
    backdropKey = key;
    backdropDrawn = backdrop;
    panelDrawn = panel;
    drawBackdrop(backdropCtx, affine, { width, height }, ratio, backdrop, backdrop ? panel : null);
  };
  let backdropKey = "";
  let backdropDrawn: BackdropStyle | null | undefined;
  let panelDrawn: PanelShape | null | undefined;
  const labels = createLabelLayer(sigma, graph);
  const inset = createInsetLayer(sigma);
  let insetOn = false;
  let insetDrawn: { on: boolean; backdrop: BackdropStyle | null } | null = null;
  // Picking: the nearest place under the pointer (in the inset when over it), not the one drawn on top;
  // no flow is picked through the inset.
  const picker = sigma as unknown as {
    getNodeAtPosition(p: { x: number; y: number }): string | null;
    getEdgeAtPoint(x: number, y: number): string | null;
  };
  const edgeAt = picker.getEdgeAtPoint.bind(sigma);
  picker.getNodeAtPosition = ({ x, y }) => {
    const over = inset.covers(x, y) ? inset.drawn() : null;
    return nearestPlace(over ? over.places : labels.drawn(), x, y);
  };
  picker.getEdgeAtPoint = (x, y) => (inset.covers(x, y) ? null : edgeAt(x, y));

  sigma.on("enterNode", ({ node }) => events.hoverNode(node));
  sigma.on("leaveNode", () => events.hoverNode(null));
  sigma.on("enterEdge", ({ edge }) => events.hoverEdge(edge));
  sigma.on("leaveEdge", () => events.hoverEdge(null));
  sigma.on("clickNode", ({ node }) => events.clickNode(node));
  sigma.on("clickEdge", ({ edge }) => events.clickEdge(edge));
  sigma.on("clickStage", () => events.clickStage());
  sigma.on("afterRender", () => {
    paintBackdrop();
    const relabelled = labels.paint(backdropKey, highlight);
    const on = insetOn && !!backdrop;
    if (relabelled || insetDrawn?.on !== on || insetDrawn.backdrop !== backdrop) {
      inset.paint(on, backdrop);
      insetDrawn = { on, backdrop };
    }
    events.rendered();
  });
  sigma.getCamera().on("updated", (s) => events.camera({ x: s.x, y: s.y, ratio: s.ratio, angle: s.angle }));

  /**
   * Brings the graph to the scene by difference when nothing has to go: new items are added and only those
   * whose attributes changed are updated (sigma re-reads an item per graph event, so untouched items cost
   * nothing); when something has to go, the graph is cleared once and filled again. Draw order is a zIndex in [0, 1): big places first, so small neighbours (Alashankou
   * beside Horgos) are drawn on top and stay hoverable; thin edges last, so small flows stay visible.
   */
  const applyScene = (scene: Scene) => {
    const nodes = [...scene.nodes].sort((a, b) => b.size - a.size);
    // Curves with arrow heads read best; past a few thousand edges plain lines keep a frame affordable
    // (sigma's line program was ~5× faster than the default on this machine's software WebGL).
    const curved = opts.edgeStyle === "curved" && scene.edges.length <= CURVED_EDGE_LIMIT;
    const type = !curved ? "line" : scene.undirected ? "plain" : "curved";
    // A clustered picture (lighter small flows) puts its largest flows on top instead.
    const edges = [...scene.edges].sort((a, b) => (scene.clustering ? a.size - b.size : b.size - a.size));
    const edgeIds = new Set(edges.map((e) => e.id));
    const nodeIds = new Set(nodes.map((n) => n.id));
    // sigma 3.0.3 answers each dropped node or edge with a full re-index: with anything to drop, one clear
    // (a single re-index) and fresh adds cost far less than dropping items one by one.
    let stale = false;
    graph.forEachEdge((id) => void (stale ||= !edgeIds.has(id)));
    if (!stale) graph.forEachNode((id) => void (stale ||= !nodeIds.has(id)));
    if (stale) graph.clear();
    nodes.forEach((n, i) => {
      const next: NodeAttrs = {
        x: n.x,
        y: n.y,
        size: n.size,
        color: n.color,
        label: n.label,
        kind: n.kind,
        aggregate: n.aggregate === true,
        cluster: n.cluster ?? 0,
        zIndex: i / nodes.length,
      };
      if (!graph.hasNode(n.id)) graph.addNode(n.id, next);
      else if (!sameAttributes(graph.getNodeAttributes(n.id), next)) graph.replaceNodeAttributes(n.id, next);
    });
    edges.forEach((e, i) => {
      // Same-signed curvature bends A→B and B→A to opposite sides, keeping two-way flows apart.
      // Context figures: straight arrows, never the flows' curves, so the two never read as one.
      const next: EdgeAttrs = {
        size: e.size,
        color: e.color,
        type: e.kind === "context" ? "arrow" : type,
        curvature: 0.18,
        zIndex: i / edges.length,
      };
      if (!graph.hasEdge(e.id)) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, next);
      else if (graph.source(e.id) !== e.source || graph.target(e.id) !== e.target) {
        graph.dropEdge(e.id);
        graph.addDirectedEdgeWithKey(e.id, e.source, e.target, next);
      } else if (!sameAttributes(graph.getEdgeAttributes(e.id), next)) graph.replaceEdgeAttributes(e.id, next);
    });
  };

  const camera = () => sigma.getCamera();
  // Counts scenes drawn, so a running animateScene notices a newer scene and yields to it.
  let sceneEpoch = 0;

  return {
    setScene(scene) {
      sceneEpoch++;
      panel = scene.panel;
      widthScale = scene.widthScale;
      applyScene(scene);
      if (!opts.bbox) sigma.setCustomBBox(null);
      // Marks for bench/run.ts: what the app spends before sigma's draw, and the draw itself.
      mark("reroute:draw");
      sigma.refresh();
      mark("reroute:drawn");
    },
    animateScene(from, to, durationMs) {
      const setScene = (scene: Scene) => this.setScene(scene);
      return new Promise<void>((done) => {
        const start = performance.now();
        let mine = -1;
        const frame = (now: number) => {
          // Someone else drew a scene since our last frame: stop here, theirs wins.
          if (mine !== -1 && sceneEpoch !== mine) return done();
          const t = durationMs > 0 ? Math.min(1, (now - start) / durationMs) : 1;
          setScene(t >= 1 ? to : tweenScene(from, to, easeInOutCubic(t)));
          mine = sceneEpoch;
          if (t >= 1) done();
          else requestAnimationFrame(frame);
        };
        frame(start);
      });
    },
    setHighlight(next) {
      // No highlight before or after: the frame setScene just drew is already right (saves a full draw).
      if (next === null && highlight === null) return;
      highlight = next;
      sigma.refresh({ skipIndexation: true });
    },
    setBackdrop(style) {
      backdrop = style;
      sigma.refresh({ skipIndexation: true });
    },
    getCamera() {
      const s = camera().getState();
      return { x: s.x, y: s.y, ratio: s.ratio, angle: s.angle };
    },
    async setCamera(state, animate = false) {
      if (animate) await camera().animate(state, { duration: 500 });
      else camera().setState(state);
    },
    async fitNodes(ids, animate = true) {
      const nodes = ids.length ? ids.filter((id) => graph.hasNode(id)) : graph.nodes();
      if (!nodes.length) return;
      const fitted = getCameraStateToFitViewportToNodes(sigma, nodes);
      // A margin when framing some places (a chain): the fit is node centres only, so end nodes sat on
      // the edge and curved flows bulged out of the canvas.
      const target = ids.length ? { ...fitted, ratio: fitted.ratio * FIT_MARGIN } : fitted;
      if (animate) await camera().animate(target, { duration: 600 });
      else camera().setState(target);
    },
    async focusNode(id, ratio = 0.35, animate = true) {
      const d = sigma.getNodeDisplayData(id);
      if (!d) return;
      const now = camera().getState();
      // Camera coordinates are sigma's framed graph coordinates, as the node display data.
      const target = { x: d.x, y: d.y, ratio: Math.min(now.ratio, ratio), angle: now.angle };
      if (animate) await camera().animate(target, { duration: 600 });
      else camera().setState(target);
    },
    setBBox(bbox) {
      opts.bbox = bbox;
      sigma.setCustomBBox(bbox);
      sigma.refresh();
    },
    async resetCamera(animate = true) {
      const target = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
      if (animate) await camera().animate(target, { duration: 500 });
      else camera().setState(target);
    },
    nodeViewportPosition(id) {
      const d = sigma.getNodeDisplayData(id);
      if (!d) return null;
      return { ...sigma.framedGraphToViewport({ x: d.x, y: d.y }), r: sigma.scaleSize(d.size) };
    },
    // sigma 3.0.3 keeps the count on its mouse captor without a public getter.
    clickPending: () => ((sigma.getMouseCaptor() as unknown as { clicks?: number }).clicks ?? 0) > 0,
    graphToViewport: (p) => sigma.graphToViewport(p),
    layers() {
      const canvases = sigma.getCanvases();
      const order = ["backdrop", "edges", "nodes", "edgeLabels", "labels", "placedLabels", "borderInset", "hovers", "hoverNodes"];
      return order.map((k) => canvases[k]).filter((c): c is HTMLCanvasElement => !!c);
    },
    placedLabels: () => labels.placed(),
    setInset(on) {
      if (on === insetOn) return;
      insetOn = on;
      sigma.refresh({ skipIndexation: true });
    },
    inset: () => inset.drawn(),
    capture: (o) => captureLayers(sigma, { panel, inset: insetOn && !!backdrop, ...o }),
    refresh: () => sigma.refresh(),
    kill: () => sigma.kill(),
  };
}
