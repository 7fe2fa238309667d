// The map of a comparison: one flow per hop whose volume is the size of its change (|after − before|),
// so widths show how much changed; its status (rose, fell, new, vanished) decides the colour. The flow
// keeps the id of a real flow (the later side's when it has one) so hovering and selecting still work.
// Hops that did not change are left out. Pure.
import type { Flow } from "../domain/types";
import { compareFlowSets, type ChangeStatus, type YearComparison } from "./compareYears";
import type { Derived } from "./derived";
import type { Filters, Measure } from "./viewState";

export interface DifferenceMap {
  flows: Flow[];
  statusOf: Map<string, ChangeStatus>;
  /** Signed change by flow id. */
  changeOf: Map<string, number>;
}

export function differenceFlows(cmp: YearComparison, flowsById: ReadonlyMap<string, Flow>): DifferenceMap {
  const flows: Flow[] = [];
  const statusOf = new Map<string, ChangeStatus>();
  const changeOf = new Map<string, number>();
  for (const c of cmp.changes) {
    if (c.change === 0) continue;
    const id = c.idsAfter[0] ?? c.idsBefore[0];
    const real = id === undefined ? undefined : flowsById.get(id);
    if (!real || id === undefined) continue;
    const size = Math.abs(c.change);
    // Both measures carry the change (it was computed in the measure shown).
    flows.push({ ...real, volume: size, usd: size, year: cmp.after });
    statusOf.set(id, c.status);
    changeOf.set(id, c.change);
  }
  return { flows, statusOf, changeOf };
}

/**
 * The change the map shows, or null when it shows flows: a compared year (compareYear → year), else a
 * scenario against the flows without it (when `scenarioChange`). The same filters on both sides.
 */
export function mapDifference(
  d: Pick<Derived, "dataset" | "flows" | "baseline" | "scenarioRun">,
  year: number,
  compareYear: number | null,
  scenarioChange: boolean,
  filters: Filters,
  measure: Measure,
): DifferenceMap | null {
  const inputs = { places: d.dataset.places, filters, measure };
  let cmp: YearComparison | null = null;
  if (compareYear !== null && compareYear !== year)
    cmp = compareFlowSets(inputs, { flows: d.flows, year: compareYear }, { flows: d.flows, year });
  else if (d.scenarioRun && scenarioChange) cmp = compareFlowSets(inputs, { flows: d.baseline, year }, { flows: d.flows, year });
  if (!cmp) return null;
  const byId = new Map<string, Flow>();
  for (const f of d.baseline) if (f.year === year || f.year === compareYear) byId.set(f.id, f);
  for (const f of d.flows) if (f.year === year || f.year === compareYear) byId.set(f.id, f);
  return differenceFlows(cmp, byId);
}
