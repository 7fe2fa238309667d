// Producers for the analysis views: the open view and its settings, the compared year, the scenario.
import type { Scenario } from "../domain/scenario";
import type { Producer } from "./producers";
import type { AnalysisState } from "./viewState";

export const setAnalysis =
  (patch: Partial<AnalysisState>): Producer =>
  (s) =>
    (Object.keys(patch) as (keyof AnalysisState)[]).every((k) => JSON.stringify(s.analysis[k]) === JSON.stringify(patch[k]))
      ? s
      : { ...s, analysis: { ...s.analysis, ...patch } };

export const setCompareYear =
  (compareYear: number | null): Producer =>
  (s) =>
    s.compareYear === compareYear ? s : { ...s, compareYear };

export const setScenario =
  (scenario: Scenario | null): Producer =>
  (s) =>
    JSON.stringify(s.scenario) === JSON.stringify(scenario) ? s : { ...s, scenario };
