import { describe, expect, it } from "vitest";
import { chains } from "../../../src/analysis";
import { cycleExample, tradeGraph, workedExample } from "./fixtures";

describe("chains(graph, origin, place) ranks re-export chains by attributed volume", () => {
  it("finds CN→KZ→RU (37.5) before CN→KG→RU (30), covering all of CN's 67.5 in Russia", () => {
    const r = chains(workedExample(), "CN", "RU");
    expect(r.chains.map((c) => c.nodes)).toEqual([
      ["CN", "KZ", "RU"],
      ["CN", "KG", "RU"],
    ]);
    expect(r.chains.map((c) => c.volume)).toEqual([37.5, 30.000000000000004].map((v) => expect.closeTo(v, 12)));
    expect(r.chains.map((c) => c.bottleneck)).toEqual([50, 30]);
    expect(r.chains[0]!.product).toBeCloseTo(0.375, 12);
    expect(r.chains[0]!.share).toBeCloseTo(37.5 / 67.5, 12);
    expect(r.total).toBeCloseTo(67.5, 12);
    expect(r.coverage).toBeCloseTo(1, 12);
  });

  it("returns only k chains and says how much of the total they cover", () => {
    const r = chains(workedExample(), "CN", "RU", { k: 1 });
    expect(r.chains).toHaveLength(1);
    expect(r.coverage).toBeCloseTo(37.5 / 67.5, 12);
  });

  it("counts only simple chains on a cycle, so coverage falls below 1", () => {
    const r = chains(cycleExample(), "CN", "RU");
    expect(r.chains.map((c) => c.nodes)).toEqual([
      ["CN", "KZ", "RU"],
      ["CN", "KZ", "KG", "RU"],
    ]);
    expect(r.chains[0]!.volume).toBeCloseTo(100 * (50 / 120), 10);
    expect(r.chains[1]!.volume).toBeCloseTo(100 * (40 / 120) * (10 / 60), 10);
    expect(r.total).toBeCloseTo(53.125, 9);
    expect(r.coverage).toBeCloseTo((100 * (50 / 120) + 100 * (40 / 120) * (10 / 60)) / 53.125, 9);
  });

  it("sums parallel edges into one hop and lists both edge ids", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KZ", "transit"],
        ["RU", "market"],
      ],
      [
        ["CN", "KZ", 40, "road"],
        ["CN", "KZ", 20, "rail"],
        ["KZ", "RU", 30, "road"],
        ["KZ", "RU", 20, "rail"],
      ],
    );
    const [c] = chains(g, "CN", "RU").chains;
    expect(c!.edges).toEqual([
      ["CN>KZ/road", "CN>KZ/rail"],
      ["KZ>RU/road", "KZ>RU/rail"],
    ]);
    expect(c!.volumes).toEqual([60, 50]);
    expect(c!.volume).toBeCloseTo(50, 12);
  });

  it("respects the hop limit", () => {
    expect(chains(cycleExample(), "CN", "RU", { maxHops: 2 }).chains.map((c) => c.nodes)).toEqual([["CN", "KZ", "RU"]]);
    expect(chains(cycleExample(), "CN", "RU", { maxHops: 1 }).chains).toEqual([]);
  });

  it("returns no chain when the place is not downstream of the origin, and rejects unknown places", () => {
    const r = chains(workedExample(), "KR", "KG");
    expect([r.chains.length, r.total, r.coverage]).toEqual([0, 0, 0]);
    expect(() => chains(workedExample(), "XX", "RU")).toThrow(/analysis\/chains: unknown place "XX"/);
  });
});
