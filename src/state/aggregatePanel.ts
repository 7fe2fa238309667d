// Aggregates ("Other provinces", "Other destinations", …) are not places: on the map they are drawn in a
// panel of their own over open ocean, next to the places they trade with, never at an invented spot on land.
import type { Flow, Place } from "../domain/types";
import { isAggregatePlace, PLACE_KINDS } from "../domain/types";
import { projectLonLat } from "./projection";

/** The aggregates' panel as drawn: a rectangle in graph coordinates with a heading. */
export interface PanelShape {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  title: string;
}

/** The panel in graph coordinates (y up, as sigma's graph), with its aggregates' positions. */
export interface AggregatePanel {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  title: string;
  positions: Map<string, { x: number; y: number }>;
}

/** Open-ocean boxes (lon/lat, no land of the 1:110m atlas inside: test/unit/view/aggregatePanel.test.ts). */
export const OCEAN_BOXES: readonly { name: string; lon: [number, number]; lat: [number, number] }[] = [
  { name: "Arabian Sea", lon: [52, 75], lat: [-6, 10] },
  { name: "Indian Ocean", lon: [60, 92], lat: [-38, -8] },
  { name: "North Pacific", lon: [150, 192], lat: [5, 40] },
  { name: "South Atlantic", lon: [-28, 2], lat: [-44, -12] },
  { name: "North Atlantic", lon: [-58, -34], lat: [16, 34] },
  { name: "South Pacific", lon: [-140, -104], lat: [-45, -15] },
];

/** Where the rows run, as fractions of the panel's height: from `top` below its top edge to `bottom` above its
 *  bottom edge; the heading band is the part below `bottom`. */
export const PANEL_ROWS = { top: 0.14, bottom: 0.3 } as const;

/** The heading's font size (px) for a panel `height` px tall on screen or in an export. */
export function panelHeadingSize(height: number): number {
  return Math.max(8, Math.min(12, height * 0.08));
}

export const AGGREGATE_PANEL_TITLE = "Aggregates (no place on the map)";

/** An aggregate without a position of its own (one with coordinates, as a national total, stays on the map). */
export function isAggregate(place: Pick<Place, "country" | "aggregate" | "lat" | "lon">): boolean {
  return isAggregatePlace(place) && (place.lat === null || place.lon === null);
}

/** The rectangle inside a lon/lat box's projection (its edges are curves; the rectangle stays within them). */
export function projectedBox(box: {
  lon: [number, number];
  lat: [number, number];
}): { x0: number; x1: number; y0: number; y1: number } | null {
  const steps = 8;
  const xs = { left: -Infinity, right: Infinity };
  const ys = { bottom: -Infinity, top: Infinity };
  for (let i = 0; i <= steps; i++) {
    const lat = box.lat[0] + ((box.lat[1] - box.lat[0]) * i) / steps;
    const lon = box.lon[0] + ((box.lon[1] - box.lon[0]) * i) / steps;
    const l = projectLonLat(box.lon[0], lat),
      r = projectLonLat(box.lon[1], lat),
      b = projectLonLat(lon, box.lat[0]),
      t = projectLonLat(lon, box.lat[1]);
    if (!l || !r || !b || !t) return null;
    xs.left = Math.max(xs.left, l.x);
    xs.right = Math.min(xs.right, r.x);
    ys.bottom = Math.max(ys.bottom, b.y);
    ys.top = Math.min(ys.top, t.y);
  }
  if (!(xs.right > xs.left && ys.top > ys.bottom)) return null;
  return { x0: xs.left, x1: xs.right, y0: ys.bottom, y1: ys.top };
}

/**
 * The panel for the aggregates of `places`, in the open-ocean box nearest to the places they trade with;
 * null when there are none (or none of their partners is on the map).
 */
export function aggregatePanel(
  places: readonly Place[],
  flows: readonly Pick<Flow, "from" | "to">[],
  geo: Map<string, { x: number; y: number }>,
): AggregatePanel | null {
  const aggregates = places.filter(isAggregate);
  if (!aggregates.length) return null;
  const ids = new Set(aggregates.map((p) => p.id));
  let sx = 0,
    sy = 0,
    n = 0;
  for (const f of flows) {
    for (const [a, b] of [
      [f.from, f.to],
      [f.to, f.from],
    ] as const) {
      if (!ids.has(a)) continue;
      const q = geo.get(b);
      if (!q) continue;
      sx += q.x;
      sy += q.y;
      n++;
    }
  }
  if (!n) return null;
  const cx = sx / n,
    cy = sy / n;
  let best: { x0: number; x1: number; y0: number; y1: number } | null = null;
  let bestD = Infinity;
  for (const box of OCEAN_BOXES) {
    const r = projectedBox(box);
    if (!r) continue;
    // Nearest by the box's centre: the partners' centroid can sit close to a box's corner across a continent.
    const d = Math.hypot((r.x0 + r.x1) / 2 - cx, (r.y0 + r.y1) / 2 - cy);
    if (d < bestD) [best, bestD] = [r, d];
  }
  if (!best) return null;
  const order = (p: Place) => PLACE_KINDS.indexOf(p.kind);
  const sorted = [...aggregates].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  const h = best.y1 - best.y0;
  // One row per aggregate from the top, nodes in from the left edge (their square glyph clear of the frame),
  // labels to their right; the heading sits in a band at the bottom, where no flow passes: every partner of
  // an aggregate is above the panel, so its flows leave upwards.
  const top = best.y1 - h * PANEL_ROWS.top;
  const bottom = best.y0 + h * PANEL_ROWS.bottom;
  const step = (top - bottom) / Math.max(1, sorted.length - 1);
  const positions = new Map<string, { x: number; y: number }>();
  sorted.forEach((p, i) =>
    positions.set(p.id, { x: best.x0 + (best.x1 - best.x0) * 0.16, y: sorted.length === 1 ? (top + bottom) / 2 : top - i * step }),
  );
  return { ...best, title: AGGREGATE_PANEL_TITLE, positions };
}

let memo: { places: readonly Place[]; flows: readonly Pick<Flow, "from" | "to">[]; panel: AggregatePanel | null } | null = null;

/** aggregatePanel for a dataset's places and flows, kept while they are the same arrays. */
export function aggregatePanelOf(places: readonly Place[], flows: readonly Pick<Flow, "from" | "to">[]): AggregatePanel | null {
  if (!memo || memo.places !== places || memo.flows !== flows) {
    const geo = new Map<string, { x: number; y: number }>();
    for (const p of places) {
      if (p.lat === null || p.lon === null) continue;
      const q = projectLonLat(p.lon, p.lat);
      if (q) geo.set(p.id, q);
    }
    memo = { places, flows, panel: aggregatePanel(places, flows, geo) };
  }
  return memo.panel;
}

/** Panel colours on a light or dark map. */
export const PANEL_STYLE = {
  light: { fill: "#ffffff", border: "#95a5a6", text: "#4d5656" },
  dark: { fill: "#14181d", border: "#6c7a89", text: "#c8d0d8" },
} as const;
