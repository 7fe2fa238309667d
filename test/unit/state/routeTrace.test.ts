// The trace selectors on docs/methods.md's worked check: CN→KZ 60, CN→KG 40, KR→KZ 20, KZ→RU 50, KG→RU 30.
import { describe, expect, it } from "vitest";
import type { ContextFigure, Dataset, Flow, Place, PlaceKind } from "../../../src/domain/types";
import { createRouteTrace, figuresFor, noRouteText, sharesOf, UNEXPLAINED_ORIGIN, type RouteInputs } from "../../../src/state/routeTrace";
import { DEFAULT_TRACE } from "../../../src/state/viewState";

const place = (id: string, kind: PlaceKind, country: string): Place => ({
  id,
  name: id.toUpperCase(),
  kind,
  country,
  lat: 0,
  lon: 0,
  lane: "",
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number, year = 2024): Flow => ({
  id: `${from}>${to}@${year}/road`,
  from,
  to,
  year,
  volume: vehicles,
  usd: null,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const figure = (id: string, reporter: string, period: string, value: number): ContextFigure => ({
  id,
  place: "",
  from: "cn",
  to: "kg",
  year: 2023,
  reporter,
  period,
  measure: "all-vehicle exports",
  value,
  unit: "vehicles",
  facts: [],
  sources: [],
  note: "",
});

const flows = [
  flow("cn", "kz", 60),
  flow("cn", "kg", 40),
  flow("kr", "kz", 20),
  flow("kz", "ru", 50),
  flow("kg", "ru", 30),
  // 2023: AE sends on 10 it never received (a residual), and CN→KG→RU is the only chain.
  flow("cn", "kg", 40, 2023),
  flow("kg", "ru", 40, 2023),
  flow("ae", "ru", 10, 2023),
];
const dataset: Dataset = {
  id: "t",
  name: "t",
  places: [
    place("cn", "origin", "CN"),
    place("kr", "origin", "KR"),
    place("kz", "transit", "KZ"),
    place("kg", "transit", "KG"),
    place("ae", "transit", "AE"),
    place("ru", "market", "RU"),
  ],
  flows,
  sources: [],
  events: [],
  assumptions: [],
  years: [2023, 2024],
  hash: "",
  context: [
    figure("a", "China customs", "Jan–Nov", 57000),
    { ...figure("b", "Kyrgyz NSC", "year", 79131), measure: "all-vehicle imports from China" },
    { ...figure("c", "China customs", "year", 5), from: "", to: "", place: "kz" },
  ],
};
const inputs: RouteInputs = { dataset, flows, year: 2024, measure: "vehicles" };

describe("routeTrace", () => {
  it("finds both chains CN → RU with attributed volumes, shares, bottlenecks and full coverage", () => {
    const rt = createRouteTrace();
    const r = rt.trace(inputs, { ...DEFAULT_TRACE, origin: "cn", destination: "ru" })!;
    expect(r.chains.chains.map((c) => c.nodes.join(">"))).toEqual(["cn>kz>ru", "cn>kg>ru"]);
    const [a, b] = r.chains.chains;
    expect(a!.volume).toBeCloseTo(37.5, 9);
    expect(b!.volume).toBeCloseTo(30, 9);
    expect(r.chains.total).toBeCloseTo(67.5, 9);
    expect(a!.share).toBeCloseTo(37.5 / 67.5, 9);
    expect(a!.volumes).toEqual([60, 50]);
    expect(a!.bottleneck).toBe(50);
    expect(b!.bottleneck).toBe(30);
    expect(r.chains.coverage).toBeCloseTo(1, 9);
  });

  it("is memoised on its inputs and re-runs when the year or the flows change", () => {
    const rt = createRouteTrace();
    const t = { ...DEFAULT_TRACE, origin: "cn", destination: "ru" };
    const first = rt.trace(inputs, t)!;
    expect(rt.trace({ ...inputs }, { ...t })!.chains).toBe(first.chains);
    const y2023 = rt.trace({ ...inputs, year: 2023 }, t)!;
    expect(y2023.chains.chains.map((c) => c.nodes.join(">"))).toEqual(["cn>kg>ru"]);
    const edited = flows.map((f) => (f.id === "cn>kz@2024/road" ? { ...f, volume: 0 } : f));
    const r = rt.trace({ ...inputs, flows: edited }, t)!;
    expect(r.chains.chains.map((c) => c.nodes.join(">"))).toEqual(["cn>kg>ru"]);
  });

  it("returns null without two different known places", () => {
    const rt = createRouteTrace();
    expect(rt.trace(inputs, DEFAULT_TRACE)).toBeNull();
    expect(rt.trace(inputs, { ...DEFAULT_TRACE, origin: "cn", destination: "cn" })).toBeNull();
    expect(rt.trace(inputs, { ...DEFAULT_TRACE, origin: "cn", destination: "nowhere" })).toBeNull();
  });

  it("lists simple paths with bottlenecks; none from Russia back to China", () => {
    const rt = createRouteTrace();
    const s = rt.simple(inputs, "cn", "ru")!;
    expect(s.paths.map((p) => [p.nodes.join(">"), p.bottleneck])).toEqual([
      ["cn>kz>ru", 50],
      ["cn>kg>ru", 30],
    ]);
    expect(s.stoppedEarly).toBeNull();
    expect(rt.simple(inputs, "ru", "cn")!.paths).toEqual([]);
  });

  it("splits Russia's 80 into 67.5 from CN and 12.5 from KR, with its mass balance", () => {
    const m = createRouteTrace().placeMix(inputs, "ru")!;
    expect(m.origins.map((o) => o.id)).toEqual(["cn", "kr"]);
    expect(m.origins[0]!.volume).toBeCloseTo(67.5, 9);
    expect(m.origins[1]!.volume).toBeCloseTo(12.5, 9);
    expect(m.origins[0]!.share).toBeCloseTo(67.5 / 80, 9);
    expect(m.balance).toMatchObject({ intake: 80, onward: 0, absorbed: 80, residual: 0 });
    const kz = createRouteTrace().placeMix(inputs, "kz")!;
    expect(kz.balance).toMatchObject({ intake: 80, onward: 50, absorbed: 30, residual: 0 });
  });

  it("shows a residual, never a negative absorption, where a place sends on more than it receives", () => {
    const m = createRouteTrace().placeMix({ ...inputs, year: 2023 }, "ae")!;
    expect(m.balance).toMatchObject({ intake: 0, onward: 10, absorbed: 0, residual: 10 });
    const ru = createRouteTrace().placeMix({ ...inputs, year: 2023 }, "ru")!;
    expect(ru.origins.find((o) => o.id === UNEXPLAINED_ORIGIN)!.volume).toBeCloseTo(10, 9);
  });

  it("gives the origin mix of a flow: KZ→RU carries 37.5 from CN and 12.5 from KR", () => {
    const f = createRouteTrace().flowMix(inputs, "kz>ru@2024/road")!;
    expect(f.volume).toBe(50);
    expect(f.origins.map((o) => [o.id, Math.round(o.volume * 10) / 10])).toEqual([
      ["cn", 37.5],
      ["kr", 12.5],
    ]);
    expect(createRouteTrace().flowMix(inputs, "nope")).toBeNull();
  });

  it("traces through KZ: fed by CN 60 and KR 20, serving RU 50 and itself 30", () => {
    const t = createRouteTrace().through(inputs, "kz")!;
    expect(t.origins.get("cn")).toBeCloseTo(60, 9);
    expect(t.origins.get("kr")).toBeCloseTo(20, 9);
    expect(t.destinations.get("ru")).toBeCloseTo(50, 9);
    expect(t.destinations.get("kz")).toBeCloseTo(30, 9);
    expect(t.upstreamNodes.sort()).toEqual(["cn", "kr"]);
    expect(t.downstreamNodes).toEqual(["ru"]);
  });

  it("keeps both mirror figures of CN→KG 2023 with their periods and the gap, for the place and for the hop", () => {
    const rt = createRouteTrace();
    const gaps = rt.mirror(dataset, { place: "kg" });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.figures.map((f) => [f.value, f.period])).toEqual([
      [57000, "Jan–Nov"],
      [79131, "year"],
    ]);
    expect(gaps[0]!.comparisons[0]!.gap).toBe(79131 - 57000);
    expect(gaps[0]!.comparisons[0]!.periodsDiffer).toBe(true);
    expect(rt.mirror(dataset, { from: "cn", to: "kg" })).toHaveLength(1);
    expect(rt.mirror(dataset, { from: "kz", to: "ru" })).toHaveLength(0);
    expect(figuresFor(dataset, { place: "kz" }).map((f) => f.id)).toEqual(["c"]);
    expect(rt.mirror(dataset, { place: "kz" })).toHaveLength(0);
  });
});

describe("noRouteText says why no chain was found", () => {
  const places = [...dataset.places, { ...place("nr", "market", "ZZ"), name: "Destinations not reported" }];
  const early = [flow("cn", "nr", 100, 2021)];
  it("both places present: no chain of at most TRACE_MAX_HOPS hops links them", () => {
    expect(noRouteText(flows, places, "kr", "kg", "KR", "KG", 2024)).toBe(
      "No route from KR to KG in 2024: no chain of flows of at most 6 hops links them.",
    );
  });
  it("a place without any flow that year is named, and the year's unrouted aggregate with it", () => {
    expect(noRouteText(early, places, "cn", "ru", "CN", "RU", 2021)).toBe(
      "No route from CN to RU in 2021: RU has no flow in 2021 in this data. That year's exports have no reported destinations (“Destinations not reported”).",
    );
    expect(noRouteText(early, places, "kr", "ru", "KR", "RU", 2021)).toMatch(/: KR and RU have no flow in 2021 in this data\./);
    expect(noRouteText(flows, places, "kr", "ru", "KR", "RU", 2022)).toBe(
      "No route from KR to RU in 2022: KR and RU have no flow in 2022 in this data.",
    );
  });
});

describe("routes on an undirected graph", () => {
  // Airline-style: JFK–LHR, CDG–LHR listed in that order; no edge points from LHR to CDG.
  const air: Dataset = {
    ...dataset,
    id: "air",
    places: [place("jfk", "transit", "US"), place("lhr", "transit", "GB"), place("cdg", "transit", "FR")],
    flows: [flow("jfk", "lhr", 1), flow("cdg", "lhr", 1)],
    context: [],
    years: [2024],
  };
  const inputs = (ds: Dataset): RouteInputs => ({ dataset: ds, flows: ds.flows, year: 2024, measure: "vehicles" });

  it("follows edges either way and names the flows, not their ways back", () => {
    const t = createRouteTrace();
    const undirected = { ...air, undirected: true };
    const result = t.trace(inputs(undirected), { ...DEFAULT_TRACE, origin: "jfk", destination: "cdg" });
    expect(result?.chains.chains.map((c) => c.nodes)).toEqual([["jfk", "lhr", "cdg"]]);
    expect(result?.chains.chains[0]?.edges).toEqual([["jfk>lhr@2024/road"], ["cdg>lhr@2024/road"]]);
    const simple = t.simple(inputs(undirected), "cdg", "jfk");
    expect(simple?.paths.map((p) => p.nodes)).toEqual([["cdg", "lhr", "jfk"]]);
    expect(simple?.paths[0]?.edges).toEqual([["cdg>lhr@2024/road"], ["jfk>lhr@2024/road"]]);
  });

  it("keeps a directed graph's direction", () => {
    const t = createRouteTrace();
    expect(t.trace(inputs(air), { ...DEFAULT_TRACE, origin: "jfk", destination: "cdg" })?.chains.chains).toEqual([]);
  });
});

describe("sharesOf", () => {
  it("turns volumes into shares of the total, largest first; a zero total gives zero shares", () => {
    expect(
      sharesOf(
        new Map([
          ["kg", 30],
          ["kz", 50],
        ]),
        80,
      ),
    ).toEqual([
      { id: "kz", volume: 50, share: 0.625 },
      { id: "kg", volume: 30, share: 0.375 },
    ]);
    expect(sharesOf(new Map([["kz", 0]]), 0)).toEqual([{ id: "kz", volume: 0, share: 0 }]);
  });
});
