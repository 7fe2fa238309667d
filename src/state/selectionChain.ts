// What a selected place's volume came through and went on to: every flow upstream of it, with the part of
// its volume that reaches the place, and every flow downstream, with the part that passed through it.
// Proportional tracing on well-mixed pools (docs/methods.md, "Proportional tracing"): a pool's outflows
// carry the same mix as its intake, so the part of flow u → v that later passes through k is
// F(u→v) × p(v), with p(k) = 1 and p(v) = Σ_w F(v→w) / T(v) × p(w), T = max(intake, outflow); downstream
// the same with the direction reversed. Pure; one pass in topological order, repeated sweeps on cycles.
import type { Flow } from "../domain/types";
import type { Measure } from "./viewState";
import { volumeOf } from "./visibleFlows";

export interface SelectionChain {
  nodes: Set<string>;
  /** Edge id → the part of its volume that came to or through the place (upstream) or from it (downstream). */
  attributed: Map<string, number>;
}

/** Below this share of a flow, it is not lit (rounding of the sweeps). */
const MIN_SHARE = 1e-9;

interface Compact {
  ids: string[];
  from: Int32Array;
  to: Int32Array;
  vol: Float64Array;
  total: Float64Array;
  /** CSR adjacency: out[outStart[v] .. outStart[v+1]) are edge indices leaving v; likewise in. */
  outStart: Int32Array;
  out: Int32Array;
  inStart: Int32Array;
  inn: Int32Array;
}

function compact(flows: readonly Flow[], measure: Measure): { c: Compact; edges: Flow[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const at = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      index.set(id, (i = ids.length));
      ids.push(id);
    }
    return i;
  };
  const edges = flows.filter((f) => (volumeOf(f, measure) ?? 0) > 0);
  const m = edges.length;
  const from = new Int32Array(m),
    to = new Int32Array(m),
    vol = new Float64Array(m);
  edges.forEach((f, e) => {
    from[e] = at(f.from);
    to[e] = at(f.to);
    vol[e] = volumeOf(f, measure)!;
  });
  const n = ids.length;
  const inflow = new Float64Array(n),
    outflow = new Float64Array(n);
  const outStart = new Int32Array(n + 1),
    inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const a = from[e]!,
      b = to[e]!;
    outflow[a] = outflow[a]! + vol[e]!;
    inflow[b] = inflow[b]! + vol[e]!;
    outStart[a + 1] = outStart[a + 1]! + 1;
    inStart[b + 1] = inStart[b + 1]! + 1;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1] = outStart[v + 1]! + outStart[v]!;
    inStart[v + 1] = inStart[v + 1]! + inStart[v]!;
  }
  const out = new Int32Array(m),
    inn = new Int32Array(m);
  const oi = outStart.slice(0, n),
    ii = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const a = from[e]!,
      b = to[e]!;
    out[oi[a]!] = e;
    oi[a] = oi[a]! + 1;
    inn[ii[b]!] = e;
    ii[b] = ii[b]! + 1;
  }
  const total = new Float64Array(n);
  for (let v = 0; v < n; v++) total[v] = Math.max(inflow[v]!, outflow[v]!);
  return { c: { ids, from, to, vol, total, outStart, out, inStart, inn }, edges, index };
}

/**
 * Shares toward k: "down" gives p (the part of each place's throughput that later passes through k, summed
 * over its outflows); "up" gives q (the part that earlier passed through k, over its inflows).
 */
function shares(c: Compact, k: number, direction: "down" | "up", sweeps: number): Float64Array {
  const n = c.ids.length;
  // Edges a place's share is computed over (its outflows for "down"), and the place each edge leads to.
  const [fwdStart, fwd, backStart, back] =
    direction === "down" ? [c.outStart, c.out, c.inStart, c.inn] : [c.inStart, c.inn, c.outStart, c.out];
  const ahead = direction === "down" ? c.to : c.from;
  const behind = direction === "down" ? c.from : c.to;
  // Only places that reach k (walking back from k) can have a share.
  const inReach = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qn = 0;
  queue[qn++] = k;
  inReach[k] = 1;
  for (let i = 0; i < qn; i++) {
    const v = queue[i]!;
    for (let j = backStart[v]!; j < backStart[v + 1]!; j++) {
      const u = behind[back[j]!]!;
      if (!inReach[u]) {
        inReach[u] = 1;
        queue[qn++] = u;
      }
    }
  }
  // Kahn's order on that part: each place after every place ahead of it, so one pass is exact without cycles.
  const pending = new Int32Array(n);
  for (let i = 0; i < qn; i++) {
    const v = queue[i]!;
    for (let j = fwdStart[v]!; j < fwdStart[v + 1]!; j++) {
      const w = ahead[fwd[j]!]!;
      if (w !== v && inReach[w]) pending[v] = pending[v]! + 1;
    }
  }
  const order: number[] = [];
  const placed = new Uint8Array(n);
  const ready: number[] = [];
  for (let i = 0; i < qn; i++) if (pending[queue[i]!] === 0) ready.push(queue[i]!);
  while (ready.length) {
    const v = ready.pop()!;
    order.push(v);
    placed[v] = 1;
    for (let j = backStart[v]!; j < backStart[v + 1]!; j++) {
      const u = behind[back[j]!]!;
      if (u === v || !inReach[u]) continue;
      pending[u] = pending[u]! - 1;
      if (pending[u] === 0) ready.push(u);
    }
  }
  const cyclic = order.length < qn;
  if (cyclic) for (let i = 0; i < qn; i++) if (!placed[queue[i]!]) order.push(queue[i]!);
  const s = new Float64Array(n);
  s[k] = 1;
  for (let round = 0; round < (cyclic ? sweeps : 1); round++) {
    let change = 0;
    for (const v of order) {
      if (v === k || !(c.total[v]! > 0)) continue;
      let sum = 0;
      for (let j = fwdStart[v]!; j < fwdStart[v + 1]!; j++) {
        const e = fwd[j]!;
        sum += (c.vol[e]! / c.total[v]!) * s[ahead[e]!]!;
      }
      change = Math.max(change, Math.abs(sum - s[v]!));
      s[v] = sum;
    }
    if (change < 1e-12) break;
  }
  return s;
}

export function selectionChain(flows: readonly Flow[], place: string, measure: Measure, sweeps = 60): SelectionChain {
  const nodes = new Set<string>([place]);
  const attributed = new Map<string, number>();
  const { c, edges, index } = compact(flows, measure);
  const k = index.get(place);
  if (k === undefined) return { nodes, attributed };
  const p = shares(c, k, "down", sweeps);
  const q = shares(c, k, "up", sweeps);
  edges.forEach((f, e) => {
    const v = c.vol[e]!;
    const a = v * Math.max(p[c.to[e]!]!, q[c.from[e]!]!);
    if (a > v * MIN_SHARE) {
      attributed.set(f.id, a);
      nodes.add(f.from);
      nodes.add(f.to);
    }
  });
  return { nodes, attributed };
}
