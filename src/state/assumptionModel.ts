// Edited assumptions → the flows in force, and the checks they must pass, through the dataset's
// profile (src/datasets): the shipped data has a model; imported data keeps its flows.
import { profileOf, type FlowModel, type ModelChecks } from "../datasets";
import type { Dataset, Flow } from "../domain/types";

export type AssumptionChecks = ModelChecks;

/** Whether edited assumptions recompute this dataset's flows. */
export function modelApplies(dataset: Pick<Dataset, "id" | "assumptions">): boolean {
  const p = profileOf(dataset);
  return p.model !== null && p.modelApplies(dataset);
}

/** FlowModel for createDeriver: the dataset's own model, or its flows as they are. */
export const profileFlowModel: FlowModel = (dataset, edits) => {
  const model = profileOf(dataset).model;
  return model && modelApplies(dataset) ? model.flows(dataset, edits) : dataset.flows;
};

/** The dataset's checks with `flows` in place of its own (none for data without a model). */
export function assumptionChecks(dataset: Dataset, flows: Flow[]): AssumptionChecks {
  const model = profileOf(dataset).model;
  return model ? model.checks(dataset, flows) : { border: [], bounds: [], failures: [] };
}
