// Big graphs stay legible: at low zoom, places drawn close together are drawn as one cluster and the flows
// between two clusters as one merged flow (flowmap.blue's way), splitting again as the user zooms in.
// Pure: a scene in, the scene as drawn out, with a record of what was merged (the legend and the tooltip
// say it; flows inside a cluster are not drawn but counted).
import { scaleSqrt } from "d3-scale";
import { clusterHierarchy, levelsToExpand, type ClusterHierarchy, type ClusterLevel } from "../analysis/placeClusters";
import { placeVolume } from "./scaleDomain";
import { tint } from "./palette";
import { EMPTY_NODE_SIZE, NODE_SIZE_RANGE, type Scene, type SceneEdge, type SceneNode } from "./scene";
import type { Weighting } from "./viewState";
import { widthScaleFromExtent, type WidthScale } from "./widthScale";

/** Places whose centres are within this many CSS px of a cluster's seed at the zoom shown merge into it. */
export const CLUSTER_RADIUS_PX = 32;
/** Clustering starts above this many places drawn … */
export const CLUSTER_MIN_PLACES = 150;
/** … or this many flows drawn; smaller pictures (the shipped data) are drawn as they are. */
export const CLUSTER_MIN_FLOWS = 400;
/** Levels built below the coarsest: 2^14 × zoom is far past sigma's closest camera. */
const LEVEL_SPAN = 14;

export interface ClusterSummary {
  id: string;
  /** "Horgos + 12 more". */
  label: string;
  /** Members heaviest first, with their names. */
  members: { id: string; name: string }[];
  inflow: number;
  outflow: number;
  /** Flows between two members (not drawn) and their volume. */
  internalFlows: number;
  internalVolume: number;
  /** Zoom-in factor that splits the cluster (camera ratio ÷ it); null when its places share one position. */
  expandBy: number | null;
}

export interface SceneClustering {
  level: number;
  /** Places drawn before clustering (aggregates aside), merged clusters drawn and the places inside them. */
  places: number;
  clusters: number;
  clusteredPlaces: number;
  /** Flows drawn before clustering, drawn edges after (merged ones count once). */
  flows: number;
  drawnFlows: number;
  /** Flows inside a cluster: not drawn, counted here, with their volume. */
  internalFlows: number;
  internalVolume: number;
  byId: ReadonlyMap<string, ClusterSummary>;
  /** Place id → the cluster drawn for it (only places inside a cluster). */
  placeOf: ReadonlyMap<string, string>;
  /** Flow id → the drawn edge standing for it (absent when it is drawn as itself or lies inside a cluster). */
  edgeOf: ReadonlyMap<string, string>;
  /** A merged edge → the flows it stands for. */
  edgeMembers: ReadonlyMap<string, readonly string[]>;
}

/** Whether the scene is big enough to be clustered. */
export function needsClustering(scene: Scene): boolean {
  const places = scene.nodes.filter((n) => !n.aggregate).length;
  const flows = scene.edges.filter((e) => e.kind !== "context").length;
  return places > CLUSTER_MIN_PLACES || flows > CLUSTER_MIN_FLOWS;
}

/** The level for a map drawn at `unitsPerPx` graph units per CSS px: radius CLUSTER_RADIUS_PX × 2^level ≈ 32 px. */
export function levelForScale(unitsPerPx: number): number {
  return Math.round(Math.log2(unitsPerPx));
}

/** The level shown: from the map's scale, or before the view has reported it, as for a map ~800 px across the places. */
export function levelFor(hierarchy: ClusterHierarchy, mapScale: number | null): number {
  // The top level's radius spans the places: 800 px across them is 800 / 32 = 2^4.6 radii, ~5 levels down.
  return mapScale !== null && mapScale > 0 ? levelForScale(mapScale) : hierarchy.maxLevel - 5;
}

/**
 * The hierarchy of a scene's places (aggregates stay apart), from the level spanning all of them down.
 * `weights`: what each place weighs (state/clusterWeights: every year's volume); absent, its volume drawn.
 */
export function sceneHierarchy(scene: Scene, weights?: ReadonlyMap<string, number>): ClusterHierarchy {
  const points = scene.nodes
    .filter((n) => !n.aggregate)
    .map((n) => ({ id: n.id, x: n.x, y: n.y, weight: weights ? (weights.get(n.id) ?? 0) : n.volume }));
  let span = 0;
  if (points.length) {
    const xs = points.map((p) => p.x),
      ys = points.map((p) => p.y);
    span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  }
  const top = Math.max(0, Math.ceil(Math.log2(Math.max(span, 1e-9) / CLUSTER_RADIUS_PX)));
  return clusterHierarchy(points, CLUSTER_RADIUS_PX, top - LEVEL_SPAN, top);
}

