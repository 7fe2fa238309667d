// The origin mix of one place, hop by hop (docs/methods.md, "Proportional tracing"): the volume of origin
// k on hop i → j that passes through place n is F_ij · y_j · q_ik, where y = N_(·,n) is the column of
// N = (I − W)⁻¹ (the share of a unit leaving j that reaches n) and q_i the origin mix of i. Summed over the
// hops into n it is n's origin mix × T_n; leaving an origin o it is g_o · y_o, the volume of o in n's mix.
// Residual inflow r_i (more sent on than received) enters as the pseudo-origin "(unexplained)": r_i · y_i.
// These are the bands of a Sankey of n's origin mix: every band is a part of the attribution, and the
// bands into and out of every place in between balance.
import type Graph from "graphology-types";
import { attribution, columnOfN, DEFAULT_ATTRIBUTION_OPTIONS, type AttributionOptions } from "./attribution";
import { compactGraph, reachable, UNEXPLAINED_ORIGIN } from "./compactGraph";
import { balanceArrays } from "./massBalance";

export interface OriginBand {
  from: string;
  to: string;
  /** Origin place id, or UNEXPLAINED_ORIGIN. */
  origin: string;
  volume: number;
  /** Edge ids of the hop (parallel edges together); empty for the band that brings in residual inflow. */
  edges: string[];
}

export interface OriginBandsResult {
  node: string;
  /** Throughput of the place. */
  T: number;
  /** Volume of each origin in the place's throughput (Σ = T on an acyclic graph). */
  origins: Map<string, number>;
  /** Largest first. */
  bands: OriginBand[];
  /** True when some of the volume circles back (a cycle upstream): bands then count a car once per visit. */
  cyclic: boolean;
}

export function originBands(graph: Graph, node: string, options: Partial<AttributionOptions> = {}): OriginBandsResult {
  const o = { ...DEFAULT_ATTRIBUTION_OPTIONS, ...options };
  if (!graph.hasNode(node)) throw new Error(`analysis/originBands: unknown place "${node}"`);
  const up = reachable(graph, node, "in", o.weight);
  const cg = compactGraph(graph, o.weight, up, { edges: true, sort: false });
  const bal = balanceArrays(cg);
  const y = columnOfN(cg, bal, 0, o);
  const att = attribution(graph, { ...o, onProgress: undefined });
  const K = att.origins.length;
  const T = bal.T[0]!;
  const tiny = Math.max(T, 1) * 1e-12;
  const bands: OriginBand[] = [];
  const origins = new Map<string, number>();
  for (let h = 0; h < cg.hopFrom.length; h++) {
    const i = cg.hopFrom[h]!;
    const j = cg.hopTo[h]!;
    const reach = y[j]!;
    if (reach <= 0) continue;
    const from = cg.ids[i]!;
    const ai = att.index.get(from);
    if (ai === undefined) continue;
    const carried = cg.hopVol[h]! * reach;
    for (let k = 0; k < K; k++) {
      const v = carried * att.mix[ai * K + k]!;
      if (v > tiny) bands.push({ from, to: cg.ids[j]!, origin: att.origins[k]!, volume: v, edges: [...cg.hopEdges[h]!] });
    }
  }
  for (let i = 0; i < cg.n; i++) {
    if (bal.g[i]! > 0 && y[i]! > 0) origins.set(cg.ids[i]!, bal.g[i]! * y[i]!);
    const residual = bal.r[i]! * y[i]!;
    if (residual > tiny) {
      origins.set(UNEXPLAINED_ORIGIN, (origins.get(UNEXPLAINED_ORIGIN) ?? 0) + residual);
      bands.push({ from: UNEXPLAINED_ORIGIN, to: cg.ids[i]!, origin: UNEXPLAINED_ORIGIN, volume: residual, edges: [] });
    }
  }
  bands.sort((a, b) => b.volume - a.volume || a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.origin.localeCompare(b.origin));
  return { node, T, origins, bands, cyclic: y[0]! > 1 + 1e-9 };
}
