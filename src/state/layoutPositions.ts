// Positions for each layout, all inside one frame (the geographic extent), so switching layouts never
// moves the camera and positions can be tweened from one layout to another.
import type { Flow, Place } from "../domain/types";
import type { LayoutKind } from "../state/viewState";
import { aggregatePanelOf } from "./aggregatePanel";
import { chainPositions, extentOf, geoWithFallback, type Positions } from "./layouts";

export type Frame = { x: [number, number]; y: [number, number] };

/** Scales and centres `positions` uniformly (aspect kept) to fill `frame` minus `pad` (share) on each side. */
export function fitPositions(positions: Positions, frame: Frame, pad = 0.08): Positions {
  const ext = extentOf(positions, 0);
  const out: Positions = new Map();
  if (!ext) return out;
  const fw = (frame.x[1] - frame.x[0]) * (1 - 2 * pad);
  const fh = (frame.y[1] - frame.y[0]) * (1 - 2 * pad);
  const w = ext.x[1] - ext.x[0];
  const h = ext.y[1] - ext.y[0];
  const k = Math.min(w > 0 ? fw / w : Infinity, h > 0 ? fh / h : Infinity);
  const scale = Number.isFinite(k) ? k : 1;
  const cx = (ext.x[0] + ext.x[1]) / 2,
    cy = (ext.y[0] + ext.y[1]) / 2;
  const fx = (frame.x[0] + frame.x[1]) / 2,
    fy = (frame.y[0] + frame.y[1]) / 2;
  for (const [id, p] of positions) out.set(id, { x: fx + (p.x - cx) * scale, y: fy + (p.y - cy) * scale });
  return out;
}

/**
 * The frame every layout is drawn in and the map opens on: the routes, not the whole world. The extent of
 * the places that send or receive a flow in any year (the aggregates' panel included), or of every place
 * when no flow links any of them.
 */
export function layoutFrame(places: Place[], flows: Flow[]): Frame {
  const geo = geoWithFallback(places, flows);
  const frame = routesFrame(geo, flows) ?? extentOf(geo) ?? { x: [-300, 300], y: [-150, 150] };
  const panel = aggregatePanelOf(places, flows);
  if (!panel) return frame;
  // The aggregates' panel (heading and all) inside the frame, with the same margin as the places.
  const m = (frame.y[1] - frame.y[0]) * 0.02;
  return {
    x: [Math.min(frame.x[0], panel.x0 - m), Math.max(frame.x[1], panel.x1 + m)],
    y: [Math.min(frame.y[0], panel.y0 - m), Math.max(frame.y[1], panel.y1 + m)],
  };
}

/** The extent of the places with a flow (null when there is none), with a margin. */
export function routesFrame(positions: Positions, flows: readonly Pick<Flow, "from" | "to">[], pad = 0.06): Frame | null {
  const linked: Positions = new Map();
  const link = (id: string) => {
    if (linked.has(id)) return;
    const p = positions.get(id);
    if (p) linked.set(id, p);
  };
  for (const f of flows) {
    link(f.from);
    link(f.to);
    // Every place is linked: the rest of a million flows cannot change the extent.
    if (linked.size === positions.size) break;
  }
  return linked.size >= 2 ? extentOf(linked, pad) : null;
}

/**
 * Positions of a layout. geo: projected coordinates; chain: columns origin → exit → transit → market
 * stretched over the frame; force: the seed the force layout starts from (`seed`, else geographic).
 */
export function positionsForLayout(layout: LayoutKind, places: Place[], flows: Flow[], seed?: Positions): Positions {
  if (layout === "geo") return geoWithFallback(places, flows);
  const frame = layoutFrame(places, flows);
  if (layout === "chain") {
    const w = (frame.x[1] - frame.x[0]) * 0.84;
    const h = (frame.y[1] - frame.y[0]) * 0.84;
    const cx = (frame.x[0] + frame.x[1]) / 2,
      cy = (frame.y[0] + frame.y[1]) / 2;
    const out: Positions = new Map();
    for (const [id, p] of chainPositions(places, flows, w, h)) out.set(id, { x: p.x + cx, y: p.y + cy });
    return out;
  }
  if (seed && places.every((p) => seed.has(p.id))) return new Map(seed);
  return geoWithFallback(places, flows);
}
