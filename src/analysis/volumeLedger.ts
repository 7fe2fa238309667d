// Where the volume of a year goes when its flows change (a scenario against its baseline): what enters the
// network (Σ g), what is absorbed where (d), what is sent on unexplained (Σ r), before and after. Pure.
// Measured from the balances (docs/methods.md, "Mass balance"), not from the rules that made the change.
import type { Flow, Place } from "../domain/types";
import { isSource } from "./reroute";

/** Volume per year before and after: what enters the network (Σ g), what is absorbed (Σ d), residual (Σ r). */
export interface YearLedger {
  year: number;
  generatedBefore: number;
  generatedAfter: number;
  /** generatedBefore − generatedAfter: volume that no longer enters the data (> 0) or that enters anew (< 0). */
  lost: number;
  absorbedBefore: number;
  absorbedAfter: number;
  residualBefore: number;
  residualAfter: number;
  /** Places whose absorbed volume changed, largest change first: where the volume ends up. */
  absorbedChanges: { place: string; before: number; after: number }[];
}

function balances(flows: readonly Flow[], placesById: Map<string, Place>) {
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const f of flows) {
    if (f.from === f.to) continue;
    outflow.set(f.from, (outflow.get(f.from) ?? 0) + f.volume);
    inflow.set(f.to, (inflow.get(f.to) ?? 0) + f.volume);
  }
  const g = new Map<string, number>(),
    d = new Map<string, number>(),
    r = new Map<string, number>();
  for (const p of new Set([...inflow.keys(), ...outflow.keys()])) {
    const gap = (outflow.get(p) ?? 0) - (inflow.get(p) ?? 0);
    if (gap > 0) (isSource(placesById.get(p), inflow.get(p) ?? 0) ? g : r).set(p, gap);
    else if (gap < 0) d.set(p, -gap);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  return { g: total(g), r: total(r), d, dTotal: total(d) };
}

/** Ledger of one year: compares the balances of `before` and `after` (flows of that year). */
export function ledgerOf(before: readonly Flow[], after: readonly Flow[], places: readonly Place[], year: number): YearLedger {
  const placesById = new Map(places.map((p) => [p.id, p]));
  const a = balances(
    before.filter((f) => f.year === year),
    placesById,
  );
  const b = balances(
    after.filter((f) => f.year === year),
    placesById,
  );
  const changes: YearLedger["absorbedChanges"] = [];
  for (const p of new Set([...a.d.keys(), ...b.d.keys()])) {
    const x = a.d.get(p) ?? 0,
      y = b.d.get(p) ?? 0;
    if (Math.abs(x - y) > 1e-6 * Math.max(1, x)) changes.push({ place: p, before: x, after: y });
  }
  changes.sort((p, q) => Math.abs(q.after - q.before) - Math.abs(p.after - p.before) || p.place.localeCompare(q.place));
  return {
    year,
    generatedBefore: a.g,
    generatedAfter: b.g,
    lost: a.g - b.g,
    absorbedBefore: a.dTotal,
    absorbedAfter: b.dTotal,
    residualBefore: a.r,
    residualAfter: b.r,
    absorbedChanges: changes,
  };
}
