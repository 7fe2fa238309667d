// "Compare years": the flows of two years side by side, hop by hop. Pure.
// A hop is (from, to, mode); its volume in a year is the sum of that year's flows on it, after the
// filters (the same filters on both years; the top-N/flow budget is not applied, so nothing is left
// out of the comparison silently). A hop on one side only is "new" or "vanished", never a change
// from or to zero that the data does not report.
import { flowLane } from "../domain/lanes";
import { regionOf } from "../domain/regions";
import type { Flow, Place } from "../domain/types";
import { visibleFlows, volumeOf } from "./visibleFlows";
import type { Filters, Measure } from "./viewState";

export type ChangeStatus = "new" | "vanished" | "rose" | "fell" | "same";

export interface HopChange {
  /** `${from}>${to}/${mode}`. */
  key: string;
  from: string;
  to: string;
  mode: string;
  /** Volume in the first (earlier-chosen) year; null when the hop has no flow then. */
  before: number | null;
  after: number | null;
  /** after − before, with a missing side counted as 0. */
  change: number;
  /** change / before; null when either side is missing or before is 0. */
  relative: number | null;
  status: ChangeStatus;
  /** Weakest basis on each side ("" when absent). */
  basisBefore: string;
  basisAfter: string;
  /** Flow ids of each side (for highlighting and the map). */
  idsBefore: string[];
  idsAfter: string[];
}

export interface YearComparison {
  before: number;
  after: number;
  /** Largest absolute change first, then by key. */
  changes: HopChange[];
  totals: {
    before: number;
    after: number;
    change: number;
    relative: number | null;
    rose: number;
    fell: number;
    same: number;
    new: number;
    vanished: number;
    /** Volume on hops that only exist on one side. */
    newVolume: number;
    vanishedVolume: number;
    /** Volume absorbed at the ends of chains, Σ max(0, intake − outflow): each car counted once, not once per hop. */
    deliveredBefore: number;
    deliveredAfter: number;
  };
}

export interface CompareInputs {
  places: readonly Place[];
  flows: readonly Flow[];
  filters: Filters;
  measure: Measure;
}

export function hopKey(f: Pick<Flow, "from" | "to" | "mode">): string {
  return `${f.from}>${f.to}/${f.mode}`;
}

const RANK: Record<string, number> = { reported: 0, derived: 1, modelled: 2, projected: 3 };
function weaker(a: string, b: string): string {
  if (!a) return b;
  return (RANK[b] ?? 4) > (RANK[a] ?? 4) ? b : a;
}

interface Side {
  volume: number;
  basis: string;
  ids: string[];
  from: string;
  to: string;
  mode: string;
}

/** Σ over places of max(0, intake − outflow) for the hops of one side. */
function delivered(hops: Map<string, Side>): number {
  const net = new Map<string, number>();
  for (const h of hops.values()) {
    net.set(h.to, (net.get(h.to) ?? 0) + h.volume);
    net.set(h.from, (net.get(h.from) ?? 0) - h.volume);
  }
  let sum = 0;
  for (const v of net.values()) if (v > 0) sum += v;
  return sum;
}

function sideOf(inputs: CompareInputs, placesById: Map<string, Place>, year: number): Map<string, Side> {
  const laneOf = (f: Flow) => flowLane(f, placesById);
  // Top N is a per-year cut of the picture: a hop would look new or vanished by its rank alone, so it is not applied.
  const filters = { ...inputs.filters, topN: null };
  const shown = visibleFlows(inputs.flows as Flow[], year, filters, inputs.measure, { placesById, laneOf, regionOf }, null).shown;
  const hops = new Map<string, Side>();
  for (const f of shown) {
    const k = hopKey(f);
    const h = hops.get(k) ?? { volume: 0, basis: "", ids: [], from: f.from, to: f.to, mode: f.mode };
    h.volume += volumeOf(f, inputs.measure) ?? 0;
    h.basis = weaker(h.basis, f.basis);
    h.ids.push(f.id);
    hops.set(k, h);
  }
  return hops;
}

