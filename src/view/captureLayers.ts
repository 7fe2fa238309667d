// Capture of the graph at a chosen size for export: a temporary sigma instance on the same graph and
// settings (so the same reducers and highlight), rendered at width × height layout px with the pixel
// ratio of the export — edges, nodes and labels are drawn at full resolution, not enlarged. The same
// idea as @sigma/export-image, plus our backdrop, our pixel ratio and the drawn geometry (for SVG).
import Sigma from "sigma";
import { DOT_HALO_WIDTH, type DrawnGeometry } from "../state/drawnGeometry";
import type { CameraState } from "../state/viewState";
import { drawLabels, LABEL_FONT, LABEL_SIZE } from "./labelPlacement";
import { drawnGeometry } from "./drawnGeometry";
import { canvasLabelMeasure, drawInset, insetContent, layoutInset } from "./insetDraw";
import { regionGraphBox } from "../state/borderInset";
import { affineFrom, DARK_BACKDROP, drawBackdrop, type BackdropStyle, type PanelShape } from "./worldBackdrop";
import { drawAggregateGlyphs, drawClusterRings, GLYPH_COLOUR } from "./aggregateGlyph";

export interface CaptureOptions {
  /** Size of the map area in layout px. */
  width: number;
  height: number;
  /** Image pixels per layout px. */
  pixelRatio: number;
  /** null = the renderer's current camera. */
  camera: CameraState | null;
  backdrop: BackdropStyle | null;
  /** Colour of node labels and of their halo (light on dark for a dark export). */
  labelColor?: string;
  labelHalo?: string;
  /** false: geometry only (for SVG), no layer canvases. */
  pixels?: boolean;
  /** The aggregates' panel to draw on the backdrop (the renderer fills it in). */
  panel?: PanelShape | null;
  /** Draw the border inset as on screen (the renderer fills it in). */
  inset?: boolean;
  /** Places to frame (a traced route's) with a margin, instead of the camera on screen. */
  frame?: string[];
  /** Place labels at this multiple of the screen's size (an export's labels scale with its frame). */
  labelScale?: number;
  /** Ring drawn round each place's dot (dark and transparent exports), or none. */
  dotHalo?: string;
}

export interface CapturedGeometry extends DrawnGeometry {
  /** The aggregates' panel in frame px (y down), or null. */
  panel: { x: number; y: number; width: number; height: number; title: string } | null;
  /** Drawn px per unit of size at this camera (sigma scales sizes with zoom): legend widths follow it. */
  sizeFactor: number;
}

export interface CapturedView {
  /** 2D canvases of width·pixelRatio × height·pixelRatio px, in paint order (backdrop first). */
  layers: HTMLCanvasElement[];
  geometry: CapturedGeometry;
}

export class CaptureError extends Error {}

