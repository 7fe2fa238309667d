// Tweening between two scenes: node positions and sizes, edge widths. Pure: (from, to, t) → scene,
// so the renderer can draw intermediate frames and tests can check the arithmetic.
import type { Scene, SceneEdge, SceneNode } from "../state/scene";

/** Ease in and out (cubic): 0 → 0, 0.5 → 0.5, 1 → 1, slow at both ends. */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * Key that matches the same hop across years: flow ids are `${from}>${to}@${year}/${mode}`, so the
 * year is dropped; other ids are kept as they are.
 */
export function edgeTweenKey(id: string): string {
  return id.replace(/@\d+\//, "/");
}

/**
 * The scene at `t` (0..1, already eased) between `from` and `to`. Nodes and edges present in both
 * move and resize linearly; those only in `to` grow from size 0 at their target place; those only in
 * `from` shrink to 0 and are gone at t = 1. At t ≥ 1 the result is `to` itself.
 */
export function tweenScene(from: Scene, to: Scene, t: number): Scene {
  if (t >= 1) return to;
  const fromNodes = new Map(from.nodes.map((n) => [n.id, n]));
  const toIds = new Set(to.nodes.map((n) => n.id));
  const nodes: SceneNode[] = to.nodes.map((n) => {
    const a = fromNodes.get(n.id);
    if (!a) return { ...n, size: lerp(0, n.size, t) };
    return { ...n, x: lerp(a.x, n.x, t), y: lerp(a.y, n.y, t), size: lerp(a.size, n.size, t) };
  });
  for (const a of from.nodes) if (!toIds.has(a.id)) nodes.push({ ...a, size: lerp(a.size, 0, t) });

  const fromEdges = new Map(from.edges.map((e) => [edgeTweenKey(e.id), e]));
  const toKeys = new Set(to.edges.map((e) => edgeTweenKey(e.id)));
  const edges: SceneEdge[] = to.edges.map((e) => {
    const a = fromEdges.get(edgeTweenKey(e.id));
    return { ...e, size: lerp(a ? a.size : 0, e.size, t) };
  });
  const ids = new Set(edges.map((e) => e.id));
  for (const a of from.edges) {
    if (toKeys.has(edgeTweenKey(a.id)) || ids.has(a.id)) continue;
    edges.push({ ...a, size: lerp(a.size, 0, t) });
  }
  return { nodes, edges, widthScale: to.widthScale, maxNodeVolume: to.maxNodeVolume, scaleSpan: to.scaleSpan, panel: to.panel };
}
