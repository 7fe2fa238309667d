// The extent the width and size scales map from. By default it spans every year of the data in the
// measure in view, so a flow of the same volume is drawn equally wide in every year (growth shows when
// playing through time); the per-year option maps each year's own largest flow to the widest line.
import { keptFlowColumns, type FlowColumns } from "../domain/flowColumns";
import type { Flow, Place } from "../domain/types";
import type { Measure, NodeSizeBy } from "./viewState";

export interface ScaleDomain {
  /** Smallest positive flow volume (for logarithmic scales). */
  flowMin: number;
  /** Largest flow volume. */
  flowMax: number;
  /** Largest place volume (throughput, intake or outflow as chosen) in any one year. */
  nodeMax: number;
  /** Years the extent was taken from (first and last), for the legend. */
  years: [number, number] | null;
}

export function flowVolumeOf(flow: Flow, measure: Measure): number {
  return measure === "usd" ? (flow.usd ?? 0) : flow.volume;
}

/** Place volume from its summed intake and outflow, as the node size stands for. */
export function placeVolume(intake: number, outflow: number, by: NodeSizeBy): number {
  if (by === "intake") return intake;
  if (by === "outflow") return outflow;
  return Math.max(intake, outflow);
}

/** The extent of the given flows, taken per year for place volumes (a place's flows are summed within a year). */
export function scaleDomain(flows: readonly Flow[], measure: Measure, nodeSizeBy: NodeSizeBy): ScaleDomain {
  let flowMin = Infinity;
  let flowMax = 0;
  let first = Infinity;
  let last = -Infinity;
  // Sums per year and place id: one map per year keyed by the id itself (a "year|id" key made a new string
  // per flow, 0.36 s at a million flows). Flows mostly come year by year, so the year's maps are kept at hand.
  const years = new Map<number, { intake: Map<string, number>; outflow: Map<string, number> }>();
  let year = NaN;
  let sums: { intake: Map<string, number>; outflow: Map<string, number> } | undefined;
  for (const f of flows) {
    const v = flowVolumeOf(f, measure);
    if (!(v > 0)) continue;
    if (v > flowMax) flowMax = v;
    if (v < flowMin) flowMin = v;
    if (f.year !== year || !sums) {
      year = f.year;
      if (year < first) first = year;
      if (year > last) last = year;
      sums = years.get(year);
      if (!sums) years.set(year, (sums = { intake: new Map(), outflow: new Map() }));
    }
    sums.outflow.set(f.from, (sums.outflow.get(f.from) ?? 0) + v);
    sums.intake.set(f.to, (sums.intake.get(f.to) ?? 0) + v);
  }
  let nodeMax = 0;
  for (const { intake, outflow } of years.values()) {
    for (const [id, out] of outflow) nodeMax = Math.max(nodeMax, placeVolume(intake.get(id) ?? 0, out, nodeSizeBy));
    for (const [id, inn] of intake) if (!outflow.has(id)) nodeMax = Math.max(nodeMax, placeVolume(inn, 0, nodeSizeBy));
  }
  return {
    flowMin: flowMax > 0 ? flowMin : 0,
    flowMax,
    nodeMax,
    years: flowMax > 0 ? [first, last] : null,
  };
}

/** How many places the columns' indexes reach (one more than the largest). */
function placeCount(columns: FlowColumns): number {
  let n = 0;
  for (let i = 0; i < columns.length; i++) n = Math.max(n, columns.from[i]! + 1, columns.to[i]! + 1);
  return n;
}

/**
 * The same extent read from flow columns (places as indexes, usd NaN where unknown): a few typed-array
 * passes instead of a map lookup per flow end (a million flows). The sums run in the same order, so the
 * result is scaleDomain's on the flows the columns make.
 */
export function scaleDomainOfColumns(
  columns: FlowColumns,
  measure: Measure,
  nodeSizeBy: NodeSizeBy,
  places = placeCount(columns),
): ScaleDomain {
  const values = measure === "usd" ? columns.usd : columns.volume;
  let flowMin = Infinity;
  let flowMax = 0;
  let first = Infinity;
  let last = -Infinity;
  const years = new Map<number, { intake: Float64Array; outflow: Float64Array }>();
  let year = NaN;
  let sums: { intake: Float64Array; outflow: Float64Array } | undefined;
  for (let i = 0; i < columns.length; i++) {
    const v = values[i]!;
    if (!(v > 0)) continue;
    if (v > flowMax) flowMax = v;
    if (v < flowMin) flowMin = v;
    if (columns.year[i] !== year || !sums) {
      year = columns.year[i]!;
      if (year < first) first = year;
      if (year > last) last = year;
      sums = years.get(year);
      if (!sums) years.set(year, (sums = { intake: new Float64Array(places), outflow: new Float64Array(places) }));
    }
    const from = columns.from[i]!,
      to = columns.to[i]!;
    sums.outflow[from] = sums.outflow[from]! + v;
    sums.intake[to] = sums.intake[to]! + v;
  }
  let nodeMax = 0;
  for (const { intake, outflow } of years.values())
    for (let p = 0; p < places; p++) nodeMax = Math.max(nodeMax, placeVolume(intake[p]!, outflow[p]!, nodeSizeBy));
  return {
    flowMin: flowMax > 0 ? flowMin : 0,
    flowMax,
    nodeMax,
    years: flowMax > 0 ? [first, last] : null,
  };
}

/**
 * A memo for the all-years extent: recomputed only when the flows (or measure / size choice) change; read
 * from the columns the flows were made from when they are kept (flowColumns' keptFlowColumns).
 */
export function createScaleDomainMemo(): (
  flows: readonly Flow[],
  measure: Measure,
  nodeSizeBy: NodeSizeBy,
  places?: readonly Place[],
) => ScaleDomain {
  let last: { flows: readonly Flow[]; measure: Measure; by: NodeSizeBy; value: ScaleDomain } | null = null;
  return (flows, measure, by, places) => {
    if (!last || last.flows !== flows || last.measure !== measure || last.by !== by) {
      const columns = places ? keptFlowColumns(flows, places) : null;
      last = {
        flows,
        measure,
        by,
        value: columns && places ? scaleDomainOfColumns(columns, measure, by, places.length) : scaleDomain(flows, measure, by),
      };
    }
    return last.value;
  };
}

/** The legend's words for the scale in force: the same in every year, or fitted to the year shown. */
export function scaleSpanNote(kind: "all-years" | "year", years: [number, number] | null, year: number): string {
  if (kind === "year") return `Per-year scale: fitted to ${year} only`;
  if (!years) return "One scale for every year";
  return years[0] === years[1] ? `One scale for every year (${years[0]})` : `One scale for every year (${years[0]}–${years[1]})`;
}
