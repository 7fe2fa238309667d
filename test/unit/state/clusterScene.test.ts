import { describe, expect, it } from "vitest";
import { clusterHierarchy } from "../../../src/analysis/placeClusters";
import { clusterScene, createHierarchyMemo, levelForScale, needsClustering, sceneHierarchy } from "../../../src/state/clusterScene";
import type { Scene, SceneEdge, SceneNode } from "../../../src/state/scene";
import { DEFAULT_WEIGHTING } from "../../../src/state/viewState";
import { widthScaleFromExtent } from "../../../src/state/widthScale";

const node = (id: string, x: number, y: number, volume: number): SceneNode => ({
  id,
  label: `${id}-name`,
  x,
  y,
  size: 3,
  color: `#${id}${id}${id}`,
  kind: "market",
  volume,
});
const edge = (id: string, source: string, target: string, volume: number, lane = "markets"): SceneEdge => ({
  id,
  source,
  target,
  volume,
  lane,
  size: 1 + volume,
  color: lane,
  modelled: false,
});
// Linear widths over [0, 10] → [1, 11]: width = 1 + v.
const weighting = { ...DEFAULT_WEIGHTING, scale: "linear" as const, minWidth: 1, maxWidth: 11 };
const scene: Scene = {
  // Two tight pairs (A–B 1 apart, C–D 2 apart) and E far away.
  nodes: [node("A", 0, 0, 13), node("B", 1, 0, 9), node("C", 100, 0, 14), node("D", 100, 2, 6), node("E", 500, 0, 2)],
  edges: [
    edge("ac", "A", "C", 10, "central-asia"),
    edge("bd", "B", "D", 5),
    edge("ab", "A", "B", 3),
    edge("ca", "C", "A", 4),
    edge("db", "D", "B", 1),
    edge("be", "B", "E", 2),
  ],
  widthScale: widthScaleFromExtent("linear", [1, 10], 1, 11, true),
  maxNodeVolume: 14,
  scaleSpan: { kind: "year", years: null },
  panel: null,
};
// Radius 2 at level 1 (base 1): {A, B} and {C, D} merge, E stays alone.
const hierarchy = clusterHierarchy(
  scene.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, weight: n.volume })),
  1,
  -2,
  9,
);

