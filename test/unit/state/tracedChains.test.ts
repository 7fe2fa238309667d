// The chains an export names: hand-computed volumes on a four-place network.
import { describe, expect, it } from "vitest";
import type { Chain } from "../../../src/analysis";
import type { Flow } from "../../../src/domain/types";
import { tracedChainsOf, tracedPlaces } from "../../../src/state/tracedChains";

const flow = (id: string, from: string, to: string, volume: number, basis: Flow["basis"] = "reported"): Flow => ({
  id,
  from,
  to,
  year: 2024,
  mode: "road",
  volume,
  usd: null,
  basis,
  sources: [],
  facts: [],
  formula: "",
  note: "",
});
// Sichuan → Horgos 100 → Kazakhstan 100 → Russia 30 (modelled); Sichuan → Alashankou 50 → Kazakhstan 50.
const flows = [
  flow("s-h", "sichuan", "horgos", 100),
  flow("h-kz", "horgos", "kz", 100),
  flow("kz-ru", "kz", "ru", 30, "modelled"),
  flow("s-a", "sichuan", "ala", 50),
  flow("a-kz", "ala", "kz", 50),
];
const chain = (nodes: string[], edges: string[][], volume: number, arriving: number, product: number): Chain => ({
  nodes,
  edges,
  volumes: [],
  bottleneck: 0,
  product,
  arriving,
  volume,
  share: 0,
});
const viaHorgos = chain(["sichuan", "horgos", "kz", "ru"], [["s-h"], ["h-kz"], ["kz-ru"]], 20, 20, 0.133);
const viaAla = chain(["sichuan", "ala", "kz", "ru"], [["s-a"], ["a-kz"], ["kz-ru"]], 10, 10, 0.0667);
const result = (total: number, passing: number) => ({
  origin: "sichuan",
  destination: "ru",
  chains: { origin: "sichuan", target: "ru", chains: [viaHorgos, viaAla], total, passing, coverage: 1 },
});

describe("tracedChainsOf", () => {
  it("names every chain found when none is chosen, with its attributed volume and whether a modelled flow is on it", () => {
    const t = tracedChainsOf(result(40, 40), null, flows, 2024, "vehicles")!;
    expect(t.chosen).toBe(false);
    expect(t.basis).toBe("attributed");
    expect(t.chains).toEqual([
      { nodes: viaHorgos.nodes, volume: 20, modelled: true },
      { nodes: viaAla.nodes, volume: 10, modelled: true },
    ]);
    expect(t.whole).toBe(40);
    expect(t.coverage).toBe(0.75);
    expect(tracedPlaces(t)).toEqual(["sichuan", "horgos", "kz", "ru", "ala"]);
  });

  it("names the chosen chain alone", () => {
    const t = tracedChainsOf(result(40, 40), 1, flows, 2024, "vehicles")!;
    expect(t.chains.map((c) => c.nodes)).toEqual([viaAla.nodes]);
    expect(t.coverage).toBe(0.25);
    expect(tracedChainsOf(result(40, 40), 5, flows, 2024, "vehicles")).toBeNull();
  });

  it("uses what arrives when the destination keeps none, and a share of the throughput when the origin starts nothing", () => {
    expect(tracedChainsOf(result(0, 60), null, flows, 2024, "vehicles")!.basis).toBe("arriving");
    const t = tracedChainsOf(result(0, 0), 0, flows, 2024, "vehicles")!;
    expect(t.basis).toBe("through");
    // Sichuan sends 150 on; the Horgos chain takes 0.133 of it.
    expect(t.whole).toBe(150);
    expect(t.chains[0]!.volume).toBeCloseTo(19.95, 6);
  });

  it("says a chain of reported flows is not modelled", () => {
    const reported = chain(["sichuan", "horgos", "kz"], [["s-h"], ["h-kz"]], 100, 100, 1);
    const r = { ...result(100, 100), destination: "kz" };
    r.chains = { ...r.chains, target: "kz", chains: [reported] };
    expect(tracedChainsOf(r, null, flows, 2024, "vehicles")!.chains[0]!.modelled).toBe(false);
  });
});
