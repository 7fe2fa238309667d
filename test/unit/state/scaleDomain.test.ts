// One extent for every year: the width and size scales map from the whole data, not the year shown.
import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { FlowColumnsBuilder, keepFlowColumns, materialiseFlows } from "../../../src/domain/flowColumns";
import { createScaleDomainMemo, placeVolume, scaleDomain, scaleDomainOfColumns } from "../../../src/state/scaleDomain";
import { DEFAULT_WEIGHTING } from "../../../src/state/viewState";
import { buildScene } from "../../../src/state/scene";

const flow = (from: string, to: string, year: number, vehicles: number, usd: number | null = null): Flow => ({
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
const place = (id: string, kind: Place["kind"]): Place => ({
  id,
  name: id,
  kind,
  country: "CN",
  lat: 0,
  lon: 0,
  lane: "",
  nativeName: "",
  note: "",
});

// 2021: a → b 15,000 · a → c 5,000 (a sends 20,000). 2024: a → b 131,000 · b → c 15,000 (b takes 131,000).
const flows = [
  flow("a", "b", 2021, 15_000, 1e6),
  flow("a", "c", 2021, 5_000),
  flow("a", "b", 2024, 131_000),
  flow("b", "c", 2024, 15_000, 4e6),
];

describe("scaleDomain", () => {
  it("spans every year: smallest and largest flow, largest place volume within one year", () => {
    const d = scaleDomain(flows, "vehicles", "throughput");
    expect(d).toEqual({ flowMin: 5_000, flowMax: 131_000, nodeMax: 131_000, years: [2021, 2024] });
  });
  it("sums a place's flows within a year only, by the chosen node size", () => {
    // intake: b takes 131,000 in 2024; outflow: a sends 131,000 in 2024 (20,000 in 2021).
    expect(scaleDomain(flows, "vehicles", "intake").nodeMax).toBe(131_000);
    expect(
      scaleDomain(
        flows.filter((f) => f.year === 2021),
        "vehicles",
        "outflow",
      ).nodeMax,
    ).toBe(20_000);
    expect(
      scaleDomain(
        flows.filter((f) => f.year === 2021),
        "vehicles",
        "intake",
      ).nodeMax,
    ).toBe(15_000);
  });
  it("reads the measure in view; flows without a value in it are left out", () => {
    expect(scaleDomain(flows, "usd", "throughput")).toEqual({ flowMin: 1e6, flowMax: 4e6, nodeMax: 4e6, years: [2021, 2024] });
  });
  it("is empty for no flows", () => {
    expect(scaleDomain([], "vehicles", "throughput")).toEqual({ flowMin: 0, flowMax: 0, nodeMax: 0, years: null });
  });
  it("placeVolume: throughput is the larger of intake and outflow", () => {
    expect(placeVolume(3, 7, "throughput")).toBe(7);
    expect(placeVolume(3, 7, "intake")).toBe(3);
    expect(placeVolume(3, 7, "outflow")).toBe(7);
  });
  it("the memo recomputes only when the flows or choices change", () => {
    const memo = createScaleDomainMemo();
    const a = memo(flows, "vehicles", "throughput");
    expect(memo(flows, "vehicles", "throughput")).toBe(a);
    expect(memo(flows, "vehicles", "intake")).not.toBe(a);
    expect(memo([...flows], "vehicles", "intake")).not.toBe(a);
  });
});

describe("scaleDomainOfColumns", () => {
  // The same four flows as columns: places a, b, c as indexes 0, 1, 2.
  const places = [place("a", "origin"), place("b", "exit"), place("c", "market")];
  const b = new FlowColumnsBuilder(4);
  const code = b.modeCode("road");
  const list = b.listCode("", () => []);
  const text = b.textCode("");
  for (const f of flows)
    b.push("abc".indexOf(f.from), "abc".indexOf(f.to), f.year, f.volume, f.usd, code, "reported", list, list, text, text);
  const columns = b.build();

  it("gives the extent of the flows the columns make, in each measure and node size", () => {
    expect(scaleDomainOfColumns(columns, "vehicles", "throughput")).toEqual({
      flowMin: 5_000,
      flowMax: 131_000,
      nodeMax: 131_000,
      years: [2021, 2024],
    });
    // 2021: a sends 20,000, c takes 5,000, b takes 15,000; 2024: b takes 131,000 and sends 15,000.
    expect(scaleDomainOfColumns(columns, "vehicles", "outflow").nodeMax).toBe(131_000);
    // usd: 1e6 (a → b, 2021) and 4e6 (b → c, 2024); the others have none.
    expect(scaleDomainOfColumns(columns, "usd", "intake")).toEqual({ flowMin: 1e6, flowMax: 4e6, nodeMax: 4e6, years: [2021, 2024] });
    expect(scaleDomainOfColumns(new FlowColumnsBuilder().build(), "vehicles", "throughput")).toEqual({
      flowMin: 0,
      flowMax: 0,
      nodeMax: 0,
      years: null,
    });
  });

  it("is what the memo reads when the flows' columns are kept for these places", () => {
    const made = materialiseFlows(columns, places);
    keepFlowColumns(made, columns, places);
    const memo = createScaleDomainMemo();
    for (const by of ["throughput", "intake", "outflow"] as const)
      for (const measure of ["vehicles", "usd"] as const) expect(memo(made, measure, by, places)).toEqual(scaleDomain(flows, measure, by));
    // Other places: the columns do not describe them, and the flows are read.
    expect(memo(made, "usd", "intake", [...places])).toEqual(scaleDomain(flows, "usd", "intake"));
  });
});

describe("scene under one extent", () => {
  const places = [place("a", "origin"), place("b", "exit"), place("c", "market")];
  const positions = new Map(places.map((p, i) => [p.id, { x: i, y: 0 }]));
  const domain = scaleDomain(flows, "vehicles", "throughput");
  const sceneOf = (year: number, withDomain: boolean) =>
    buildScene({
      places,
      flows: flows.filter((f) => f.year === year),
      weighting: { ...DEFAULT_WEIGHTING, scale: "linear", minWidth: 1, maxWidth: 14 },
      positions,
      laneOf: () => "other",
      showEmptyPlaces: true,
      domain: withDomain ? domain : undefined,
    });
  const width = (year: number, id: string, withDomain = true) => sceneOf(year, withDomain).edges.find((e) => e.id === id)!.size;

  it("draws 15,000 vehicles equally wide in 2021 and 2024", () => {
    // linear [0, 131,000] → [1, 14]: 15,000 → 1 + 13 × 15/131 = 2.4885…
    expect(width(2021, "a>b@2021/road")).toBeCloseTo(1 + (13 * 15) / 131, 9);
    expect(width(2024, "b>c@2024/road")).toBeCloseTo(1 + (13 * 15) / 131, 9);
  });
  it("per-year (no domain): each year's largest flow is the widest line", () => {
    expect(width(2021, "a>b@2021/road", false)).toBe(14);
    expect(width(2024, "a>b@2024/road", false)).toBe(14);
  });
  it("node sizes share the extent; the legend's values are the same in every year", () => {
    const s21 = sceneOf(2021, true);
    const s24 = sceneOf(2024, true);
    expect(s21.maxNodeVolume).toBe(131_000);
    expect(s21.widthScale.legend(3)).toEqual(s24.widthScale.legend(3));
    expect(s21.scaleSpan).toEqual({ kind: "all-years", years: [2021, 2024] });
    // a sends 20,000 in 2021, b takes 131,000 in 2024: a is drawn smaller than b.
    const size = (s: typeof s21, id: string) => s.nodes.find((n) => n.id === id)!.size;
    expect(size(s21, "a")).toBeLessThan(size(s24, "b"));
    expect(sceneOf(2021, false).scaleSpan).toEqual({ kind: "year", years: [2021, 2021] });
  });
});
