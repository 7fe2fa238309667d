// "Over time": one volume per year for the whole dataset, a place, a hop or a lane, as a line or stacked
// by lane or by origin. Pure. Every year of the time axis (data years and policy-event years) gets a row;
// a year without flows is a gap (null), never a zero. Each point says what it rests on: the weakest
// basis among the flows that make it (reported < derived < modelled < projected).
//
// What the total is (docs/methods.md, "Mass balance"):
//   dataset: the volume absorbed at the end of chains, Σ d_n (= Σ g + Σ r: every car counted once);
//   place:   its throughput T = max(intake, outflow), as node sizes;
//   hop:     the volume on the hop (all its modes unless one is named);
//   lane:    the absorbed volume that arrives by the lane's flows, Σ_n d_n · (n's inflow in the lane / n's inflow).
// Stacks split that same total, so the parts always add up to it: by lane (the lanes of the flows that
// make the volume) or by origin (proportional tracing: the origin mix of the volume).
import { attribution, UNEXPLAINED_ORIGIN, type Attribution } from "../analysis";
import { buildYearGraph } from "../domain/buildYearGraph";
import { flowLane } from "../domain/lanes";
import { regionOf } from "../domain/regions";
import type { Dataset, Flow, Place } from "../domain/types";
import { timeAxis } from "./timeline";
import { visibleFlows, volumeOf } from "./visibleFlows";
import type { Filters, Measure } from "./viewState";

export type SeriesTarget =
  | { kind: "dataset" }
  | { kind: "place"; id: string }
  | { kind: "flow"; from: string; to: string; mode?: string | null }
  | { kind: "lane"; id: string };

export type StackBy = "none" | "lane" | "origin";

/** Weakest first wins: a point is as strong as the weakest flow in it. Unknown bases rank after these. */
export const BASIS_ORDER = ["reported", "derived", "modelled", "projected"] as const;

export interface SeriesRow {
  year: number;
  /** null: no flow that year ("absent"), none with the measure ("unknown"), or all hidden by the filters ("hidden"). */
  total: number | null;
  missing?: "absent" | "unknown" | "hidden";
  /** Weakest basis of the flows in the point; null in a gap. */
  basis: string | null;
  /** By stack key (lane id or origin id); empty when not stacked or in a gap. Sums to `total`. */
  parts: Record<string, number>;
  /** Flows that make the point. */
  flows: number;
}

export interface TimeSeries {
  target: SeriesTarget;
  stack: StackBy;
  /** Stack keys, largest over all years first. */
  keys: string[];
  rows: SeriesRow[];
}

export interface SeriesInputs {
  dataset: Pick<Dataset, "places" | "years" | "events">;
  /** Every flow in force (after edited assumptions or a scenario), all years. */
  flows: readonly Flow[];
  filters: Filters;
  measure: Measure;
  /** Years to report; default: every year of the time axis (data years and event years, contiguous). */
  years?: readonly number[];
}

/** The years of the chart: the time axis's, so policy events outside the data years still have a place. */
export function seriesYears(dataset: Pick<Dataset, "years" | "events">): number[] {
  return timeAxis(dataset.years, dataset.events).ticks.map((t) => t.year);
}

export function weakestBasis(bases: Iterable<string>): string | null {
  let worst: string | null = null;
  let rank = -1;
  for (const b of bases) {
    const i = BASIS_ORDER.indexOf(b as (typeof BASIS_ORDER)[number]);
    const r = i < 0 ? BASIS_ORDER.length : i;
    if (r > rank) {
      rank = r;
      worst = b;
    }
  }
  return worst;
}

/** Words for a target: "the whole dataset", "Horgos", "Horgos → Kazakhstan", "the Central Asia lane". */
export function describeTarget(target: SeriesTarget, nameOf: (id: string) => string, laneLabel: (id: string) => string): string {
  switch (target.kind) {
    case "dataset":
      return "the whole dataset";
    case "place":
      return nameOf(target.id);
    case "flow":
      return `${nameOf(target.from)} → ${nameOf(target.to)}${target.mode ? ` (${target.mode})` : ""}`;
    case "lane":
      return `the ${laneLabel(target.id)} lane`;
  }
}

/** One year's flows shown, summed, for its row of a series (opaque to callers). */
export interface SeriesYear {
  year: number;
  data: YearData;
}

