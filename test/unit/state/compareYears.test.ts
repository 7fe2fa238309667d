import { describe, expect, it } from "vitest";
import { changeText, compareFlowSets, compareYears, comparisonSummary } from "../../../src/state/compareYears";
import { DEFAULT_FILTERS } from "../../../src/state/viewState";
import { flow, flows, places } from "./analysisFixture";

const inputs = { places, flows, filters: { ...DEFAULT_FILTERS }, measure: "vehicles" as const };

describe("compareYears", () => {
  const cmp = compareYears(inputs, 2023, 2025);
  const byKey = new Map(cmp.changes.map((c) => [c.key, c]));

  it("matches hops by from, to and mode: O1 → X 100 → 200 (+100, +100%), T → M 90 → 200", () => {
    expect(byKey.get("o1>x/road")).toMatchObject({ before: 100, after: 200, change: 100, relative: 1, status: "rose" });
    expect(byKey.get("t>m/road")).toMatchObject({ before: 90, after: 200, change: 110, status: "rose" });
    expect(byKey.get("x>t/road")).toMatchObject({ before: 150, after: 200, change: 50, basisBefore: "modelled", basisAfter: "projected" });
  });

  it("a hop on one side only is vanished (or new), with no change from a zero the data does not report", () => {
    expect(byKey.get("o2>x/road")).toMatchObject({ before: 50, after: null, change: -50, relative: null, status: "vanished" });
    expect(byKey.get("o2>n/sea")).toMatchObject({ before: 30, after: null, status: "vanished" });
    const reversed = compareYears(inputs, 2025, 2023);
    expect(reversed.changes.find((c) => c.key === "o2>n/sea")).toMatchObject({ before: null, after: 30, change: 30, status: "new" });
  });

  it("totals: flows 420 → 600; delivered (each car once) 180 → 200; counts and volumes by status", () => {
    expect(cmp.totals).toMatchObject({
      before: 420,
      after: 600,
      change: 180,
      rose: 3,
      fell: 0,
      vanished: 2,
      new: 0,
      vanishedVolume: 80,
      deliveredBefore: 180,
      deliveredAfter: 200,
    });
    expect(cmp.totals.relative).toBeCloseTo(180 / 420, 12);
  });

  it("the changes equal the flows they come from: Σ after − Σ before over hops = total change", () => {
    const sum = cmp.changes.reduce((s, c) => s + c.change, 0);
    expect(sum).toBe(cmp.totals.change);
  });

  it("largest absolute change first", () => {
    expect(cmp.changes.map((c) => Math.abs(c.change))).toEqual([110, 100, 50, 50, 30]);
  });

  it("the same filters on both sides: hiding lane b leaves O2 → N out of both", () => {
    const hidden = compareYears({ ...inputs, filters: { ...DEFAULT_FILTERS, hiddenLanes: ["b"] } }, 2023, 2025);
    expect(hidden.changes.some((c) => c.key === "o2>n/sea")).toBe(false);
  });

  it("two flow sets at one year (a scenario against its baseline)", () => {
    const after = flows.map((f) => (f.id === "t>m@2023/road" ? { ...f, volume: 45 } : f)).concat(flow("t", "n", 2023, 45));
    const d = compareFlowSets(inputs, { flows, year: 2023 }, { flows: after, year: 2023 });
    expect(d.changes.find((c) => c.key === "t>m/road")).toMatchObject({ before: 90, after: 45, status: "fell" });
    expect(d.changes.find((c) => c.key === "t>n/road")).toMatchObject({ before: null, after: 45, status: "new" });
  });

  it("changeText", () => {
    const f = (v: number) => v.toLocaleString("en-GB");
    expect(changeText({ status: "rose", change: 12300, relative: 0.45 }, f)).toBe("+12,300 (+45%)");
    expect(changeText({ status: "fell", change: -800, relative: -0.031 }, f)).toBe("−800 (−3.1%)");
    expect(changeText({ status: "new", change: 5, relative: null }, f)).toBe("new");
  });
});

describe("comparisonSummary", () => {
  const totals = (deliveredBefore: number, deliveredAfter: number) => ({
    before: 0,
    after: 0,
    change: 0,
    relative: null,
    rose: 2,
    fell: 1,
    same: 0,
    new: 1,
    vanished: 3,
    newVolume: 5,
    vanishedVolume: 7,
    deliveredBefore,
    deliveredAfter,
  });
  const fmt = (v: number) => `${v}u`;
  it("says delivered before → after with the change in percent, and counts the hops", () => {
    expect(comparisonSummary({ before: 2023, after: 2024, totals: totals(200, 150) }, fmt)).toBe(
      "2023 → 2024: 200u → 150u delivered (−25.0%). 2 hops rose, 1 fell, 1 new (5u), 3 vanished (7u).",
    );
    expect(comparisonSummary({ before: 2023, after: 2024, totals: totals(200, 201) }, fmt)).toContain("delivered (+0.5%).");
  });
  it("gives no percent from nothing delivered", () => {
    expect(comparisonSummary({ before: 2022, after: 2024, totals: totals(0, 10) }, fmt)).toContain("0u → 10u delivered. ");
  });
});
