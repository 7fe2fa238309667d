// The graph of one year, as the shared contract says: places as nodes, that year's flows as edges keyed by Flow.id.
import { MultiDirectedGraph } from "graphology";
import { keptFlowColumns } from "./flowColumns";
import type { Dataset, Flow, Place } from "./types";

export type Measure = "vehicles" | "usd";

export type YearGraphEdge = Flow & { weight: number };

export type YearGraph = MultiDirectedGraph<Place, YearGraphEdge>;

export interface BuildYearGraphOptions {
  /** Which figure becomes the edge weight; flows without a US$ figure are left out when "usd". */
  measure?: Measure;
  /** Flows to use instead of dataset.flows (e.g. a scenario's); still filtered to the year. */
  flows?: Flow[];
}

export const DEFAULT_BUILD_YEAR_GRAPH_OPTIONS: Required<Pick<BuildYearGraphOptions, "measure">> = { measure: "vehicles" };

export function buildYearGraph(dataset: Dataset, year: number, options: BuildYearGraphOptions = {}): YearGraph {
  const measure = options.measure ?? DEFAULT_BUILD_YEAR_GRAPH_OPTIONS.measure;
  if (measure !== "vehicles" && measure !== "usd") {
    throw new Error(`domain/buildYearGraph: unknown measure "${String(measure)}"; expected "vehicles" or "usd"`);
  }
  const graph: YearGraph = new MultiDirectedGraph<Place, YearGraphEdge>();
  // Every place is a node, even in years it has no flow, so layouts and positions stay stable across years.
  for (const place of dataset.places) graph.addNode(place.id, { ...place });
  for (const flow of options.flows ?? dataset.flows) {
    if (flow.year !== year) continue;
    const weight = measure === "usd" ? flow.usd : flow.volume;
    if (weight === null) continue;
    for (const end of [flow.from, flow.to]) {
      if (!graph.hasNode(end)) {
        throw new Error(`domain/buildYearGraph: flow "${flow.id}" refers to place "${end}", which the dataset does not have`);
      }
    }
    if (graph.hasEdge(flow.id)) {
      throw new Error(`domain/buildYearGraph: flow id "${flow.id}" appears twice; flow ids must be unique`);
    }
    graph.addDirectedEdgeWithKey(flow.id, flow.from, flow.to, { ...flow, facts: [...flow.facts], sources: [...flow.sources], weight });
  }
  return graph;
}

/**
 * Throws what buildYearGraph would throw for this year (a repeated place id, a flow to an unknown place,
 * a repeated flow id) without building the graph: a million flows' graph took over a second only to be
 * dropped when opening data.
 */
export function checkYearGraph(dataset: Pick<Dataset, "places" | "flows">, year: number, measure: Measure = "vehicles"): void {
  const ids = new Set<string>();
  for (const place of dataset.places) {
    if (ids.has(place.id)) throw new Error(`domain/buildYearGraph: place "${place.id}" appears twice; place ids must be unique`);
    ids.add(place.id);
  }
  if (columnsHaveNoRepeat(dataset, year, measure)) return;
  const flowIds = new Set<string>();
  for (const flow of dataset.flows) {
    if (flow.year !== year || (measure === "usd" ? flow.usd : flow.volume) === null) continue;
    for (const end of [flow.from, flow.to]) {
      if (!ids.has(end)) {
        throw new Error(`domain/buildYearGraph: flow "${flow.id}" refers to place "${end}", which the dataset does not have`);
      }
    }
    if (flowIds.has(flow.id)) throw new Error(`domain/buildYearGraph: flow id "${flow.id}" appears twice; flow ids must be unique`);
    flowIds.add(flow.id);
  }
}

/**
 * True when the flows were made from kept columns (flowColumns) and no two of the year's flows share hop and
 * mode: then they have known ends and distinct ids (`from>to@year/mode`, with no '>' in a place id nor '@'
 * in a destination's id, is one id per hop, year and mode), found by sorting one number per flow instead of
 * hashing 200,000 id strings. False (check the flows themselves) otherwise.
 */
function columnsHaveNoRepeat(dataset: Pick<Dataset, "places" | "flows">, year: number, measure: Measure): boolean {
  const columns = keptFlowColumns(dataset.flows, dataset.places);
  if (!columns) return false;
  const places = dataset.places.length;
  const modes = Math.max(1, columns.modes.length);
  if (places * places * modes > Number.MAX_SAFE_INTEGER) return false;
  if (dataset.places.some((p) => p.id.includes(">") || p.id.includes("@"))) return false;
  const keys = new Float64Array(columns.length);
  let n = 0;
  for (let i = 0; i < columns.length; i++) {
    if (columns.year[i] !== year || (measure === "usd" && Number.isNaN(columns.usd[i]!))) continue;
    const from = columns.from[i]!,
      to = columns.to[i]!;
    if (from >= places || to >= places) return false;
    keys[n++] = (from * places + to) * modes + columns.mode[i]!;
  }
  const sorted = keys.subarray(0, n).sort();
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}
