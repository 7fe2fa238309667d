// Route tracing on big graphs (a year with more than BIG_GRAPH_FLOWS flows): the same answers as
// state/routeTrace's selectors, computed off the main thread so the page never freezes — the full
// attribution through attributionClient (origin mixes of every place and flow at once, with progress)
// and the chains / simple paths / through-place view through routeTraceClient. Each answer is PENDING
// until its worker replies; then `onResult` listeners are told (main.ts turns that into a store change).
// The job cache lives here; the status lines that show it are ui/traceStatus.
import type { Attribution } from "../analysis/attribution";
import type { ChainsResult, SimplePathsResult, ThroughNodeResult } from "../analysis";
import {
  flowIds,
  PENDING,
  type FlowMix,
  type Pending,
  type PlaceMix,
  type RouteAnswers,
  type RouteInputs,
  type RouteTrace,
} from "../state/routeTrace";
import {
  bothWaysSerialised,
  flowMixFromAttribution,
  isBigYear,
  placeMixFromAttribution,
  serialiseYearGraph,
  yearFlowCount,
} from "../state/traceScale";
import { runAttribution } from "./attributionClient";
import { createRouteTraceClient, type RouteTraceClient } from "./routeTraceClient";
import type { RouteTask } from "./routeTraceProtocol";

type Entry<T> = { state: "running" } | { state: "done"; value: T } | { state: "failed"; message: string } | { state: "stopped" };

/** Which status line a computation shows on: the route search (chains, simple paths) or the attribution (mixes, through a place). */
export type StatusGroup = "routes" | "attribution";
const groupOf = (key: string): StatusGroup =>
  key.startsWith('{"kind":"chains"') || key.startsWith('{"kind":"simple"') ? "routes" : "attribution";

export interface JobStatus {
  busy: boolean;
  failed: string | null;
  stopped: boolean;
  /** Flows of the year being worked on. */
  flowCount: number;
  /** Attribution progress (places done of total), when known. */
  progress: { done: number; total: number } | null;
}

export interface TraceJobs {
  /** Whether the inputs' year is big enough to be traced in workers. */
  active(inputs: RouteInputs): boolean;
  chains(inputs: RouteInputs, origin: string, destination: string): ChainsResult | Pending | null;
  simple(inputs: RouteInputs, origin: string, destination: string): SimplePathsResult | Pending | null;
  through(inputs: RouteInputs, place: string): ThroughNodeResult | Pending | null;
  placeMix(inputs: RouteInputs, place: string): PlaceMix | Pending | null;
  flowMix(inputs: RouteInputs, flow: string, to: string): FlowMix | Pending | null;
  status(group: StatusGroup): JobStatus;
  /** Stops what runs for one status line, or everything. */
  stop(group?: StatusGroup): void;
  /** Forgets the stopped computations of a status line, so they run again when next asked for. */
  again(group: StatusGroup): void;
  /** Status changed (started, progressed, stopped, failed). */
  onStatus(listener: () => void): () => void;
  /** An answer arrived (or a stopped one may be asked again): ask again. */
  onResult(listener: () => void): () => void;
}

