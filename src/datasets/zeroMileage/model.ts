// The shipped dataset's model behind the profile: edited assumptions → recomputed flows
// (domain/zeroMileageModel), and whether the recomputed flows still meet the data's checks (border
// totals against the national figure, bounds; domain/reconcile).
import { factSources } from "../../domain/facts";
import { checkBounds, reconcileBorderTotals } from "../../domain/reconcile";
import type { Assumption, Dataset, Flow } from "../../domain/types";
import { modelAssumptionIds, modelFlows } from "../../domain/zeroMileageModel";
import type { FlowModel, ModelChecks } from "../profile";

/** The dataset's assumptions with the edited values in place of the declared ones. */
export function mergeAssumptions(assumptions: readonly Assumption[], edits: Readonly<Record<string, number>>): Assumption[] {
  return assumptions.map((a) => (Object.hasOwn(edits, a.id) && Number.isFinite(edits[a.id]) ? { ...a, value: edits[a.id]! } : a));
}

/** True when the dataset carries every assumption the zero-mileage model reads. */
export function zeroMileageModelApplies(dataset: Pick<Dataset, "assumptions">): boolean {
  if (!dataset.assumptions.length) return false;
  const ids = new Set(dataset.assumptions.map((a) => a.id));
  return modelAssumptionIds().every((id) => ids.has(id));
}

/** The zero-mileage model on the merged assumptions; data without its assumptions keeps its flows. */
export const zeroMileageFlows: FlowModel = (dataset, edits) => {
  if (!zeroMileageModelApplies(dataset)) return dataset.flows;
  return modelFlows(mergeAssumptions(dataset.assumptions, edits), factSources(dataset.facts ?? []));
};

/** Reconciliation and bounds on the dataset with `flows` in place of its own. */
export function zeroMileageChecks(dataset: Dataset, flows: Flow[]): ModelChecks {
  const withFlows = { places: dataset.places, context: dataset.context, flows };
  const border = reconcileBorderTotals(withFlows).filter((b) => b.national !== null);
  const bounds = checkBounds(withFlows);
  const failures: ModelChecks["failures"] = [];
  for (const b of border) {
    if (b.ok) continue;
    const pct = b.relGap === null ? "" : ` (${b.relGap > 0 ? "+" : ""}${(b.relGap * 100).toFixed(1)}%)`;
    failures.push({
      kind: "border",
      message: `${b.year}: flows crossing China's border add up to ${b.crossing.toLocaleString("en-GB")} vehicles, not the national used-car exports of ${(b.national ?? 0).toLocaleString("en-GB")}${pct}.`,
    });
  }
  for (const c of bounds) if (!c.ok) failures.push({ kind: "bound", message: c.message });
  return { border, bounds, failures };
}
