// The k best re-export chains from origin o to place n by attributed volume (docs/methods.md,
// "Re-export chains"): the volume of o that travels along p = o→…→n and is absorbed at n is
// g_o · Π W_ij · d_n / T_n, so the best chains are the k shortest simple paths under −ln W_ij:
// Yen's algorithm (Yen 1971) with a hop limit. W_ij = F_ij / T_i, parallel edges summed per hop.
//
// Why our own Dijkstra on typed arrays with a binary heap rather than graphology-shortest-path:
// Yen's spur searches run with removed edges and nodes (masks that change per spur) and a hop limit;
// graphology's dijkstra takes neither, and copying the graph per spur is O(E) each time. Ours is a
// label-setting search over (place, hops used) states, ordered by (cost, hops), so it is exact under
// the hop limit and, as cycles cost ≥ 0, the path it returns is simple.
import type Graph from "graphology-types";
import { compactGraph, reachable, type CompactGraph } from "./compactGraph";
import { balanceArrays } from "./massBalance";
import { DEFAULT_ATTRIBUTION_OPTIONS, columnOfN, hopShares } from "./attribution";
import { hopsToTarget } from "./simplePaths";

export interface ChainsOptions {
  /** Edge attribute holding the volume. */
  weight: string;
  /** How many chains. */
  k: number;
  /** Most hops per chain. */
  maxHops: number;
}

export const DEFAULT_CHAINS_OPTIONS: ChainsOptions = { weight: "weight", k: 10, maxHops: 6 };

export interface Chain {
  nodes: string[];
  /** Edge ids of each hop (parallel edges together). */
  edges: string[][];
  /** Summed volume of each hop. */
  volumes: number[];
  /** Smallest hop volume. */
  bottleneck: number;
  /** Π W_ij along the chain. */
  product: number;
  /** Volume of o arriving at n along the chain: g_o · Π W. */
  arriving: number;
  /** Attributed volume: g_o · Π W · d_n / T_n (of o, absorbed at n, via this chain). */
  volume: number;
  /** volume / C_on (0 when C_on is 0). */
  share: number;
}

export interface ChainsResult {
  origin: string;
  target: string;
  /** Best first. */
  chains: Chain[];
  /** C_on: the volume of o absorbed at n over all routes (the A→B total). */
  total: number;
  /** g_o · N_on: the volume of o passing through n (absorbed there or sent on). */
  passing: number;
  /** Σ chain volume / C_on (or Σ arriving / passing when n absorbs nothing); below 1 when other routes carry some. */
  coverage: number;
}

interface Found {
  nodes: number[];
  hops: number[];
  cost: number;
}