export function createTraceJobs(client: RouteTraceClient = createRouteTraceClient()): TraceJobs {
  let inputsKey: readonly unknown[] = [];
  let generation = 0;
  let flowCount = 0;
  const entries = new Map<string, Entry<unknown>>();
  let attributionProgress: { done: number; total: number } | null = null;
  /** Running computations and their entry keys. */
  const controllers = new Map<AbortController, string>();
  const statusListeners = new Set<() => void>();
  const resultListeners = new Set<() => void>();
  const statusChanged = () => {
    for (const l of [...statusListeners]) l();
  };
  const resultArrived = () => {
    for (const l of [...resultListeners]) l();
  };

  const stop = (group?: StatusGroup) => {
    for (const [c, k] of controllers) {
      if (group && groupOf(k) !== group) continue;
      c.abort();
      controllers.delete(c);
      entries.set(k, { state: "stopped" });
      if (k === "attribution") attributionProgress = null;
    }
    statusChanged();
  };

  /** Clears the answers when the dataset, flows in force, year or measure change (running ones are stopped). */
  const sync = (i: RouteInputs) => {
    const key = [i.dataset, i.flows, i.year, i.measure];
    if (key.every((v, j) => Object.is(v, inputsKey[j]))) return;
    for (const c of controllers.keys()) c.abort();
    controllers.clear();
    entries.clear();
    attributionProgress = null;
    inputsKey = key;
    generation++;
    flowCount = yearFlowCount(i.flows, i.year, i.measure);
    statusChanged();
  };

  const start = <T>(key: string, run: (signal: AbortSignal) => Promise<T>): T | Pending | null => {
    const e = entries.get(key) as Entry<T> | undefined;
    if (e?.state === "done") return e.value;
    if (e?.state === "running") return PENDING;
    if (e) return null; // failed or stopped: the status line says so
    const gen = generation;
    const controller = new AbortController();
    controllers.set(controller, key);
    entries.set(key, { state: "running" });
    statusChanged();
    run(controller.signal)
      .then(
        (value) => {
          if (gen === generation) entries.set(key, { state: "done", value });
        },
        (error: unknown) => {
          if (gen !== generation) return;
          const aborted = error instanceof DOMException && error.name === "AbortError";
          entries.set(
            key,
            aborted ? { state: "stopped" } : { state: "failed", message: error instanceof Error ? error.message : String(error) },
          );
        },
      )
      .finally(() => {
        controllers.delete(controller);
        if (gen !== generation) return;
        if (key === "attribution") attributionProgress = null;
        statusChanged();
        resultArrived();
      });
    return PENDING;
  };

  let activeKey: readonly unknown[] = [];
  let activeValue = false;
  let graphCache: { gen: number; graph: ReturnType<typeof serialiseYearGraph> } | null = null;
  const graphOf = (i: RouteInputs) => {
    if (graphCache?.gen !== generation) graphCache = { gen: generation, graph: serialiseYearGraph(i.dataset, i.flows, i.year, i.measure) };
    return graphCache.graph;
  };
  // An undirected graph's routes follow edges either way: the worker gets each edge also reversed.
  const task = <T>(i: RouteInputs, t: RouteTask) => {
    sync(i);
    const gen = generation;
    if (!(i.dataset.undirected && t.kind !== "through"))
      return start<T>(JSON.stringify(t), (signal) => client.run(`g${gen}`, () => graphOf(i), t, signal) as Promise<T>);
    const named = (r: ChainsResult | SimplePathsResult) =>
      "chains" in r ? { ...r, chains: r.chains.map(flowIds) } : { ...r, paths: r.paths.map(flowIds) };
    return start<T>(
      JSON.stringify(t),
      (signal) =>
        client
          .run(`b${gen}`, () => bothWaysSerialised(graphOf(i)), t, signal)
          .then((r) => named(r as ChainsResult | SimplePathsResult)) as Promise<T>,
    );
  };
  const attribution = (i: RouteInputs): Attribution | Pending | null => {
    sync(i);
    return start<Attribution>("attribution", (signal) =>
      runAttribution(graphOf(i), {
        weight: "weight",
        signal,
        onProgress: (done, total) => {
          attributionProgress = { done, total };
          statusChanged();
        },
      }),
    );
  };

  return {
    active(i) {
      // Counting is O(flows); the panels ask several times per render, so keep the last answer.
      if (!(activeKey[0] === i.flows && activeKey[1] === i.year && activeKey[2] === i.measure)) {
        activeKey = [i.flows, i.year, i.measure];
        activeValue = isBigYear(i.flows, i.year, i.measure);
      }
      return activeValue;
    },
    chains: (i, origin, destination) => task<ChainsResult>(i, { kind: "chains", origin, destination }),
    simple: (i, origin, destination) => task<SimplePathsResult>(i, { kind: "simple", origin, destination }),
    through: (i, place) => task<ThroughNodeResult>(i, { kind: "through", place }),
    placeMix(i, place) {
      const a = attribution(i);
      return a === PENDING || a === null ? a : placeMixFromAttribution(a, place);
    },
    flowMix(i, flow, to) {
      const a = attribution(i);
      return a === PENDING || a === null ? a : flowMixFromAttribution(a, flow, to);
    },
    status(group) {
      const mine = [...entries].filter(([k]) => groupOf(k) === group).map(([, e]) => e);
      const failed = mine.find((e) => e.state === "failed") as { message: string } | undefined;
      return {
        busy: mine.some((e) => e.state === "running"),
        failed: failed?.message ?? null,
        stopped: mine.some((e) => e.state === "stopped"),
        flowCount,
        progress: group === "attribution" ? attributionProgress : null,
      };
    },
    stop,
    again(group) {
      for (const [k, e] of entries) if (e.state === "stopped" && groupOf(k) === group) entries.delete(k);
      statusChanged();
      resultArrived();
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onResult(listener) {
      resultListeners.add(listener);
      return () => resultListeners.delete(listener);
    },
  };
}

/**
 * routeTrace's answers, computed in workers when the year is big: the same methods and shapes, each
 * possibly PENDING (the status lines show progress meanwhile; onResult asks again).
 */
export function createRouteAnswers(rt: RouteTrace, big: TraceJobs): RouteAnswers {
  return {
    mirror: rt.mirror,
    trace(i, trace) {
      if (!big.active(i)) return rt.trace(i, trace);
      const { origin, destination } = trace;
      if (!origin || !destination || origin === destination) return null;
      const ids = new Set(i.dataset.places.map((p) => p.id));
      if (!ids.has(origin) || !ids.has(destination)) return null;
      const c = big.chains(i, origin, destination);
      return c === PENDING || c === null ? c : { origin, destination, chains: c };
    },
    simple: (i, origin, destination) =>
      big.active(i) ? (origin === destination ? null : big.simple(i, origin, destination)) : rt.simple(i, origin, destination),
    placeMix: (i, place) => (big.active(i) ? big.placeMix(i, place) : rt.placeMix(i, place)),
    flowMix(i, flow) {
      if (!big.active(i)) return rt.flowMix(i, flow);
      const f = i.flows.find((x) => x.id === flow && x.year === i.year);
      return f ? big.flowMix(i, flow, f.to) : null;
    },
    through: (i, place) => (big.active(i) ? big.through(i, place) : rt.through(i, place)),
  };
}
