// Origin attribution by proportional tracing (docs/methods.md, "Proportional tracing"; Bialek 1996;
// Kirschen et al. 1997): every place is a well-mixed pool, every outflow carries the origin mix of
// the pool's intake. q_i = (g_i·e_i + r_i·e_(unexplained) + Σ_m F_mi·q_m) / T_i, solved in one pass in
// topological order when the year has no cycle, and per cyclic component otherwise (propagate.ts).
// Residual inflow r_i (a place sending on more than it receives) is traced as the pseudo-origin
// "(unexplained)" so that pools conserve: Σ_n C_kn = g_k, and Σ_n C_(unexplained),n = Σ_i r_i.
import type Graph from "graphology-types";
import { compactGraph, edgeVolume, reachable, UNEXPLAINED_ORIGIN, type CompactGraph } from "./compactGraph";
import { balanceArrays, type BalanceArrays } from "./massBalance";
import { propagate } from "./propagate";

export { UNEXPLAINED_ORIGIN };

export interface AttributionOptions {
  /** Edge attribute holding the volume. */
  weight: string;
  /** Convergence tolerance of the iterative solve on cyclic components (relative to throughput). */
  tolerance: number;
  maxIterations: number;
  /** Cyclic components up to this many places are solved exactly (dense elimination). */
  denseLimit: number;
  /** Called with (places done, places) while the solve runs. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between components; an aborted run throws an AbortError. */
  signal?: AbortSignal | undefined;
}

export const DEFAULT_ATTRIBUTION_OPTIONS: AttributionOptions = {
  weight: "weight",
  tolerance: 1e-12,
  maxIterations: 100_000,
  denseLimit: 256,
};

/** Full attribution of one year. Plain data (typed arrays, arrays, maps): it crosses a worker boundary. */
export interface Attribution {
  /** Place ids; index i of the per-node arrays. */
  ids: string[];
  index: Map<string, number>;
  /** Columns of the mix: places with g > 0, then UNEXPLAINED_ORIGIN when some r > 0. */
  origins: string[];
  /** For each origin column, its place index (−1 for the unexplained pseudo-origin). */
  originNode: Int32Array;
  inflow: Float64Array;
  outflow: Float64Array;
  g: Float64Array;
  d: Float64Array;
  r: Float64Array;
  T: Float64Array;
  /** Origin mix, ids.length × origins.length, row-major; each row sums to 1 where T > 0, else all 0. */
  mix: Float64Array;
  /** Every edge: id, tail place index, volume. Its volume by origin is volume × mix of its tail. */
  edgeIds: string[];
  edgeIndex: Map<string, number>;
  edgeFrom: Int32Array;
  edgeVolume: Float64Array;
  /** "topological" when the year has no cycle, "linear-solve" otherwise. */
  method: "topological" | "linear-solve";
  iterations: number;
  converged: boolean;
}

export interface NodeAttribution {
  id: string;
  T: number;
  g: number;
  d: number;
  r: number;
  inflow: number;
  outflow: number;
  /** Share of each origin in the place's throughput (and so in its absorption and every outflow). */
  mix: Map<string, number>;
}

function withDefaults(options: Partial<AttributionOptions>): AttributionOptions {
  const o = { ...DEFAULT_ATTRIBUTION_OPTIONS, ...options };
  if (typeof o.weight !== "string" || o.weight === "")
    throw new Error("analysis/attribution: options.weight must be a non-empty attribute name");
  if (!(o.tolerance > 0)) throw new Error("analysis/attribution: options.tolerance must be > 0");
  return o;
}

