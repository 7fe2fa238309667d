// Every simple path from A to B up to a depth, with its bottleneck (docs/methods.md, "Re-export chains":
// "the simple view researchers ask for first … bounded, since path counts explode").
// Parallel edges between the same two places form one hop whose volume is their sum; each hop lists
// its edge ids explicitly (no library helper picks an edge for us).
// Depth-first search over the hops of the places upstream of B, pruned by the hop distance to B, so
// no branch is entered that cannot reach B within the depth left.
import type Graph from "graphology-types";
import { compactGraph, reachable, type CompactGraph } from "./compactGraph";

export interface SimplePathsOptions {
  /** Edge attribute holding the volume. */
  weight: string;
  /** Most hops per path. */
  maxDepth: number;
  /** Stop after this many paths. */
  maxPaths: number;
  /** Stop after this many milliseconds. */
  maxMs: number;
  /** Whether hops whose summed volume is 0 (zero or missing flows) may be used. */
  includeZero: boolean;
}

export const DEFAULT_SIMPLE_PATHS_OPTIONS: SimplePathsOptions = {
  weight: "weight",
  maxDepth: 6,
  maxPaths: 1000,
  maxMs: 250,
  includeZero: false,
};

export interface SimplePath {
  nodes: string[];
  /** Edge ids of each hop (parallel edges of one hop together). */
  edges: string[][];
  /** Volume of each hop: the sum of its parallel edges. */
  volumes: number[];
  /** Smallest hop volume. */
  bottleneck: number;
}

export interface SimplePathsResult {
  /** Largest bottleneck first; ties in the order found. */
  paths: SimplePath[];
  /** Why the list may be incomplete: "count" (maxPaths), "time" (maxMs), "depth" (a branch toward B was cut by maxDepth), or null. */
  stoppedEarly: null | "count" | "time" | "depth";
}

function checkOptions(o: SimplePathsOptions): void {
  if (!(Number.isInteger(o.maxDepth) && o.maxDepth >= 1)) throw new Error("analysis/simplePaths: options.maxDepth must be an integer ≥ 1");
  if (!(Number.isInteger(o.maxPaths) && o.maxPaths >= 1)) throw new Error("analysis/simplePaths: options.maxPaths must be an integer ≥ 1");
  if (!(o.maxMs > 0)) throw new Error("analysis/simplePaths: options.maxMs must be > 0");
}

/** Hop distance of every place to `target` (index) over usable hops; Infinity when it cannot reach it. */
export function hopsToTarget(cg: CompactGraph, target: number, usable: (h: number) => boolean): Float64Array {
  const dist = new Float64Array(cg.n).fill(Infinity);
  const queue = new Int32Array(cg.n);
  dist[target] = 0;
  queue[0] = target;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let p = cg.inStart[v]!; p < cg.inStart[v + 1]!; p++) {
      const h = cg.inHop[p]!;
      const u = cg.hopFrom[h]!;
      if (dist[u] === Infinity && usable(h)) {
        dist[u] = dist[v]! + 1;
        queue[tail++] = u;
      }
    }
  }
  return dist;
}

export function simplePaths(graph: Graph, from: string, to: string, options: Partial<SimplePathsOptions> = {}): SimplePathsResult {
  const o = { ...DEFAULT_SIMPLE_PATHS_OPTIONS, ...options };
  checkOptions(o);
  if (!graph.hasNode(from)) throw new Error(`analysis/simplePaths: unknown place "${from}"`);
  if (!graph.hasNode(to)) throw new Error(`analysis/simplePaths: unknown place "${to}"`);
  const started = performance.now();
  if (from === to) return { paths: [], stoppedEarly: null };
  const cg = compactGraph(graph, o.weight, reachable(graph, to, "in", o.weight));
  const src = cg.index.get(from);
  if (src === undefined) return { paths: [], stoppedEarly: null };
  const target = 0; // reachable() lists its start first
  const usable = (h: number) => o.includeZero || cg.hopVol[h]! > 0;
  const toTarget = hopsToTarget(cg, target, usable);

  const paths: SimplePath[] = [];
  let stoppedEarly: SimplePathsResult["stoppedEarly"] = null;
  const onPath = new Uint8Array(cg.n);
  const nodeStack = new Int32Array(o.maxDepth + 1);
  const hopStack = new Int32Array(o.maxDepth);
  const posStack = new Int32Array(o.maxDepth + 1);
  let depth = 0;
  nodeStack[0] = src;
  posStack[0] = cg.outStart[src]!;
  onPath[src] = 1;
  let steps = 0;
  let depthCut = false;
  search: while (depth >= 0) {
    if ((++steps & 255) === 0 && performance.now() - started > o.maxMs) {
      stoppedEarly = "time";
      break;
    }
    const v = nodeStack[depth]!;
    const p = posStack[depth]!;
    if (p >= cg.outStart[v + 1]!) {
      onPath[v] = 0;
      depth--;
      continue;
    }
    posStack[depth] = p + 1;
    const h = cg.outHop[p]!;
    const w = cg.hopTo[h]!;
    if (onPath[w] || !usable(h)) continue;
    const left = o.maxDepth - depth - 1;
    if (toTarget[w]! > left) {
      if (toTarget[w]! !== Infinity) depthCut = true;
      continue;
    }
    hopStack[depth] = h;
    if (w === target) {
      paths.push(makePath(cg, nodeStack, hopStack, depth + 1, target));
      if (paths.length >= o.maxPaths) {
        stoppedEarly = "count";
        break search;
      }
      continue;
    }
    depth++;
    nodeStack[depth] = w;
    posStack[depth] = cg.outStart[w]!;
    onPath[w] = 1;
  }
  if (stoppedEarly === null && depthCut) stoppedEarly = "depth";
  paths.sort((a, b) => b.bottleneck - a.bottleneck);
  return { paths, stoppedEarly };
}

function makePath(cg: CompactGraph, nodeStack: Int32Array, hopStack: Int32Array, hops: number, target: number): SimplePath {
  const nodes: string[] = [];
  const edges: string[][] = [];
  const volumes: number[] = [];
  let bottleneck = Infinity;
  for (let t = 0; t < hops; t++) {
    nodes.push(cg.ids[nodeStack[t]!]!);
    const h = hopStack[t]!;
    edges.push([...cg.hopEdges[h]!]);
    volumes.push(cg.hopVol[h]!);
    bottleneck = Math.min(bottleneck, cg.hopVol[h]!);
  }
  nodes.push(cg.ids[target]!);
  return { nodes, edges, volumes, bottleneck };
}
