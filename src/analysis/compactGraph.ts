// Compact, typed-array view of a year's trade graph, shared by the analysis modules.
// Parallel edges (several modes or sources between the same two places) are summed into one hop
// that keeps the list of its edge ids (docs/methods.md: "choose each hop's edge explicitly").
// Self-loops carry nothing between places and are left out of hops and of the in/out sums.
import type Graph from "graphology-types";
import { PLACE_KINDS } from "../domain/types";
import { edgeTable } from "./edgeTable";

export { edgeVolume } from "./edgeTable";

/** Label of the pseudo-origin that carries residual (unexplained) inflow through the tracing. */
export const UNEXPLAINED_ORIGIN = "(unexplained)";

export interface CompactGraph {
  /** Node ids; index i of every typed array below. */
  ids: string[];
  index: Map<string, number>;
  n: number;
  /** Aggregated hops: one per ordered pair of distinct places with at least one edge. */
  hopFrom: Int32Array;
  hopTo: Int32Array;
  hopVol: Float64Array;
  /** Edge ids of each hop and their own volumes, largest first (ties by id); empty when not asked for. */
  hopEdges: string[][];
  hopEdgeVols: number[][];
  /** CSR of hops out of / into each node; out-hops sorted by volume, largest first. */
  outStart: Int32Array;
  outHop: Int32Array;
  inStart: Int32Array;
  inHop: Int32Array;
  /** Sums over the whole graph (also when the compact view covers a subset). */
  inflow: Float64Array;
  outflow: Float64Array;
  /** 1 where the node may create volume (g): kind "origin", or unknown kind and no inflow. */
  source: Uint8Array;
}

/** Whether a node may be a source, read defensively (imported data may lack `kind`). */
function isSource(attributes: Record<string, unknown> | undefined, inflow: number): boolean {
  const kind = attributes?.kind;
  if (kind === "origin") return true;
  if (typeof kind === "string" && (PLACE_KINDS as readonly string[]).includes(kind)) return false;
  return inflow === 0;
}

/**
 * Builds the compact view of `graph`, or of the sub-graph induced by `nodes` (hops only between
 * listed nodes; inflow and outflow still count every edge of the listed nodes).
 */
export interface CompactGraphOptions {
  /** Keep each hop's edge ids and volumes (needed to list a path's edges). */
  edges: boolean;
  /** Sort out-hops largest first (for bounded searches that should meet big routes early). */
  sort: boolean;
}

