// Route tracing on big graphs (a year with more than BIG_GRAPH_FLOWS flows): the same answers as
// state/routeTrace's selectors, computed off the main thread so the page never freezes — the full
// attribution through workers/attributionClient (origin mixes of every place and flow at once, with
// progress) and the chains / simple paths / through-place view through workers/routeTraceClient.
// Each answer is "pending" until its worker replies; then `onResult` asks the panel to render again.
// A status line with a progress bar and "Stop route computation" shows while anything runs.
import type { Attribution } from "../analysis/attribution";
import type { ChainsResult, SimplePathsResult, ThroughNodeResult } from "../analysis";
import type { FlowMix, PlaceMix, RouteInputs } from "../state/routeTrace";
import { flowMixFromAttribution, isBigYear, placeMixFromAttribution, serialiseYearGraph, yearFlowCount } from "../state/traceScale";
import { runAttribution } from "../workers/attributionClient";
import { createRouteTraceClient, type RouteTraceClient } from "../workers/routeTraceClient";
import type { RouteTask } from "../workers/routeTraceProtocol";
import { clear, el } from "./dom";
import { formatInt } from "./format";

export const PENDING = "pending" as const;
export type Pending = typeof PENDING;

type Entry<T> = { state: "running" } | { state: "done"; value: T } | { state: "failed"; message: string } | { state: "stopped" };

export interface BigGraphTrace {
  /** Whether the inputs' year is big enough to be traced in workers. */
  active(inputs: RouteInputs): boolean;
  chains(inputs: RouteInputs, origin: string, destination: string): ChainsResult | Pending | null;
  simple(inputs: RouteInputs, origin: string, destination: string): SimplePathsResult | Pending | null;
  through(inputs: RouteInputs, place: string): ThroughNodeResult | Pending | null;
  placeMix(inputs: RouteInputs, place: string): PlaceMix | Pending | null;
  flowMix(inputs: RouteInputs, flow: string, to: string): FlowMix | Pending | null;
  /** The status line (progress, stop, errors); put it where the panel's results go. */
  status: HTMLElement;
  /** Stops whatever runs (a new dataset, a closed panel). */
  stop(): void;
}

export function createBigGraphTrace(onResult: () => void, client: RouteTraceClient = createRouteTraceClient()): BigGraphTrace {
  let inputsKey: readonly unknown[] = [];
  let generation = 0;
  let flowCount = 0;
  const entries = new Map<string, Entry<unknown>>();
  let attributionProgress: { done: number; total: number } | null = null;
  const controllers = new Set<AbortController>();

  const progress = el("progress", { "aria-label": "Route computation progress" });
  const label = el("span", { class: "rt-big-label" });
  const stopButton = el("button", { type: "button" }, "Stop route computation");
  const message = el("p", { class: "rt-warn", hidden: true });
  const running = el("div", { class: "rt-big-running", hidden: true }, label, progress, stopButton);
  const status = el("div", { class: "rt-big", role: "status" }, running, message);

  const renderStatus = () => {
    const busy = [...entries.values()].some((e) => e.state === "running");
    running.hidden = !busy;
    if (busy) {
      label.textContent = `Working on ${formatInt(flowCount)} flows off the page…`;
      if (attributionProgress && attributionProgress.total > 0) {
        progress.max = attributionProgress.total;
        progress.value = attributionProgress.done;
      } else {
        progress.removeAttribute("value"); // indeterminate
      }
    }
    const failed = [...entries.values()].find((e) => e.state === "failed") as { message: string } | undefined;
    const stopped = [...entries.values()].some((e) => e.state === "stopped");
    message.hidden = !failed && !stopped;
    clear(message);
    if (failed) message.append(`The route computation failed: ${failed.message}`);
    else if (stopped) {
      const again = el("button", { type: "button" }, "Run the route computation again");
      again.addEventListener("click", () => {
        for (const [k, e] of entries) if (e.state === "stopped") entries.delete(k);
        onResult();
      });
      message.append("Stopped: some results are not computed. ", again);
    }
  };

  stopButton.addEventListener("click", () => stop());
  const stop = () => {
    for (const c of controllers) c.abort();
    controllers.clear();
    for (const [k, e] of entries) if (e.state === "running") entries.set(k, { state: "stopped" });
    attributionProgress = null;
    renderStatus();
  };

  /** Clears the answers when the dataset, flows in force, year or measure change (running ones are stopped). */
  const sync = (i: RouteInputs) => {
    const key = [i.dataset, i.flows, i.year, i.measure];
    if (key.every((v, j) => Object.is(v, inputsKey[j]))) return;
    for (const c of controllers) c.abort();
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
    controllers.add(controller);
    entries.set(key, { state: "running" });
    renderStatus();
    run(controller.signal).then(
      (value) => { if (gen === generation) entries.set(key, { state: "done", value }); },
      (error: unknown) => {
        if (gen !== generation) return;
        const aborted = error instanceof DOMException && error.name === "AbortError";
        entries.set(key, aborted ? { state: "stopped" } : { state: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    ).finally(() => {
      controllers.delete(controller);
      if (gen !== generation) return;
      if (key === "attribution") attributionProgress = null;
      renderStatus();
      onResult();
    });
    return PENDING;
  };

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
    return start<Attribution>("attribution", (signal) => runAttribution(graphOf(i), {
      weight: "weight",
      signal,
      onProgress: (done, total) => { attributionProgress = { done, total }; renderStatus(); },
    }));
  };

  return {
    active: (i) => isBigYear(i.flows, i.year, i.measure),
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
    status,
    stop,
  };
}
