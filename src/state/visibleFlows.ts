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
  /** Most flows drawn; the largest are kept. null = no limit. */
  budget: number | null = null,
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
    if (v === null) {
      hide("measure");
      continue;
    }
    if (bases.has(f.basis)) {
      hide("basis");
      continue;
    }
    if (modes.has(f.mode)) {
      hide("mode");
      continue;
    }
    if (lanes.size && lanes.has(ctx.laneOf(f))) {
      hide("lane");
      continue;
    }
    const from = ctx.placesById.get(f.from);
    const to = ctx.placesById.get(f.to);
    if (kinds.size && ((from && kinds.has(from.kind)) || (to && kinds.has(to.kind)))) {
      hide("kind");
      continue;
    }
    if (regions.size && ((from && regions.has(ctx.regionOf(from))) || (to && regions.has(ctx.regionOf(to))))) {
      hide("region");
      continue;
    }
    if (v < filters.minVolume) {
      hide("threshold");
      continue;
    }
    passed.push(f);
  }
  let shown = passed;
  const limit = Math.min(filters.topN ?? Infinity, budget ?? Infinity);
  if (passed.length > limit) {
    shown = largest(passed, limit, measure);
    // Count under the filter the user chose first; the budget only hides what top N did not.
    if (filters.topN !== null && filters.topN <= (budget ?? Infinity)) hiddenBy.topN = passed.length - shown.length;
    else {
      if (filters.topN !== null && passed.length > filters.topN) hiddenBy.topN = passed.length - filters.topN;
      hiddenBy.budget = Math.min(passed.length, filters.topN ?? Infinity) - shown.length;
    }
  }
  return { shown, hidden: ofYear.length - shown.length, total: ofYear.length, hiddenBy };
}

/** The n largest flows by volume, in their original order (ties broken by id, so the result is stable). */
function largest(flows: Flow[], n: number, measure: Measure): Flow[] {
  const ranked = [...flows].sort((a, b) => (volumeOf(b, measure) ?? 0) - (volumeOf(a, measure) ?? 0) || a.id.localeCompare(b.id));
  const keep = new Set(ranked.slice(0, Math.max(0, n)).map((f) => f.id));
  return flows.filter((f) => keep.has(f.id));
}
