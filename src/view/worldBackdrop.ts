// Country outlines under the graph, from the bundled world-atlas (nothing fetched).
// The outlines are built once as a Path2D in graph coordinates; each frame draws them with the
// affine transform sigma currently applies to graph coordinates, so zoom and pan stay aligned.
import { geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { PANEL_STYLE, panelHeadingSize, type PanelShape } from "../state/aggregatePanel";
import { getProjection } from "../state/projection";
import type { BoxAffine } from "../state/drawnGeometry";

export type { PanelShape };

export interface BackdropStyle {
  land: string;
  border: string;
  water: string;
}

export const LIGHT_BACKDROP: BackdropStyle = { land: "#eceae4", border: "#c9c5bb", water: "#f7f9fb" };
export const DARK_BACKDROP: BackdropStyle = { land: "#2b3038", border: "#444b55", water: "#1b1f24" };

/** Maps graph coordinates to viewport pixels: x' = a·x + c·y + e, y' = b·x + d·y + f (the drawn geometry's own type). */
export type Affine = BoxAffine;

let cached: { land: Path2D; borders: Path2D } | null = null;

/** Build (once) the land and border paths in graph coordinates. */
export function backdropPaths(): { land: Path2D; borders: Path2D } {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const land = new Path2D();
  const borders = new Path2D();
  const projection = getProjection();
  geoPath(projection, land as unknown as CanvasRenderingContext2D)(feature(topo, topo.objects.countries));
  geoPath(projection, borders as unknown as CanvasRenderingContext2D)(mesh(topo, topo.objects.countries, (a, b) => a !== b));
  cached = { land, borders };
  return cached;
}

/** Draw the backdrop on a 2D context whose pixels are `pixelRatio` times CSS pixels. */
export function drawBackdrop(
  ctx: CanvasRenderingContext2D,
  affine: Affine,
  size: { width: number; height: number },
  pixelRatio: number,
  style: BackdropStyle | null,
  panel: PanelShape | null = null,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, size.width * pixelRatio, size.height * pixelRatio);
  if (!style) return;
  const { land, borders } = backdropPaths();
  const r = pixelRatio;
  ctx.setTransform(affine.a * r, affine.b * r, affine.c * r, affine.d * r, affine.e * r, affine.f * r);
  // Line widths are in graph units under this transform: divide by the scale to keep ~0.8 CSS px.
  const scale = Math.sqrt(Math.abs(affine.a * affine.d - affine.b * affine.c)) || 1;
  ctx.fillStyle = style.land;
  ctx.fill(land);
  ctx.strokeStyle = style.border;
  ctx.lineWidth = 0.8 / scale;
  ctx.stroke(borders);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (panel) drawPanel(ctx, affine, pixelRatio, panel, style === DARK_BACKDROP ? "dark" : "light");
}

/** The aggregates' panel: a framed box with its heading, in CSS px scaled by the pixel ratio. */
export function drawPanel(
  ctx: CanvasRenderingContext2D,
  affine: Affine,
  pixelRatio: number,
  panel: PanelShape,
  theme: "light" | "dark",
): void {
  const map = (x: number, y: number) => ({ x: affine.a * x + affine.c * y + affine.e, y: affine.b * x + affine.d * y + affine.f });
  const p = map(panel.x0, panel.y0),
    q = map(panel.x1, panel.y1);
  const x = Math.min(p.x, q.x),
    y = Math.min(p.y, q.y),
    w = Math.abs(q.x - p.x),
    h = Math.abs(q.y - p.y);
  const colours = PANEL_STYLE[theme];
  const r = pixelRatio;
  ctx.save();
  ctx.setTransform(r, 0, 0, r, 0, 0);
  ctx.fillStyle = colours.fill;
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 4);
  ctx.fill();
  ctx.stroke();
  ctx.setLineDash([]);
  const size = panelHeadingSize(h);
  ctx.font = `600 ${size}px ${PANEL_FONT}`;
  ctx.fillStyle = colours.text;
  // At the bottom: the aggregates' flows leave the panel upwards, so nothing crosses the heading there.
  ctx.textBaseline = "bottom";
  const text = fitText(ctx, panel.title, w - 8);
  if (text) ctx.fillText(text, x + 4, y + h - 4);
  ctx.restore();
}

const PANEL_FONT = "system-ui, 'DejaVu Sans', Arial, sans-serif";

/** The heading, or its short form ("Aggregates") when it does not fit, or nothing. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const short = text.split(" (")[0] ?? text;
  return ctx.measureText(short).width <= width ? short : "";
}

/** The affine transform from three mapped points (sigma's transform is affine: scale, rotation, translation). */
export function affineFrom(map: (p: { x: number; y: number }) => { x: number; y: number }): Affine {
  const o = map({ x: 0, y: 0 });
  const ux = map({ x: 1, y: 0 });
  const uy = map({ x: 0, y: 1 });
  return { a: ux.x - o.x, b: ux.y - o.y, c: uy.x - o.x, d: uy.y - o.y, e: o.x, f: o.y };
}