/** Origin columns and the source matrix S (n × K): g_i at (i, i's column), r_i at the unexplained column. */
function sourceMatrix(cg: CompactGraph, bal: BalanceArrays) {
  const origins: string[] = [];
  const originNode: number[] = [];
  const column = new Int32Array(cg.n).fill(-1);
  let anyResidual = false;
  for (let i = 0; i < cg.n; i++) {
    if (bal.g[i]! > 0) {
      column[i] = origins.length;
      origins.push(cg.ids[i]!);
      originNode.push(i);
    }
    if (bal.r[i]! > 0) anyResidual = true;
  }
  const unexplained = anyResidual ? origins.length : -1;
  if (anyResidual) {
    origins.push(UNEXPLAINED_ORIGIN);
    originNode.push(-1);
  }
  const K = origins.length;
  const S = new Float64Array(cg.n * K);
  for (let i = 0; i < cg.n; i++) {
    if (column[i]! >= 0) S[i * K + column[i]!] = bal.g[i]!;
    if (bal.r[i]! > 0) S[i * K + unexplained] = bal.r[i]!;
  }
  return { origins, originNode: Int32Array.from(originNode), S, K };
}

/** W_ij = F_ij / T_i per hop. */
export function hopShares(cg: CompactGraph, T: Float64Array): Float64Array {
  const coef = new Float64Array(cg.hopVol.length);
  for (let h = 0; h < coef.length; h++) {
    const t = T[cg.hopFrom[h]!]!;
    coef[h] = t > 0 ? Math.min(1, cg.hopVol[h]! / t) : 0;
  }
  return coef;
}

/** Origin mix of every place and edge of one year's graph. */
export function attribution(graph: Graph, options: Partial<AttributionOptions> = {}): Attribution {
  const o = withDefaults(options);
  const cg = compactGraph(graph, o.weight, undefined, { edges: false, sort: false });
  const bal = balanceArrays(cg);
  const { origins, originNode, S, K } = sourceMatrix(cg, bal);
  const solved = propagate(
    { n: cg.n, depStart: cg.inStart, depHop: cg.inHop, other: cg.hopFrom, coef: hopShares(cg, bal.T), S, K, scale: bal.T },
    o,
  );
  // X_i = T_i · q_i: divide to shares.
  const mix = solved.X;
  for (let i = 0; i < cg.n; i++) {
    const t = bal.T[i]!;
    for (let k = 0; k < K; k++) mix[i * K + k] = t > 0 ? mix[i * K + k]! / t : 0;
  }
  const edgeIds: string[] = [];
  const edgeFrom: number[] = [];
  const vols: number[] = [];
  graph.forEachEdge((edge, attributes, source) => {
    edgeIds.push(edge);
    edgeFrom.push(cg.index.get(source)!);
    vols.push(edgeVolume(attributes, o.weight));
  });
  return {
    ids: cg.ids,
    index: cg.index,
    origins,
    originNode,
    inflow: cg.inflow,
    outflow: cg.outflow,
    ...bal,
    mix,
    edgeIds,
    edgeIndex: new Map(edgeIds.map((e, i) => [e, i])),
    edgeFrom: Int32Array.from(edgeFrom),
    edgeVolume: Float64Array.from(vols),
    method: solved.cyclic ? "linear-solve" : "topological",
    iterations: solved.iterations,
    converged: solved.converged,
  };
}

/** One place of an attribution: balance and origin mix (shares, zero shares left out). */
export function nodeAttribution(result: Attribution, node: string): NodeAttribution {
  const i = result.index.get(node);
  if (i === undefined) throw new Error(`analysis/attribution: unknown place "${node}"`);
  const K = result.origins.length;
  const mix = new Map<string, number>();
  for (let k = 0; k < K; k++) {
    const share = result.mix[i * K + k]!;
    if (share > 0) mix.set(result.origins[k]!, share);
  }
  return {
    id: node,
    T: result.T[i]!,
    g: result.g[i]!,
    d: result.d[i]!,
    r: result.r[i]!,
    inflow: result.inflow[i]!,
    outflow: result.outflow[i]!,
    mix,
  };
}

/** Volume of each origin on one edge: F_ij · q_i (zero volumes left out). */
export function edgeAttribution(result: Attribution, edge: string): Map<string, number> {
  const e = result.edgeIndex.get(edge);
  if (e === undefined) throw new Error(`analysis/attribution: unknown edge "${edge}"`);
  const K = result.origins.length;
  const i = result.edgeFrom[e]!;
  const v = result.edgeVolume[e]!;
  const out = new Map<string, number>();
  for (let k = 0; k < K; k++) {
    const x = v * result.mix[i * K + k]!;
    if (x > 0) out.set(result.origins[k]!, x);
  }
  return out;
}

