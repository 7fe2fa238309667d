// Selectors for the trace UI (docs/methods.md, "Proportional tracing", "Re-export chains", "Mirror
// statistics"): the year graph of the flows in force, the best chains A → B, the simple paths, the
// origin mix and mass balance of a place, the origin mix of a flow, upstream/downstream of a place, and
// the mirror pairs of the context figures. Pure and memoised on their inputs (last call per selector).
import {
  chains,
  simplePaths,
  originMixOfNode,
  throughNode,
  mirrorGaps,
  UNEXPLAINED_ORIGIN,
  type ChainsResult,
  type SimplePathsResult,
  type ThroughNodeResult,
  type MirrorGap,
} from "../analysis";
import { buildYearGraph, type Measure, type YearGraph } from "../domain/buildYearGraph";
import type { Dataset, Flow, Place } from "../domain/types";
import type { TraceState } from "./viewState";

export const TRACE_CHAINS_K = 10;
export const TRACE_MAX_HOPS = 6;
export const SIMPLE_MAX_DEPTH = 5;
export const SIMPLE_MAX_PATHS = 200;
export const SIMPLE_MAX_MS = 250;

export interface RouteInputs {
  dataset: Dataset;
  /** Every flow in force (all years): app.derived().flows. */
  flows: readonly Flow[];
  year: number;
  measure: Measure;
}

export interface OriginShare {
  /** Place id, or UNEXPLAINED_ORIGIN. */
  id: string;
  volume: number;
  /** Of the place's throughput. */
  share: number;
}

/** Volumes by place as shares of `total`, largest first (the flows fed into or leaving a place). */
export function sharesOf(volumes: ReadonlyMap<string, number>, total: number): OriginShare[] {
  return [...volumes].map(([id, volume]) => ({ id, volume, share: total > 0 ? volume / total : 0 })).sort((x, y) => y.volume - x.volume);
}

export interface PlaceBalance {
  /** Intake from other places. */
  intake: number;
  /** Sent on to other places. */
  onward: number;
  /** Absorbed here (never negative). */
  absorbed: number;
  /** Onward flows the intake does not explain (traced as "(unexplained)"). */
  residual: number;
  /** Entering the network here (an origin). */
  generated: number;
  throughput: number;
}

export interface PlaceMix {
  place: string;
  /** Largest first. */
  origins: OriginShare[];
  balance: PlaceBalance;
}

export interface FlowMix {
  flow: string;
  from: string;
  to: string;
  volume: number;
  /** Largest first; shares of the flow's volume. */
  origins: OriginShare[];
}

export interface TraceResult {
  origin: string;
  destination: string;
  chains: ChainsResult;
}

type Key = readonly unknown[];
function memo<A extends Key, R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastValue: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastValue;
    lastValue = fn(...args);
    lastArgs = args;
    return lastValue;
  };
}