/** Compares year `before` with year `after` (either order; "before" is simply the first chosen). */
export function compareYears(inputs: CompareInputs, before: number, after: number): YearComparison {
  return compareFlowSets(inputs, { flows: inputs.flows, year: before }, { flows: inputs.flows, year: after });
}

/** Compares two sets of flows, each at a year: two years of one set, or one year before and after a scenario. */
export function compareFlowSets(
  inputs: Omit<CompareInputs, "flows">,
  first: { flows: readonly Flow[]; year: number },
  second: { flows: readonly Flow[]; year: number },
): YearComparison {
  const placesById = new Map(inputs.places.map((p) => [p.id, p]));
  const a = sideOf({ ...inputs, flows: first.flows }, placesById, first.year);
  const b = sideOf({ ...inputs, flows: second.flows }, placesById, second.year);
  const before = first.year;
  const after = second.year;
  const keys = new Set([...a.keys(), ...b.keys()]);
  const changes: HopChange[] = [];
  const totals: YearComparison["totals"] = {
    before: 0,
    after: 0,
    change: 0,
    relative: null,
    rose: 0,
    fell: 0,
    same: 0,
    new: 0,
    vanished: 0,
    newVolume: 0,
    vanishedVolume: 0,
    deliveredBefore: delivered(a),
    deliveredAfter: delivered(b),
  };
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    const any = (x ?? y)!;
    const vb = x ? x.volume : null;
    const va = y ? y.volume : null;
    const change = (va ?? 0) - (vb ?? 0);
    const status: ChangeStatus = !x ? "new" : !y ? "vanished" : change > 0 ? "rose" : change < 0 ? "fell" : "same";
    totals[status]++;
    if (status === "new") totals.newVolume += va ?? 0;
    if (status === "vanished") totals.vanishedVolume += vb ?? 0;
    totals.before += vb ?? 0;
    totals.after += va ?? 0;
    changes.push({
      key,
      from: any.from,
      to: any.to,
      mode: any.mode,
      before: vb,
      after: va,
      change,
      relative: vb === null || va === null || vb === 0 ? null : change / vb,
      status,
      basisBefore: x?.basis ?? "",
      basisAfter: y?.basis ?? "",
      idsBefore: x?.ids ?? [],
      idsAfter: y?.ids ?? [],
    });
  }
  totals.change = totals.after - totals.before;
  totals.relative = totals.before === 0 ? null : totals.change / totals.before;
  changes.sort((p, q) => Math.abs(q.change) - Math.abs(p.change) || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  return { before, after, changes, totals };
}

/** "+12,300 (+45%)", "−800 (−3%)", "new", "vanished". */
export function changeText(c: Pick<HopChange, "status" | "change" | "relative">, format: (v: number) => string): string {
  if (c.status === "new") return "new";
  if (c.status === "vanished") return "vanished";
  const sign = c.change > 0 ? "+" : c.change < 0 ? "−" : "±";
  const pct = c.relative === null ? "" : ` (${sign}${Math.abs(c.relative * 100).toFixed(Math.abs(c.relative) < 0.1 ? 1 : 0)}%)`;
  return `${sign}${format(Math.abs(c.change))}${pct}`;
}

/** The comparison in two sentences: delivered volume before → after (with its relative change), and the hop counts. */
export function comparisonSummary(c: Pick<YearComparison, "before" | "after" | "totals">, fmt: (v: number) => string): string {
  const t = c.totals;
  const rel =
    t.deliveredBefore > 0
      ? ` (${t.deliveredAfter >= t.deliveredBefore ? "+" : "−"}${Math.abs(((t.deliveredAfter - t.deliveredBefore) / t.deliveredBefore) * 100).toFixed(1)}%)`
      : "";
  return (
    `${c.before} → ${c.after}: ${fmt(t.deliveredBefore)} → ${fmt(t.deliveredAfter)} delivered${rel}. ` +
    `${t.rose} hops rose, ${t.fell} fell, ${t.new} new (${fmt(t.newVolume)}), ${t.vanished} vanished (${fmt(t.vanishedVolume)}).`
  );
}