export function compactGraph(
  graph: Graph,
  weight: string,
  nodes?: readonly string[],
  options: CompactGraphOptions = { edges: true, sort: true },
): CompactGraph {
  const ids = nodes ? [...nodes] : graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);
  const inflow = new Float64Array(n);
  const outflow = new Float64Array(n);
  // 1. Take every relevant edge from the graph's edge table (read from graphology once per graph).
  const table = edgeTable(graph, weight);
  const local = new Int32Array(table.ids.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = table.index.get(ids[i]!);
    if (g === undefined) throw new Error(`analysis/compactGraph: unknown place "${ids[i]}"`);
    local[g] = i;
  }
  let es: number[] = [];
  let et: number[] = [];
  let ev: number[] = [];
  const ek: string[] = [];
  const take = (e: number) => {
    const s = table.tail[e]!;
    const t = table.head[e]!;
    if (s === t) return;
    const i = local[s]!;
    const j = local[t]!;
    if (i < 0 && j < 0) return;
    const v = table.volume[e]!;
    if (i >= 0) outflow[i] = outflow[i]! + v;
    if (j >= 0) inflow[j] = inflow[j]! + v;
    if (i < 0 || j < 0) return;
    es.push(i);
    et.push(j);
    ev.push(v);
    if (options.edges) ek.push(table.keys[e]!);
  };
  // A large subset (or the whole graph) takes one pass over all edges; a small one reads only its
  // own edges (out-edges, then in-edges from outside the subset), as the CSR gives them.
  if (!nodes || n * 8 > table.ids.length) for (let e = 0; e < table.tail.length; e++) take(e);
  else {
    for (let i = 0; i < n; i++) {
      const g = table.index.get(ids[i]!)!;
      for (let k = table.outStart[g]!; k < table.outStart[g + 1]!; k++) take(table.outEdge[k]!);
      for (let k = table.inStart[g]!; k < table.inStart[g + 1]!; k++) {
        const e = table.inEdge[k]!;
        if (local[table.tail[e]!]! < 0) take(e);
      }
    }
  }
  // 2. Group edges by tail (counting sort), then sum parallel edges into hops: stamp[j] === i marks
  //    hopOf[j] as the hop (i, j) while scanning i's edges, with no map lookups.
  const ne = es.length;
  const byTail = new Int32Array(n + 1);
  for (let e = 0; e < ne; e++) byTail[es[e]! + 1] = byTail[es[e]! + 1]! + 1;
  for (let i = 0; i < n; i++) byTail[i + 1] = byTail[i + 1]! + byTail[i]!;
  const cursor = byTail.slice(0, n);
  const sorted = new Int32Array(ne);
  for (let e = 0; e < ne; e++) {
    const i = es[e]!;
    sorted[cursor[i]!] = e;
    cursor[i] = cursor[i]! + 1;
  }
  const stamp = new Int32Array(n).fill(-1);
  const hopOf = new Int32Array(n);
  const from: number[] = [];
  const to: number[] = [];
  const vol: number[] = [];
  const hopEdges: string[][] = [];
  const hopEdgeVols: number[][] = [];
  for (let p = 0; p < ne; p++) {
    const e = sorted[p]!;
    const i = es[e]!;
    const j = et[e]!;
    const v = ev[e]!;
    let h: number;
    if (stamp[j] === i) h = hopOf[j]!;
    else {
      h = from.length;
      stamp[j] = i;
      hopOf[j] = h;
      from.push(i);
      to.push(j);
      vol.push(0);
      if (options.edges) {
        hopEdges.push([]);
        hopEdgeVols.push([]);
      }
    }
    vol[h] = vol[h]! + v;
    if (options.edges) {
      hopEdges[h]!.push(ek[e]!);
      hopEdgeVols[h]!.push(v);
    }
  }
  es = et = ev = [];
  const m = from.length;
  // Edges of a hop largest first (ties by id): graphology does not keep parallel edges in insertion order.
  for (let h = 0; h < hopEdges.length; h++) {
    const es = hopEdges[h]!;
    if (es.length < 2) continue;
    const vs = hopEdgeVols[h]!;
    const order = es.map((_, i) => i).sort((a, b) => vs[b]! - vs[a]! || (es[a]! < es[b]! ? -1 : 1));
    hopEdges[h] = order.map((i) => es[i]!);
    hopEdgeVols[h] = order.map((i) => vs[i]!);
  }
  const hopFrom = Int32Array.from(from);
  const hopTo = Int32Array.from(to);
  const hopVol = Float64Array.from(vol);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let h = 0; h < m; h++) {
    const a = hopFrom[h]! + 1;
    const b = hopTo[h]! + 1;
    outStart[a] = outStart[a]! + 1;
    inStart[b] = inStart[b]! + 1;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] = outStart[i + 1]! + outStart[i]!;
    inStart[i + 1] = inStart[i + 1]! + inStart[i]!;
  }
  const outHop = new Int32Array(m);
  const inHop = new Int32Array(m);
  const oc = outStart.slice(0, n);
  const ic = inStart.slice(0, n);
  for (let h = 0; h < m; h++) {
    const a = hopFrom[h]!;
    const b = hopTo[h]!;
    outHop[oc[a]!] = h;
    oc[a] = oc[a]! + 1;
    inHop[ic[b]!] = h;
    ic[b] = ic[b]! + 1;
  }
  // Largest hops first, so that bounded searches meet the big routes early; ties keep graph order.
  for (let i = 0; i < n && options.sort; i++) {
    const s = outStart[i]!;
    const e = outStart[i + 1]!;
    if (e - s > 1) outHop.subarray(s, e).sort((a, b) => hopVol[b]! - hopVol[a]! || a - b);
  }
  const source = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    source[i] = isSource(graph.getNodeAttributes(ids[i]!) as Record<string, unknown>, inflow[i]!) ? 1 : 0;
  }
  return { ids, index, n, hopFrom, hopTo, hopVol, hopEdges, hopEdgeVols, outStart, outHop, inStart, inHop, inflow, outflow, source };
}

/** Nodes that reach (direction "in") or are reached from (direction "out") `start`, start included, BFS order. */
export function reachable(graph: Graph, start: string, direction: "in" | "out", weight = "weight"): string[] {
  const table = edgeTable(graph, weight);
  const s = table.index.get(start);
  if (s === undefined) throw new Error(`analysis/reachable: unknown place "${start}"`);
  const [first, edge, end] = direction === "in" ? [table.inStart, table.inEdge, table.tail] : [table.outStart, table.outEdge, table.head];
  const seen = new Uint8Array(table.ids.length);
  const queue = new Int32Array(table.ids.length);
  seen[s] = 1;
  queue[0] = s;
  let length = 1;
  for (let q = 0; q < length; q++) {
    const u = queue[q]!;
    for (let k = first[u]!; k < first[u + 1]!; k++) {
      const v = end[edge[k]!]!;
      if (!seen[v]) {
        seen[v] = 1;
        queue[length++] = v;
      }
    }
  }
  const order = new Array<string>(length);
  for (let q = 0; q < length; q++) order[q] = table.ids[queue[q]!]!;
  return order;
}
