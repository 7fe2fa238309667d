import { describe, expect, it } from "vitest";
import { chains } from "../../../src/analysis/chains";
import { originBands } from "../../../src/analysis/originBands";
import { originMixOfNode } from "../../../src/analysis/attribution";
import { buildYearGraph } from "../../../src/domain/buildYearGraph";
import {
  groupOnMap,
  groupVolume,
  mixSankey,
  nodeTotals,
  sankeyGroups,
  traceSankey,
  type SankeyModel,
} from "../../../src/state/sankeyBands";
import { dataset, flow, places } from "./analysisFixture";

const g2023 = buildYearGraph(dataset, 2023);
const byId = new Map(places.map((p) => [p.id, p]));
const fmt = (v: number) => String(Math.round(v));

describe("origin bands of a place (the Sankey of its origin mix)", () => {
  // y (share of a unit leaving each place that reaches M): T 90/150 = 0.6, X 0.6, O1 0.6, O2 50/80 × 0.6 = 0.375.
  const r = originBands(g2023, "m");
  const band = (from: string, to: string, origin: string) =>
    r.bands.find((b) => b.from === from && b.to === to && b.origin === origin)?.volume;

  it("hand-computed bands: T → M 90 = O1 60 + O2 30; X → T carries 150 × 0.6 = 90 of it; O1 → X 60; O2 → X 30", () => {
    expect(band("t", "m", "o1")).toBeCloseTo(60, 9);
    expect(band("t", "m", "o2")).toBeCloseTo(30, 9);
    expect(band("x", "t", "o1")).toBeCloseTo(60, 9);
    expect(band("x", "t", "o2")).toBeCloseTo(30, 9);
    expect(band("o1", "x", "o1")).toBeCloseTo(60, 9);
    expect(band("o2", "x", "o2")).toBeCloseTo(30, 9);
    expect(r.bands.some((b) => b.to === "n")).toBe(false);
    expect(r.bands).toHaveLength(6);
  });

  it("the origins equal the attribution's origin mix of M (g · y): O1 60, O2 30, Σ = T_M = 90", () => {
    const mix = originMixOfNode(g2023, "m");
    for (const [k, v] of mix.volumes) expect(r.origins.get(k)).toBeCloseTo(v, 9);
    expect(r.T).toBe(90);
  });

  it("every place in between balances: what reaches it for M equals what it sends on for M", () => {
    const model = mixSankey(r, byId);
    const totals = nodeTotals(model);
    expect(totals.get("x")!.in).toBeCloseTo(totals.get("x")!.out, 9);
    expect(totals.get("t")!.in).toBeCloseTo(totals.get("t")!.out, 9);
    expect(totals.get("m")!.in).toBeCloseTo(90, 9);
    expect(model.total).toBeCloseTo(90, 9);
  });

  it("columns follow the kinds: origin 0, exit 1, transit 2, market 3", () => {
    const model = mixSankey(r, byId);
    expect(Object.fromEntries(model.nodes.map((n) => [n.key, n.column]))).toEqual({ o1: 0, o2: 0, x: 1, t: 2, m: 3 });
  });

  it("residual inflow enters as (unexplained): a transit sending on more than it receives", () => {
    const ds = { ...dataset, flows: [flow("o1", "x", 2023, 10), flow("x", "t", 2023, 30), flow("t", "m", 2023, 30)] };
    const res = originBands(buildYearGraph(ds, 2023), "m");
    expect(res.origins.get("(unexplained)")).toBeCloseTo(20, 9);
    expect(res.bands.find((b) => b.from === "(unexplained)")).toMatchObject({ to: "x", origin: "(unexplained)" });
    const totals = nodeTotals(mixSankey(res, byId));
    expect(totals.get("x")!.in).toBeCloseTo(totals.get("x")!.out, 9);
  });
});