/** A year's shown flows (filters applied, no top-N budget) and the pieces every target reads. */
interface YearData {
  shown: Flow[];
  placesById: Map<string, Place>;
  measure: Measure;
  inflow: Map<string, number>;
  outflow: Map<string, number>;
}

function yearData(inputs: SeriesInputs, placesById: Map<string, Place>, year: number): YearData {
  const laneOf = (f: Flow) => flowLane(f, placesById);
  // Top N is a per-year cut of the picture: a hop would come and go with its rank, so the series ignores it.
  const filters = { ...inputs.filters, topN: null };
  const visible = visibleFlows(inputs.flows as Flow[], year, filters, inputs.measure, { placesById, laneOf, regionOf }, null);
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const f of visible.shown) {
    const v = volumeOf(f, inputs.measure) ?? 0;
    outflow.set(f.from, (outflow.get(f.from) ?? 0) + v);
    inflow.set(f.to, (inflow.get(f.to) ?? 0) + v);
  }
  return { shown: visible.shown, placesById, measure: inputs.measure, inflow, outflow };
}

/** Absorbed volume at each place (max(0, intake − outflow)), split by the lanes its intake came by. */
function absorbedByLane(data: YearData): Map<string, Map<string, number>> {
  const intakeByLane = new Map<string, Map<string, number>>();
  for (const f of data.shown) {
    const m = intakeByLane.get(f.to) ?? new Map<string, number>();
    const lane = flowLane(f, data.placesById);
    m.set(lane, (m.get(lane) ?? 0) + flowValue(f, data));
    intakeByLane.set(f.to, m);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [place, lanes] of intakeByLane) {
    const intake = data.inflow.get(place) ?? 0;
    const absorbed = Math.max(0, intake - (data.outflow.get(place) ?? 0));
    if (absorbed <= 0 || intake <= 0) continue;
    const m = new Map<string, number>();
    for (const [lane, v] of lanes) if (v > 0) m.set(lane, (absorbed * v) / intake);
    out.set(place, m);
  }
  return out;
}

function flowValue(f: Flow, data: YearData): number {
  return volumeOf(f, data.measure) ?? 0;
}

/** The flows a target's point is made of. */
function flowsOf(target: SeriesTarget, data: YearData): Flow[] {
  switch (target.kind) {
    case "dataset":
      return data.shown;
    case "place":
      return data.shown.filter((f) => f.from === target.id || f.to === target.id);
    case "flow":
      return data.shown.filter((f) => f.from === target.from && f.to === target.to && (!target.mode || f.mode === target.mode));
    case "lane":
      return data.shown.filter((f) => flowLane(f, data.placesById) === target.id);
  }
}

function add(m: Record<string, number>, k: string, v: number): void {
  if (v > 0) m[k] = (m[k] ?? 0) + v;
}

/** Total and stacked parts for one year with flows. */
function point(target: SeriesTarget, stack: StackBy, data: YearData, inputs: SeriesInputs, year: number) {
  const parts: Record<string, number> = {};
  let total = 0;
  const needsAttribution = stack === "origin";
  let att: Attribution | null = null;
  if (needsAttribution) {
    const graph = buildYearGraph(inputs.dataset as Dataset, year, { measure: inputs.measure, flows: data.shown });
    att = attribution(graph, { weight: "weight" });
  }
  const originShares = (place: string, volume: number) => {
    if (!att || volume <= 0) return;
    const i = att.index.get(place);
    if (i === undefined) return;
    const K = att.origins.length;
    for (let k = 0; k < K; k++) add(parts, att.origins[k]!, volume * att.mix[i * K + k]!);
  };
  switch (target.kind) {
    case "dataset":
    case "lane": {
      const byLane = absorbedByLane(data);
      for (const [place, lanes] of byLane) {
        for (const [lane, v] of lanes) {
          if (target.kind === "lane" && lane !== target.id) continue;
          total += v;
          if (stack === "lane") add(parts, lane, v);
          else if (stack === "origin") originShares(place, v);
        }
      }
      break;
    }
    case "place": {
      const intake = data.inflow.get(target.id) ?? 0;
      const onward = data.outflow.get(target.id) ?? 0;
      total = Math.max(intake, onward);
      if (stack === "lane") {
        const side = intake >= onward ? (f: Flow) => f.to === target.id : (f: Flow) => f.from === target.id;
        for (const f of data.shown) if (side(f)) add(parts, flowLane(f, data.placesById), flowValue(f, data));
      } else if (stack === "origin") originShares(target.id, total);
      break;
    }
    case "flow": {
      const hop = flowsOf(target, data);
      total = hop.reduce((s, f) => s + flowValue(f, data), 0);
      if (stack === "lane") for (const f of hop) add(parts, flowLane(f, data.placesById), flowValue(f, data));
      else if (stack === "origin") originShares(target.from, total);
      break;
    }
  }
  return { total, parts };
}

