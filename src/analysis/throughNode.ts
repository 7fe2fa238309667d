// Upstream and downstream of one place under the well-mixed model (docs/methods.md, "Proportional
// tracing"; Bialek 1996 traces both ways): upstream, the origins that feed its throughput (origin mix
// × T); downstream, where its throughput is absorbed, by forward tracing z = T_v·e_v + Wᵀz and
// served_n = z_n · d_n / T_n (Σ_n served_n = T_v unless some flow circulates with no way out).
// Both read only the part of the graph that reaches, or is reached from, the place.
import type Graph from "graphology-types";
import { compactGraph, reachable } from "./compactGraph";
import { balanceArrays } from "./massBalance";
import { DEFAULT_ATTRIBUTION_OPTIONS, hopShares, originMixOfNode } from "./attribution";
import { propagate } from "./propagate";

export interface ThroughNodeOptions {
  /** Edge attribute holding the volume. */
  weight: string;
}

export const DEFAULT_THROUGH_NODE_OPTIONS: ThroughNodeOptions = { weight: "weight" };

export interface ThroughNodeResult {
  node: string;
  T: number;
  g: number;
  d: number;
  r: number;
  inflow: number;
  outflow: number;
  /** Origins of its throughput, with volumes (sum T); "(unexplained)" carries residual inflow. */
  origins: Map<string, number>;
  /** Places where its throughput is absorbed, with volumes (sum T). */
  destinations: Map<string, number>;
  /** Places and edges upstream (reaching it) and downstream (reached from it), for highlighting; the place itself excluded. */
  upstreamNodes: string[];
  upstreamEdges: string[];
  downstreamNodes: string[];
  downstreamEdges: string[];
}

export function throughNode(graph: Graph, node: string, options: Partial<ThroughNodeOptions> = {}): ThroughNodeResult {
  const o = { ...DEFAULT_THROUGH_NODE_OPTIONS, ...options };
  if (!graph.hasNode(node)) throw new Error(`analysis/throughNode: unknown place "${node}"`);
  const up = originMixOfNode(graph, node, { weight: o.weight });

  const down = reachable(graph, node, "out", o.weight);
  const cg = compactGraph(graph, o.weight, down, { edges: false, sort: false });
  const bal = balanceArrays(cg);
  const S = new Float64Array(cg.n);
  S[0] = bal.T[0]!;
  const z = propagate(
    { n: cg.n, depStart: cg.inStart, depHop: cg.inHop, other: cg.hopFrom, coef: hopShares(cg, bal.T), S, K: 1, scale: bal.T },
    DEFAULT_ATTRIBUTION_OPTIONS,
  ).X;
  const destinations = new Map<string, number>();
  for (let i = 0; i < cg.n; i++) {
    const t = bal.T[i]!;
    const served = t > 0 ? (z[i]! * bal.d[i]!) / t : 0;
    if (served > 0) destinations.set(cg.ids[i]!, served);
  }

  const upstreamNodes = reachable(graph, node, "in", o.weight);
  const upstreamEdges = new Set<string>();
  for (const v of upstreamNodes) graph.forEachInEdge(v, (edge) => void upstreamEdges.add(edge));
  const downstreamEdges = new Set<string>();
  for (const v of down) graph.forEachOutEdge(v, (edge) => void downstreamEdges.add(edge));

  return {
    node,
    T: up.T,
    g: up.g,
    d: up.d,
    r: up.r,
    inflow: up.inflow,
    outflow: up.outflow,
    origins: up.volumes,
    destinations,
    upstreamNodes: upstreamNodes.filter((v) => v !== node),
    upstreamEdges: [...upstreamEdges],
    downstreamNodes: down.filter((v) => v !== node),
    downstreamEdges: [...downstreamEdges],
  };
}
