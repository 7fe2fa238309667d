import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { DEFAULT_FILTERS, type Filters, type Measure } from "../../../src/state/viewState";
import { visibleFlows, volumeOf } from "../../../src/state/visibleFlows";
import { countAtLeast, flowsOfYear, yearIndex } from "../../../src/state/yearIndex";

const flow = (i: number, year: number, vehicles: number, usd: number | null, mode: string): Flow => ({
  id: `p${i % 7}>q${i}@${year}/${mode}`,
  from: `p${i % 7}`,
  to: `q${i % 5}`,
  year,
  volume: vehicles,
  usd,
  mode,
  basis: i % 3 === 0 ? "modelled" : "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});

/** The plain algorithm: scan the year, filter in order, sort what passed, keep the largest in file order. */
function reference(flows: Flow[], year: number, filters: Filters, measure: Measure, budget: number | null) {
  const hiddenBy: Record<string, number> = {};
  const hide = (r: string) => (hiddenBy[r] = (hiddenBy[r] ?? 0) + 1);
  const ofYear = flows.filter((f) => f.year === year);
  const passed: Flow[] = [];
  for (const f of ofYear) {
    const v = volumeOf(f, measure);
    if (v === null) hide("measure");
    else if (filters.hiddenBases.includes(f.basis)) hide("basis");
    else if (filters.hiddenModes.includes(f.mode)) hide("mode");
    else if (v < filters.minVolume) hide("threshold");
    else passed.push(f);
  }
  const limit = Math.min(filters.topN ?? Infinity, budget ?? Infinity);
  let shown = passed;
  if (passed.length > limit) {
    // Stable sort: equal values keep file order.
    const ranked = [...passed].sort((a, b) => volumeOf(b, measure)! - volumeOf(a, measure)!);
    const keep = new Set(ranked.slice(0, limit));
    shown = passed.filter((f) => keep.has(f));
  }
  return { shown: shown.map((f) => f.id), total: ofYear.length, hiddenMeasure: hiddenBy.measure ?? 0, threshold: hiddenBy.threshold ?? 0 };
}

const ctx = { placesById: new Map<string, Place>(), laneOf: () => "", regionOf: () => "" };

describe("yearIndex", () => {
  const flows = [flow(1, 2024, 5, null, "road"), flow(2, 2024, 9, 3, "sea"), flow(3, 2023, 7, 1, "road"), flow(4, 2024, 9, 8, "road")];

  it("groups a year's flows in file order and sorts them by value, largest first, ties in file order", () => {
    expect(flowsOfYear(flows, 2024).map((f) => f.volume)).toEqual([5, 9, 9]);
    const index = yearIndex(flows, 2024, "vehicles");
    expect([...index.values]).toEqual([9, 9, 5]);
    // flows[1] comes before flows[3] in the file
    expect([...index.order].map((i) => index.flows[i]!.id)).toEqual([flows[1]!.id, flows[3]!.id, flows[0]!.id]);
    expect(index.missing).toBe(0);
    const usd = yearIndex(flows, 2024, "usd");
    expect([...usd.values]).toEqual([8, 3]);
    expect(usd.missing).toBe(1);
    expect(yearIndex(flows, 2024, "usd")).toBe(usd);
  });

  it("counts the leading values at or above a threshold by binary search", () => {
    const values = Float64Array.from([9, 9, 5, 2, 2, 1]);
    expect([0, 1, 2, 3, 5, 9, 10].map((min) => countAtLeast(values, min))).toEqual([6, 6, 5, 3, 3, 2, 0]);
    expect(countAtLeast(new Float64Array(0), 1)).toBe(0);
  });

  it("gives what the plain scan-and-sort gives, for any flows, threshold, top N, budget and mode filter", () => {
    const arbitraryFlow = fc.record({
      year: fc.constantFrom(2023, 2024),
      vehicles: fc.integer({ min: 0, max: 50 }),
      usd: fc.option(fc.integer({ min: 0, max: 50 })),
      mode: fc.constantFrom("road", "rail", "sea"),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryFlow, { maxLength: 80 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        fc.option(fc.integer({ min: 0, max: 30 })),
        fc.boolean(),
        fc.constantFrom<Measure>("vehicles", "usd"),
        (specs, minVolume, topN, budget, hideSea, measure) => {
          const list = specs.map((s, i) => flow(i, s.year, s.vehicles, s.usd, s.mode));
          const filters: Filters = { ...DEFAULT_FILTERS, minVolume, topN, hiddenModes: hideSea ? ["sea"] : [] };
          const got = visibleFlows(list, 2024, filters, measure, ctx, budget);
          const want = reference(list, 2024, filters, measure, budget);
          expect(got.shown.map((f) => f.id)).toEqual(want.shown);
          expect(got.total).toBe(want.total);
          expect(got.hidden).toBe(want.total - want.shown.length);
          expect(got.hiddenBy.measure ?? 0).toBe(want.hiddenMeasure);
          expect(got.hiddenBy.threshold ?? 0).toBe(want.threshold);
        },
      ),
      { numRuns: 300 },
    );
  });
});
