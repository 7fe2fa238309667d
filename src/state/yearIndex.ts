// Per-year, pre-sorted views of a flow list, built once per (flows, year, measure) and kept while the
// flow list lives: a threshold is then a binary search and a top N a slice, instead of a scan and a sort
// of the year's flows on every change. Pure; cached in a WeakMap keyed by the flows array.
import type { Flow } from "../domain/types";
import { descendingOrder } from "./descendingOrder";
import type { Measure } from "./viewState";

export interface YearIndex {
  /** The year's flows in their original order. */
  flows: Flow[];
  /** Positions (in `flows`) of the flows with a value in this measure, largest value first (ties: file order). */
  order: Uint32Array;
  /** Their values, same order (descending). */
  values: Float64Array;
  /** Flows of the year without a value in this measure (usd unknown). */
  missing: number;
}

interface ByYear {
  years: Map<number, Flow[]>;
  indexes: Map<string, YearIndex>;
}

const cache = new WeakMap<readonly Flow[], ByYear>();

function valueOf(flow: Flow, measure: Measure): number | null {
  return measure === "usd" ? flow.usd : flow.volume;
}

function byYearOf(flows: readonly Flow[]): ByYear {
  let entry = cache.get(flows);
  if (!entry) {
    const years = new Map<number, Flow[]>();
    for (const flow of flows) {
      const list = years.get(flow.year);
      if (list) list.push(flow);
      else years.set(flow.year, [flow]);
    }
    entry = { years, indexes: new Map() };
    cache.set(flows, entry);
  }
  return entry;
}

/** The year's flows, original order (shared: do not mutate). */
export function flowsOfYear(flows: readonly Flow[], year: number): Flow[] {
  return byYearOf(flows).years.get(year) ?? [];
}

export function yearIndex(flows: readonly Flow[], year: number, measure: Measure): YearIndex {
  const entry = byYearOf(flows);
  const key = `${year}/${measure}`;
  const known = entry.indexes.get(key);
  if (known) return known;
  const ofYear = entry.years.get(year) ?? [];
  // The values the year has in this measure, and where they sit in the year's flows.
  const raw = new Float64Array(ofYear.length);
  const at = new Uint32Array(ofYear.length);
  let n = 0;
  for (let i = 0; i < ofYear.length; i++) {
    const value = valueOf(ofYear[i]!, measure);
    if (value === null) continue;
    raw[n] = value;
    at[n++] = i;
  }
  // Ties in file order (descendingOrder keeps equal values in position order).
  const rank = descendingOrder(raw.subarray(0, n));
  const order = new Uint32Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    order[k] = at[rank[k]!]!;
    values[k] = raw[rank[k]!]!;
  }
  const index: YearIndex = { flows: ofYear, order, values, missing: ofYear.length - n };
  entry.indexes.set(key, index);
  return index;
}

/** How many leading entries of a descending array are ≥ min (binary search). */
export function countAtLeast(values: Float64Array, min: number): number {
  let lo = 0,
    hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The flows at these positions of the year, in their original order (a top-N slice is listed in file order). */
export function atPositions(index: YearIndex, positions: Uint32Array): Flow[] {
  const sorted = positions.slice().sort();
  const out = new Array<Flow>(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = index.flows[sorted[i]!]!;
  return out;
}
