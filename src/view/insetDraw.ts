// Draws the border inset: the region's map, flows and places magnified in a framed box on a canvas corner,
// with a locator box on the map and a line to the inset. Places keep their drawn size and flows their
// drawn width (volumes read the same as on the map); only the distances between them grow. Labels are
// placed inside the inset by the same collision-free placement. Used by the screen and the image export.
import {
  insetArrow,
  insetBackdropMatrix,
  insetLayout,
  locatorLine,
  toInset,
  BORDER_REGION,
  type InsetContent,
  type InsetLayout,
  type Rect,
} from "../state/borderInset";
import type { CapturedGeometry } from "./captureLayers";
import { drawLabels, LABEL_FONT, LABEL_SIZE, placeLabels, type PlacedLabel } from "./labelPlacement";
import { backdropPaths, type BackdropStyle } from "./worldBackdrop";

export interface InsetTheme {
  backdrop: BackdropStyle | null;
  label: string;
  halo: string;
  frame: string;
  fill: string;
}

export const INSET_THEME_LIGHT: InsetTheme = {
  backdrop: null,
  label: "#1c2833",
  halo: "rgba(255,255,255,0.9)",
  frame: "#34495e",
  fill: "#ffffff",
};

/** A place as drawn in the inset (viewport px), for picking. */
export interface InsetPlace {
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface DrawnInset {
  layout: InsetLayout;
  places: InsetPlace[];
  labels: PlacedLabel[];
  title: string;
}

const TITLE = 18;

/** The region on the canvas (viewport px) from the graph → viewport map. */
export function regionOnCanvas(geometry: Pick<CapturedGeometry, "affine">, region: Rect): Rect {
  const { a, b, c, d, e, f } = geometry.affine;
  const map = (x: number, y: number) => ({ x: a * x + c * y + e, y: b * x + d * y + f });
  const p = map(region.x0, region.y0),
    q = map(region.x1, region.y1);
  return { x0: Math.min(p.x, q.x), y0: Math.min(p.y, q.y), x1: Math.max(p.x, q.x), y1: Math.max(p.y, q.y) };
}

/** Lays the inset out for this geometry; null when there is no room or the map already shows it large. */
export function layoutInset(geometry: Pick<CapturedGeometry, "affine" | "nodes" | "width" | "height">, region: Rect): InsetLayout | null {
  const source = regionOnCanvas(geometry, region);
  return insetLayout({ width: geometry.width, height: geometry.height }, source, geometry.nodes, TITLE);
}

/**
 * What the inset shows for this geometry and layout: flows with an end in the region at their drawn width,
 * places at their drawn size, labels placed inside the box (none over another or over a dot). Pure, given
 * the text measure; the canvas drawer and the SVG export both draw from it.
 */
export function insetContent(
  geometry: Pick<CapturedGeometry, "nodes" | "edges">,
  layout: InsetLayout,
  /** Width (px) of a label at `fontSize`. */
  measure: (text: string, fontSize: number) => number,
  /** Text size multiplier (exports whose text is scaled with the frame). */
  textScale = 1,
): InsetContent {
  const { source, box, zoom } = layout;
  const inside = (x: number, y: number, m: number) => x >= source.x0 - m && x <= source.x1 + m && y >= source.y0 - m && y <= source.y1 + m;
  const margin = 2 / zoom;
  const edges: InsetContent["edges"] = [];
  for (const e of geometry.edges) {
    if (!inside(e.x1, e.y1, margin) && !inside(e.x2, e.y2, margin)) continue;
    const s = toInset(layout, { x: e.x1, y: e.y1 });
    const g = toInset(layout, { x: e.x2, y: e.y2 });
    const c = toInset(layout, { x: e.cx, y: e.cy });
    const arrow = e.arrow > 0 && inside(e.x2, e.y2, 0) ? Math.min(e.arrow, 18) : 0;
    edges.push({ id: e.id, x1: s.x, y1: s.y, cx: c.x, cy: c.y, x2: g.x, y2: g.y, width: Math.max(0.8, e.width), colour: e.colour, arrow });
  }
  const places: InsetContent["places"] = [];
  for (const n of geometry.nodes) {
    if (!inside(n.x, n.y, n.r / zoom)) continue;
    const p = toInset(layout, n);
    places.push({ id: n.id, x: p.x, y: p.y, r: n.r, colour: n.colour });
  }
  const fontSize = LABEL_SIZE * textScale;
  const byId = new Map(geometry.nodes.map((n) => [n.id, n]));
  const labels = placeLabels(
    places.filter((p) => byId.get(p.id)?.label).map((p) => ({ ...p, text: byId.get(p.id)!.label!, priority: p.r })),
    (t) => measure(t, fontSize),
    { fontSize, gap: 3 * textScale, padding: 1.5 * textScale, bounds: box, dots: places },
  ).map(({ id, text, x, y }) => ({ id, text, x, y }));
  return {
    layout,
    title: `${BORDER_REGION.name} (×${zoom.toFixed(1)})`,
    band: TITLE,
    titleSize: Math.min(12 * textScale, TITLE * 0.8),
    edges,
    places,
    labels,
    fontSize,
  };
}

/** A canvas text measure for `insetContent` (the label font at any size). */
export function canvasLabelMeasure(ctx: CanvasRenderingContext2D): (text: string, fontSize: number) => number {
  return (text, fontSize) => {
    ctx.font = `500 ${fontSize}px ${LABEL_FONT}`;
    return ctx.measureText(text).width;
  };
}

export function drawInset(
  ctx: CanvasRenderingContext2D,
  geometry: Pick<CapturedGeometry, "affine" | "nodes" | "edges" | "width" | "height">,
  layout: InsetLayout,
  pixelRatio: number,
  theme: InsetTheme,
  /** Text size multiplier (exports whose text is scaled with the frame). */
  textScale = 1,
  /** What to draw, when already worked out (the export keeps it for the SVG). */
  given?: InsetContent,
): DrawnInset {
  const content = given ?? insetContent(geometry, layout, canvasLabelMeasure(ctx), textScale);
  const { source, box } = layout;
  const r = pixelRatio;
  ctx.save();
  ctx.setTransform(r, 0, 0, r, 0, 0);
  // Locator: the region's box on the map and a line from it to the inset.
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1.2;
  ctx.setLineDash([3, 2]);
  ctx.strokeRect(source.x0, source.y0, source.x1 - source.x0, source.y1 - source.y0);
  ctx.setLineDash([]);
  const line = locatorLine(layout, TITLE);
  ctx.beginPath();
  ctx.moveTo(line.x1, line.y1);
  ctx.lineTo(line.x2, line.y2);
  ctx.stroke();
  // Frame, title band and the clipped content.
  ctx.fillStyle = theme.fill;
  ctx.fillRect(box.x0, box.y0 - TITLE, box.x1 - box.x0, box.y1 - box.y0 + TITLE);
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
  ctx.clip();
  if (theme.backdrop) {
    ctx.fillStyle = theme.backdrop.water;
    ctx.fillRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    const m = insetBackdropMatrix(geometry.affine, layout);
    ctx.setTransform(m.a * r, m.b * r, m.c * r, m.d * r, m.e * r, m.f * r);
    const { land, borders } = backdropPaths();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) || 1;
    ctx.fillStyle = theme.backdrop.land;
    ctx.fill(land);
    ctx.strokeStyle = theme.backdrop.border;
    ctx.lineWidth = 0.9 / scale;
    ctx.stroke(borders);
    ctx.setTransform(r, 0, 0, r, 0, 0);
  }
  for (const e of content.edges) {
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.quadraticCurveTo(e.cx, e.cy, e.x2, e.y2);
    ctx.stroke();
    if (e.arrow > 0) {
      ctx.fillStyle = e.colour;
      ctx.beginPath();
      for (const [i, p] of insetArrow(e).entries()) (i ? ctx.lineTo : ctx.moveTo).call(ctx, p.x, p.y);
      ctx.closePath();
      ctx.fill();
    }
  }
  for (const p of content.places) {
    ctx.fillStyle = p.colour;
    ctx.beginPath();
    ctx.arc(p.x, p.y, p.r, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
  ctx.restore();
  const labels: PlacedLabel[] = content.labels.map((l) => ({ ...l, box: { x0: 0, y0: 0, x1: 0, y1: 0 } }));
  drawLabels(ctx, labels, { font: LABEL_FONT, fontSize: content.fontSize, color: theme.label, halo: theme.halo, scale: r });
  ctx.save();
  ctx.setTransform(r, 0, 0, r, 0, 0);
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(box.x0, box.y0 - TITLE, box.x1 - box.x0, box.y1 - box.y0 + TITLE);
  ctx.beginPath();
  ctx.moveTo(box.x0, box.y0);
  ctx.lineTo(box.x1, box.y0);
  ctx.stroke();
  ctx.fillStyle = theme.label;
  ctx.font = `600 ${content.titleSize}px ${LABEL_FONT}`;
  ctx.textBaseline = "middle";
  ctx.fillText(content.title, box.x0 + 6, box.y0 - TITLE / 2, box.x1 - box.x0 - 12);
  ctx.restore();
  return { layout, places: content.places.map(({ id, x, y, r: pr }) => ({ id, x, y, r: pr })), labels, title: content.title };
}