function sortedShares(volumes: Map<string, number>, total: number): OriginShare[] {
  return [...volumes]
    .filter(([, v]) => v > 0)
    .map(([id, volume]) => ({ id, volume, share: total > 0 ? volume / total : 0 }))
    .sort((a, b) => b.volume - a.volume || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Context figures that concern a place (its own, or a hop into or out of it) or a hop (same countries at both ends). */
export function figuresFor(dataset: Dataset, target: { place: string } | { from: string; to: string }) {
  const country = (id: string) => dataset.places.find((p) => p.id === id)?.country ?? id;
  return dataset.context.filter((f) => {
    if ("place" in target) return f.place === target.place || f.from === target.place || f.to === target.place;
    if (!f.from || !f.to) return false;
    return (
      (f.from === target.from || country(f.from) === country(target.from)) && (f.to === target.to || country(f.to) === country(target.to))
    );
  });
}

/** One set of memoised selectors; make one per panel (each keeps its own last result). */
/** Suffix of the key of an undirected edge's way back (target → source) in the graph routes are traced on. */
export const BACK = "\u0000back";

/** Each edge also the other way, for an undirected graph: routes may follow an edge either way. */
export function bothWays(g: YearGraph): YearGraph {
  const out = g.copy();
  g.forEachEdge((id, attributes, source, target) => {
    if (source !== target) out.addDirectedEdgeWithKey(`${id}${BACK}`, target, source, attributes);
  });
  return out;
}

/** Edge ids of the hops of a path, the way-back keys read as the flows they are. */
export function flowIds<T extends { edges: string[][] }>(path: T): T {
  return { ...path, edges: path.edges.map((hop) => hop.map((id) => (id.endsWith(BACK) ? id.slice(0, -BACK.length) : id))) };
}

export function createRouteTrace() {
  const yearGraph = memo((dataset: Dataset, flows: readonly Flow[], year: number, measure: Measure): YearGraph =>
    buildYearGraph(dataset, year, { measure, flows: flows as Flow[] }),
  );
  const bothWaysMemo = memo((g: YearGraph): YearGraph => bothWays(g));
  const graphOf = (i: RouteInputs) => yearGraph(i.dataset, i.flows, i.year, i.measure);
  /** The graph routes are traced on: an undirected dataset's edges go both ways. */
  const routeGraphOf = (i: RouteInputs) => (i.dataset.undirected ? bothWaysMemo(graphOf(i)) : graphOf(i));

  const chainsMemo = memo((g: YearGraph, origin: string, destination: string): ChainsResult =>
    chains(g, origin, destination, { k: TRACE_CHAINS_K, maxHops: TRACE_MAX_HOPS, weight: "weight" }),
  );
  const simpleMemo = memo((g: YearGraph, origin: string, destination: string): SimplePathsResult =>
    simplePaths(g, origin, destination, { maxDepth: SIMPLE_MAX_DEPTH, maxPaths: SIMPLE_MAX_PATHS, maxMs: SIMPLE_MAX_MS, weight: "weight" }),
  );
  const placeMixMemo = memo((g: YearGraph, place: string): PlaceMix => {
    const m = originMixOfNode(g, place, { weight: "weight" });
    return {
      place,
      origins: sortedShares(m.volumes, m.T),
      balance: { intake: m.inflow, onward: m.outflow, absorbed: Math.max(0, m.d), residual: m.r, generated: m.g, throughput: m.T },
    };
  });
  const throughMemo = memo((g: YearGraph, place: string): ThroughNodeResult => throughNode(g, place, { weight: "weight" }));
  const gapsMemo = memo((dataset: Dataset, key: string): MirrorGap[] => {
    const target = JSON.parse(key) as { place: string } | { from: string; to: string };
    const countryOf: Record<string, string> = {};
    for (const p of dataset.places) countryOf[p.id] = p.country;
    // Two reporters word the same hop differently ("exports (exporter's figure)" vs "imports from China"):
    // pair figures on hop, year and unit; each figure's own wording stays in dataset.context (by id).
    const hopFigures = figuresFor(dataset, target)
      .filter((f) => f.from && f.to)
      .map((f) => ({ ...f, measure: "hop" }));
    return mirrorGaps(hopFigures, { countryOf }).sort((a, b) => b.year - a.year);
  });

  return {
    yearGraph: graphOf,
    /** The k = 10 best chains origin → destination (≤ 6 hops), or null when the trace has no A and B or they are not places. */
    trace(i: RouteInputs, trace: TraceState): TraceResult | null {
      const { origin, destination } = trace;
      if (!origin || !destination || origin === destination) return null;
      const g = routeGraphOf(i);
      if (!g.hasNode(origin) || !g.hasNode(destination)) return null;
      const found = chainsMemo(g, origin, destination);
      return { origin, destination, chains: i.dataset.undirected ? { ...found, chains: found.chains.map(flowIds) } : found };
    },
    /** Every simple path origin → destination up to 5 hops, at most 200, with bottlenecks. */
    simple(i: RouteInputs, origin: string, destination: string): SimplePathsResult | null {
      const g = routeGraphOf(i);
      if (origin === destination || !g.hasNode(origin) || !g.hasNode(destination)) return null;
      const found = simpleMemo(g, origin, destination);
      return i.dataset.undirected ? { ...found, paths: found.paths.map(flowIds) } : found;
    },
    /** Origin mix and mass balance of a place; null for an unknown place. */
    placeMix(i: RouteInputs, place: string): PlaceMix | null {
      const g = graphOf(i);
      return g.hasNode(place) ? placeMixMemo(g, place) : null;
    },
    /** Origin mix of one flow of the year: its volume × the mix of the place it leaves. */
    flowMix(i: RouteInputs, flow: string): FlowMix | null {
      const g = graphOf(i);
      if (!g.hasEdge(flow)) return null;
      const from = g.source(flow);
      const volume = g.getEdgeAttribute(flow, "weight");
      const tail = placeMixMemo(g, from);
      const volumes = new Map<string, number>();
      for (const o of tail.origins) volumes.set(o.id, o.share * volume);
      return { flow, from, to: g.target(flow), volume, origins: sortedShares(volumes, volume) };
    },
    /** Upstream origins and downstream destinations of a place. */
    through(i: RouteInputs, place: string): ThroughNodeResult | null {
      const g = graphOf(i);
      return g.hasNode(place) ? throughMemo(g, place) : null;
    },
    /** Mirror pairs (two reporters, same hop, year and measure) about a place or a hop; newest year first. */
    mirror(dataset: Dataset, target: { place: string } | { from: string; to: string }): MirrorGap[] {
      return gapsMemo(dataset, JSON.stringify(target));
    },
  };
}

export type RouteTrace = ReturnType<typeof createRouteTrace>;

/** An answer computed off the main thread that has not arrived yet. */
export const PENDING = "pending" as const;
export type Pending = typeof PENDING;

/**
 * The trace answers as panels and selectors read them: on this thread (createRouteTrace) for ordinary
 * years, in workers for big ones (workers/traceJobs), where each may still be PENDING.
 */
export interface RouteAnswers {
  trace(i: RouteInputs, trace: TraceState): TraceResult | Pending | null;
  simple(i: RouteInputs, origin: string, destination: string): SimplePathsResult | Pending | null;
  placeMix(i: RouteInputs, place: string): PlaceMix | Pending | null;
  flowMix(i: RouteInputs, flow: string): FlowMix | Pending | null;
  through(i: RouteInputs, place: string): ThroughNodeResult | Pending | null;
  mirror(dataset: Dataset, target: { place: string } | { from: string; to: string }): MirrorGap[];
}
export { UNEXPLAINED_ORIGIN };

/**
 * Why there is no chain: a place with no flow at all that year (the shipped 2019–2022 have only a national
 * total, to "Destinations not reported") says so, rather than suggesting the places are not linked.
 */
export function noRouteText(
  flows: readonly Flow[],
  places: readonly Place[],
  origin: string,
  destination: string,
  a: string,
  b: string,
  year: number,
): string {
  const touches = (id: string) => flows.some((f) => f.year === year && (f.from === id || f.to === id));
  const absent = [
    [origin, a],
    [destination, b],
  ]
    .filter(([id]) => !touches(id!))
    .map(([, name]) => name!);
  if (absent.length === 0) return `No route from ${a} to ${b} in ${year}: no chain of flows of at most ${TRACE_MAX_HOPS} hops links them.`;
  const unrouted = places.find(
    (p) => p.country === "ZZ" && p.kind === "market" && /not reported/i.test(p.name) && flows.some((f) => f.year === year && f.to === p.id),
  );
  return (
    `No route from ${a} to ${b} in ${year}: ${absent.join(" and ")} ${absent.length === 1 ? "has" : "have"} no flow in ${year} in this data.` +
    (unrouted ? ` That year's exports have no reported destinations (“${unrouted.name}”).` : "")
  );
}
