import { describe, expect, it } from "vitest";
import type { Flow } from "../../../src/domain/types";
import { flowSeries, placeSeries, sparklinePoints } from "../../../src/state/series";

const flow = (from: string, to: string, year: number, vehicles: number, usd: number | null = null, mode = "road"): Flow => ({
  id: `${from}>${to}@${year}/${mode}`,
  from,
  to,
  year,
  volume: vehicles,
  usd,
  mode,
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const flows = [
  flow("a", "h", 2023, 100),
  flow("b", "h", 2023, 50),
  flow("h", "k", 2023, 120, 7),
  flow("a", "h", 2024, 300),
  flow("h", "k", 2024, 200),
  flow("h", "k", 2024, 10, null, "rail"),
];

describe("placeSeries", () => {
  it("throughput is the larger of intake and outflow: 2023 max(150, 120) = 150, 2024 max(300, 210) = 300, 2022 absent (no flow: not 0)", () => {
    expect(placeSeries(flows, "h", [2022, 2023, 2024], "vehicles")).toEqual([
      { year: 2022, value: null, missing: "absent" },
      { year: 2023, value: 150 },
      { year: 2024, value: 300 },
    ]);
  });
  it("intake and outflow as the node sizes", () => {
    expect(placeSeries(flows, "h", [2024], "vehicles", "outflow")).toEqual([{ year: 2024, value: 210 }]);
    expect(placeSeries(flows, "h", [2023], "vehicles", "intake")).toEqual([{ year: 2023, value: 150 }]);
  });
  it("in US$ counts only known values, and is unknown when no flow of the year has one", () => {
    expect(placeSeries(flows, "k", [2023, 2024], "usd")).toEqual([
      { year: 2023, value: 7 },
      { year: 2024, value: null, missing: "unknown" },
    ]);
  });
});

describe("flowSeries", () => {
  it("follows the same hop and mode over the years, absent (null, not 0) where the data has no such flow", () => {
    expect(flowSeries(flows, { from: "h", to: "k", mode: "road" }, [2022, 2023, 2024], "vehicles").map((p) => p.value)).toEqual([
      null,
      120,
      200,
    ]);
    expect(flowSeries(flows, { from: "h", to: "k", mode: "rail" }, [2023, 2024], "vehicles").map((p) => p.missing ?? p.value)).toEqual([
      "absent",
      10,
    ]);
  });
});

describe("sparklinePoints", () => {
  it("spreads years over the width and puts the maximum at the top: 0, 50, 100 in a 104 × 54 box with 2 px padding", () => {
    const pts = sparklinePoints(
      [
        { year: 1, value: 0 },
        { year: 2, value: 50 },
        { year: 3, value: 100 },
      ],
      104,
      54,
      2,
    );
    expect(pts.map((p) => [p.x, p.y])).toEqual([
      [2, 52],
      [52, 27],
      [102, 2],
    ]);
  });
  it("skips unknown values", () => {
    expect(
      sparklinePoints(
        [
          { year: 1, value: null },
          { year: 2, value: 4 },
        ],
        10,
        10,
        0,
      ).map((p) => p.year),
    ).toEqual([2]);
  });
});
