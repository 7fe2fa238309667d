// Big-graph helpers of the trace UI, checked against routeTrace's selectors on docs/methods.md's worked check
// (CN→KZ 60, CN→KG 40, KR→KZ 20, KZ→RU 50, KG→RU 30) and on a year with a residual (AE receives 4 and sends on 10).
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { attribution } from "../../../src/analysis/attribution";
import { buildYearGraph } from "../../../src/domain/buildYearGraph";
import type { Dataset, Flow, Place, PlaceKind } from "../../../src/domain/types";
import { createRouteTrace, UNEXPLAINED_ORIGIN, type RouteInputs } from "../../../src/state/routeTrace";
import { createRouteTraceHandler, type RouteTraceReply } from "../../../src/workers/routeTraceProtocol";
import { flowIds } from "../../../src/state/routeTrace";
import {
  bothWaysSerialised,
  BIG_GRAPH_FLOWS,
  flowMixFromAttribution,
  isBigYear,
  placeMixFromAttribution,
  serialiseYearGraph,
  yearFlowCount,
} from "../../../src/state/traceScale";

const place = (id: string, kind: PlaceKind): Place => ({
  id,
  name: id.toUpperCase(),
  kind,
  country: id.toUpperCase(),
  lat: 0,
  lon: 0,
  lane: "",
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number, year = 2024, usd: number | null = null): Flow => ({
  id: `${from}>${to}@${year}/road`,
  from,
  to,
  year,
  volume: vehicles,
  usd,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const flows = [
  flow("cn", "kz", 60, 2024, 600),
  flow("cn", "kg", 40),
  flow("kr", "kz", 20),
  flow("kz", "ru", 50),
  flow("kg", "ru", 30),
  flow("cn", "kg", 40, 2023),
  flow("kg", "ru", 40, 2023),
  flow("cn", "ae", 4, 2023),
  flow("ae", "ru", 10, 2023),
];
const dataset: Dataset = {
  id: "t",
  name: "t",
  flows,
  sources: [],
  events: [],
  assumptions: [],
  context: [],
  years: [2023, 2024],
  hash: "",
  places: [
    place("cn", "origin"),
    place("kr", "origin"),
    place("kz", "transit"),
    place("kg", "transit"),
    place("ae", "transit"),
    place("ru", "market"),
  ],
};
const attributionOf = (year: number) =>
  attribution(MultiDirectedGraph.from(serialiseYearGraph(dataset, flows, year, "vehicles")), { weight: "weight" });

describe("traceScale", () => {
  it("serialiseYearGraph gives the graph buildYearGraph builds (same nodes, edges and weights)", () => {
    const g = MultiDirectedGraph.from(serialiseYearGraph(dataset, flows, 2024, "vehicles"));
    const b = buildYearGraph(dataset, 2024);
    expect(g.order).toBe(b.order);
    expect(g.edges().sort()).toEqual(b.edges().sort());
    for (const e of b.edges()) {
      expect(g.getEdgeAttribute(e, "weight")).toBe(b.getEdgeAttribute(e, "weight"));
      expect(g.source(e)).toBe(b.source(e));
    }
  });

  it("serialiseYearGraph leaves out flows without US$ when the measure is usd, and refuses unknown places", () => {
    expect(serialiseYearGraph(dataset, flows, 2024, "usd").edges?.map((e) => e.key)).toEqual(["cn>kz@2024/road"]);
    expect(() => serialiseYearGraph(dataset, [...flows, flow("cn", "mars", 1)], 2024, "vehicles")).toThrow(
      /state\/traceScale.*cn>mars@2024/,
    );
  });

  it("counts a year's flows against the big-graph threshold", () => {
    expect(yearFlowCount(flows, 2024, "vehicles")).toBe(5);
    expect(yearFlowCount(flows, 2024, "usd")).toBe(1);
    const many = Array.from({ length: BIG_GRAPH_FLOWS + 1 }, (_, i) => ({ ...flow("cn", "kz", 1), id: `f${i}` }));
    expect(isBigYear(many, 2024, "vehicles")).toBe(true);
    expect(isBigYear(many.slice(1), 2024, "vehicles")).toBe(false);
  });

  it("placeMixFromAttribution splits Russia's 80 into 67.5 from CN and 12.5 from KR, as the selector does", () => {
    const mix = placeMixFromAttribution(attributionOf(2024), "ru")!;
    expect(mix.origins.map((o) => o.id)).toEqual(["cn", "kr"]);
    expect(mix.origins[0]!.volume).toBeCloseTo(67.5, 9);
    expect(mix.origins[1]!.volume).toBeCloseTo(12.5, 9);
    expect(mix.origins[0]!.share).toBeCloseTo(67.5 / 80, 9);
    expect(mix.balance).toEqual({ intake: 80, onward: 0, absorbed: 80, residual: 0, generated: 0, throughput: 80 });
    const inputs: RouteInputs = { dataset, flows, year: 2024, measure: "vehicles" };
    const selector = createRouteTrace().placeMix(inputs, "ru")!;
    expect(mix.origins.map((o) => o.volume)).toEqual(selector.origins.map((o) => expect.closeTo(o.volume, 9)));
  });

  it("a transit place sending on more than it receives shows the gap as a residual, never a negative absorption", () => {
    const a = attributionOf(2023);
    const ae = placeMixFromAttribution(a, "ae")!;
    expect(ae.balance).toEqual({ intake: 4, onward: 10, absorbed: 0, residual: 6, generated: 0, throughput: 10 });
    expect(ae.origins.map((o) => [o.id, o.volume, o.share])).toEqual([
      [UNEXPLAINED_ORIGIN, 6, 0.6],
      ["cn", 4, 0.4],
    ]);
    const ru = placeMixFromAttribution(a, "ru")!;
    expect(ru.origins.map((o) => [o.id, o.volume])).toEqual([
      ["cn", 44],
      [UNEXPLAINED_ORIGIN, 6],
    ]);
    const selector = createRouteTrace().placeMix({ dataset, flows, year: 2023, measure: "vehicles" }, "ae")!;
    expect(selector.balance).toEqual(ae.balance);
    expect(placeMixFromAttribution(a, "nowhere")).toBeNull();
  });

  it("flowMixFromAttribution: edge KZ→RU carries 37.5 CN and 12.5 KR", () => {
    const m = flowMixFromAttribution(attributionOf(2024), "kz>ru@2024/road", "ru")!;
    expect(m).toMatchObject({ flow: "kz>ru@2024/road", from: "kz", to: "ru", volume: 50 });
    expect(m.origins.map((o) => [o.id, o.volume, o.share])).toEqual([
      ["cn", 37.5, 0.75],
      ["kr", 12.5, 0.25],
    ]);
    expect(flowMixFromAttribution(attributionOf(2024), "nope", "ru")).toBeNull();
  });
});

describe("an undirected graph in the trace worker", () => {
  it("is sent with each edge also reversed, and its routes name the flows", () => {
    const air: Dataset = {
      ...dataset,
      undirected: true,
      places: [place("jfk", "transit"), place("lhr", "transit"), place("cdg", "transit")],
      flows: [flow("jfk", "lhr", 1), flow("cdg", "lhr", 1)],
    };
    const graph = bothWaysSerialised(serialiseYearGraph(air, air.flows, 2024, "vehicles"));
    expect(graph.edges).toHaveLength(4);
    let reply: RouteTraceReply | null = null;
    createRouteTraceHandler().handle({ type: "run", key: "k", graph, task: { kind: "chains", origin: "jfk", destination: "cdg" } }, (r) => {
      reply = r;
    });
    const result =
      (reply as RouteTraceReply | null)?.type === "result"
        ? (reply as unknown as { result: { chains: { nodes: string[]; edges: string[][] }[] } }).result
        : null;
    expect(result?.chains.map((c) => c.nodes)).toEqual([["jfk", "lhr", "cdg"]]);
    expect(result?.chains.map((c) => flowIds(c).edges)).toEqual([[["jfk>lhr@2024/road"], ["cdg>lhr@2024/road"]]]);
  });
});
