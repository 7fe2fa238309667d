import { describe, expect, it } from "vitest";
import {
  attribution,
  attributionMatrix,
  edgeAttribution,
  massBalance,
  nodeAttribution,
  originMixOfNode,
  UNEXPLAINED_ORIGIN,
} from "../../../src/analysis";
import { cycleExample, mapOf, tradeGraph, workedExample } from "./fixtures";

function matrixEntry(m: ReturnType<typeof attributionMatrix>, origin: string, place: string): number {
  return m.values[m.origins.indexOf(origin) * m.places.length + m.places.indexOf(place)]!;
}

describe("attribution(graph) traces origins through well-mixed pools", () => {
  it("splits Russia's 80 into 67.5 from CN and 12.5 from KR (docs/methods.md worked check)", () => {
    const a = attribution(workedExample());
    expect(a.method).toBe("topological");
    const ru = nodeAttribution(a, "RU");
    expect(ru.T).toBe(80);
    expect(ru.d).toBe(80);
    expect(mapOf(ru.mix)).toEqual({ CN: 0.84375, KR: 0.15625 });
    const m = attributionMatrix(workedExample());
    expect(matrixEntry(m, "CN", "RU")).toBeCloseTo(67.5, 12);
    expect(matrixEntry(m, "KR", "RU")).toBeCloseTo(12.5, 12);
  });

  it("puts 37.5 CN and 12.5 KR on the edge KZ→RU", () => {
    const a = attribution(workedExample());
    expect(mapOf(edgeAttribution(a, "KZ>RU/road"))).toEqual({ CN: 37.5, KR: 12.5 });
    expect(mapOf(edgeAttribution(a, "KG>RU/road"))).toEqual({ CN: 30 });
  });

  it("lets KZ and KG absorb the rest: KZ 22.5 CN + 7.5 KR, KG 10 CN, rows summing to g", () => {
    const m = attributionMatrix(workedExample());
    expect(matrixEntry(m, "CN", "KZ")).toBeCloseTo(22.5, 12);
    expect(matrixEntry(m, "KR", "KZ")).toBeCloseTo(7.5, 12);
    expect(matrixEntry(m, "CN", "KG")).toBeCloseTo(10, 12);
    const rowSum = (k: string) => m.places.reduce((s, p) => s + matrixEntry(m, k, p), 0);
    expect(rowSum("CN")).toBeCloseTo(100, 12);
    expect(rowSum("KR")).toBeCloseTo(20, 12);
  });

  it("originMixOfNode(graph, RU) matches the full run while reading only RU's upstream", () => {
    const one = originMixOfNode(workedExample(), "RU");
    expect(mapOf(one.volumes)).toEqual({ CN: 67.5, KR: 12.5 });
    expect(mapOf(one.absorbed)).toEqual({ CN: 67.5, KR: 12.5 });
    expect(one.upstream).toBe(5);
    const kg = originMixOfNode(workedExample(), "KG");
    expect(mapOf(kg.mix)).toEqual({ CN: 1 });
    expect(kg.upstream).toBe(2);
  });

  it("solves a cycle KZ⇄KG: KZ is 15/16 CN, KG 5/8 CN, Russia 53.125 CN + 6.875 KR", () => {
    for (const denseLimit of [256, 0]) {
      const a = attribution(cycleExample(), { denseLimit });
      expect(a.method).toBe("linear-solve");
      expect(a.converged).toBe(true);
      expect(nodeAttribution(a, "KZ").mix.get("CN")).toBeCloseTo(15 / 16, 10);
      expect(nodeAttribution(a, "KG").mix.get("CN")).toBeCloseTo(5 / 8, 10);
      expect(nodeAttribution(a, "KG").mix.get("KR")).toBeCloseTo(3 / 8, 10);
      const ru = nodeAttribution(a, "RU");
      expect(ru.mix.get("CN")! * ru.T).toBeCloseTo(53.125, 9);
      expect(ru.mix.get("KR")! * ru.T).toBeCloseTo(6.875, 9);
    }
    const one = originMixOfNode(cycleExample(), "RU");
    expect(mapOf(one.volumes, 9)).toEqual({ CN: 53.125, KR: 6.875 });
  });

  it("conserves each origin around the cycle: CN 28.125 + 18.75 + 53.125 = 100", () => {
    const m = attributionMatrix(cycleExample());
    expect(matrixEntry(m, "CN", "KZ")).toBeCloseTo(28.125, 9);
    expect(matrixEntry(m, "CN", "KG")).toBeCloseTo(18.75, 9);
    expect(matrixEntry(m, "KR", "KZ") + matrixEntry(m, "KR", "KG") + matrixEntry(m, "KR", "RU")).toBeCloseTo(20, 9);
  });

  it("leaves disconnected places alone: an isolated place has T 0 and an empty mix", () => {
    const g = workedExample();
    g.addNode("MN", { kind: "market" });
    g.addNode("JP", { kind: "origin" });
    g.addNode("TH", { kind: "market" });
    g.addEdgeWithKey("JP>TH/sea", "JP", "TH", { weight: 10 });
    const a = attribution(g);
    const mn = nodeAttribution(a, "MN");
    expect([mn.T, mn.g, mn.d, mn.r, mn.mix.size]).toEqual([0, 0, 0, 0, 0]);
    expect(mapOf(nodeAttribution(a, "TH").mix)).toEqual({ JP: 1 });
    expect(mapOf(nodeAttribution(a, "RU").mix)).toEqual({ CN: 0.84375, KR: 0.15625 });
    expect(originMixOfNode(g, "MN").mix.size).toBe(0);
  });

  it("reads zero, missing, NaN and negative volumes as 0", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KZ", "transit"],
        ["RU", "market"],
      ],
      [
        ["CN", "KZ", 60],
        ["CN", "KZ", undefined, "rail"],
        ["CN", "KZ", Number.NaN, "sea"],
        ["CN", "KZ", -5, "air"],
        ["KZ", "RU", 0],
      ],
    );
    const a = attribution(g);
    const kz = nodeAttribution(a, "KZ");
    expect([kz.inflow, kz.outflow, kz.d, kz.T]).toEqual([60, 0, 60, 60]);
    expect(mapOf(kz.mix)).toEqual({ CN: 1 });
    const ru = nodeAttribution(a, "RU");
    expect([ru.T, ru.mix.size]).toEqual([0, 0]);
    expect(edgeAttribution(a, "KZ>RU/road").size).toBe(0);
  });

  it("sums two modes between the same places and splits each edge by the pool's mix", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KR", "origin"],
        ["KZ", "transit"],
        ["RU", "market"],
      ],
      [
        ["CN", "KZ", 40, "road"],
        ["CN", "KZ", 20, "rail"],
        ["KR", "KZ", 20],
        ["KZ", "RU", 30, "road"],
        ["KZ", "RU", 20, "rail"],
      ],
    );
    const a = attribution(g);
    expect(mapOf(nodeAttribution(a, "KZ").mix)).toEqual({ CN: 0.75, KR: 0.25 });
    expect(mapOf(edgeAttribution(a, "KZ>RU/road"))).toEqual({ CN: 22.5, KR: 7.5 });
    expect(mapOf(edgeAttribution(a, "KZ>RU/rail"))).toEqual({ CN: 15, KR: 5 });
    expect(mapOf(originMixOfNode(g, "RU").volumes)).toEqual({ CN: 37.5, KR: 12.5 });
  });

  it("gives an origin that also receives flows a mixed pool, and one that receives more than it sends an absorption", () => {
    const feeds = tradeGraph(
      [
        ["HK", "origin"],
        ["CN", "origin"],
        ["KZ", "transit"],
      ],
      [
        ["HK", "CN", 50],
        ["CN", "KZ", 80],
      ],
    );
    const cn = nodeAttribution(attribution(feeds), "CN");
    expect([cn.g, cn.d, cn.T]).toEqual([30, 0, 80]);
    expect(mapOf(cn.mix)).toEqual({ CN: 0.375, HK: 0.625 });
    const sink = tradeGraph(
      [
        ["HK", "origin"],
        ["CN", "origin"],
        ["KZ", "transit"],
      ],
      [
        ["HK", "CN", 50],
        ["CN", "KZ", 20],
      ],
    );
    const a = attribution(sink);
    const cn2 = nodeAttribution(a, "CN");
    expect([cn2.g, cn2.d, cn2.T]).toEqual([0, 30, 50]);
    expect(a.origins).toEqual(["HK"]);
    expect(mapOf(cn2.mix)).toEqual({ HK: 1 });
  });

  it("shows a transit place that sends on more than it receives as a residual traced as (unexplained)", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KZ", "transit"],
        ["RU", "market"],
      ],
      [
        ["CN", "KZ", 50],
        ["KZ", "RU", 80],
      ],
    );
    const [, kz] = massBalance(g);
    expect(kz).toEqual({ id: "KZ", inflow: 50, outflow: 80, g: 0, d: 0, r: 30, T: 80 });
    const a = attribution(g);
    expect(a.origins).toEqual(["CN", UNEXPLAINED_ORIGIN]);
    expect(mapOf(nodeAttribution(a, "RU").mix)).toEqual({ CN: 0.625, [UNEXPLAINED_ORIGIN]: 0.375 });
    expect(mapOf(originMixOfNode(g, "RU").volumes)).toEqual({ CN: 50, [UNEXPLAINED_ORIGIN]: 30 });
  });

  it("infers sources when kind is missing: no inflow means origin, otherwise a residual", () => {
    const g = tradeGraph(
      [
        ["A", undefined],
        ["B", undefined],
        ["C", undefined],
      ],
      [
        ["A", "B", 10],
        ["B", "C", 15],
      ],
    );
    const bal = Object.fromEntries(massBalance(g).map((b) => [b.id, [b.g, b.d, b.r]]));
    expect(bal).toEqual({ A: [10, 0, 0], B: [0, 0, 5], C: [0, 15, 0] });
    expect(mapOf(nodeAttribution(attribution(g), "C").mix)).toEqual({ A: 0.666666667, [UNEXPLAINED_ORIGIN]: 0.333333333 });
  });

  it("gives a closed circulation with nothing entering it an empty mix, not NaN", () => {
    const g = tradeGraph(
      [
        ["KZ", "transit"],
        ["KG", "transit"],
      ],
      [
        ["KZ", "KG", 10],
        ["KG", "KZ", 10],
      ],
    );
    const a = attribution(g);
    expect([...a.mix].every((x) => x === 0)).toBe(true);
    expect(nodeAttribution(a, "KZ").T).toBe(10);
  });

  it("reports progress and stops when its signal is aborted", () => {
    const seen: number[] = [];
    attribution(workedExample(), { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    expect(() => attribution(workedExample(), { signal: controller.signal })).toThrow(/aborted/);
  });
});
