import { describe, expect, it } from "vitest";
import type { Scene, SceneEdge, SceneNode } from "../../../src/state/scene";
import { easeInOutCubic, edgeTweenKey, lerp, tweenScene } from "../../../src/view/tween";
import { createWidthScale } from "../../../src/state/widthScale";

const node = (id: string, x: number, y: number, size: number): SceneNode => ({
  id,
  label: id,
  x,
  y,
  size,
  color: "#000000",
  kind: "exit",
  volume: 0,
});
const edge = (id: string, source: string, target: string, size: number): SceneEdge => ({
  id,
  source,
  target,
  size,
  color: "#000",
  volume: 0,
  modelled: false,
  lane: "other",
});
const scene = (nodes: SceneNode[], edges: SceneEdge[]): Scene => ({
  nodes,
  edges,
  widthScale: createWidthScale("linear", [1], 1, 2),
  maxNodeVolume: 1,
  scaleSpan: { kind: "year", years: null },
  panel: null,
});

describe("easing and interpolation", () => {
  it("easeInOutCubic(t) is 0 at 0, 1/2 at 1/2, 1 at 1, 1/32 at 1/4, and clamps outside [0, 1]", () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBe(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.25)).toBeCloseTo(4 * 0.25 ** 3, 12); // 0.0625
    expect(easeInOutCubic(0.75)).toBeCloseTo(1 - 0.0625, 12);
    expect(easeInOutCubic(-1)).toBe(0);
    expect(easeInOutCubic(2)).toBe(1);
  });
  it("lerp(a, b, t) goes a quarter of the way at t = 0.25", () => {
    expect(lerp(10, 30, 0.25)).toBe(15);
  });
  it("edgeTweenKey drops the year so a hop matches itself across years", () => {
    expect(edgeTweenKey("horgos>kz@2023/road")).toBe("horgos>kz/road");
    expect(edgeTweenKey("horgos>kz@2024/road")).toBe(edgeTweenKey("horgos>kz@2023/road"));
    expect(edgeTweenKey("plain")).toBe("plain");
  });
});

describe("tweenScene", () => {
  const a = scene(
    [node("p", 0, 0, 4), node("q", 10, 0, 2), node("gone", 5, 5, 6)],
    [edge("p>q@2023/road", "p", "q", 2), edge("q>gone@2023/road", "q", "gone", 8)],
  );
  const b = scene(
    [node("p", 10, 20, 8), node("q", 10, 0, 2), node("new", 0, 9, 10)],
    [edge("p>q@2024/road", "p", "q", 10), edge("p>new@2024/sea", "p", "new", 4)],
  );

  it("moves and resizes shared nodes linearly: halfway is the midpoint", () => {
    const mid = tweenScene(a, b, 0.5);
    const p = mid.nodes.find((n) => n.id === "p")!;
    expect([p.x, p.y, p.size]).toEqual([5, 10, 6]);
  });
  it("grows entering nodes and edges from 0 and shrinks leaving ones to 0", () => {
    const t = tweenScene(a, b, 0.25);
    expect(t.nodes.find((n) => n.id === "new")!.size).toBe(2.5);
    expect(t.nodes.find((n) => n.id === "gone")!.size).toBe(4.5);
    expect(t.edges.find((e) => e.id === "p>new@2024/sea")!.size).toBe(1);
    expect(t.edges.find((e) => e.id === "q>gone@2023/road")!.size).toBe(6);
  });
  it("matches a hop across years and tweens its width: 2 → 10 is 6 at t = 0.5, under the new id", () => {
    const mid = tweenScene(a, b, 0.5);
    expect(mid.edges.filter((e) => edgeTweenKey(e.id) === "p>q/road")).toEqual([expect.objectContaining({ id: "p>q@2024/road", size: 6 })]);
  });
  it("is the start at t = 0 (sizes and places) and exactly the target at t = 1", () => {
    const start = tweenScene(a, b, 0);
    expect(start.nodes.find((n) => n.id === "p")).toMatchObject({ x: 0, y: 0, size: 4 });
    expect(start.edges.find((e) => e.id === "q>gone@2023/road")!.size).toBe(8);
    expect(tweenScene(a, b, 1)).toBe(b);
  });
  it("every edge drawn mid-way has both of its ends drawn", () => {
    const mid = tweenScene(a, b, 0.5);
    const ids = new Set(mid.nodes.map((n) => n.id));
    for (const e of mid.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});
