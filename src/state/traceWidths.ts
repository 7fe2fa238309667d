// A traced chain drawn with its traced volume, not the whole flow's: the vehicles that went along the
// chain (attributed to it: docs/methods.md, proportional tracing), on each hop it takes. A hop of several
// flows (road and rail) shares the chain's volume in proportion to the flows. From a place that starts
// nothing of its own (an exit such as Horgos) the chain carries its share of what passes through the
// place: throughput × the product of the hop shares. Pure.
import type { Chain, ChainsResult } from "../analysis";
import type { Flow } from "../domain/types";
import { flowVolumeOf } from "./scaleDomain";
import type { Measure } from "./viewState";

/** What a place sends on in a year (the flows out of it), in the measure. */
export function throughputOf(flows: readonly Flow[], id: string, year: number, measure: Measure): number {
  let sum = 0;
  for (const f of flows) if (f.from === id && f.year === year) sum += flowVolumeOf(f, measure);
  return sum;
}

/** The volume a chain carries: attributed to it, else arriving along it, else its share of the origin's throughput. */
export function tracedVolume(chain: Chain, result: Pick<ChainsResult, "total" | "passing">, originThroughput: number): number {
  if (result.total > 0) return chain.volume;
  if (result.passing > 0) return chain.arriving;
  return chain.product * originThroughput;
}

/** The width volume of every flow the chains take: each chain's traced volume, shared by a hop's flows, summed over chains. */
export function chainWidths(
  chains: readonly Chain[],
  result: Pick<ChainsResult, "total" | "passing" | "origin">,
  flows: readonly Flow[],
  year: number,
  measure: Measure,
): Map<string, number> {
  const byId = new Map<string, Flow>();
  for (const f of flows) if (f.year === year) byId.set(f.id, f);
  const through = result.total > 0 || result.passing > 0 ? 0 : throughputOf(flows, result.origin, year, measure);
  const widths = new Map<string, number>();
  for (const c of chains) {
    const v = tracedVolume(c, result, through);
    for (const hop of c.edges) {
      const own = hop.map((id) => (byId.has(id) ? flowVolumeOf(byId.get(id)!, measure) : 0));
      const sum = own.reduce((s, x) => s + x, 0);
      hop.forEach((id, i) => widths.set(id, (widths.get(id) ?? 0) + (sum > 0 ? (v * own[i]!) / sum : v / hop.length)));
    }
  }
  return widths;
}
