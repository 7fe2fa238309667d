import { describe, expect, it } from "vitest";
import { dataRuns, seriesYears, timeSeries, weakestBasis, changeAt, type SeriesInputs } from "../../../src/state/timeSeries";
import { DEFAULT_FILTERS } from "../../../src/state/viewState";
import { dataset, flows } from "./analysisFixture";

const inputs = (patch: Partial<SeriesInputs> = {}): SeriesInputs => ({
  dataset,
  flows,
  filters: { ...DEFAULT_FILTERS },
  measure: "vehicles",
  ...patch,
});
const row = (s: ReturnType<typeof timeSeries>, year: number) => s.rows.find((r) => r.year === year)!;

describe("timeSeries", () => {
  it("years run over the time axis: 2023–2025, with 2024 (an event year without flows) a gap, not a zero", () => {
    expect(seriesYears(dataset)).toEqual([2023, 2024, 2025]);
    const s = timeSeries(inputs(), { kind: "dataset" });
    expect(s.rows.map((r) => r.total)).toEqual([180, null, 200]);
    expect(row(s, 2024)).toMatchObject({ missing: "absent", basis: null });
  });

  it("the whole dataset counts each car once: absorbed 60 at T + 90 at M + 30 at N = 180 = generated 100 + 80", () => {
    expect(row(timeSeries(inputs(), { kind: "dataset" }), 2023).total).toBe(180);
  });

  it("stacked by lane: T's 60 and M's 90 came by lane a, N's 30 by lane b; parts add up to the total", () => {
    const s = timeSeries(inputs(), { kind: "dataset" }, "lane");
    expect(row(s, 2023).parts).toEqual({ a: 150, b: 30 });
    expect(s.keys).toEqual(["a", "b"]);
  });

  it("stacked by origin (proportional tracing): O1 100, O2 50 + 30 = 80", () => {
    const s = timeSeries(inputs(), { kind: "dataset" }, "origin");
    const parts = row(s, 2023).parts;
    expect(parts.o1).toBeCloseTo(100, 9);
    expect(parts.o2).toBeCloseTo(80, 9);
    expect(row(s, 2025).parts).toEqual({ o1: 200 });
  });

  it("a place: throughput max(intake, outflow); X 150 in 2023 (O1 100, O2 50 by origin), 200 in 2025", () => {
    const s = timeSeries(inputs(), { kind: "place", id: "x" }, "origin");
    expect(s.rows.map((r) => r.total)).toEqual([150, null, 200]);
    expect(row(s, 2023).parts.o1).toBeCloseTo(100, 9);
    expect(row(s, 2023).parts.o2).toBeCloseTo(50, 9);
  });

  it("a place stacked by lane splits the side that is its throughput: T's intake of 150, all lane a", () => {
    expect(row(timeSeries(inputs(), { kind: "place", id: "t" }, "lane"), 2023).parts).toEqual({ a: 150 });
  });

  it("a hop: X → T 150 then 200; its origin mix is X's: T → M 90 = O1 60 + O2 30", () => {
    expect(timeSeries(inputs(), { kind: "flow", from: "x", to: "t" }).rows.map((r) => r.total)).toEqual([150, null, 200]);
    const tm = row(timeSeries(inputs(), { kind: "flow", from: "t", to: "m" }, "origin"), 2023).parts;
    expect(tm.o1).toBeCloseTo(60, 9);
    expect(tm.o2).toBeCloseTo(30, 9);
  });

  it("a lane: lane b is the 30 absorbed in N; lane a the 150 absorbed at T and M", () => {
    expect(row(timeSeries(inputs(), { kind: "lane", id: "b" }), 2023).total).toBe(30);
    expect(row(timeSeries(inputs(), { kind: "lane", id: "a" }), 2023).total).toBe(150);
    expect(row(timeSeries(inputs(), { kind: "lane", id: "b" }), 2025)).toMatchObject({ total: null, missing: "absent" });
  });

  it("each point carries the weakest basis of its flows: lane b reported, 2023 overall modelled, 2025 projected", () => {
    expect(row(timeSeries(inputs(), { kind: "lane", id: "b" }), 2023).basis).toBe("reported");
    expect(row(timeSeries(inputs(), { kind: "dataset" }), 2023).basis).toBe("modelled");
    expect(row(timeSeries(inputs(), { kind: "dataset" }), 2025).basis).toBe("projected");
    expect(weakestBasis(["reported", "derived"])).toBe("derived");
  });

  it("follows the filters: hiding lane b drops N's 30 from the total, and lane b's own point says it is hidden", () => {
    const hidden = inputs({ filters: { ...DEFAULT_FILTERS, hiddenLanes: ["b"] } });
    expect(row(timeSeries(hidden, { kind: "dataset" }), 2023).total).toBe(150);
    expect(row(timeSeries(hidden, { kind: "lane", id: "b" }), 2023)).toMatchObject({ total: null, missing: "hidden" });
  });

  it("follows the flows given (edited assumptions, a scenario): doubling O1 → X doubles nothing else", () => {
    const edited = flows.map((f) => (f.id === "o1>x@2023/road" ? { ...f, volume: 200 } : f));
    // X now sends on 150 of 250 received: it absorbs 100, so the total delivered is 280.
    expect(row(timeSeries(inputs({ flows: edited }), { kind: "dataset" }), 2023).total).toBe(280);
  });

  it("in US$ a year whose flows have no US$ figure is unknown, not absent", () => {
    expect(row(timeSeries(inputs({ measure: "usd" }), { kind: "dataset" }), 2023)).toMatchObject({ total: null, missing: "unknown" });
  });

  it("changeAt: the step into a year, none across a gap", () => {
    const s = timeSeries(inputs(), { kind: "place", id: "x" });
    expect(changeAt(s, 2025)).toBeNull();
    const s2 = timeSeries(inputs({ years: [2023, 2025] }), { kind: "place", id: "x" });
    expect(changeAt(s2, 2025)).toEqual({ from: 150, to: 200, change: 50, relative: 50 / 150 });
  });
});

describe("dataRuns", () => {
  it("splits rows at years without data and drops empty runs", () => {
    const row = (year: number, total: number | null) => ({ year, total });
    const rows = [row(2018, null), row(2019, 1), row(2020, 2), row(2021, null), row(2022, null), row(2023, 3), row(2024, null)];
    expect(dataRuns(rows).map((run) => run.map((r) => r.year))).toEqual([[2019, 2020], [2023]]);
    expect(dataRuns([row(2020, 5), row(2021, 0)]).map((run) => run.length)).toEqual([2]);
    expect(dataRuns([row(2020, null)])).toEqual([]);
  });
});