/** Binary min-heap of (cost, hops, state) on growable typed arrays. */
class StateHeap {
  cost = new Float64Array(64);
  hops = new Int32Array(64);
  state = new Int32Array(64);
  size = 0;
  private less(a: number, b: number): boolean {
    const ca = this.cost[a]!;
    const cb = this.cost[b]!;
    if (ca !== cb) return ca < cb;
    if (this.hops[a] !== this.hops[b]) return this.hops[a]! < this.hops[b]!;
    return this.state[a]! < this.state[b]!;
  }
  private swap(a: number, b: number): void {
    [this.cost[a], this.cost[b]] = [this.cost[b]!, this.cost[a]!];
    [this.hops[a], this.hops[b]] = [this.hops[b]!, this.hops[a]!];
    [this.state[a], this.state[b]] = [this.state[b]!, this.state[a]!];
  }
  push(cost: number, hops: number, state: number): void {
    if (this.size === this.cost.length) {
      const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.cost = grow(this.cost, (n) => new Float64Array(n));
      this.hops = grow(this.hops, (n) => new Int32Array(n));
      this.state = grow(this.state, (n) => new Int32Array(n));
    }
    let i = this.size++;
    this.cost[i] = cost;
    this.hops[i] = hops;
    this.state[i] = state;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  /** Moves the minimum to slot `size` (read it there) and shrinks the heap. */
  pop(): void {
    const last = --this.size;
    this.swap(0, last);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/** Hop-limited shortest paths with removable hops and places, reusable across Yen's spur searches. */
class SpurSearch {
  private readonly H1: number;
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly minHop: Int32Array;
  private readonly touched: number[] = [];
  private readonly heap = new StateHeap();
  readonly blockedHop: Uint8Array;
  readonly blockedNode: Uint8Array;

  constructor(
    private readonly cg: CompactGraph,
    private readonly cost: Float64Array,
    private readonly toTarget: Float64Array,
    private readonly target: number,
    maxHops: number,
  ) {
    this.H1 = maxHops + 1;
    this.dist = new Float64Array(cg.n * this.H1).fill(Infinity);
    this.pred = new Int32Array(cg.n * this.H1).fill(-1);
    this.minHop = new Int32Array(cg.n).fill(this.H1);
    this.blockedHop = new Uint8Array(cg.hopVol.length);
    this.blockedNode = new Uint8Array(cg.n);
  }

  /** Cheapest path src → target with at most `limit` hops avoiding blocked hops and places, or null. */
  run(src: number, limit: number): Found | null {
    const { cg, cost, toTarget, target, H1, dist, pred, minHop, heap } = this;
    if (toTarget[src]! > limit) return null;
    let found: Found | null = null;
    const s0 = src * H1;
    dist[s0] = 0;
    this.touched.push(s0);
    heap.size = 0;
    heap.push(0, 0, s0);
    const settled: number[] = [];
    while (heap.size > 0) {
      heap.pop();
      const d = heap.cost[heap.size]!;
      const s = heap.state[heap.size]!;
      if (d > dist[s]!) continue;
      const v = (s / H1) | 0;
      const h = s - v * H1;
      if (minHop[v]! <= h) continue; // dominated: reached before with no more cost and fewer hops
      minHop[v] = h;
      settled.push(v);
      if (v === target) {
        const nodes = [v];
        const hops: number[] = [];
        for (let st = s; st !== s0;) {
          const hop = pred[st]!;
          hops.push(hop);
          const u = cg.hopFrom[hop]!;
          nodes.push(u);
          st = u * H1 + ((st % H1) - 1);
        }
        found = { nodes: nodes.reverse(), hops: hops.reverse(), cost: d };
        break;
      }
      if (h === limit) continue;
      for (let p = cg.outStart[v]!; p < cg.outStart[v + 1]!; p++) {
        const hop = cg.outHop[p]!;
        const c = cost[hop]!;
        if (c === Infinity || this.blockedHop[hop]) continue;
        const w = cg.hopTo[hop]!;
        if (this.blockedNode[w] || h + 1 + toTarget[w]! > limit) continue;
        const s2 = w * H1 + h + 1;
        const nd = d + c;
        if (nd < dist[s2]!) {
          if (dist[s2] === Infinity) this.touched.push(s2);
          dist[s2] = nd;
          pred[s2] = hop;
          heap.push(nd, h + 1, s2);
        }
      }
    }
    for (const s of this.touched) {
      dist[s] = Infinity;
      pred[s] = -1;
    }
    this.touched.length = 0;
    for (const v of settled) minHop[v] = H1;
    return found;
  }
}

function checkOptions(o: ChainsOptions): void {
  if (!(Number.isInteger(o.k) && o.k >= 1)) throw new Error("analysis/chains: options.k must be an integer ≥ 1");
  if (!(Number.isInteger(o.maxHops) && o.maxHops >= 1)) throw new Error("analysis/chains: options.maxHops must be an integer ≥ 1");
}

/** The k chains from `origin` to `target` that carry the most attributed volume. */
export function chains(graph: Graph, origin: string, target: string, options: Partial<ChainsOptions> = {}): ChainsResult {
  const o = { ...DEFAULT_CHAINS_OPTIONS, ...options };
  checkOptions(o);
  if (!graph.hasNode(origin)) throw new Error(`analysis/chains: unknown place "${origin}"`);
  if (!graph.hasNode(target)) throw new Error(`analysis/chains: unknown place "${target}"`);
  const empty: ChainsResult = { origin, target, chains: [], total: 0, passing: 0, coverage: 0 };
  // Only places upstream of the target can lie on a chain to it; their balance still counts all their edges.
  const cg = compactGraph(graph, o.weight, reachable(graph, target, "in", o.weight), { edges: true, sort: false });
  const src = cg.index.get(origin);
  if (src === undefined) return empty;
  const t = 0;
  const bal = balanceArrays(cg);
  const W = hopShares(cg, bal.T);
  const cost = new Float64Array(W.length);
  for (let h = 0; h < W.length; h++) cost[h] = W[h]! > 0 ? Math.max(0, -Math.log(W[h]!)) : Infinity;
  const toTarget = hopsToTarget(cg, t, (h) => W[h]! > 0);

  const gO = bal.g[src]!;
  const absorbedShare = bal.T[t]! > 0 ? bal.d[t]! / bal.T[t]! : 0;
  const y = columnOfN(cg, bal, t, { ...DEFAULT_ATTRIBUTION_OPTIONS, weight: o.weight });
  const passing = gO * y[src]!;
  const total = passing * absorbedShare;

  const search = new SpurSearch(cg, cost, toTarget, t, o.maxHops);
  const found: Found[] = [];
  const first = search.run(src, o.maxHops);
  if (first) found.push(first);
  const seen = new Set<string>(found.map((f) => f.nodes.join(",")));
  const candidates: Found[] = [];
  const better = (a: Found, b: Found) =>
    a.cost - b.cost || a.hops.length - b.hops.length || (a.nodes.join(",") < b.nodes.join(",") ? -1 : 1);
  while (found.length > 0 && found.length < o.k) {
    const prev = found[found.length - 1]!;
    for (let i = 0; i < prev.hops.length && i < o.maxHops; i++) {
      const spur = prev.nodes[i]!;
      // Remove the next hop of every chain found that shares this root, and the root's places.
      const blocked: number[] = [];
      for (const f of found) {
        if (f.hops.length > i && sameRoot(f.nodes, prev.nodes, i)) {
          search.blockedHop[f.hops[i]!] = 1;
          blocked.push(f.hops[i]!);
        }
      }
      for (let r = 0; r < i; r++) search.blockedNode[prev.nodes[r]!] = 1;
      const tail = search.run(spur, o.maxHops - i);
      for (const h of blocked) search.blockedHop[h] = 0;
      for (let r = 0; r < i; r++) search.blockedNode[prev.nodes[r]!] = 0;
      if (!tail) continue;
      const nodes = [...prev.nodes.slice(0, i), ...tail.nodes];
      const key = nodes.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const hops = [...prev.hops.slice(0, i), ...tail.hops];
      let c = 0;
      for (const h of hops) c += cost[h]!;
      candidates.push({ nodes, hops, cost: c });
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let j = 1; j < candidates.length; j++) if (better(candidates[j]!, candidates[best]!) < 0) best = j;
    found.push(candidates.splice(best, 1)[0]!);
  }

  const out: Chain[] = found.map((f) => {
    let product = 1;
    let bottleneck = f.hops.length ? Infinity : 0;
    for (const h of f.hops) {
      product *= W[h]!;
      bottleneck = Math.min(bottleneck, cg.hopVol[h]!);
    }
    const arriving = gO * product;
    const volume = arriving * absorbedShare;
    return {
      nodes: f.nodes.map((v) => cg.ids[v]!),
      edges: f.hops.map((h) => [...cg.hopEdges[h]!]),
      volumes: f.hops.map((h) => cg.hopVol[h]!),
      bottleneck,
      product,
      arriving,
      volume,
      share: total > 0 ? volume / total : 0,
    };
  });
  let coverage = 0;
  if (total > 0) coverage = out.reduce((s, c) => s + c.volume, 0) / total;
  else if (passing > 0) coverage = out.reduce((s, c) => s + c.arriving, 0) / passing;
  return { origin, target, chains: out, total, passing, coverage };
}

function sameRoot(a: number[], b: number[], i: number): boolean {
  for (let r = 0; r <= i; r++) if (a[r] !== b[r]) return false;
  return true;
}