/**
 * sceneHierarchy, remembered while the places stand where they stood (the same ids at the same x and y, in
 * order) and weigh the same: a threshold, year or weighting change rebuilds the scene but not its places'
 * positions, so the hierarchy (tens of ms for thousands of places) is built once per layout and weights.
 */
export function createHierarchyMemo(): (scene: Scene, weights: ReadonlyMap<string, number>) => ClusterHierarchy {
  let last: { ids: string[]; xy: Float64Array; weights: ReadonlyMap<string, number>; value: ClusterHierarchy } | null = null;
  return (scene, weights) => {
    const places = scene.nodes.filter((n) => !n.aggregate);
    if (last && last.weights === weights && last.ids.length === places.length) {
      const { ids, xy } = last;
      if (places.every((n, i) => n.id === ids[i] && n.x === xy[2 * i] && n.y === xy[2 * i + 1])) return last.value;
    }
    const xy = new Float64Array(places.length * 2);
    places.forEach((n, i) => {
      xy[2 * i] = n.x;
      xy[2 * i + 1] = n.y;
    });
    last = { ids: places.map((n) => n.id), xy, weights, value: sceneHierarchy(scene, weights) };
    return last.value;
  };
}

/** The scene as drawn at `level` of `hierarchy` (clamped to the levels built; below them nothing merges). */
export function clusterScene(scene: Scene, hierarchy: ClusterHierarchy, level: number, weighting: Weighting): Scene {
  if (level < hierarchy.minLevel) return scene;
  const k = Math.min(level, hierarchy.maxLevel);
  const at = hierarchy.levels.get(k);
  if (!at || at.clusters.every((c) => c.members.length === 1)) return scene;
  const byNode = new Map(scene.nodes.map((n) => [n.id, n]));
  const placeOf = new Map<string, string>();
  for (const c of at.clusters) if (c.members.length > 1) for (const m of c.members) placeOf.set(m, c.id);
  const flows = scene.edges.filter((e) => e.kind !== "context");
  const { edges, edgeOf, edgeMembers, internal } = mergeEdges(flows, placeOf);

  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const e of flows) {
    outflow.set(e.source, (outflow.get(e.source) ?? 0) + e.volume);
    inflow.set(e.target, (inflow.get(e.target) ?? 0) + e.volume);
  }
  const byId = new Map<string, ClusterSummary>();
  const clusterNodes: SceneNode[] = [];
  for (const c of at.clusters) {
    if (c.members.length < 2) continue;
    const anchor = byNode.get(c.members[0]!)!;
    const inV = c.members.reduce((s, m) => s + (inflow.get(m) ?? 0), 0);
    const outV = c.members.reduce((s, m) => s + (outflow.get(m) ?? 0), 0);
    const inner = internal.get(c.id) ?? { flows: 0, volume: 0 };
    const steps = levelsToExpand(hierarchy, k, c);
    const label = `${anchor.label} + ${c.members.length - 1} more`;
    byId.set(c.id, {
      id: c.id,
      label,
      members: c.members.map((m) => ({ id: m, name: byNode.get(m)?.label ?? m })),
      inflow: inV,
      outflow: outV,
      internalFlows: inner.flows,
      internalVolume: inner.volume,
      expandBy: steps === null ? null : 2 ** steps,
    });
    const volume = placeVolume(inV, outV, weighting.nodeSizeBy);
    clusterNodes.push({
      id: c.id,
      label,
      x: c.x,
      y: c.y,
      size: 0,
      color: anchor.color,
      kind: anchor.kind,
      volume,
      cluster: c.members.length,
    });
  }
  const nodes = [...scene.nodes.filter((n) => !placeOf.has(n.id)), ...clusterNodes];
  const maxNodeVolume = Math.max(scene.maxNodeVolume, ...clusterNodes.map((n) => n.volume));
  const sized = resize(nodes, scene.maxNodeVolume, maxNodeVolume);
  const widthScale = widen(scene.widthScale, edges, weighting);
  const drawnEdges = fade(edges.map((e) => (widthScale !== scene.widthScale || e.merged ? { ...e, size: widthScale(e.volume) } : e)));
  let internalFlows = 0,
    internalVolume = 0;
  for (const v of internal.values()) {
    internalFlows += v.flows;
    internalVolume += v.volume;
  }
  const clustering: SceneClustering = {
    level: k,
    places: byNode.size - scene.nodes.filter((n) => n.aggregate).length,
    clusters: clusterNodes.length,
    clusteredPlaces: placeOf.size,
    flows: flows.length,
    drawnFlows: drawnEdges.length,
    internalFlows,
    internalVolume,
    byId,
    placeOf,
    edgeOf,
    edgeMembers,
  };
  return { ...scene, nodes: sized, edges: drawnEdges, widthScale, maxNodeVolume, clustering };
}

