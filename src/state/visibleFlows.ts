// Which flows the current view shows: the year's flows, minus what the filters hide, with counts of
// what each filter hid. Pure: (flows, places, view state) → result; per-year sorted indexes (yearIndex)
// make a change cost a binary search and a slice rather than a scan and a sort.
import type { Flow, Place } from "../domain/types";
import type { Filters, Measure } from "./viewState";
import { atPositions, countAtLeast, yearIndex } from "./yearIndex";

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
  return measure === "usd" ? flow.usd : flow.volume;
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
  // The year's flows sorted by value once (yearIndex, cached per flow list): the threshold is a binary
  // search, top N and the budget a slice, and the categorical filters one pass in that order.
  const index = yearIndex(flows, year, measure);
  const total = index.flows.length;
  const hiddenBy: Record<string, number> = {};
  if (index.missing > 0) hiddenBy.measure = index.missing;
  const lanes = new Set(filters.hiddenLanes);
  const kinds = new Set<string>(filters.hiddenKinds);
  const modes = new Set(filters.hiddenModes);
  const bases = new Set<string>(filters.hiddenBases);
  const regions = new Set(filters.hiddenRegions);
  let passed: Uint32Array;
  if (lanes.size + kinds.size + modes.size + bases.size + regions.size === 0) {
    const count = countAtLeast(index.values, filters.minVolume);
    if (index.order.length > count) hiddenBy.threshold = index.order.length - count;
    passed = index.order.subarray(0, count);
  } else {
    const hide = (reason: string) => (hiddenBy[reason] = (hiddenBy[reason] ?? 0) + 1);
    const kept = new Uint32Array(index.order.length);
    let n = 0;
    for (let i = 0; i < index.order.length; i++) {
      const position = index.order[i]!;
      const f = index.flows[position]!;
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
      if (kinds.size || regions.size) {
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
      }
      if (index.values[i]! < filters.minVolume) {
        hide("threshold");
        continue;
      }
      kept[n++] = position;
    }
    passed = kept.subarray(0, n);
  }
  const limit = Math.min(filters.topN ?? Infinity, budget ?? Infinity);
  let shown: Flow[];
  if (passed.length > limit) {
    shown = atPositions(index, passed.subarray(0, Math.max(0, limit)));
    // Count under the filter the user chose first; the budget only hides what top N did not.
    if (filters.topN !== null && filters.topN <= (budget ?? Infinity)) hiddenBy.topN = passed.length - shown.length;
    else {
      if (filters.topN !== null && passed.length > filters.topN) hiddenBy.topN = passed.length - filters.topN;
      hiddenBy.budget = Math.min(passed.length, filters.topN ?? Infinity) - shown.length;
    }
  } else {
    shown = atPositions(index, passed);
  }
  return { shown, hidden: total - shown.length, total, hiddenBy };
}
