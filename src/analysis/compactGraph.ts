// Compact, typed-array view of a year's trade graph, shared by the analysis modules.
// Parallel edges (several modes or sources between the same two places) are summed into one hop
// that keeps the list of its edge ids (METHODS.md: "choose each hop's edge explicitly").
// Self-loops carry nothing between places and are left out of hops and of the in/out sums.
import type Graph from "graphology-types";
import { PLACE_KINDS } from "../domain/types";

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

/** Volume of an edge: the attribute `weight` when it is a finite non-negative number, else 0 (missing). */
export function edgeVolume(attributes: Record<string, unknown> | undefined, weight: string): number {
  const v = attributes?.[weight];
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
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
  // 1. Read every relevant edge once into typed arrays. graphology's per-node edge iteration on a
  //    multigraph is several times slower than one pass over all edges, so a large subset (or the
  //    whole graph) takes the single pass; a small subset reads only its own edges.
  let es: number[] = [];
  let et: number[] = [];
  let ev: number[] = [];
  const ek: string[] = [];
  const take = (edge: string, attributes: Record<string, unknown>, source: string, target: string) => {
    if (source === target) return;
    const i = index.get(source);
    const j = index.get(target);
    if (i === undefined && j === undefined) return;
    const v = edgeVolume(attributes, weight);
    if (i !== undefined) outflow[i] = outflow[i]! + v;
    if (j !== undefined) inflow[j] = inflow[j]! + v;
    if (i === undefined || j === undefined) return;
    es.push(i);
    et.push(j);
    ev.push(v);
    if (options.edges) ek.push(edge);
  };
  if (!nodes || n * 8 > graph.order) graph.forEachEdge(take);
  else {
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      graph.forEachOutEdge(id, take);
      graph.forEachInEdge(id, (edge, attributes, source, target) => {
        if (!index.has(source)) take(edge, attributes, source, target);
      });
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
export function reachable(graph: Graph, start: string, direction: "in" | "out"): string[] {
  const seen = new Set<string>([start]);
  const order = [start];
  for (let k = 0; k < order.length; k++) {
    const visit = (neighbour: string) => {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        order.push(neighbour);
      }
    };
    if (direction === "in") graph.forEachInNeighbor(order[k]!, visit);
    else graph.forEachOutNeighbor(order[k]!, visit);
  }
  return order;
}