describe("clusterScene", () => {
  const drawn = clusterScene(scene, hierarchy, 1, weighting);
  const byId = new Map(drawn.nodes.map((n) => [n.id, n]));
  const edges = new Map(drawn.edges.map((e) => [e.id, e]));

  it("draws two clusters at their volume-weighted centroids, labelled by the largest member", () => {
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(["E", "cluster:A", "cluster:C"]);
    const a = byId.get("cluster:A")!;
    // (0·13 + 1·9) / 22; (0·14 + 2·6) / 20
    expect([a.x, a.y]).toEqual([9 / 22, 0]);
    expect(byId.get("cluster:C")!.y).toBeCloseTo(0.6, 12);
    expect(a.label).toBe("A-name + 1 more");
    expect(a.cluster).toBe(2);
    expect(a.color).toBe("#AAA");
  });

  it("merges flows between clusters (directed, volumes summed) and drops flows inside one, counting them", () => {
    expect(edges.get("merged:cluster:A\u2192cluster:C")).toMatchObject({ source: "cluster:A", target: "cluster:C", volume: 15, merged: 2 });
    // The largest member's lane and colour.
    expect(edges.get("merged:cluster:A\u2192cluster:C")!.lane).toBe("central-asia");
    expect(edges.get("merged:cluster:C\u2192cluster:A")).toMatchObject({ volume: 5, merged: 2 });
    // A single flow keeps its id, re-ended at its cluster.
    expect(edges.get("be")).toMatchObject({ source: "cluster:A", target: "E", volume: 2 });
    expect(drawn.edges).toHaveLength(3);
    const c = drawn.clustering!;
    expect([c.internalFlows, c.internalVolume, c.flows, c.drawnFlows, c.clusters, c.clusteredPlaces, c.places]).toEqual([
      1, 3, 6, 3, 2, 4, 5,
    ]);
    expect(c.edgeOf.get("bd")).toBe("merged:cluster:A\u2192cluster:C");
    expect(c.edgeMembers.get("merged:cluster:C\u2192cluster:A")).toEqual(["ca", "db"]);
    expect(c.placeOf.get("D")).toBe("cluster:C");
  });

  it("totals each cluster's in and out volume (flows inside it counted both ways)", () => {
    const a = drawn.clustering!.byId.get("cluster:A")!;
    // in: C→A 4, A→B 3, D→B 1; out: A→C 10, A→B 3, B→D 5, B→E 2
    expect([a.inflow, a.outflow, a.internalFlows, a.internalVolume]).toEqual([8, 20, 1, 3]);
    expect(a.members).toEqual([
      { id: "A", name: "A-name" },
      { id: "B", name: "B-name" },
    ]);
    const c = drawn.clustering!.byId.get("cluster:C")!;
    expect([c.inflow, c.outflow]).toEqual([15, 5]);
    // A–B split at level 0 (radius 1 still holds them; 0.5 does not): 2 levels down from 1 → zoom in ×4.
    expect(a.expandBy).toBe(4);
    // C–D split just below radius 2: ×2.
    expect(c.expandBy).toBe(2);
  });

  it("widens the width and size scales to the merged flows and clusters", () => {
    // Widths: linear [0, 15] → [1, 11].
    expect(edges.get("merged:cluster:A\u2192cluster:C")!.size).toBeCloseTo(11, 12);
    expect(edges.get("merged:cluster:C\u2192cluster:A")!.size).toBeCloseTo(1 + 10 / 3, 12);
    expect(drawn.widthScale.domain).toEqual([0, 15]);
    // Sizes: sqrt [0, 20] → [2.5, 12] (cluster A throughput = max(8, 20) = 20).
    expect(byId.get("cluster:A")!.size).toBeCloseTo(12, 12);
    expect(byId.get("cluster:C")!.size).toBeCloseTo(2.5 + 9.5 * Math.sqrt(15 / 20), 12);
    expect(byId.get("E")!.size).toBeCloseTo(2.5 + 9.5 * Math.sqrt(2 / 20), 12);
    expect(drawn.maxNodeVolume).toBe(20);
  });

  it("returns the scene itself where nothing merges (zoomed in, or below the levels built)", () => {
    expect(clusterScene(scene, hierarchy, -1, weighting)).toBe(scene);
    expect(clusterScene(scene, hierarchy, -5, weighting)).toBe(scene);
  });

  it("draws smaller flows lighter than the largest of their lane, largest first", () => {
    const hex = { ...scene, edges: scene.edges.map((e) => ({ ...e, color: "#000000" })) };
    const out = clusterScene(hex, hierarchy, 1, weighting);
    // Largest first. A→C (15) is in central-asia (its largest flow's lane); C→A (5) and be (2) in markets.
    expect(out.edges.map((e) => [e.id, e.volume])).toEqual([
      ["merged:cluster:A\u2192cluster:C", 15],
      ["merged:cluster:C\u2192cluster:A", 5],
      ["be", 2],
    ]);
    // The largest of its lane keeps its colour; markets' largest is C→A (5): be is tinted 0.85 × (1 − √(2/5)).
    expect(out.edges[0]!.color).toBe("#000000");
    expect(out.edges[1]!.color).toBe("#000000");
    const v = Math.round(255 * 0.85 * (1 - Math.sqrt(2 / 5)));
    expect(out.edges[2]!.color).toBe(`#${v.toString(16).padStart(2, "0").repeat(3)}`);
  });

  it("keeps the width scale when no merged flow is above its top", () => {
    const small = { ...scene, widthScale: widthScaleFromExtent("linear", [1, 100], 1, 11, true) };
    const out = clusterScene(small, hierarchy, 1, weighting);
    expect(out.widthScale).toBe(small.widthScale);
    // merged 15 on [0, 100]: 1 + 10·0.15
    expect(out.edges.find((e) => e.id === "merged:cluster:A\u2192cluster:C")!.size).toBeCloseTo(2.5, 12);
  });
});

