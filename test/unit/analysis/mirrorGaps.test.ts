import { describe, expect, it } from "vitest";
import { mirrorGaps } from "../../../src/analysis";
import type { ContextFigure } from "../../../src/domain/types";

function fig(p: Partial<ContextFigure> & Pick<ContextFigure, "id" | "reporter" | "value">): ContextFigure {
  return {
    place: "",
    from: "cn",
    to: "kg",
    year: 2023,
    period: "2023",
    measure: "vehicle exports",
    unit: "vehicles",
    facts: [],
    sources: [],
    note: "",
    ...p,
  };
}

describe("mirrorGaps(figures) compares figures of one hop reported by both sides", () => {
  it("compares vehicle counts directly and flags differing periods (China→Kyrgyzstan 2023)", () => {
    const [gap, ...rest] = mirrorGaps(
      [
        fig({ id: "M1", reporter: "CN", value: 57000, period: "2023-01..2023-11" }),
        fig({ id: "M2", reporter: "KG", value: 79131, period: "2023" }),
      ],
      { countryOf: { cn: "CN", kg: "KG" } },
    );
    expect(rest).toEqual([]);
    expect(gap!.kind).toBe("count");
    expect(gap!.figures.map((f) => [f.id, f.role])).toEqual([
      ["M1", "exporter"],
      ["M2", "importer"],
    ]);
    const [c] = gap!.comparisons;
    expect(c!.gap).toBe(22131);
    expect(c!.relativeGap).toBeCloseTo(22131 / 68065.5, 12);
    expect([c!.periodsDiffer, c!.cifFobAdjusted]).toEqual([true, false]);
    expect(c!.note).toMatch(/periods differ/);
  });

  it("takes values as Δ = M/(1+0.06) − X, importer CIF against exporter FOB", () => {
    const [gap] = mirrorGaps([
      fig({ id: "V2", reporter: "kg", value: 1166, unit: "USD" }),
      fig({ id: "V1", reporter: "cn", value: 1000, unit: "USD" }),
    ]);
    const [c] = gap!.comparisons;
    expect([c!.a.id, c!.b.id]).toEqual(["V1", "V2"]);
    expect(c!.gap).toBeCloseTo(100, 9);
    expect(c!.relativeGap).toBeCloseTo(100 / 1050, 12);
    expect([c!.cifFobAdjusted, c!.periodsDiffer]).toEqual([true, false]);
  });

  it("keeps every figure, skips single-reporter groups and figures not tied to a hop, and never mixes measures", () => {
    const gaps = mirrorGaps([
      fig({ id: "A", reporter: "CN", value: 1 }),
      fig({ id: "B", reporter: "CN", value: 2 }),
      fig({ id: "C", reporter: "KG", value: 3, unit: "USD" }),
      fig({ id: "D", reporter: "KG", value: 4, from: "", to: "", place: "horgos" }),
    ]);
    expect(gaps).toEqual([]);
  });

  it("compares values without the CIF/FOB factor when it cannot tell the sides, and says so", () => {
    const [gap] = mirrorGaps([
      fig({ id: "A", reporter: "UN Comtrade", value: 100, unit: "USD" }),
      fig({ id: "B", reporter: "IMF DOTS", value: 110, unit: "USD" }),
    ]);
    const [c] = gap!.comparisons;
    expect([c!.gap, c!.cifFobAdjusted]).toEqual([10, false]);
    expect(c!.note).toMatch(/sides unknown/);
  });
});
