// The geometry a sigma instance draws, in its viewport px: places (position, radius, colour, label), flows
// (curve control points as @sigma/edge-curve draws them, ending at the target's rim) and labels placed by
// our collision-free placement. The image export writes SVG from it and the border inset redraws from it.
import type Sigma from "sigma";
import type { CapturedGeometry } from "./captureLayers";
import { LABEL_FONT, LABEL_SIZE, placeLabels, type Dot, type LabelCandidate, type PlacedLabel } from "./labelPlacement";
import { affineFrom, type PanelShape } from "./worldBackdrop";

/** sigma's arrow head: length 2.5 × the edge thickness (DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS). */
export const ARROW_LENGTH_RATIO = 2.5;

/** What a sigma instance draws now, in its viewport px: places, flows (curve control points) and placed labels. */
export function drawnGeometry(
  t: Sigma,
  width: number,
  height: number,
  panel: PanelShape | null,
  withLabels = true,
  /** Font size of the place labels (px): the screen's, or an export's scaled with its frame. */
  labelSize = LABEL_SIZE,
): CapturedGeometry {
  const graph = t.getGraph();
  const candidates: LabelCandidate[] = [];
  const px = new Map<string, { x: number; y: number; r: number }>();
  const nodes: CapturedGeometry["nodes"] = [];
  const order = graph
    .nodes()
    .map((id) => ({ id, d: t.getNodeDisplayData(id) }))
    .filter((n) => n.d && !n.d.hidden);
  order.sort((a, b) => (a.d!.zIndex ?? 0) - (b.d!.zIndex ?? 0));
  for (const { id, d } of order) {
    const p = t.framedGraphToViewport({ x: d!.x, y: d!.y });
    const r = t.scaleSize(d!.size);
    px.set(id, { x: p.x, y: p.y, r });
    const cluster = Number(graph.getNodeAttribute(id, "cluster") ?? 0);
    nodes.push({
      id,
      x: p.x,
      y: p.y,
      r,
      colour: d!.color,
      ...(graph.getNodeAttribute(id, "aggregate") ? { aggregate: true } : {}),
      ...(cluster > 0 ? { cluster } : {}),
    });
    // Dimmed places have their label blanked by the renderer's reducer.
    nodes[nodes.length - 1]!.label = String(d!.label ?? "");
    if (d!.label) candidates.push({ id, text: String(d!.label), x: p.x, y: p.y, r, priority: d!.size });
  }
  const labels = (withLabels ? placedLabels(candidates, width, height, nodes, labelSize) : []).map(({ id, text, x, y, leader }) => ({
    id,
    text,
    x,
    y,
    ...(leader ? { leader } : {}),
  }));
  const edges: CapturedGeometry["edges"] = [];
  const edgeOrder = graph
    .edges()
    .map((id) => ({ id, d: t.getEdgeDisplayData(id) }))
    .filter((e) => e.d && !e.d.hidden);
  edgeOrder.sort((a, b) => (a.d!.zIndex ?? 0) - (b.d!.zIndex ?? 0));
  for (const { id, d } of edgeOrder) {
    const s = px.get(graph.source(id));
    const g = px.get(graph.target(id));
    if (!s || !g) continue;
    const curvature = Number(graph.getEdgeAttribute(id, "curvature") ?? 0);
    const dx = g.x - s.x,
      dy = g.y - s.y;
    // Same control point as @sigma/edge-curve, in y-down viewport coordinates.
    const cx = (s.x + g.x) / 2 + dy * curvature;
    const cy = (s.y + g.y) / 2 - dx * curvature;
    // The curve ends at the target's rim, where sigma puts the arrow's tip.
    const tx = g.x - cx,
      ty = g.y - cy;
    const tl = Math.hypot(tx, ty) || 1;
    const w = t.scaleSize(d!.size);
    const type = String(graph.getEdgeAttribute(id, "type") ?? "");
    edges.push({
      id,
      x1: s.x,
      y1: s.y,
      x2: g.x - (tx / tl) * g.r,
      y2: g.y - (ty / tl) * g.r,
      cx,
      cy,
      width: w,
      colour: d!.color,
      arrow: type === "curved" || type === "arrow" ? w * ARROW_LENGTH_RATIO : 0,
    });
  }
  return {
    width,
    height,
    nodes,
    edges,
    labels,
    affine: affineFrom((p) => t.graphToViewport(p)),
    labelSize,
    sizeFactor: t.scaleSize(1),
    panel: panel ? panelBox(panel, (p) => t.graphToViewport(p)) : null,
  };
}

function panelBox(panel: PanelShape, map: (p: { x: number; y: number }) => { x: number; y: number }): CapturedGeometry["panel"] {
  const a = map({ x: panel.x0, y: panel.y0 }),
    b = map({ x: panel.x1, y: panel.y1 });
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y), title: panel.title };
}

let measureCtx: CanvasRenderingContext2D | null = null;

/** The screen's label placement (labelPlacement.ts) for the export's viewport. */
function placedLabels(candidates: LabelCandidate[], width: number, height: number, dots: Dot[], fontSize: number): PlacedLabel[] {
  measureCtx ??= document.createElement("canvas").getContext("2d");
  const ctx = measureCtx;
  if (!ctx) return [];
  ctx.font = `500 ${fontSize}px ${LABEL_FONT}`;
  const k = fontSize / LABEL_SIZE;
  return placeLabels(candidates, (t) => ctx.measureText(t).width, {
    fontSize,
    gap: 3 * k,
    padding: 1.5 * k,
    bounds: { x0: 0, y0: 0, x1: width, y1: height },
    dots,
  });
}
