// The route-trace worker client: same answers as the main-thread selectors, the graph sent once per
// key, a stop (abort) rejects and a later task still runs.
import { describe, expect, it } from "vitest";
import type { Dataset, Flow, Place, PlaceKind } from "../../../src/domain/types";
import { createRouteTrace } from "../../../src/state/routeTrace";
import { serialiseYearGraph } from "../../../src/state/traceScale";
import { DEFAULT_TRACE } from "../../../src/state/viewState";
import { createRouteTraceClient, type RouteTraceWorkerLike } from "../../../src/workers/routeTraceClient";
import { createRouteTraceHandler, type RouteTraceReply, type RouteTraceRequest } from "../../../src/workers/routeTraceProtocol";

const place = (id: string, kind: PlaceKind): Place => ({
  id,
  name: id,
  kind,
  country: id,
  lat: 0,
  lon: 0,
  lane: "",
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number): Flow => ({
  id: `${from}>${to}@2024/road`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd: null,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const flows = [flow("cn", "kz", 60), flow("cn", "kg", 40), flow("kr", "kz", 20), flow("kz", "ru", 50), flow("kg", "ru", 30)];
const dataset: Dataset = {
  id: "t",
  name: "t",
  flows,
  sources: [],
  events: [],
  assumptions: [],
  context: [],
  years: [2024],
  hash: "",
  places: [place("cn", "origin"), place("kr", "origin"), place("kz", "transit"), place("kg", "transit"), place("ru", "market")],
};
const graph = () => serialiseYearGraph(dataset, flows, 2024, "vehicles");

/** A stand-in worker that runs the real handler asynchronously and records what it was sent. */
function recordingWorker(sent: RouteTraceRequest[], hold = false) {
  const handler = createRouteTraceHandler();
  const pending: (() => void)[] = [];
  const w: RouteTraceWorkerLike & { release(): void; terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(m) {
      sent.push(m);
      const run = () =>
        handler.handle(m, (reply: RouteTraceReply) => {
          if (!w.terminated) w.onmessage?.({ data: reply } as MessageEvent<RouteTraceReply>);
        });
      if (hold) pending.push(run);
      else setTimeout(run, 0);
    },
    terminate() {
      w.terminated = true;
    },
    release() {
      pending.splice(0).forEach((f) => f());
    },
  };
  return w;
}

describe("routeTraceClient", () => {
  it("finds the chains CN → RU the main-thread selector finds, and sends the graph only once per key", async () => {
    const sent: RouteTraceRequest[] = [];
    const client = createRouteTraceClient({ worker: () => recordingWorker(sent) });
    const r = await client.run("k1", graph, { kind: "chains", origin: "cn", destination: "ru" });
    const expected = createRouteTrace().trace(
      { dataset, flows, year: 2024, measure: "vehicles" },
      { ...DEFAULT_TRACE, origin: "cn", destination: "ru" },
    )!;
    expect(r.chains.map((c) => c.nodes.join(">"))).toEqual(expected.chains.chains.map((c) => c.nodes.join(">")));
    expect(r.total).toBeCloseTo(67.5, 9);
    const t = await client.run("k1", graph, { kind: "through", place: "kz" });
    expect(t.T).toBe(80);
    const s = await client.run("k1", graph, { kind: "simple", origin: "cn", destination: "ru" });
    expect(s.paths.length).toBe(2);
    expect(sent.map((m) => m.graph !== null)).toEqual([true, false, false]);
    await client.run("k2", graph, { kind: "through", place: "kg" });
    expect(sent.at(-1)!.graph).not.toBeNull();
    client.dispose();
  });

  it("a stop rejects with an AbortError and terminates the worker; the next task starts a new one", async () => {
    const workers: ReturnType<typeof recordingWorker>[] = [];
    const sent: RouteTraceRequest[] = [];
    const client = createRouteTraceClient({
      worker: () => {
        const w = recordingWorker(sent, workers.length === 0);
        workers.push(w);
        return w;
      },
    });
    const controller = new AbortController();
    const first = client.run("k", graph, { kind: "chains", origin: "cn", destination: "ru" }, controller.signal);
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    expect(workers[0]!.terminated).toBe(true);
    const again = await client.run("k", graph, { kind: "chains", origin: "cn", destination: "ru" });
    expect(again.chains.length).toBe(2);
    expect(workers.length).toBe(2);
    expect(sent.at(-1)!.graph).not.toBeNull();
  });

  it("reports the analysis' own error for an unknown place", async () => {
    const client = createRouteTraceClient({ worker: "never" });
    await expect(client.run("k", graph, { kind: "through", place: "mars" })).rejects.toThrow(/throughNode.*mars/);
  });
});
