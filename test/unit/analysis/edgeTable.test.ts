import { describe, expect, it } from "vitest";
import { originMixOfNode } from "../../../src/analysis";
import { reachable } from "../../../src/analysis/compactGraph";
import { edgeTable } from "../../../src/analysis/edgeTable";
import { mapOf, workedExample } from "./fixtures";

describe("edgeTable(graph, weight) reads a graph once and forgets it when the graph changes", () => {
  it("holds tails, heads, volumes and both CSR adjacencies of the worked example", () => {
    const g = workedExample();
    const t = edgeTable(g, "weight");
    expect(t.ids).toEqual(["CN", "KR", "KZ", "KG", "RU"]);
    const edges = [...t.keys].map((k, e) => `${t.ids[t.tail[e]!]}>${t.ids[t.head[e]!]}=${t.volume[e]}`);
    expect(edges.sort()).toEqual(["CN>KG=40", "CN>KZ=60", "KG>RU=30", "KR>KZ=20", "KZ>RU=50"]);
    const into = (id: string) => {
      const i = t.index.get(id)!;
      return [...t.inEdge.subarray(t.inStart[i]!, t.inStart[i + 1]!)].map((e) => t.ids[t.tail[e]!]).sort();
    };
    expect(into("RU")).toEqual(["KG", "KZ"]);
    expect(into("KZ")).toEqual(["CN", "KR"]);
    expect(into("CN")).toEqual([]);
  });

  it("returns the same table until an edge, a node or an edge attribute changes", () => {
    const g = workedExample();
    const first = edgeTable(g, "weight");
    expect(edgeTable(g, "weight")).toBe(first);
    expect(edgeTable(g, "usd")).not.toBe(first);
    g.setAttribute("title", "unchanged edges");
    expect(edgeTable(g, "weight")).toBe(first);
    g.setEdgeAttribute("KZ>RU/road", "weight", 10);
    const second = edgeTable(g, "weight");
    expect(second).not.toBe(first);
    g.addNode("AM", { kind: "market" });
    expect(edgeTable(g, "weight")).not.toBe(second);
  });

  it("a changed flow changes the next origin mix (no stale copy): Russia 80 → 40 after KZ→RU drops to 10", () => {
    const g = workedExample();
    expect(mapOf(originMixOfNode(g, "RU").volumes)).toEqual({ CN: 67.5, KR: 12.5 });
    g.setEdgeAttribute("KZ>RU/road", "weight", 10);
    // KZ: 80 in, 10 out → KZ→RU carries 7.5 CN + 2.5 KR; KG→RU still 30 CN.
    expect(mapOf(originMixOfNode(g, "RU").volumes)).toEqual({ CN: 37.5, KR: 2.5 });
    g.dropEdge("KG>RU/road");
    expect(mapOf(originMixOfNode(g, "RU").volumes)).toEqual({ CN: 7.5, KR: 2.5 });
    expect(reachable(g, "RU", "in").sort()).toEqual(["CN", "KR", "KZ", "RU"]);
  });

  it("reachable() walks the table breadth-first from its start, both ways", () => {
    const g = workedExample();
    expect(reachable(g, "RU", "in")[0]).toBe("RU");
    expect(reachable(g, "RU", "in").sort()).toEqual(["CN", "KG", "KR", "KZ", "RU"]);
    expect(reachable(g, "KR", "out")).toEqual(["KR", "KZ", "RU"]);
    expect(() => reachable(g, "XX", "out")).toThrow(/unknown place "XX"/);
  });
});
