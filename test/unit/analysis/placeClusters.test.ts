import { describe, expect, it } from "vitest";
import { clusterHierarchy, levelsToExpand, mergeLevel, type ClusterPoint } from "../../../src/analysis/placeClusters";

// Two tight pairs far apart: A–B 1 apart, C–D 2 apart, the pairs 100 apart.
const PAIRS: ClusterPoint[] = [
  { id: "A", x: 0, y: 0, weight: 3 },
  { id: "B", x: 1, y: 0, weight: 1 },
  { id: "C", x: 100, y: 0, weight: 2 },
  { id: "D", x: 100, y: 2, weight: 2 },
];
const singles = (points: ClusterPoint[]) => points.map((p) => ({ ...p, members: [p.id] }));
const weights = (points: ClusterPoint[]) => new Map(points.map((p) => [p.id, p.weight]));

describe("mergeLevel", () => {
  it("merges each tight pair into one cluster at the weighted centroid, heaviest member first", () => {
    const level = mergeLevel(singles(PAIRS), 10, 0, weights(PAIRS));
    expect(level.clusters).toEqual([
      // (0·3 + 1·1) / 4 = 0.25
      { id: "cluster:A", x: 0.25, y: 0, weight: 4, members: ["A", "B"] },
      // equal weights: the centroid is halfway, members by id
      { id: "cluster:C", x: 100, y: 1, weight: 4, members: ["C", "D"] },
    ]);
    expect(level.clusterOf.get("B")?.id).toBe("cluster:A");
    expect(level.clusterOf.get("D")?.id).toBe("cluster:C");
  });

  it("keeps a place alone when nothing is within the radius (same object id), and takes no place twice", () => {
    const level = mergeLevel(singles(PAIRS), 1.5, 0, weights(PAIRS));
    // A–B (1) merge; C–D (2) stay apart.
    expect(level.clusters.map((c) => c.id)).toEqual(["cluster:A", "C", "D"]);
    // A chain 0, 0.9, 1.8 with radius 1: A seeds and takes B; C is 1.8 from A's seed and stays alone.
    const chain: ClusterPoint[] = [
      { id: "a", x: 0, y: 0, weight: 1 },
      { id: "b", x: 0.9, y: 0, weight: 1 },
      { id: "c", x: 1.8, y: 0, weight: 1 },
    ];
    expect(mergeLevel(singles(chain), 1, 0, weights(chain)).clusters.map((c) => c.members)).toEqual([["a", "b"], ["c"]]);
  });

  it("places that weigh nothing merge at their plain mean", () => {
    const zero: ClusterPoint[] = [
      { id: "p", x: 0, y: 0, weight: 0 },
      { id: "q", x: 4, y: 2, weight: 0 },
    ];
    expect(mergeLevel(singles(zero), 5, 0, weights(zero)).clusters).toEqual([
      { id: "cluster:p", x: 2, y: 1, weight: 0, members: ["p", "q"] },
    ]);
  });
});

describe("clusterHierarchy", () => {
  // Radii 0.25, 0.5, 1, 2, 4, 8, 16 for levels −2 … 4.
  const h = clusterHierarchy(PAIRS, 1, -2, 4);
  const members = (k: number) => h.levels.get(k)!.clusters.map((c) => c.members);

  it("merges A–B from radius 1 and C–D from radius 2; the pairs never (100 apart)", () => {
    expect(members(-2)).toEqual([["A"], ["C"], ["D"], ["B"]]);
    expect(members(-1)).toEqual([["A"], ["C"], ["D"], ["B"]]);
    expect(members(0)).toEqual([["A", "B"], ["C"], ["D"]]);
    expect(members(1)).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
    expect(members(4)).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
  });

  it("clusters nest: every cluster of a level is a union of clusters of the level below", () => {
    for (let k = -1; k <= 4; k++) {
      const below = h.levels.get(k - 1)!;
      for (const c of h.levels.get(k)!.clusters) {
        const parts = new Set(c.members.map((m) => below.clusterOf.get(m)!.id));
        const covered = [...parts].flatMap((id) => below.clusters.find((b) => b.id === id)!.members);
        expect(covered.sort()).toEqual([...c.members].sort());
      }
    }
  });

  it("says how many levels down a cluster splits: A–B at level −1 (5 down from 4), C–D at level 0 (4 down)", () => {
    const top = h.levels.get(4)!;
    expect(levelsToExpand(h, 4, top.clusterOf.get("A")!)).toBe(5);
    expect(levelsToExpand(h, 4, top.clusterOf.get("C")!)).toBe(4);
    // Places at one position never split.
    const same = clusterHierarchy(
      [
        { id: "x", x: 1, y: 1, weight: 1 },
        { id: "y", x: 1, y: 1, weight: 1 },
      ],
      1,
      -3,
      0,
    );
    expect(levelsToExpand(same, 0, same.levels.get(0)!.clusters[0]!)).toBeNull();
  });
});
