// Mass balance per place and year (docs/methods.md, "Mass balance"):
// T_i = g_i + inflow_i + r_i = d_i + outflow_i, with
//   g_i = max(0, outflow − inflow) for sources (kind "origin", or unknown kind and no inflow),
//   r_i = max(0, outflow − inflow) for every other place (an unexplained inflow, never a negative absorption),
//   d_i = max(0, inflow − outflow) (absorbed there).
import type Graph from "graphology-types";
import { compactGraph, type CompactGraph } from "./compactGraph";

export interface MassBalanceOptions {
  /** Edge attribute holding the volume. */
  weight: string;
}

export const DEFAULT_MASS_BALANCE_OPTIONS: MassBalanceOptions = { weight: "weight" };

export interface NodeBalance {
  id: string;
  /** Intake from other places. */
  inflow: number;
  /** Onward flows to other places. */
  outflow: number;
  /** Entering the network here (production, first export). */
  g: number;
  /** Absorbed here. */
  d: number;
  /** Residual: onward flows the data does not explain. */
  r: number;
  /** Throughput. */
  T: number;
}

export interface BalanceArrays {
  g: Float64Array;
  d: Float64Array;
  r: Float64Array;
  T: Float64Array;
}

export function balanceArrays(cg: CompactGraph): BalanceArrays {
  const { n, inflow, outflow, source } = cg;
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const r = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gap = outflow[i]! - inflow[i]!;
    if (gap > 0) {
      if (source[i]) g[i] = gap;
      else r[i] = gap;
    } else if (gap < 0) d[i] = -gap;
    T[i] = Math.max(inflow[i]!, outflow[i]!);
  }
  return { g, d, r, T };
}

/** Intake, onward, absorbed and residual volume of every place of `graph`, in graph order. */
export function massBalance(graph: Graph, options: Partial<MassBalanceOptions> = {}): NodeBalance[] {
  const { weight } = { ...DEFAULT_MASS_BALANCE_OPTIONS, ...options };
  const cg = compactGraph(graph, weight);
  const { g, d, r, T } = balanceArrays(cg);
  return cg.ids.map((id, i) => ({
    id,
    inflow: cg.inflow[i]!,
    outflow: cg.outflow[i]!,
    g: g[i]!,
    d: d[i]!,
    r: r[i]!,
    T: T[i]!,
  }));
}
