// Big graphs for the trace UI: past BIG_GRAPH_FLOWS flows in a year, building the graph, the chains and
// the origin mixes on the main thread takes 100–350 ms (bench figures in the README), so the
// UI runs them in workers. Pure helpers here: the year's graph as plain serialisable data (no graphology
// on the main thread), and the place / flow origin mixes read from a full attribution (docs/methods.md,
// "Proportional tracing"), in the same shapes routeTrace's selectors give for small graphs.
import type { SerializedGraph } from "graphology-types";
import { UNEXPLAINED_ORIGIN, type Attribution } from "../analysis/attribution";
import type { Measure } from "../domain/buildYearGraph";
import type { Dataset, Flow } from "../domain/types";
import { BACK, type FlowMix, type OriginShare, type PlaceMix } from "./routeTrace";

/** A year with more flows than this is traced in workers. */
export const BIG_GRAPH_FLOWS = 20_000;

/** Flows of the year that carry the measure (what buildYearGraph would make edges of). */
export function yearFlowCount(flows: readonly Flow[], year: number, measure: Measure): number {
  let n = 0;
  for (const f of flows) if (f.year === year && (measure === "vehicles" || f.usd !== null)) n++;
  return n;
}

export function isBigYear(flows: readonly Flow[], year: number, measure: Measure): boolean {
  return yearFlowCount(flows, year, measure) > BIG_GRAPH_FLOWS;
}

/**
 * The year's graph as graphology's serialised form (what MultiDirectedGraph.from reads): every place a
 * node, each flow of the year an edge keyed by its id with `weight` = the measure. Same rules as
 * buildYearGraph (flows without the measure left out; unknown places and repeated ids are errors).
 */
export function serialiseYearGraph(dataset: Dataset, flows: readonly Flow[], year: number, measure: Measure): SerializedGraph {
  const known = new Set<string>();
  const nodes = dataset.places.map((p) => {
    known.add(p.id);
    return { key: p.id };
  });
  const edges: { key: string; source: string; target: string; attributes: { weight: number } }[] = [];
  const seen = new Set<string>();
  for (const f of flows) {
    if (f.year !== year) continue;
    const weight = measure === "usd" ? f.usd : f.volume;
    if (weight === null) continue;
    if (!known.has(f.from) || !known.has(f.to)) {
      throw new Error(`state/traceScale: serialiseYearGraph: flow "${f.id}" refers to a place the dataset does not have`);
    }
    if (seen.has(f.id)) throw new Error(`state/traceScale: serialiseYearGraph: flow id "${f.id}" appears twice`);
    seen.add(f.id);
    edges.push({ key: f.id, source: f.from, target: f.to, attributes: { weight } });
  }
  return { options: { type: "directed", multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges } as SerializedGraph;
}

/** A serialised year graph with each edge also the other way (an undirected graph's routes, as routeTrace's bothWays). */
export function bothWaysSerialised(graph: SerializedGraph): SerializedGraph {
  const back = graph.edges
    .filter((e) => e.source !== e.target)
    .map((e) => ({ ...e, key: `${e.key}${BACK}`, source: e.target, target: e.source }));
  return { ...graph, edges: [...graph.edges, ...back] };
}

function shares(volumes: Map<string, number>, total: number): OriginShare[] {
  return [...volumes]
    .filter(([, v]) => v > 0)
    .map(([id, volume]) => ({ id, volume, share: total > 0 ? volume / total : 0 }))
    .sort((a, b) => b.volume - a.volume || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Origin mix and mass balance of a place, read from a full attribution; null for an unknown place. */
export function placeMixFromAttribution(a: Attribution, place: string): PlaceMix | null {
  const i = a.index.get(place);
  if (i === undefined) return null;
  const K = a.origins.length;
  const T = a.T[i]!;
  const volumes = new Map<string, number>();
  for (let k = 0; k < K; k++) {
    const share = a.mix[i * K + k]!;
    if (share > 0) volumes.set(a.origins[k]!, share * T);
  }
  return {
    place,
    origins: shares(volumes, T),
    balance: {
      intake: a.inflow[i]!,
      onward: a.outflow[i]!,
      absorbed: Math.max(0, a.d[i]!),
      residual: a.r[i]!,
      generated: a.g[i]!,
      throughput: T,
    },
  };
}

/** Origin mix of one flow: its volume × the mix of the place it leaves; null for a flow not in the attribution. */
export function flowMixFromAttribution(a: Attribution, flow: string, to: string): FlowMix | null {
  const e = a.edgeIndex.get(flow);
  if (e === undefined) return null;
  const K = a.origins.length;
  const i = a.edgeFrom[e]!;
  const volume = a.edgeVolume[e]!;
  const volumes = new Map<string, number>();
  for (let k = 0; k < K; k++) {
    const x = volume * a.mix[i * K + k]!;
    if (x > 0) volumes.set(a.origins[k]!, x);
  }
  return { flow, from: a.ids[i]!, to, volume, origins: shares(volumes, volume) };
}

export { UNEXPLAINED_ORIGIN };