/** A ring just outside each place's dot (aggregates keep their square), so dark dots read on a dark ground. */
function drawDotHalos(ctx: CanvasRenderingContext2D, nodes: CapturedGeometry["nodes"], ratio: number, colour: string): void {
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.strokeStyle = colour;
  ctx.lineWidth = DOT_HALO_WIDTH;
  for (const n of nodes) {
    if (n.aggregate || !(n.r > 0)) continue;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r + DOT_HALO_WIDTH / 2, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

const LAYER_ORDER = ["edges", "nodes", "edgeLabels", "labels"];

let limitsCache: { maxSide: number; maxArea: number } | null = null;

/** The largest canvas side this browser's WebGL draws (sigma's edge and node layers are WebGL), capped at 8192. */
export function canvasLimits(): { maxSide: number; maxArea: number } {
  if (limitsCache) return limitsCache;
  let maxSide = 8192;
  const probe = document.createElement("canvas");
  const gl = (probe.getContext("webgl2") ?? probe.getContext("webgl")) as WebGLRenderingContext | null;
  if (gl) {
    const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | null;
    maxSide = Math.min(
      maxSide,
      gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
      dims?.[0] ?? maxSide,
      dims?.[1] ?? maxSide,
    );
    gl.getExtension("WEBGL_lose_context")?.loseContext();
  }
  limitsCache = { maxSide, maxArea: maxSide * maxSide };
  return limitsCache;
}

/** Runs `fn` while window.devicePixelRatio reads `ratio`: sigma sizes its canvases and programs from it. */
function withPixelRatio<T>(ratio: number, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/**
 * The camera for an export frame of another shape than the screen: the same centre, zoomed out just
 * enough that everything the screen shows at `camera` is inside the frame (sigma fits the graph to the
 * viewport's shape, so a 16:9 slide from a 3:2 screen would otherwise cut the top and bottom off).
 */
export function keepScreenInFrame(screen: Sigma, frame: Sigma, camera: CameraState, width: number, height: number): CameraState {
  const { width: sw, height: sh } = screen.getDimensions();
  if (!(sw > 0 && sh > 0)) return camera;
  const corners = [
    { x: 0, y: 0 },
    { x: sw, y: 0 },
    { x: 0, y: sh },
    { x: sw, y: sh },
  ].map((c) => frame.framedGraphToViewport(screen.viewportToFramedGraph(c, { cameraState: camera }), { cameraState: camera }));
  const spanX = Math.max(...corners.map((c) => c.x)) - Math.min(...corners.map((c) => c.x));
  const spanY = Math.max(...corners.map((c) => c.y)) - Math.min(...corners.map((c) => c.y));
  const k = Math.max(spanX / width, spanY / height);
  return k > 1.001 ? { ...camera, ratio: camera.ratio * k } : camera;
}

/**
 * The camera that shows `ids` (their dots) in a width × height frame with a margin for labels and curved
 * flows: 10% of each side plus 40 px across, 10% plus 24 px down. null when none of them is drawn.
 */
export function frameOn(t: Sigma, ids: readonly string[], width: number, height: number): CameraState | null {
  const pts = ids.map((id) => t.getNodeDisplayData(id)).filter((d): d is NonNullable<typeof d> => !!d && !d.hidden);
  if (!pts.length) return null;
  const x0 = Math.min(...pts.map((p) => p.x)),
    x1 = Math.max(...pts.map((p) => p.x));
  const y0 = Math.min(...pts.map((p) => p.y)),
    y1 = Math.max(...pts.map((p) => p.y));
  const now = t.getCamera().getState();
  // Probe at ratio 1 centred on the places: spans on screen shrink in proportion to the camera's ratio.
  const probe = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: 1, angle: now.angle };
  const a = t.framedGraphToViewport({ x: x0, y: y0 }, { cameraState: probe });
  const b = t.framedGraphToViewport({ x: x1, y: y1 }, { cameraState: probe });
  const availW = Math.max(1, width * 0.8 - 80),
    availH = Math.max(1, height * 0.8 - 48);
  const k = Math.max(Math.abs(b.x - a.x) / availW, Math.abs(b.y - a.y) / availH);
  // One place, or places on top of each other: no closer than a twentieth of the whole map.
  return { ...probe, ratio: Math.max(k, 0.05) };
}

export async function captureLayers(sigma: Sigma, options: CaptureOptions): Promise<CapturedView> {
  const width = Math.max(1, Math.round(options.width));
  const height = Math.max(1, Math.round(options.height));
  const ratio = options.pixels === false ? 1 : options.pixelRatio;
  const pw = Math.round(width * ratio);
  const ph = Math.round(height * ratio);
  const limits = canvasLimits();
  if (Math.max(pw, ph) > limits.maxSide || pw * ph > limits.maxArea) {
    throw new CaptureError(`captureLayers: ${pw} × ${ph} px exceeds this browser's canvas limit (${limits.maxSide} px a side)`);
  }
  const root = document.createElement("div");
  root.setAttribute("aria-hidden", "true");
  root.style.cssText = `position:absolute;right:101%;bottom:101%;width:${width}px;height:${height}px;overflow:hidden;pointer-events:none;`;
  document.body.appendChild(root);
  let temp: Sigma | null = null;
  try {
    return withPixelRatio(ratio, () => {
      const settings = { ...sigma.getSettings(), allowInvalidContainer: true, enableEdgeEvents: false };
      temp = new Sigma(sigma.getGraph(), root, settings);
      const t = temp;
      t.setCustomBBox(sigma.getCustomBBox());
      const camera = options.camera ?? sigma.getCamera().getState();
      t.getCamera().setState(keepScreenInFrame(sigma, t, camera, width, height));
      t.refresh();
      const framed = options.frame?.length ? frameOn(t, options.frame, width, height) : null;
      if (framed) {
        t.getCamera().setState(framed);
        t.refresh();
      }

      const layers: HTMLCanvasElement[] = [];
      if (options.pixels !== false) {
        const backdrop = document.createElement("canvas");
        backdrop.width = pw;
        backdrop.height = ph;
        const bctx = backdrop.getContext("2d");
        if (bctx)
          drawBackdrop(
            bctx,
            affineFrom((p) => t.graphToViewport(p)),
            { width, height },
            ratio,
            options.backdrop,
            options.panel ?? null,
          );
        layers.push(backdrop);
        // Copy now, in the same task as the render: WebGL canvases have no preserved drawing buffer.
        const canvases = t.getCanvases();
        for (const id of LAYER_ORDER) {
          const source = canvases[id];
          if (!source) continue;
          const gl = (source.getContext("webgl2") ?? source.getContext("webgl")) as WebGLRenderingContext | null;
          if (gl && (gl.drawingBufferWidth !== pw || gl.drawingBufferHeight !== ph)) {
            throw new CaptureError(
              `captureLayers: the browser drew the ${id} layer at ${gl.drawingBufferWidth} × ${gl.drawingBufferHeight} px instead of ${pw} × ${ph} px`,
            );
          }
          const copy = document.createElement("canvas");
          copy.width = pw;
          copy.height = ph;
          copy.getContext("2d")?.drawImage(source, 0, 0);
          layers.push(copy);
        }
      }
      const labelScale = options.labelScale ?? 1;
      const geometry = drawnGeometry(t, width, height, options.panel ?? null, true, LABEL_SIZE * labelScale);
      // The border inset as on screen: worked out once, drawn on a layer (PNG) and written as vectors (SVG).
      const insetAt = options.inset ? layoutInset(geometry, regionGraphBox()) : null;
      const measureCtx = insetAt ? document.createElement("canvas").getContext("2d") : null;
      if (insetAt && measureCtx) geometry.inset = insetContent(geometry, insetAt, canvasLabelMeasure(measureCtx), labelScale);
      if (options.pixels !== false) {
        const labels = document.createElement("canvas");
        labels.width = pw;
        labels.height = ph;
        const lctx = labels.getContext("2d");
        if (lctx) {
          if (options.dotHalo) drawDotHalos(lctx, geometry.nodes, ratio, options.dotHalo);
          drawLabels(
            lctx,
            geometry.labels.map((l) => ({ ...l, box: { x0: 0, y0: 0, x1: 0, y1: 0 } })),
            {
              font: LABEL_FONT,
              fontSize: geometry.labelSize,
              color: options.labelColor ?? "#1c2833",
              halo: options.labelHalo ?? "rgba(255,255,255,0.9)",
              scale: ratio,
            },
          );
          const glyph = options.backdrop === DARK_BACKDROP ? GLYPH_COLOUR.dark : GLYPH_COLOUR.light;
          drawAggregateGlyphs(
            lctx,
            geometry.nodes.filter((n) => n.aggregate),
            ratio,
            glyph,
          );
          drawClusterRings(
            lctx,
            geometry.nodes.filter((n) => n.cluster),
            ratio,
            glyph,
          );
        }
        layers.push(labels);
        if (geometry.inset) {
          const canvas = document.createElement("canvas");
          canvas.width = pw;
          canvas.height = ph;
          const ictx = canvas.getContext("2d");
          if (ictx) {
            const dark = options.backdrop === DARK_BACKDROP;
            const theme = {
              backdrop: options.backdrop,
              label: options.labelColor ?? "#1c2833",
              halo: options.labelHalo ?? "rgba(255,255,255,0.9)",
              frame: dark ? "#c8d0d8" : "#34495e",
              fill: dark ? "#14181d" : "#ffffff",
            };
            drawInset(ictx, geometry, geometry.inset.layout, ratio, theme, labelScale, geometry.inset);
            layers.push(canvas);
          }
        }
      }
      return { layers, geometry };
    });
  } finally {
    (temp as Sigma | null)?.kill();
    root.remove();
  }
}
