// Derived data for the current view, memoised on its inputs: the flows in force (after edited
// assumptions), the flows shown, and lookups. Selectors are pure functions of (dataset, state).
import { flowLane } from "../domain/lanes";
import { regionOf } from "../domain/regions";
import type { Dataset, Flow, Place } from "../domain/types";
import { runScenario, type ScenarioRun } from "./scenarioRun";
import { createScaleDomainMemo, scaleDomain, type ScaleDomain } from "./scaleDomain";
import { visibleFlows, type VisibleFlows } from "./visibleFlows";
import type { ViewState } from "./viewState";

export interface Derived {
  dataset: Dataset;
  placesById: Map<string, Place>;
  /** Every flow in force, all years (the dataset's, or recomputed from edited assumptions, then the scenario's). */
  flows: Flow[];
  /** The flows in force without the scenario (the same array as `flows` when there is none). */
  baseline: Flow[];
  /** The scenario in force, run on the baseline; null when there is none. */
  scenarioRun: ScenarioRun | null;
  /** The year's flows after filters. */
  visible: VisibleFlows;
  /**
   * The extent widths and node sizes map from: every year of the flows in force in the measure in view
   * (default), or the year's flows shown when the view asks for a per-year scale.
   */
  scaleDomain: ScaleDomain;
  /** Lane for filtering and legends (flowLane). */
  laneOf(flow: Flow): string;
  /** Lane for colour: legs inside China (origin → exit) are "domestic". */
  colourLaneOf(flow: Flow): string;
}

/** Recomputes flows from edited assumptions (the dataset profile's model; none for imported data). */
export type { FlowModel } from "../datasets";
import type { FlowModel } from "../datasets";

export function createDeriver(model: FlowModel | null) {
  let last: { dataset: Dataset; assumptions: Record<string, number>; flows: Flow[]; placesById: Map<string, Place> } | null = null;
  let lastScenario: { baseline: Flow[]; scenario: ViewState["scenario"]; run: ScenarioRun | null } | null = null;
  let lastVisible: { key: string; flows: Flow[]; value: VisibleFlows } | null = null;
  let lastDerived: Derived | null = null;
  const allYears = createScaleDomainMemo();

  return function derive(dataset: Dataset, state: ViewState): Derived {
    if (!last || last.dataset !== dataset || last.assumptions !== state.assumptions) {
      const edited = Object.keys(state.assumptions).length > 0;
      const flows = edited && model ? model(dataset, state.assumptions) : dataset.flows;
      const placesById = last && last.dataset === dataset ? last.placesById : new Map(dataset.places.map((p) => [p.id, p]));
      last = { dataset, assumptions: state.assumptions, flows, placesById };
    }
    const { placesById } = last;
    const baseline = last.flows;
    if (!lastScenario || lastScenario.baseline !== baseline || lastScenario.scenario !== state.scenario) {
      const run = state.scenario ? runScenario(dataset, state.assumptions, state.scenario, model) : null;
      lastScenario = { baseline, scenario: state.scenario, run };
    }
    const scenarioRun = lastScenario.run;
    const flows = scenarioRun ? scenarioRun.flows : baseline;
    const laneOf = lastDerived?.dataset === dataset ? lastDerived.laneOf : (f: Flow) => flowLane(f, placesById);
    const key = JSON.stringify([state.year, state.filters, state.weighting.measure, state.flowBudget]);
    if (!lastVisible || lastVisible.key !== key || lastVisible.flows !== flows) {
      const value = visibleFlows(
        flows,
        state.year,
        state.filters,
        state.weighting.measure,
        { placesById, laneOf, regionOf },
        state.flowBudget,
      );
      lastVisible = { key, flows, value };
    }
    const { measure, nodeSizeBy, perYearScale } = state.weighting;
    const domain = perYearScale
      ? scaleDomain(lastVisible.value.shown, measure, nodeSizeBy)
      : allYears(flows, measure, nodeSizeBy, dataset.places);
    // The same object while nothing it holds changed, so selectors downstream can memoise on it.
    if (
      lastDerived &&
      lastDerived.dataset === dataset &&
      lastDerived.flows === flows &&
      lastDerived.baseline === baseline &&
      lastDerived.visible === lastVisible.value &&
      lastDerived.scaleDomain === domain
    )
      return lastDerived;
    lastDerived = {
      dataset,
      placesById,
      flows,
      baseline,
      scenarioRun,
      visible: lastVisible.value,
      scaleDomain: domain,
      laneOf,
      colourLaneOf: (f) => {
        const from = placesById.get(f.from);
        const to = placesById.get(f.to);
        return from?.kind === "origin" && (to?.kind === "exit" || to?.kind === "origin") ? "domestic" : laneOf(f);
      },
    };
    return lastDerived;
  };
}
