import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { DEFAULT_FILTERS, type Filters } from "../../../src/state/viewState";
import { visibleFlows } from "../../../src/state/visibleFlows";

const place = (id: string, kind: Place["kind"], country: string, lane = ""): Place => ({
  id,
  name: id,
  kind,
  country,
  lat: 0,
  lon: 0,
  lane,
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number, extra: Partial<Flow> = {}): Flow => ({
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
  ...extra,
});
const places = [
  place("sc", "origin", "CN"),
  place("hg", "exit", "CN"),
  place("kz", "transit", "KZ", "central-asia"),
  place("ru", "market", "RU", "central-asia"),
  place("ae", "market", "AE", "middle-east"),
];
const flows = [
  flow("sc", "hg", 100),
  flow("hg", "kz", 80, { basis: "modelled", formula: "x" }),
  flow("kz", "ru", 50),
  flow("sc", "ae", 30, { mode: "sea", id: "sc>ae@2024/sea", usd: 9 }),
  flow("kz", "ru", 999, { year: 2023, id: "old" }),
];
const ctx = {
  placesById: new Map(places.map((p) => [p.id, p])),
  laneOf: (f: Flow) => ctx.placesById.get(f.to)?.lane || "other",
  regionOf: (p: Place) => (p.country === "CN" ? "china" : p.country === "AE" ? "middle-east" : "other"),
};
const run = (patch: Partial<Filters>, measure: "vehicles" | "usd" = "vehicles") =>
  visibleFlows(flows, 2024, { ...DEFAULT_FILTERS, ...patch }, measure, ctx);
const ids = (r: ReturnType<typeof run>) => r.shown.map((f) => f.id).sort();

describe("visibleFlows", () => {
  it("shows only the year's flows when no filter is set", () => {
    const r = run({});
    expect(r.total).toBe(4);
    expect(r.hidden).toBe(0);
  });
  it("a threshold hides flows below it and counts them", () => {
    const r = run({ minVolume: 60 });
    expect(ids(r)).toEqual(["hg>kz@2024/road", "sc>hg@2024/road"]);
    expect(r.hidden).toBe(2);
    expect(r.hiddenBy.threshold).toBe(2);
  });
  it("top N keeps the N largest", () => {
    expect(ids(run({ topN: 2 }))).toEqual(["hg>kz@2024/road", "sc>hg@2024/road"]);
    expect(run({ topN: 2 }).hiddenBy.topN).toBe(2);
  });
  it("hiding modelled estimates hides exactly the modelled flow", () => {
    expect(ids(run({ hiddenBases: ["modelled"] }))).toEqual(["kz>ru@2024/road", "sc>ae@2024/sea", "sc>hg@2024/road"]);
  });
  it("lane, kind, mode and region filters compose", () => {
    const r = run({ hiddenLanes: ["middle-east"], hiddenKinds: ["exit"] });
    expect(ids(r)).toEqual(["kz>ru@2024/road"]);
    expect(r.hiddenBy).toEqual({ lane: 1, kind: 2 });
    expect(ids(run({ hiddenModes: ["sea"] }))).not.toContain("sc>ae@2024/sea");
    expect(ids(run({ hiddenRegions: ["china"] }))).toEqual(["kz>ru@2024/road"]);
  });
  it("a flow budget keeps the largest flows and counts the rest under 'budget'", () => {
    const r = visibleFlows(flows, 2024, DEFAULT_FILTERS, "vehicles", ctx, 3);
    expect(ids(r)).toEqual(["hg>kz@2024/road", "kz>ru@2024/road", "sc>hg@2024/road"]);
    expect(r.hiddenBy).toEqual({ budget: 1 });
  });
  it("top N below the budget is counted as top N; above it, the budget hides the rest", () => {
    expect(visibleFlows(flows, 2024, { ...DEFAULT_FILTERS, topN: 2 }, "vehicles", ctx, 3).hiddenBy).toEqual({ topN: 2 });
    expect(visibleFlows(flows, 2024, { ...DEFAULT_FILTERS, topN: 3 }, "vehicles", ctx, 2).hiddenBy).toEqual({ topN: 1, budget: 1 });
  });
  it("measuring in US$ hides flows without a value", () => {
    const r = run({}, "usd");
    expect(ids(r)).toEqual(["sc>ae@2024/sea"]);
    expect(r.hiddenBy.measure).toBe(3);
  });
});
