import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { simplePaths } from "../../../src/analysis";
import { tradeGraph, workedExample } from "./fixtures";

describe("simplePaths(graph, A, B) lists bounded simple paths with bottlenecks", () => {
  it("lists CN→KZ→RU (bottleneck 50) and CN→KG→RU (30)", () => {
    const r = simplePaths(workedExample(), "CN", "RU");
    expect(r.stoppedEarly).toBeNull();
    expect(r.paths.map((p) => [p.nodes, p.volumes, p.bottleneck])).toEqual([
      [["CN", "KZ", "RU"], [60, 50], 50],
      [["CN", "KG", "RU"], [40, 30], 30],
    ]);
  });

  it("says it stopped on count, and follows the largest hop first", () => {
    const r = simplePaths(workedExample(), "CN", "RU", { maxPaths: 1 });
    expect(r.stoppedEarly).toBe("count");
    expect(r.paths.map((p) => p.nodes)).toEqual([["CN", "KZ", "RU"]]);
  });

  it("says it stopped on depth when the limit cut a branch toward B", () => {
    const r = simplePaths(workedExample(), "CN", "RU", { maxDepth: 1 });
    expect(r).toEqual({ paths: [], stoppedEarly: "depth" });
  });

  it("says it stopped on time on a graph with too many paths", () => {
    const g = new MultiDirectedGraph();
    for (let i = 0; i < 40; i++) g.addNode(`n${i}`);
    for (let i = 0; i < 40; i++) for (let j = i + 1; j < 40; j++) g.addEdge(`n${i}`, `n${j}`, { weight: 1 });
    const r = simplePaths(g, "n0", "n39", { maxDepth: 12, maxPaths: 1e9, maxMs: 5 });
    expect(r.stoppedEarly).toBe("time");
    expect(r.paths.length).toBeGreaterThan(0);
  });

  it("sums two modes into one hop and lists their edge ids", () => {
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
    const [p] = simplePaths(g, "CN", "RU").paths;
    expect(p).toEqual({
      nodes: ["CN", "KZ", "RU"],
      edges: [
        ["CN>KZ/road", "CN>KZ/rail"],
        ["KZ>RU/road", "KZ>RU/rail"],
      ],
      volumes: [60, 50],
      bottleneck: 50,
    });
  });

  it("skips hops whose flows are zero or missing unless includeZero is set", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KZ", "transit"],
        ["KG", "transit"],
        ["RU", "market"],
      ],
      [
        ["CN", "KZ", 10],
        ["KZ", "RU", 0],
        ["CN", "KG", undefined],
        ["KG", "RU", 5],
      ],
    );
    expect(simplePaths(g, "CN", "RU").paths).toEqual([]);
    const all = simplePaths(g, "CN", "RU", { includeZero: true }).paths;
    expect(all.map((p) => [p.nodes.join(">"), p.bottleneck]).sort()).toEqual([
      ["CN>KG>RU", 0],
      ["CN>KZ>RU", 0],
    ]);
  });

  it("never revisits a place on a cycle and returns nothing for unreachable places", () => {
    const g = tradeGraph(
      [
        ["CN", "origin"],
        ["KZ", "transit"],
        ["KG", "transit"],
        ["RU", "market"],
        ["MN", "market"],
      ],
      [
        ["CN", "KZ", 10],
        ["KZ", "KG", 4],
        ["KG", "KZ", 2],
        ["KG", "RU", 3],
        ["KZ", "RU", 5],
      ],
    );
    expect(
      simplePaths(g, "CN", "RU")
        .paths.map((p) => p.nodes.join(">"))
        .sort(),
    ).toEqual(["CN>KZ>KG>RU", "CN>KZ>RU"]);
    expect(simplePaths(g, "CN", "MN")).toEqual({ paths: [], stoppedEarly: null });
    expect(() => simplePaths(g, "CN", "RU", { maxDepth: 0 })).toThrow(/analysis\/simplePaths/);
  });
});