/**
 * One year's row of a target's series (`placesById`: the dataset's places by id). timeSeries is these rows,
 * year by year, put together by seriesOfRows; a panel can sum a big flow list one year per task the same way.
 */
export function seriesRow(
  inputs: SeriesInputs,
  placesById: Map<string, Place>,
  target: SeriesTarget,
  stack: StackBy,
  year: number,
): SeriesRow {
  return seriesRowOf(inputs, seriesYear(inputs, placesById, year), target, stack);
}

/** A year's flows shown and their sums (seriesRow's first half: a panel may take the two halves in two tasks). */
export function seriesYear(inputs: SeriesInputs, placesById: Map<string, Place>, year: number): SeriesYear {
  return { year, data: yearData(inputs, placesById, year) };
}

/** seriesRow's second half: the row of a target from its year's flows. */
export function seriesRowOf(inputs: SeriesInputs, { year, data }: SeriesYear, target: SeriesTarget, stack: StackBy): SeriesRow {
  const own = flowsOf(target, data);
  if (own.length === 0) {
    // Flows of the year exist but none has the measure (no US$ figure): unknown, not absent.
    const ofYear = flowsOf(target, { ...data, shown: inputs.flows.filter((f) => f.year === year) });
    const unknown = ofYear.length > 0 && ofYear.every((f) => volumeOf(f, inputs.measure) === null);
    const missing = unknown ? "unknown" : ofYear.length > 0 ? "hidden" : "absent";
    return { year, total: null, missing, basis: null, parts: {}, flows: 0 };
  }
  const { total, parts } = point(target, stack, data, inputs, year);
  return { year, total, basis: weakestBasis(own.map((f) => f.basis)), parts: stack === "none" ? {} : parts, flows: own.length };
}

/** The series from its rows in year order: stack keys largest over all years first ("unexplained" last). */
export function seriesOfRows(target: SeriesTarget, stack: StackBy, rows: readonly SeriesRow[]): TimeSeries {
  const keyTotals = new Map<string, number>();
  for (const row of rows) for (const [k, v] of Object.entries(row.parts)) keyTotals.set(k, (keyTotals.get(k) ?? 0) + v);
  const keys = [...keyTotals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k]) => k)
    .sort((a, b) => (a === UNEXPLAINED_ORIGIN ? 1 : 0) - (b === UNEXPLAINED_ORIGIN ? 1 : 0));
  return { target, stack, keys, rows: [...rows] };
}

/** The places of the series' inputs by id (for seriesRow). */
export function seriesPlaces(inputs: Pick<SeriesInputs, "dataset">): Map<string, Place> {
  return new Map(inputs.dataset.places.map((p) => [p.id, p]));
}

/** The series of a target over the years, as a line (stack "none") or stacked by lane or origin. */
export function timeSeries(inputs: SeriesInputs, target: SeriesTarget, stack: StackBy = "none"): TimeSeries {
  const placesById = seriesPlaces(inputs);
  const years = inputs.years ?? seriesYears(inputs.dataset);
  return seriesOfRows(
    target,
    stack,
    years.map((year) => seriesRow(inputs, placesById, target, stack, year)),
  );
}

/** The year-on-year change of a series at `year` (null when either year is a gap). */
export function changeAt(series: TimeSeries, year: number): { from: number; to: number; change: number; relative: number | null } | null {
  const i = series.rows.findIndex((r) => r.year === year);
  if (i <= 0) return null;
  const a = series.rows[i - 1]!.total;
  const b = series.rows[i]!.total;
  if (a === null || b === null) return null;
  return { from: a, to: b, change: b - a, relative: a === 0 ? null : (b - a) / a };
}

/** The runs of consecutive rows that have data, in order (a row without data ends a run). */
export function dataRuns<R extends { total: number | null }>(rows: readonly R[]): R[][] {
  const runs: R[][] = [];
  let run: R[] = [];
  for (const r of rows) {
    if (r.total === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(r);
  }
  if (run.length) runs.push(run);
  return runs;
}
