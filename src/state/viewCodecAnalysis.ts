// The analysis part of a link (compare year, scenario, the open analysis view and its settings), written
// and checked apart from viewCodec.ts. These fields are optional: links made before them decode to
// the defaults (no comparison, no scenario, no view open). Pure.
import { parseScenario } from "../domain/scenario";
import type { SeriesTarget, StackBy } from "./timeSeries";
import { ANALYSIS_VIEWS, DEFAULT_ANALYSIS, type AnalysisState, type ViewState } from "./viewState";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const ANALYSIS_LINK_KEYS = ["compareYear", "scenario", "analysis"] as const;

const STACKS: readonly StackBy[] = ["none", "lane", "origin"];
const MAX_TEXT = 200;

/** The analysis fields that differ from the defaults, as JSON. */
export function analysisDiff(state: ViewState): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (state.compareYear !== null) out.compareYear = state.compareYear;
  if (state.scenario) out.scenario = JSON.parse(JSON.stringify(state.scenario)) as Json;
  const a = state.analysis;
  const diff: Record<string, Json> = {};
  if (a.view !== DEFAULT_ANALYSIS.view) diff.view = a.view;
  if (a.seriesTarget !== null) diff.seriesTarget = { ...a.seriesTarget } as Json;
  if (a.stack !== DEFAULT_ANALYSIS.stack) diff.stack = a.stack;
  if (a.sankeyOf !== DEFAULT_ANALYSIS.sankeyOf) diff.sankeyOf = a.sankeyOf;
  if (a.scenarioMap !== DEFAULT_ANALYSIS.scenarioMap) diff.scenarioMap = a.scenarioMap;
  if (Object.keys(diff).length) out.analysis = diff;
  return out;
}

export interface AnalysisLinkContext {
  years?: readonly number[];
  placeIds?: ReadonlySet<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const id = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= MAX_TEXT;

function readTarget(v: unknown, ctx: AnalysisLinkContext, warnings: string[]): SeriesTarget | null | "bad" {
  if (v === null || v === undefined) return null;
  if (!isObject(v)) return "bad";
  const known = (p: string) => !ctx.placeIds || ctx.placeIds.has(p);
  switch (own(v, "kind")) {
    case "dataset":
      return { kind: "dataset" };
    case "lane":
      return id(own(v, "id")) ? { kind: "lane", id: own(v, "id") as string } : "bad";
    case "place": {
      const p = own(v, "id");
      if (!id(p)) return "bad";
      if (!known(p)) {
        warnings.push(`The place “${p.slice(0, 40)}” shown over time is not in the data open now.`);
        return null;
      }
      return { kind: "place", id: p };
    }
    case "flow": {
      const from = own(v, "from"),
        to = own(v, "to"),
        mode = own(v, "mode") ?? null;
      if (!id(from) || !id(to) || !(mode === null || id(mode))) return "bad";
      if (!known(from) || !known(to)) {
        warnings.push("The flow shown over time is not in the data open now.");
        return null;
      }
      return { kind: "flow", from, to, mode: mode as string | null };
    }
    default:
      return "bad";
  }
}

/** Reads the analysis fields of a link payload into `state`; returns a reason when one is damaged. */
export function readAnalysisFields(
  payload: Record<string, unknown>,
  state: ViewState,
  ctx: AnalysisLinkContext,
  warnings: string[],
): string | null {
  const cy = own(payload, "compareYear");
  if (cy !== undefined && cy !== null) {
    if (typeof cy !== "number" || !Number.isInteger(cy) || cy < 1900 || cy > 2100)
      return "The link's compareYear is not a year; it may have been edited or damaged.";
    if (ctx.years && ctx.years.length && !ctx.years.includes(cy)) warnings.push(`The data has no flows for ${cy}, the year compared with.`);
    state.compareYear = cy;
  }
  const sc = own(payload, "scenario");
  if (sc !== undefined && sc !== null) {
    const r = parseScenario(sc);
    if (!r.ok) return `The link's scenario could not be read: ${r.reason}`;
    state.scenario = r.scenario;
  }
  const a = own(payload, "analysis");
  if (a !== undefined && a !== null) {
    if (!isObject(a)) return "The link's analysis view is not an object; it may have been edited or damaged.";
    const next: AnalysisState = { ...DEFAULT_ANALYSIS };
    const view = own(a, "view");
    if (view !== undefined && view !== null) {
      if (!(ANALYSIS_VIEWS as readonly unknown[]).includes(view)) return "The link names an analysis view Reroute does not have.";
      next.view = view as AnalysisState["view"];
    }
    const target = readTarget(own(a, "seriesTarget"), ctx, warnings);
    if (target === "bad") return "The link's series (what is shown over time) is damaged.";
    next.seriesTarget = target;
    const stack = own(a, "stack");
    if (stack !== undefined) {
      if (!(STACKS as readonly unknown[]).includes(stack)) return "The link's stacking is not none, lane or origin.";
      next.stack = stack as StackBy;
    }
    const of = own(a, "sankeyOf");
    if (of !== undefined) {
      if (of !== "trace" && of !== "place") return "The link's Sankey is neither of a route nor of a place.";
      next.sankeyOf = of;
    }
    const map = own(a, "scenarioMap");
    if (map !== undefined) {
      if (map !== "change" && map !== "flows") return "The link's scenario map is neither the change nor the flows.";
      next.scenarioMap = map;
    }
    state.analysis = next;
  }
  return null;
}
