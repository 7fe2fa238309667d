// Draws the border inset: the region's map, flows and places magnified in a framed box on a canvas corner,
// with a locator box on the map and a line to the inset. Places keep their drawn size and flows their
// drawn width (volumes read the same as on the map); only the distances between them grow. Labels are
// placed inside the inset by the same collision-free placement. Used by the screen and the image export.
import { insetLayout, toInset, BORDER_REGION, type InsetLayout, type Rect } from "../state/borderInset";
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

export function drawInset(
  ctx: CanvasRenderingContext2D,
  geometry: Pick<CapturedGeometry, "affine" | "nodes" | "edges" | "width" | "height">,
  layout: InsetLayout,
  pixelRatio: number,
  theme: InsetTheme,
  /** Text size multiplier (exports whose text is scaled with the frame). */
  textScale = 1,
): DrawnInset {
  const { source, box, zoom } = layout;
  const r = pixelRatio;
  const inside = (x: number, y: number, m: number) => x >= source.x0 - m && x <= source.x1 + m && y >= source.y0 - m && y <= source.y1 + m;
  const title = `${BORDER_REGION.name} (×${zoom.toFixed(1)})`;
  ctx.save();
  ctx.setTransform(r, 0, 0, r, 0, 0);
  // Locator: the region's box on the map and a line from it to the inset.
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1.2;
  ctx.setLineDash([3, 2]);
  ctx.strokeRect(source.x0, source.y0, source.x1 - source.x0, source.y1 - source.y0);
  ctx.setLineDash([]);
  const toLeft = box.x0 > source.x1;
  ctx.beginPath();
  ctx.moveTo(toLeft ? source.x1 : source.x0, box.y0 < source.y0 ? source.y0 : source.y1);
  ctx.lineTo(toLeft ? box.x0 : box.x1, box.y0 < source.y0 ? box.y1 : box.y0 - TITLE);
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
    const { a, b, c, d, e, f } = geometry.affine;
    // graph → viewport → inset: scale about the source's corner.
    const k = zoom;
    ctx.setTransform(a * k * r, b * k * r, c * k * r, d * k * r, (box.x0 + (e - source.x0) * k) * r, (box.y0 + (f - source.y0) * k) * r);
    const { land, borders } = backdropPaths();
    const scale = Math.sqrt(Math.abs(a * d - b * c)) * k || 1;
    ctx.fillStyle = theme.backdrop.land;
    ctx.fill(land);
    ctx.strokeStyle = theme.backdrop.border;
    ctx.lineWidth = 0.9 / scale;
    ctx.stroke(borders);
    ctx.setTransform(r, 0, 0, r, 0, 0);
  }
  // Flows with an end in the region, at their drawn width.
  const margin = 2 / zoom;
  for (const e of geometry.edges) {
    if (!inside(e.x1, e.y1, margin) && !inside(e.x2, e.y2, margin)) continue;
    const s = toInset(layout, { x: e.x1, y: e.y1 });
    const g = toInset(layout, { x: e.x2, y: e.y2 });
    const c = toInset(layout, { x: e.cx, y: e.cy });
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = Math.max(0.8, e.width);
    ctx.beginPath();
    ctx.moveTo(s.x, s.y);
    ctx.quadraticCurveTo(c.x, c.y, g.x, g.y);
    ctx.stroke();
    if (e.arrow > 0 && inside(e.x2, e.y2, 0)) {
      const ang = Math.atan2(g.y - c.y, g.x - c.x);
      const len = Math.min(e.arrow, 18);
      ctx.fillStyle = e.colour;
      ctx.beginPath();
      ctx.moveTo(g.x, g.y);
      ctx.lineTo(g.x - len * Math.cos(ang - 0.4), g.y - len * Math.sin(ang - 0.4));
      ctx.lineTo(g.x - len * Math.cos(ang + 0.4), g.y - len * Math.sin(ang + 0.4));
      ctx.closePath();
      ctx.fill();
    }
  }
  // Places in the region, at their drawn size.
  const places: InsetPlace[] = [];
  for (const n of geometry.nodes) {
    if (!inside(n.x, n.y, n.r / zoom)) continue;
    const p = toInset(layout, n);
    ctx.fillStyle = n.colour;
    ctx.beginPath();
    ctx.arc(p.x, p.y, n.r, 0, Math.PI * 2);
    ctx.fill();
    places.push({ id: n.id, x: p.x, y: p.y, r: n.r });
  }
  ctx.restore();
  // Labels inside the inset, none over another or over a dot.
  const fontSize = LABEL_SIZE * textScale;
  ctx.font = `500 ${fontSize}px ${LABEL_FONT}`;
  const byId = new Map(geometry.nodes.map((n) => [n.id, n]));
  const labels = placeLabels(
    places.filter((p) => byId.get(p.id)?.label).map((p) => ({ ...p, text: byId.get(p.id)!.label!, priority: p.r })),
    (t) => ctx.measureText(t).width,
    { fontSize, gap: 3, padding: 1.5, bounds: box, dots: places },
  );
  ctx.restore();
  drawLabels(ctx, labels, { font: LABEL_FONT, fontSize, color: theme.label, halo: theme.halo, scale: r });
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
  ctx.font = `600 ${Math.min(12, 12 * textScale)}px ${LABEL_FONT}`;
  ctx.textBaseline = "middle";
  ctx.fillText(title, box.x0 + 6, box.y0 - TITLE / 2, box.x1 - box.x0 - 12);
  ctx.restore();
  return { layout, places, labels, title };
}
