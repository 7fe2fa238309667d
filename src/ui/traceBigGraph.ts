// Route tracing on big graphs (a year with more than BIG_GRAPH_FLOWS flows): the same answers as
// state/routeTrace's selectors, computed off the main thread so the page never freezes — the full
// attribution through workers/attributionClient (origin mixes of every place and flow at once, with
// progress) and the chains / simple paths / through-place view through workers/routeTraceClient.
// Each answer is "pending" until its worker replies; then `onResult` asks the panel to render again.
// Status lines with a progress bar and a stop button ("Stop computing routes", "Stop computing the
// attribution") show beside the results while their computation runs.
import type { Attribution } from "../analysis/attribution";
import type { ChainsResult, SimplePathsResult, ThroughNodeResult } from "../analysis";
import type { FlowMix, PlaceMix, RouteInputs, RouteTrace, TraceResult } from "../state/routeTrace";
import type { TraceState } from "../state/viewState";
import { flowMixFromAttribution, isBigYear, placeMixFromAttribution, serialiseYearGraph, yearFlowCount } from "../state/traceScale";
import { runAttribution } from "../workers/attributionClient";
import { createRouteTraceClient, type RouteTraceClient } from "../workers/routeTraceClient";
import type { RouteTask } from "../workers/routeTraceProtocol";
import { clear, el } from "./dom";
import { formatInt } from "./format";

export const PENDING = "pending" as const;
export type Pending = typeof PENDING;

type Entry<T> = { state: "running" } | { state: "done"; value: T } | { state: "failed"; message: string } | { state: "stopped" };

/** Which status line a computation shows on: the route search (chains, simple paths) or the attribution (mixes, through a place). */
export type StatusGroup = "routes" | "attribution";
const GROUP_WORDS: Record<StatusGroup, { progress: string; stop: string; again: string }> = {
  routes: { progress: "Progress of computing routes", stop: "Stop computing routes", again: "Compute routes again" },
  attribution: { progress: "Progress of the attribution", stop: "Stop computing the attribution", again: "Compute the attribution again" },
};
const groupOf = (key: string): StatusGroup =>
  key.startsWith('{"kind":"chains"') || key.startsWith('{"kind":"simple"') ? "routes" : "attribution";

export interface BigGraphTrace {
  /** Whether the inputs' year is big enough to be traced in workers. */
  active(inputs: RouteInputs): boolean;
  chains(inputs: RouteInputs, origin: string, destination: string): ChainsResult | Pending | null;
  simple(inputs: RouteInputs, origin: string, destination: string): SimplePathsResult | Pending | null;
  through(inputs: RouteInputs, place: string): ThroughNodeResult | Pending | null;
  placeMix(inputs: RouteInputs, place: string): PlaceMix | Pending | null;
  flowMix(inputs: RouteInputs, flow: string, to: string): FlowMix | Pending | null;
  /** A new status line (progress, stop, errors) kept in step with the others; put one beside each result area. */
  statusElement(group: StatusGroup): HTMLElement;
  /** Stops what runs for one status line, or everything. */
  stop(group?: StatusGroup): void;
}