/** Flows between clusters merged (directed; sum of volumes; drawn in the largest flow's lane and style). */
function mergeEdges(flows: readonly SceneEdge[], placeOf: ReadonlyMap<string, string>) {
  const groups = new Map<string, SceneEdge[]>();
  const internal = new Map<string, { flows: number; volume: number }>();
  for (const e of flows) {
    const s = placeOf.get(e.source) ?? e.source;
    const t = placeOf.get(e.target) ?? e.target;
    if (s === t) {
      const v = internal.get(s) ?? { flows: 0, volume: 0 };
      internal.set(s, { flows: v.flows + 1, volume: v.volume + e.volume });
      continue;
    }
    const key = `${s}\u0000${t}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const edges: SceneEdge[] = [];
  const edgeOf = new Map<string, string>();
  const edgeMembers = new Map<string, string[]>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const s = placeOf.get(first.source) ?? first.source;
    const t = placeOf.get(first.target) ?? first.target;
    if (group.length === 1) {
      edges.push(s === first.source && t === first.target ? first : { ...first, source: s, target: t });
      continue;
    }
    const largest = group.reduce((a, b) => (b.volume > a.volume ? b : a));
    const id = `merged:${s}\u2192${t}`;
    edges.push({ ...largest, id, source: s, target: t, volume: group.reduce((sum, e) => sum + e.volume, 0), merged: group.length });
    edgeMembers.set(
      id,
      group.map((e) => e.id),
    );
    for (const e of group) edgeOf.set(e.id, id);
  }
  return { edges, edgeOf, edgeMembers, internal };
}

/** How much lighter the smallest flows are drawn than the largest of their lane and basis (0: not at all, 1: white). */
export const FADE = 0.85;

/**
 * Smaller flows drawn lighter, as flowmap.blue fades them, so the largest stand out of a dense picture: each
 * flow is tinted by FADE × (1 − √(volume ÷ the largest of its lane and basis)). The largest of each lane and
 * basis keeps the lane's colour (the legend's swatch) and comes first.
 */
function fade(edges: SceneEdge[]): SceneEdge[] {
  const top = new Map<string, number>();
  const key = (e: SceneEdge) => `${e.lane}\u0000${e.modelled}`;
  for (const e of edges) top.set(key(e), Math.max(top.get(key(e)) ?? 0, e.volume));
  const sorted = [...edges].sort((a, b) => b.volume - a.volume);
  return sorted.map((e) => {
    const max = top.get(key(e)) ?? 0;
    const amount = max > 0 ? FADE * (1 - Math.sqrt(Math.max(0, e.volume) / max)) : 0;
    return amount > 0 && /^#[0-9a-f]{6}$/i.test(e.color) ? { ...e, color: tint(e.color, amount) } : e;
  });
}

/** Node sizes on a scale widened to the largest cluster (unchanged when no cluster outweighs the largest place). */
function resize(nodes: SceneNode[], oldMax: number, max: number): SceneNode[] {
  const scale = scaleSqrt()
    .domain([0, max || 1])
    .range(NODE_SIZE_RANGE)
    .clamp(true);
  const widened = max > oldMax;
  return nodes.map((n) => {
    if (n.cluster) return { ...n, size: n.volume > 0 ? scale(n.volume) : EMPTY_NODE_SIZE };
    return widened && n.volume > 0 ? { ...n, size: scale(n.volume) } : n;
  });
}

/** The width scale, widened when a merged flow is larger than its top; merged flows drawn on it. */
function widen(scale: WidthScale, edges: SceneEdge[], weighting: Weighting): WidthScale {
  let max = 0;
  for (const e of edges) max = Math.max(max, e.volume);
  if (max <= scale.domain[1]) return scale;
  const whole = edges.every((e) => Number.isInteger(e.volume));
  return widthScaleFromExtent(scale.kind, [scale.domain[0] || max / 1000, max], weighting.minWidth, weighting.maxWidth, whole);
}

export type { ClusterLevel };
