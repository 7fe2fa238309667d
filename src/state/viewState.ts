// The one view state: everything a picture depends on, as one flat, JSON-able object.
// The UI reads it and changes it only through the producers in ./producers.ts.
import type { Scenario } from "../domain/scenario";
import type { Basis, PlaceKind } from "../domain/types";
import { SHIPPED } from "./profile";
import type { SeriesTarget, StackBy } from "./timeSeries";

/** 2: flow budget added, camera packed as [x, y, ratio, angle] in links (viewCodec.ts migrates 1). */
export const VIEW_STATE_VERSION = 2;

export type Measure = "vehicles" | "usd";
export type ScaleKind = "linear" | "sqrt" | "log";
export type NodeSizeBy = "throughput" | "intake" | "outflow";
export type LayoutKind = "geo" | "chain" | "force";

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/** What is hidden. Empty lists hide nothing; filters compose (a flow is shown only when no filter hides it). */
export interface Filters {
  /** Flows below this volume (in the current measure) are hidden; 0 hides nothing. */
  minVolume: number;
  /** Only the N largest flows of the year are shown; null shows all. */
  topN: number | null;
  hiddenLanes: string[];
  hiddenKinds: PlaceKind[];
  hiddenModes: string[];
  hiddenBases: Basis[];
  hiddenRegions: string[];
}

export interface Weighting {
  measure: Measure;
  scale: ScaleKind;
  minWidth: number;
  maxWidth: number;
  nodeSizeBy: NodeSizeBy;
  /**
   * false (default): widths and node sizes map from every year of the data, so one volume is one width in
   * every year; true: from the year shown (its largest flow is the widest line).
   */
  perYearScale: boolean;
}

/** A traced route A → B and the chain chosen among the results (index), or a "through" place. */
export interface TraceState {
  origin: string | null;
  destination: string | null;
  chain: number | null;
  through: string | null;
  /**
   * The places of the chain the user (or a link) chose, kept so the choice follows the route itself when
   * the results change (another year, edited assumptions): never in links, filled in by state/routeFollow.
   */
  route?: readonly string[];
}

export type Selection = { type: "node"; id: string } | { type: "edge"; id: string } | null;

export const ANALYSIS_VIEWS = ["over-time", "compare", "sankey", "scenarios"] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** The analysis views ("Over time", "Compare years", "Sankey", "Scenarios"): which is open and how it is set. */
export interface AnalysisState {
  /** The open view; null when none is. */
  view: AnalysisView | null;
  /** What "Over time" shows; null follows the selection (a place, a flow's hop) or else the whole dataset. */
  seriesTarget: SeriesTarget | null;
  stack: StackBy;
  /** What "Sankey" shows: the traced route, or the origin mix of the selected (else the traced destination) place. */
  sankeyOf: "trace" | "place";
  /** With a scenario in force, the map shows the change it makes ("change") or its flows ("flows"). */
  scenarioMap: "change" | "flows";
}

export const DEFAULT_ANALYSIS: AnalysisState = { view: null, seriesTarget: null, stack: "none", sankeyOf: "trace", scenarioMap: "change" };

export interface ViewState {
  version: number;
  datasetId: string;
  datasetHash: string;
  year: number;
  weighting: Weighting;
  filters: Filters;
  layout: LayoutKind;
  /**
   * Most flows drawn at once (the largest by volume); null draws all. Software WebGL draws ~2,000 edges in
   * about half a second, so larger graphs are cut to this budget with a note of what is hidden.
   */
  flowBudget: number | null;
  /** Edited assumption values by assumption id (only the ones that differ from the dataset's). */
  assumptions: Record<string, number>;
  selection: Selection;
  trace: TraceState;
  /** null = the default framing of the whole graph. */
  camera: CameraState | null;
  /** Title used for exports and saved views; "" = the default title. */
  title: string;
  /** The second year of "Compare years" (the map shows year − compareYear); null = no comparison. */
  compareYear: number | null;
  /** The what-if scenario in force (the map and every view show its flows); null = none. */
  scenario: Scenario | null;
  analysis: AnalysisState;
  /**
   * The context layer: reported all-vehicle figures between places drawn in their own style, never
   * summed with the flows. A year without flows draws it whatever this says.
   */
  contextLayer: boolean;
  /** Transient: never encoded in links or saved views. */
  hover: Selection;
}

export const DEFAULT_FILTERS: Filters = {
  minVolume: 0,
  topN: null,
  hiddenLanes: [],
  hiddenKinds: [],
  hiddenModes: [],
  hiddenBases: [],
  hiddenRegions: [],
};

export const DEFAULT_WEIGHTING: Weighting = {
  measure: "vehicles",
  scale: "sqrt",
  minWidth: 1,
  maxWidth: 14,
  nodeSizeBy: "throughput",
  perYearScale: false,
};

export const DEFAULT_TRACE: TraceState = { origin: null, destination: null, chain: null, through: null };

/** The year the shipped dataset opens at (its profile's). */
export const DEFAULT_YEAR = SHIPPED.profile.defaultYear ?? 2024;

export const DEFAULT_FLOW_BUDGET = 2000;

export function defaultViewState(datasetId: string = SHIPPED.id, datasetHash = "", year = DEFAULT_YEAR): ViewState {
  return {
    version: VIEW_STATE_VERSION,
    datasetId,
    datasetHash,
    year,
    weighting: { ...DEFAULT_WEIGHTING },
    filters: { ...DEFAULT_FILTERS, hiddenLanes: [], hiddenKinds: [], hiddenModes: [], hiddenBases: [], hiddenRegions: [] },
    layout: "geo",
    flowBudget: DEFAULT_FLOW_BUDGET,
    assumptions: {},
    selection: null,
    trace: { ...DEFAULT_TRACE },
    camera: null,
    title: "",
    compareYear: null,
    scenario: null,
    analysis: { ...DEFAULT_ANALYSIS },
    contextLayer: false,
    hover: null,
  };
}
