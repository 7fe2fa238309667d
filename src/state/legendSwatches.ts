// The legend's lane swatches, read from the flows drawn: each lane's colour in each shade that is on the
// map (full for reported or derived figures, lighter for modelled ones), so the legend matches the picture.
import type { SceneEdge } from "./scene";

export interface LaneSwatch {
  lane: string;
  /** Full colour (reported or derived flows), when any is drawn. */
  full: string | null;
  /** Lighter colour (modelled flows), when any is drawn. */
  modelled: string | null;
}

/** Lanes in `order` first (legend order), then any other lane drawn, alphabetically. */
export function laneSwatches(edges: readonly Pick<SceneEdge, "lane" | "modelled" | "color">[], order: readonly string[]): LaneSwatch[] {
  const byLane = new Map<string, LaneSwatch>();
  for (const e of edges) {
    let s = byLane.get(e.lane);
    if (!s) byLane.set(e.lane, (s = { lane: e.lane, full: null, modelled: null }));
    if (e.modelled) s.modelled ??= e.color;
    else s.full ??= e.color;
  }
  const rank = (lane: string) => {
    const i = order.indexOf(lane);
    return i < 0 ? order.length : i;
  };
  return [...byLane.values()].sort((a, b) => rank(a.lane) - rank(b.lane) || a.lane.localeCompare(b.lane));
}