describe("trace Sankey", () => {
  it("one band per chain and hop, each the chain's attributed volume: O1 → X → T → M carries 100 × 0.6 = 60 on every hop", () => {
    const result = chains(g2023, "o1", "m", { k: 10, maxHops: 6, weight: "weight" });
    const model = traceSankey({ ...result, target: "m" }, byId, fmt);
    expect(model.bands.map((b) => [b.source, b.target, b.volume])).toEqual([
      ["o1", "x", expect.closeTo(60, 9)],
      ["x", "t", expect.closeTo(60, 9)],
      ["t", "m", expect.closeTo(60, 9)],
    ]);
    expect(model.total).toBeCloseTo(60, 9);
    expect(model.bands.every((b) => b.group === "0")).toBe(true);
  });

  it("what the listed chains do not carry is one band “Other routes”, so the bands add up to the A → B total", () => {
    const fake = {
      origin: "o1",
      target: "m",
      total: 100,
      passing: 100,
      coverage: 0.7,
      chains: [
        {
          nodes: ["o1", "x", "m"],
          edges: [["e1"], ["e2"]],
          volumes: [70, 70],
          bottleneck: 70,
          product: 0.7,
          arriving: 70,
          volume: 70,
          share: 0.7,
        },
      ],
    };
    const model = traceSankey(fake, byId, fmt);
    const leaving = model.bands.filter((b) => b.source === "o1").reduce((s, b) => s + b.volume, 0);
    expect(leaving).toBeCloseTo(100, 9);
    expect(model.bands.find((b) => b.group === "-1")).toMatchObject({ source: "o1", target: "m", volume: 30, label: "Other routes" });
    expect(model.notes.join(" ")).toContain("Other routes");
  });

  it("two chains through the same places in opposite orders get one node per depth (no cycle for the drawing)", () => {
    const fake = {
      origin: "o1",
      target: "m",
      total: 20,
      passing: 20,
      coverage: 1,
      chains: [
        { nodes: ["o1", "x", "t", "m"], edges: [[], [], []], volumes: [], bottleneck: 0, product: 0, arriving: 10, volume: 10, share: 0.5 },
        { nodes: ["o1", "t", "x", "m"], edges: [[], [], []], volumes: [], bottleneck: 0, product: 0, arriving: 10, volume: 10, share: 0.5 },
      ],
    };
    const model = traceSankey(fake, byId, fmt);
    expect(new Set(model.nodes.map((n) => n.key))).toEqual(new Set(["o1", "x#1", "t#2", "t#1", "x#2", "m#3"]));
    expect(model.nodes.find((n) => n.key === "x#2")!.place).toBe("x");
  });
});

describe("groups of a Sankey: order, volume, what they run on", () => {
  const node = (key: string, place: string, column: number) => ({ key, place, name: place, column });
  const band = (source: string, target: string, volume: number, group: string, edges: string[] = []) => ({
    source,
    target,
    volume,
    group,
    label: `g${group}`,
    edges,
  });
  it("a mix group's volume is what it brings to the last column; its places are the bands' places", () => {
    const model: SankeyModel = {
      kind: "mix",
      title: "",
      total: 90,
      notes: [],
      nodes: [node("o1", "o1", 0), node("o2", "o2", 0), node("x", "x", 1), node("m", "m", 3), node("x#2", "x", 2)],
      bands: [
        band("o1", "x", 60, "o1", ["f1"]),
        band("o2", "x", 30, "o2", ["f2"]),
        band("x", "x#2", 60, "o1", ["f3"]),
        band("x#2", "m", 60, "o1", ["f4"]),
        band("x", "m", 30, "o2", ["f5"]),
      ],
    };
    expect(sankeyGroups(model)).toEqual(["o1", "o2"]);
    expect(groupVolume(model, "o1")).toBe(60);
    expect(groupVolume(model, "o2")).toBe(30);
    expect(groupVolume(model, "nobody")).toBe(0);
    const on = groupOnMap(model, "o1");
    expect([...on.nodes].sort()).toEqual(["m", "o1", "x"]);
    expect([...on.edges]).toEqual(["f1", "f3", "f4"]);
  });
  it("a chain's volume is its first band's", () => {
    const model: SankeyModel = {
      kind: "trace",
      title: "",
      total: 60,
      notes: [],
      nodes: [node("o1", "o1", 0), node("m", "m", 3)],
      bands: [band("o1", "m", 60, "0"), band("o1", "m", 40, "-1")],
    };
    expect(groupVolume(model, "0")).toBe(60);
    expect(groupVolume(model, "-1")).toBe(40);
  });
});
