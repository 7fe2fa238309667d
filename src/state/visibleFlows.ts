// Which flows the current view shows: the year's flows, minus what the filters hide, with counts of
// what each filter hid. Pure: (flows, places, view state) → result.
import type { Flow, Place } from "../domain/types";
import type { Filters, Measure } from "./viewState";

export interface VisibleFlows {
  shown: Flow[];
  /** Flows of the year that the filters hide. */
  hidden: number;
  /** The year's flows before filters. */
  total: number;
  /** How many flows each filter hid (a flow hidden by two filters counts under the first that hid it). */
  hiddenBy: Record<string, number>;
}

export interface VisibleFlowsContext {
  placesById: Map<string, Place>;
  laneOf: (flow: Flow) => string;
  regionOf: (place: Place) => string;
}

export function volumeOf(flow: Flow, measure: Measure): number | null {
  return measure === "usd" ? flow.usd : flow.vehicles;
}

export function visibleFlows(
  flows: Flow[],
  year: number,
  filters: Filters,
  measure: Measure,
  ctx: VisibleFlowsContext,
): VisibleFlows {
  const hiddenBy: Record<string, number> = {};
  const hide = (reason: string) => (hiddenBy[reason] = (hiddenBy[reason] ?? 0) + 1);
  const ofYear = flows.filter((f) => f.year === year);
  const lanes = new Set(filters.hiddenLanes);
  const kinds = new Set<string>(filters.hiddenKinds);
  const modes = new Set(filters.hiddenModes);
  const bases = new Set<string>(filters.hiddenBases);
  const regions = new Set(filters.hiddenRegions);
  const passed: Flow[] = [];
  for (const f of ofYear) {
    const v = volumeOf(f, measure);
    if (v === null) { hide("measure"); continue; }
    if (bases.has(f.basis)) { hide("basis"); continue; }
    if (modes.has(f.mode)) { hide("mode"); continue; }
    if (lanes.size && lanes.has(ctx.laneOf(f))) { hide("lane"); continue; }
    const from = ctx.placesById.get(f.from);
    const to = ctx.placesById.get(f.to);
    if (kinds.size && ((from && kinds.has(from.kind)) || (to && kinds.has(to.kind)))) { hide("kind"); continue; }
    if (regions.size && ((from && regions.has(ctx.regionOf(from))) || (to && regions.has(ctx.regionOf(to))))) { hide("region"); continue; }
    if (v < filters.minVolume) { hide("threshold"); continue; }
    passed.push(f);
  }
  let shown = passed;
  if (filters.topN !== null && passed.length > filters.topN) {
    const ranked = [...passed].sort((a, b) => (volumeOf(b, measure) ?? 0) - (volumeOf(a, measure) ?? 0) || a.id.localeCompare(b.id));
    const keep = new Set(ranked.slice(0, Math.max(0, filters.topN)).map((f) => f.id));
    shown = passed.filter((f) => keep.has(f.id));
    hiddenBy.topN = passed.length - shown.length;
  }
  return { shown, hidden: ofYear.length - shown.length, total: ofYear.length, hiddenBy };
}
