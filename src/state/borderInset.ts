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

/** What the inset shows, in canvas px (y down): its box, title, flows, places and labels as drawn there. */
export interface InsetContent {
  layout: InsetLayout;
  /** "Xinjiang–Central Asia border (×3.2)". */
  title: string;
  /** Height of the title band above the box, and the title's font size. */
  band: number;
  titleSize: number;
  /** Flows with an end in the region: a quadratic curve (x1,y1) → (x2,y2) through (cx,cy); arrow = head length (0: none). */
  edges: {
    id: string;
    x1: number;
    y1: number;
    cx: number;
    cy: number;
    x2: number;
    y2: number;
    width: number;
    colour: string;
    arrow: number;
  }[];
  places: { id: string; x: number; y: number; r: number; colour: string }[];
  /** Labels (baseline-left anchor) at `fontSize`. */
  labels: { id: string; text: string; x: number; y: number }[];
  fontSize: number;
}

/** The line from the region's box on the map to the inset's frame (above its title band of `band` px). */
export function locatorLine(layout: InsetLayout, band: number): { x1: number; y1: number; x2: number; y2: number } {
  const { source, box } = layout;
  const toLeft = box.x0 > source.x1;
  const below = box.y0 < source.y0;
  return {
    x1: toLeft ? source.x1 : source.x0,
    y1: below ? source.y0 : source.y1,
    x2: toLeft ? box.x0 : box.x1,
    y2: below ? box.y1 : box.y0 - band,
  };
}

/** Graph → inset coordinates: the map's affine (graph → canvas), scaled by the zoom about the region's corner. */
export function insetBackdropMatrix(
  affine: { a: number; b: number; c: number; d: number; e: number; f: number },
  layout: InsetLayout,
): { a: number; b: number; c: number; d: number; e: number; f: number } {
  const { a, b, c, d, e, f } = affine;
  const { source, box, zoom: k } = layout;
  return { a: a * k, b: b * k, c: c * k, d: d * k, e: box.x0 + (e - source.x0) * k, f: box.y0 + (f - source.y0) * k };
}

/** The three corners of a flow's arrow head in the inset, tip first. */
export function insetArrow(e: InsetContent["edges"][number]): { x: number; y: number }[] {
  const ang = Math.atan2(e.y2 - e.cy, e.x2 - e.cx);
  return [
    { x: e.x2, y: e.y2 },
    { x: e.x2 - e.arrow * Math.cos(ang - 0.4), y: e.y2 - e.arrow * Math.sin(ang - 0.4) },
    { x: e.x2 - e.arrow * Math.cos(ang + 0.4), y: e.y2 - e.arrow * Math.sin(ang + 0.4) },
  ];
}
