// The border inset: a magnified box of the Xinjiang–Central Asia border, where Horgos, Alashankou, Urumqi,
// Torugart, Irkeshtam, Kazakhstan and Kyrgyzstan fall within a few pixels of each other on the map. Where
// the region sits, whether the data has places there, and where on the canvas the inset goes. Pure.
import type { Flow, Place } from "../domain/types";
import { projectLonLat } from "./projection";

export const BORDER_REGION = {
  name: "Xinjiang–Central Asia border",
  lon: [71, 90] as [number, number],
  lat: [37.5, 47.5] as [number, number],
};

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The region in graph coordinates (y up): the box around its projected outline. */
export function regionGraphBox(region = BORDER_REGION): Rect {
  const xs: number[] = [],
    ys: number[] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = region.lon[0] + ((region.lon[1] - region.lon[0]) * i) / 8;
    const lat = region.lat[0] + ((region.lat[1] - region.lat[0]) * i) / 8;
    for (const [a, b] of [
      [region.lon[0], lat],
      [region.lon[1], lat],
      [lon, region.lat[0]],
      [lon, region.lat[1]],
    ] as const) {
      const p = projectLonLat(a, b);
      if (p) {
        xs.push(p.x);
        ys.push(p.y);
      }
    }
  }
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** Whether the data has at least `min` places with flows inside the region: only then is the inset offered. */
export function insetAvailable(
  places: readonly Place[],
  flows: readonly Pick<Flow, "from" | "to">[],
  min = 3,
  region = BORDER_REGION,
): boolean {
  // The region's places first: most data has none there, and then no flow need be read.
  const inRegion = new Set<string>();
  for (const p of places) {
    if (p.lat === null || p.lon === null) continue;
    if (p.lon >= region.lon[0] && p.lon <= region.lon[1] && p.lat >= region.lat[0] && p.lat <= region.lat[1]) inRegion.add(p.id);
  }
  if (inRegion.size < min) return false;
  // Then the flows only until enough of them are linked.
  const linked = new Set<string>();
  const link = (id: string) => inRegion.has(id) && linked.add(id).size >= min;
  for (const f of flows) if (link(f.from) || link(f.to)) return true;
  return false;
}

export interface InsetLayout {
  /** The region on the canvas (viewport px, y down). */
  source: Rect;
  /** The inset box on the canvas, below its title band. */
  box: Rect;
  /** Magnification: inset px per map px. */
  zoom: number;
}

/** Magnifications below this say the map already shows the region large enough: no inset is drawn. */
export const MIN_INSET_ZOOM = 1.6;

/**
 * Where the inset goes: the canvas corner holding the fewest drawn places (never over the region itself),
 * about a third of the canvas wide; null when the canvas is too small or the map already shows the region
 * magnified.
 */
export function insetLayout(
  canvas: { width: number; height: number },
  source: Rect,
  places: readonly { x: number; y: number }[],
  title = 18,
): InsetLayout | null {
  const sw = source.x1 - source.x0,
    sh = source.y1 - source.y0;
  if (!(sw > 0 && sh > 0) || canvas.width < 240 || canvas.height < 200) return null;
  const margin = 10;
  // Top corners start below the map's corner buttons (Border inset, Run force layout).
  const top = 44;
  let w = Math.min(Math.max(canvas.width * 0.36, 180), 420);
  let h = (w * sh) / sw;
  const maxH = canvas.height * 0.5 - title - top / 2;
  if (h > maxH) {
    h = maxH;
    w = (h * sw) / sh;
  }
  const zoom = w / sw;
  if (zoom < MIN_INSET_ZOOM) return null;
  const corners: Rect[] = [
    { x0: canvas.width - margin - w, y0: top + title, x1: canvas.width - margin, y1: top + title + h },
    { x0: margin, y0: top + title, x1: margin + w, y1: top + title + h },
    { x0: canvas.width - margin - w, y0: canvas.height - margin - h, x1: canvas.width - margin, y1: canvas.height - margin },
    { x0: margin, y0: canvas.height - margin - h, x1: margin + w, y1: canvas.height - margin },
  ];
  const hits = (r: Rect, x: number, y: number) => x >= r.x0 && x <= r.x1 && y >= r.y0 - title && y <= r.y1;
  const overlapsSource = (r: Rect) => r.x0 < source.x1 && source.x0 < r.x1 && r.y0 - title < source.y1 && source.y0 < r.y1;
  let best: Rect | null = null;
  let bestCount = Infinity;
  for (const r of corners) {
    if (overlapsSource(r)) continue;
    const count = places.reduce((n, p) => n + (hits(r, p.x, p.y) ? 1 : 0), 0);
    if (count < bestCount) [best, bestCount] = [r, count];
  }
  return best ? { source, box: best, zoom } : null;
}

/** A point of the region (viewport px) in the inset. */
export function toInset(layout: InsetLayout, p: { x: number; y: number }): { x: number; y: number } {
  return { x: layout.box.x0 + (p.x - layout.source.x0) * layout.zoom, y: layout.box.y0 + (p.y - layout.source.y0) * layout.zoom };
}
