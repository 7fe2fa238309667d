import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { filtersActive, hiddenSummary } from "../../../src/state/hiddenSummary";
import { resetFilters, setFilters } from "../../../src/state/producers";
import { DEFAULT_FILTERS, defaultViewState, type Filters } from "../../../src/state/viewState";
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
// 100 · 80 (modelled) · 50 · 30 (sea) · 20 (modelled, sea)
const flows = [
  flow("sc", "hg", 100),
  flow("hg", "kz", 80, { basis: "modelled" }),
  flow("kz", "ru", 50),
  flow("sc", "ae", 30, { mode: "sea", id: "sc>ae@2024/sea" }),
  flow("hg", "ae", 20, { mode: "sea", basis: "modelled", id: "hg>ae@2024/sea" }),
];
const ctx = {
  placesById: new Map(places.map((p) => [p.id, p])),
  laneOf: (f: Flow) => ctx.placesById.get(f.to)?.lane || "other",
  regionOf: (p: Place) => (p.country === "CN" ? "china" : p.country === "AE" ? "middle-east" : "other"),
};
const run = (patch: Partial<Filters>) => visibleFlows(flows, 2024, { ...DEFAULT_FILTERS, ...patch }, "vehicles", ctx);

describe("filters compose", () => {
  it("hiding modelled estimates, sea transport and a threshold of 60 leaves 100 and nothing else", () => {
    const r = run({ hiddenBases: ["modelled"], hiddenModes: ["sea"], minVolume: 60 });
    expect(r.shown.map((f) => f.volume)).toEqual([100]);
    // modelled: 80, 20 (basis first) · sea: 30 · threshold: 50
    expect(r.hiddenBy).toEqual({ basis: 2, mode: 1, threshold: 1 });
  });
  it("top 2 applies after the other filters: of 100 · 50 · 30 (modelled hidden) it keeps 100 and 50", () => {
    const r = run({ hiddenBases: ["modelled"], topN: 2 });
    expect(r.shown.map((f) => f.volume)).toEqual([100, 50]);
    expect(r.hiddenBy).toEqual({ basis: 2, topN: 1 });
  });
  it("hiding the Middle East region and market places hides the two flows into the UAE and the one into Russia", () => {
    const r = run({ hiddenRegions: ["middle-east"], hiddenKinds: ["market"] });
    expect(r.shown.map((f) => f.volume)).toEqual([100, 80]);
    expect(r.hiddenBy).toEqual({ kind: 3 });
  });
});

describe("hiddenSummary", () => {
  it("says how many flows are hidden and why, in the order filters apply", () => {
    const filters = { ...DEFAULT_FILTERS, hiddenBases: ["modelled" as const], topN: 2 };
    const s = hiddenSummary(run(filters), filters, "vehicles");
    expect(s.headline).toBe("3 flows hidden");
    expect(s.reasons).toEqual(["2 of a hidden basis", "1 outside the top 2"]);
  });
  it("says 'No flows hidden' and '1 flow hidden' in the singular", () => {
    expect(hiddenSummary(run({}), DEFAULT_FILTERS, "vehicles").headline).toBe("No flows hidden");
    const f = { ...DEFAULT_FILTERS, minVolume: 25 };
    expect(hiddenSummary(run(f), f, "vehicles")).toEqual({ headline: "1 flow hidden", reasons: ["1 below the threshold"] });
  });
  it("names the missing measure: flows without US$", () => {
    const r = visibleFlows(flows, 2024, DEFAULT_FILTERS, "usd", ctx);
    expect(hiddenSummary(r, DEFAULT_FILTERS, "usd").reasons).toEqual(["5 without a US$ figure"]);
  });
});

describe("Reset filters", () => {
  it("puts every filter back to its default and filtersActive says so", () => {
    let s = defaultViewState();
    s = setFilters({ minVolume: 60, topN: 3, hiddenKinds: ["market"], hiddenRegions: ["other"] })(s);
    expect(filtersActive(s.filters)).toBe(true);
    s = resetFilters()(s);
    expect(s.filters).toEqual(DEFAULT_FILTERS);
    expect(filtersActive(s.filters)).toBe(false);
  });
});