describe("when and how much to cluster", () => {
  it("clusters only above 150 places or 400 flows", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => node(`n${i}`, i, 0, 1));
    expect(needsClustering({ ...scene, nodes: many(150) })).toBe(false);
    expect(needsClustering({ ...scene, nodes: many(151) })).toBe(true);
    const flows = (n: number) => Array.from({ length: n }, (_, i) => edge(`e${i}`, "A", "B", 1));
    expect(needsClustering({ ...scene, edges: flows(400) })).toBe(false);
    expect(needsClustering({ ...scene, edges: flows(401) })).toBe(true);
    // Aggregates are not places on the map.
    expect(needsClustering({ ...scene, nodes: [...many(150), { ...node("agg", 0, 0, 1), aggregate: true }] })).toBe(false);
  });

  it("picks the level whose radius (32 px × 2^level graph units) is 32 px at the map's scale", () => {
    expect(levelForScale(1)).toBe(0);
    expect(levelForScale(0.25)).toBe(-2);
    expect(levelForScale(2.9)).toBe(2);
  });

  it("builds levels from the one spanning every place down", () => {
    // Span 500 → top level ceil(log2(500 / 32)) = 4.
    const h = sceneHierarchy(scene);
    expect([h.minLevel, h.maxLevel, h.baseRadius]).toEqual([-10, 4, 32]);
  });

  it("weighs places by the weights given (every year's volume), not the volume drawn", () => {
    // Drawn volumes make A the seed of {A, B}; every year's volumes make B heavier: B seeds and names it,
    // and the centroid moves to B's side: (0·1 + 1·3) / 4 = 0.75.
    const weights = new Map([
      ["A", 1],
      ["B", 3],
      ["C", 14],
      ["D", 6],
      ["E", 2],
    ]);
    const h = sceneHierarchy(scene, weights);
    const ab = h.levels.get(-4)!.clusterOf.get("A")!;
    expect(ab.members).toEqual(["B", "A"]);
    expect(ab.id).toBe("cluster:B");
    expect(ab.x).toBeCloseTo(0.75, 12);
    // A place the weights do not name weighs nothing.
    const hz = sceneHierarchy(scene, new Map([["C", 1]]));
    expect(hz.levels.get(-4)!.clusterOf.get("C")!.members).toEqual(["C", "D"]);
  });
});

describe("the hierarchy kept across changes", () => {
  const weights = new Map([["A", 1]]);
  it("is built again only when a place moves, comes or goes, or the weights change", () => {
    const hierarchyOf = createHierarchyMemo();
    const first = hierarchyOf(scene, weights);
    // Another scene (a threshold or year change): other volumes, sizes and flows, the same places where they were.
    const rescaled: Scene = { ...scene, nodes: scene.nodes.map((n) => ({ ...n, volume: n.volume * 2, size: 7 })), edges: [] };
    expect(hierarchyOf(rescaled, weights)).toBe(first);
    // An aggregate added is not a place on the map.
    expect(hierarchyOf({ ...scene, nodes: [...scene.nodes, { ...node("agg", 9, 9, 1), aggregate: true }] }, weights)).toBe(first);
    const moved: Scene = { ...scene, nodes: scene.nodes.map((n) => (n.id === "D" ? { ...n, y: 3 } : n)) };
    const second = hierarchyOf(moved, weights);
    expect(second).not.toBe(first);
    expect(second.levels.get(second.minLevel)!.clusterOf.get("D")!.y).toBe(3);
    expect(hierarchyOf(moved, new Map(weights))).not.toBe(second);
    expect(
      hierarchyOf({ ...moved, nodes: moved.nodes.slice(1) }, weights)
        .levels.get(0)!
        .clusterOf.has("A"),
    ).toBe(false);
  });
});
