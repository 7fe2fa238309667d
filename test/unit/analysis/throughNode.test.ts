import { describe, expect, it } from "vitest";
import { throughNode } from "../../../src/analysis";
import { cycleExample, mapOf, workedExample } from "./fixtures";

describe("throughNode(graph, place) shows what feeds a place and where its throughput goes", () => {
  it("feeds KZ with 60 CN + 20 KR and sends its 80 to KZ itself (30) and RU (50)", () => {
    const r = throughNode(workedExample(), "KZ");
    expect(mapOf(r.origins)).toEqual({ CN: 60, KR: 20 });
    expect(mapOf(r.destinations)).toEqual({ KZ: 30, RU: 50 });
    expect(r.upstreamNodes.sort()).toEqual(["CN", "KR"]);
    expect(r.upstreamEdges.sort()).toEqual(["CN>KZ/road", "KR>KZ/road"]);
    expect(r.downstreamNodes).toEqual(["RU"]);
    expect(r.downstreamEdges).toEqual(["KZ>RU/road"]);
  });

  it("traces forward around a cycle: KZ's 120 ends 33.75 in KZ, 22.5 in KG, 63.75 in RU", () => {
    const r = throughNode(cycleExample(), "KZ");
    expect(mapOf(r.origins, 9)).toEqual({ CN: 112.5, KR: 7.5 });
    expect(mapOf(r.destinations, 9)).toEqual({ KG: 22.5, KZ: 33.75, RU: 63.75 });
    expect(r.downstreamNodes.sort()).toEqual(["KG", "RU"]);
  });

  it("gives a market no destinations but itself and an origin no origins but itself", () => {
    expect(mapOf(throughNode(workedExample(), "RU").destinations)).toEqual({ RU: 80 });
    const cn = throughNode(workedExample(), "CN");
    expect(mapOf(cn.origins)).toEqual({ CN: 100 });
    expect(mapOf(cn.destinations)).toEqual({ KG: 10, KZ: 22.5, RU: 67.5 });
  });
});
