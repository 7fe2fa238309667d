// The graph of one year, as the shared contract says: places as nodes, that year's flows as edges keyed by Flow.id.
import { MultiDirectedGraph } from "graphology";
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