export interface OriginMixOfNode extends NodeAttribution {
  /** Volume of each origin in the place's throughput: share × T. */
  volumes: Map<string, number>;
  /** Volume of each origin absorbed at the place: C_kn = share × d. */
  absorbed: Map<string, number>;
  /** Places upstream of it (itself included): the part of the graph that was read. */
  upstream: number;
}

/**
 * Origin mix of one place, reading only its upstream: one backward linear pass for the column
 * y = N_(·,n) of N = (I − W)⁻¹ (y_i = [i = n] + Σ_j W_ij·y_j), then T_n·q_kn = g_k·y_k, and the
 * unexplained share = Σ_i r_i·y_i. A scalar per place, not a vector per place: cheap on big graphs.
 */
export function originMixOfNode(graph: Graph, node: string, options: Partial<AttributionOptions> = {}): OriginMixOfNode {
  const o = withDefaults(options);
  if (!graph.hasNode(node)) throw new Error(`analysis/attribution: originMixOfNode: unknown place "${node}"`);
  const up = reachable(graph, node, "in", o.weight);
  const cg = compactGraph(graph, o.weight, up, { edges: false, sort: false });
  const bal = balanceArrays(cg);
  const y = columnOfN(cg, bal, 0, o);
  const t = bal.T[0]!;
  const volumes = new Map<string, number>();
  let unexplained = 0;
  for (let i = 0; i < cg.n; i++) {
    if (bal.g[i]! > 0 && y[i]! > 0) volumes.set(cg.ids[i]!, bal.g[i]! * y[i]!);
    unexplained += bal.r[i]! * y[i]!;
  }
  if (unexplained > 0) volumes.set(UNEXPLAINED_ORIGIN, unexplained);
  const mix = new Map<string, number>();
  const absorbed = new Map<string, number>();
  for (const [k, v] of volumes) {
    mix.set(k, t > 0 ? v / t : 0);
    if (bal.d[0]! > 0 && t > 0) absorbed.set(k, (v / t) * bal.d[0]!);
  }
  return {
    id: node,
    T: t,
    g: bal.g[0]!,
    d: bal.d[0]!,
    r: bal.r[0]!,
    inflow: cg.inflow[0]!,
    outflow: cg.outflow[0]!,
    mix,
    volumes,
    absorbed,
    upstream: cg.n,
  };
}

/** Column `target` of N = (I − W)⁻¹ on a compact graph: expected visits to `target` of a unit leaving each place. */
export function columnOfN(cg: CompactGraph, bal: BalanceArrays, target: number, o: AttributionOptions): Float64Array {
  const S = new Float64Array(cg.n);
  S[target] = 1;
  return propagate(
    {
      n: cg.n,
      depStart: cg.outStart,
      depHop: cg.outHop,
      other: cg.hopTo,
      coef: hopShares(cg, bal.T),
      S,
      K: 1,
      scale: new Float64Array(cg.n).fill(1),
    },
    { ...o, onProgress: undefined },
  ).X;
}

/** Origin × place consumption C_kn = g_k·N_kn·d_n/T_n = q_kn·d_n (docs/methods.md). Row k sums to g_k. */
export interface AttributionMatrix {
  origins: string[];
  places: string[];
  /** origins.length × places.length, row-major. */
  values: Float64Array;
}

export function attributionMatrix(graph: Graph, options: Partial<AttributionOptions> = {}): AttributionMatrix {
  return consumptionMatrix(attribution(graph, options));
}

/** The consumption matrix of an attribution already computed. */
export function consumptionMatrix(result: Attribution): AttributionMatrix {
  const K = result.origins.length;
  const n = result.ids.length;
  const values = new Float64Array(K * n);
  for (let i = 0; i < n; i++) {
    const d = result.d[i]!;
    if (d === 0) continue;
    for (let k = 0; k < K; k++) values[k * n + i] = result.mix[i * K + k]! * d;
  }
  return { origins: result.origins, places: result.ids, values };
}