export function createBigGraphTrace(onResult: () => void, client: RouteTraceClient = createRouteTraceClient()): BigGraphTrace {
  let inputsKey: readonly unknown[] = [];
  let generation = 0;
  let flowCount = 0;
  const entries = new Map<string, Entry<unknown>>();
  let attributionProgress: { done: number; total: number } | null = null;
  /** Running computations and their entry keys. */
  const controllers = new Map<AbortController, string>();

  // One status line per place it is shown (the trace results, the origins section); all kept in step.
  const lines = new Set<{
    group: StatusGroup;
    running: HTMLElement;
    label: HTMLElement;
    progress: HTMLProgressElement;
    message: HTMLElement;
  }>();
  const statusElement = (group: StatusGroup): HTMLElement => {
    const words = GROUP_WORDS[group];
    const progress = el("progress", { "aria-label": words.progress });
    const label = el("span", { class: "rt-big-label" });
    const stopButton = el("button", { type: "button" }, words.stop);
    stopButton.addEventListener("click", () => stop(group));
    const message = el("p", { class: "rt-warn", hidden: true });
    const running = el("div", { class: "rt-big-running", hidden: true }, label, " ", progress, " ", stopButton);
    const box = el("div", { class: "rt-big", role: "status" }, running, message);
    lines.add({ group, running, label, progress, message });
    renderStatus();
    return box;
  };

  const renderStatus = () => {
    for (const line of lines) {
      const { group, running, label, progress, message } = line;
      const mine = [...entries].filter(([k]) => groupOf(k) === group).map(([, e]) => e);
      const busy = mine.some((e) => e.state === "running");
      const failed = mine.find((e) => e.state === "failed") as { message: string } | undefined;
      const stopped = mine.some((e) => e.state === "stopped");
      running.hidden = !busy;
      if (busy) {
        label.textContent = `Working on ${formatInt(flowCount)} flows off the page…`;
        if (group === "attribution" && attributionProgress && attributionProgress.total > 0) {
          progress.max = attributionProgress.total;
          progress.value = attributionProgress.done;
        } else {
          progress.removeAttribute("value"); // indeterminate
        }
      }
      message.hidden = !failed && !stopped;
      clear(message);
      if (failed) message.append(`The route computation failed: ${failed.message}`);
      else if (stopped) {
        const again = el("button", { type: "button" }, GROUP_WORDS[group].again);
        again.addEventListener("click", () => {
          for (const [k, e] of entries) if (e.state === "stopped" && groupOf(k) === group) entries.delete(k);
          onResult();
        });
        message.append("Stopped: some results were not computed. ", again);
      }
    }
  };

  const stop = (group?: StatusGroup) => {
    for (const [c, k] of controllers) {
      if (group && groupOf(k) !== group) continue;
      c.abort();
      controllers.delete(c);
      entries.set(k, { state: "stopped" });
      if (k === "attribution") attributionProgress = null;
    }
    renderStatus();
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
    renderStatus();
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
    renderStatus();
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
        renderStatus();
        onResult();
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
  const task = <T>(i: RouteInputs, t: RouteTask) => {
    sync(i);
    const gen = generation;
    return start<T>(JSON.stringify(t), (signal) => client.run(`g${gen}`, () => graphOf(i), t, signal) as Promise<T>);
  };
  const attribution = (i: RouteInputs): Attribution | Pending | null => {
    sync(i);
    return start<Attribution>("attribution", (signal) =>
      runAttribution(graphOf(i), {
        weight: "weight",
        signal,
        onProgress: (done, total) => {
          attributionProgress = { done, total };
          renderStatus();
        },
      }),
    );
  };

  return {
    active(i) {
      // Counting is O(flows); the panel asks several times per render, so keep the last answer.
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
    statusElement,
    stop,
  };
}

/**
 * routeTrace's selectors for the panel, answered in workers when the year is big: the same methods and
 * shapes, each possibly PENDING (the status line shows progress meanwhile; `onResult` re-renders).
 */
export function traceSource(rt: RouteTrace, big: BigGraphTrace) {
  return {
    mirror: rt.mirror,
    trace(i: RouteInputs, trace: TraceState): TraceResult | Pending | null {
      if (!big.active(i)) return rt.trace(i, trace);
      const { origin, destination } = trace;
      if (!origin || !destination || origin === destination) return null;
      const ids = new Set(i.dataset.places.map((p) => p.id));
      if (!ids.has(origin) || !ids.has(destination)) return null;
      const c = big.chains(i, origin, destination);
      return c === PENDING || c === null ? c : { origin, destination, chains: c };
    },
    simple: (i: RouteInputs, origin: string, destination: string): SimplePathsResult | Pending | null =>
      big.active(i) ? (origin === destination ? null : big.simple(i, origin, destination)) : rt.simple(i, origin, destination),
    placeMix: (i: RouteInputs, place: string): PlaceMix | Pending | null =>
      big.active(i) ? big.placeMix(i, place) : rt.placeMix(i, place),
    flowMix(i: RouteInputs, flow: string): FlowMix | Pending | null {
      if (!big.active(i)) return rt.flowMix(i, flow);
      const f = i.flows.find((x) => x.id === flow && x.year === i.year);
      return f ? big.flowMix(i, flow, f.to) : null;
    },
    through: (i: RouteInputs, place: string): ThroughNodeResult | Pending | null =>
      big.active(i) ? big.through(i, place) : rt.through(i, place),
  };
}
export type TraceSource = ReturnType<typeof traceSource>;
