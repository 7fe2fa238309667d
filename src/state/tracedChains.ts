// The chains a trace draws, as an exported picture names them: every chain on the map (the chosen one, or
// all found when none is chosen) with the volume it is drawn with (state/traceWidths tracedVolume), whether
// a modelled flow is on it, and the places to frame. Pure.
import type { Chain } from "../analysis";
import type { Flow } from "../domain/types";
import type { TraceResult } from "./routeTrace";
import { throughputOf, tracedVolume } from "./traceWidths";
import type { Measure } from "./viewState";

export interface TracedChain {
  nodes: string[];
  /** The volume the chain is drawn with, in the measure. */
  volume: number;
  /** A modelled flow is on one of its hops: the volume is a modelled estimate. */
  modelled: boolean;
}

export interface TracedChains {
  origin: string;
  destination: string;
  /** One chain chosen (the map draws only it), else every chain found. */
  chosen: boolean;
  chains: TracedChain[];
  /** What the volumes are: attributed to A → B, arriving at B (B keeps none), or a share of what passes through A. */
  basis: "attributed" | "arriving" | "through";
  /** The A → B total (attributed), what passes through B (arriving) or A's throughput (through). */
  whole: number;
  /** Share of `whole` the chains drawn carry. */
  coverage: number;
}

/** The chains drawn for a settled trace; null when it found none (or the chosen index is gone). */
export function tracedChainsOf(
  result: TraceResult,
  chosenIndex: number | null,
  flows: readonly Flow[],
  year: number,
  measure: Measure,
): TracedChains | null {
  const r = result.chains;
  const all = r.chains;
  const picked: Chain[] = chosenIndex !== null ? (all[chosenIndex] ? [all[chosenIndex]] : []) : all;
  if (!picked.length) return null;
  const basis = r.total > 0 ? "attributed" : r.passing > 0 ? "arriving" : "through";
  const through = basis === "through" ? throughputOf(flows, result.origin, year, measure) : 0;
  const modelledIds = new Set(flows.filter((f) => f.year === year && f.basis === "modelled").map((f) => f.id));
  const chains = picked.map((c) => ({
    nodes: c.nodes,
    volume: tracedVolume(c, r, through),
    modelled: c.edges.some((hop) => hop.some((id) => modelledIds.has(id))),
  }));
  const whole = basis === "attributed" ? r.total : basis === "arriving" ? r.passing : through;
  const sum = chains.reduce((s, c) => s + c.volume, 0);
  return {
    origin: result.origin,
    destination: result.destination,
    chosen: chosenIndex !== null,
    chains,
    basis,
    whole,
    coverage: whole > 0 ? sum / whole : 0,
  };
}

/** Every place on the chains drawn, once each, in chain order: what an export frames. */
export function tracedPlaces(traced: TracedChains): string[] {
  return [...new Set(traced.chains.flatMap((c) => c.nodes))];
}
