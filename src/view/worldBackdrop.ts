// Country outlines under the graph, from the bundled world-atlas (nothing fetched).
// The outlines are built once as a Path2D in graph coordinates; each frame draws them with the
// affine transform sigma currently applies to graph coordinates, so zoom and pan stay aligned.
import { geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { getProjection } from "../state/projection";

export interface BackdropStyle {
  land: string;
  border: string;
  water: string;
}

export const LIGHT_BACKDROP: BackdropStyle = { land: "#eceae4", border: "#c9c5bb", water: "#f7f9fb" };
export const DARK_BACKDROP: BackdropStyle = { land: "#2b3038", border: "#444b55", water: "#1b1f24" };

/** Maps graph coordinates to viewport pixels: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

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
}

/** The affine transform from three mapped points (sigma's transform is affine: scale, rotation, translation). */
export function affineFrom(map: (p: { x: number; y: number }) => { x: number; y: number }): Affine {
  const o = map({ x: 0, y: 0 });
  const ux = map({ x: 1, y: 0 });
  const uy = map({ x: 0, y: 1 });
  return { a: ux.x - o.x, b: ux.y - o.y, c: uy.x - o.x, d: uy.y - o.y, e: o.x, f: o.y };
}
