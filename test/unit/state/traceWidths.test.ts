// Traced chains drawn with their traced volume: hand-computed on a four-place network.
import { describe, expect, it } from "vitest";
import type { Chain } from "../../../src/analysis";
import type { Flow } from "../../../src/domain/types";
import { chainWidths, throughputOf, tracedVolume } from "../../../src/state/traceWidths";

const flow = (id: string, from: string, to: string, volume: number, year = 2024): Flow => ({
  id,
  from,
  to,
  year,
  mode: "road",
  volume,
  usd: null,
  basis: "reported",
  sources: [],
  facts: [],
  formula: "",
  note: "",
});
// Sichuan → Horgos (road 60 + rail 40) → Kazakhstan 100 → Russia 30.
const flows = [
  flow("s-h-road", "sichuan", "horgos", 60),
  flow("s-h-rail", "sichuan", "horgos", 40),
  flow("h-kz", "horgos", "kz", 100),
  flow("kz-ru", "kz", "ru", 30),
  flow("h-kz-2023", "horgos", "kz", 999, 2023),
];
const chain: Chain = {
  nodes: ["sichuan", "horgos", "kz", "ru"],
  edges: [["s-h-road", "s-h-rail"], ["h-kz"], ["kz-ru"]],
  volumes: [100, 100, 30],
  bottleneck: 30,
  product: 0.3,
  arriving: 30,
  volume: 30,
  share: 1,
};

describe("trace widths", () => {
  it("draws every hop of a chain with the chain's attributed volume, a hop's flows sharing it by their size", () => {
    const w = chainWidths([chain], { total: 30, passing: 100, origin: "sichuan" }, flows, 2024, "vehicles");
    expect(Object.fromEntries(w)).toEqual({ "s-h-road": 18, "s-h-rail": 12, "h-kz": 30, "kz-ru": 30 });
  });

  it("from an exit that starts nothing, a chain carries its share of what the exit sends on (100 × 0.3 = 30)", () => {
    const exitChain: Chain = {
      ...chain,
      nodes: ["horgos", "kz", "ru"],
      edges: [["h-kz"], ["kz-ru"]],
      volume: 0,
      arriving: 0,
      product: 0.3,
    };
    expect(throughputOf(flows, "horgos", 2024, "vehicles")).toBe(100);
    expect(tracedVolume(exitChain, { total: 0, passing: 0 }, 100)).toBe(30);
    const w = chainWidths([exitChain], { total: 0, passing: 0, origin: "horgos" }, flows, 2024, "vehicles");
    expect(Object.fromEntries(w)).toEqual({ "h-kz": 30, "kz-ru": 30 });
  });

  it("sums the chains that share a flow", () => {
    const other: Chain = { ...chain, edges: [["s-h-road"], ["h-kz"], ["kz-ru"]], volume: 10 };
    const w = chainWidths([chain, other], { total: 40, passing: 100, origin: "sichuan" }, flows, 2024, "vehicles");
    expect(w.get("h-kz")).toBe(40);
    expect(w.get("s-h-road")).toBe(28);
  });
});
