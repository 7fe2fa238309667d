// The Weighting controls' choices, through the scene: documented widths per scale, min/max width, node size by.
import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { DEFAULT_WEIGHTING, type Weighting } from "../../../src/state/viewState";
import { buildScene, NODE_SIZE_RANGE } from "../../../src/state/scene";

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
const flow = (from: string, to: string, vehicles: number, usd: number | null = null): Flow => ({
  id: `${from}>${to}@2024/road`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const places = [place("a", "origin"), place("h", "exit"), place("k", "transit"), place("r", "market")];
// a → h 10,000 · h → k 2,500 · h → r 100 · k → r 1,000 (US$ only on h → k)
const flows = [flow("a", "h", 10_000), flow("h", "k", 2_500, 5e6), flow("h", "r", 100), flow("k", "r", 1_000)];
const positions = new Map(places.map((p, i) => [p.id, { x: i, y: 0 }]));
const scene = (w: Partial<Weighting>) =>
  buildScene({ places, flows, weighting: { ...DEFAULT_WEIGHTING, ...w }, positions, laneOf: () => "other", showEmptyPlaces: true });
const width = (w: Partial<Weighting>, id: string) => scene(w).edges.find((e) => e.id === id)!.size;

describe("edge widths by scale (min 1, max 9)", () => {
  const mm = { minWidth: 1, maxWidth: 9 };
  it("linear: 2,500 of 10,000 is a quarter of the extra width → 3", () => {
    expect(width({ ...mm, scale: "linear" }, "h>k@2024/road")).toBe(3);
  });
  it("square root: 2,500 of 10,000 is half the extra width → 5", () => {
    expect(width({ ...mm, scale: "sqrt" }, "h>k@2024/road")).toBeCloseTo(5, 10);
  });
  it("log over [smallest 100, 10,000] (above max/1000): 100 → 1, 1,000 halfway in decades → 5, 2,500 → 1 + 8 × log10(25)/2", () => {
    expect(scene({ ...mm, scale: "log" }).widthScale.domain).toEqual([100, 10_000]);
    expect(width({ ...mm, scale: "log" }, "h>r@2024/road")).toBe(1);
    expect(width({ ...mm, scale: "log" }, "k>r@2024/road")).toBeCloseTo(5, 10);
    expect(width({ ...mm, scale: "log" }, "h>k@2024/road")).toBeCloseTo(1 + 4 * Math.log10(25), 10);
  });
  it("the largest flow gets the maximum width under every scale", () => {
    for (const scale of ["linear", "sqrt", "log"] as const) expect(width({ ...mm, scale }, "a>h@2024/road")).toBe(9);
  });
  it("minimum and maximum width inputs set the range: linear 2..22 gives 2,500 → 7", () => {
    expect(width({ scale: "linear", minWidth: 2, maxWidth: 22 }, "h>k@2024/road")).toBe(7);
  });
  it("the legend reads the same scale: each legend width is the width drawn for its value", () => {
    for (const scale of ["linear", "sqrt", "log"] as const) {
      const s = scene({ ...mm, scale });
      expect(s.widthScale.kind).toBe(scale);
      for (const { value, width: w } of s.widthScale.legend(3)) expect(w).toBeCloseTo(s.widthScale(value), 10);
    }
  });
  it("in US$, widths come from the US$ figures: the one known flow is the widest", () => {
    const s = scene({ ...mm, measure: "usd" });
    expect(s.edges.find((e) => e.id === "h>k@2024/road")!.size).toBe(9);
    expect(s.edges.find((e) => e.id === "h>k@2024/road")!.volume).toBe(5e6);
  });
});

describe("node size by", () => {
  // h: intake 10,000, outflow 2,600. k: intake 2,500, outflow 1,000. r: intake 1,100.
  const volume = (by: Weighting["nodeSizeBy"], id: string) => scene({ nodeSizeBy: by }).nodes.find((n) => n.id === id)!.volume;
  it("throughput is the larger of intake and outflow, intake and outflow their own sums", () => {
    expect([volume("throughput", "h"), volume("intake", "h"), volume("outflow", "h")]).toEqual([10_000, 10_000, 2_600]);
    expect([volume("throughput", "k"), volume("intake", "k"), volume("outflow", "k")]).toEqual([2_500, 2_500, 1_000]);
  });
  it("by outflow, a market (no outflow) is drawn at the smallest size and the origin at the largest", () => {
    const s = scene({ nodeSizeBy: "outflow" });
    expect(s.nodes.find((n) => n.id === "r")!.size).toBe(NODE_SIZE_RANGE[0]);
    expect(s.nodes.find((n) => n.id === "a")!.size).toBe(NODE_SIZE_RANGE[1]);
  });
});
