// The scene: what the renderer draws, computed purely from places, the flows shown and the weighting.
import { scaleSqrt } from "d3-scale";
import { isAggregatePlace, type Flow, type Place, type PlaceKind } from "../domain/types";
import type { Measure, Weighting } from "./viewState";
import { BASIS_TINT, KIND_COLOURS, LANE_COLOURS, tint } from "./palette";
import { createWidthScale, type WidthScale } from "./widthScale";

export interface SceneNode {
  id: string;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  kind: PlaceKind;
  /** Volume used for the size (throughput, intake or outflow). */
  volume: number;
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  size: number;
  color: string;
  volume: number;
  modelled: boolean;
  lane: string;
  /** "context": a reported all-vehicle figure between places (view/contextEdges), not a used-car flow. */
  kind?: "context";
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  widthScale: WidthScale;
  maxNodeVolume: number;
  /** The edges have no direction (an undirected graph): drawn without arrow heads. */
  undirected?: boolean;
}

export const NODE_SIZE_RANGE: [number, number] = [2.5, 12];
export const EMPTY_NODE_SIZE = 2.5;

export function flowVolume(flow: Flow, measure: Measure): number {
  return measure === "usd" ? (flow.usd ?? 0) : flow.volume;
}

export interface SceneInput {
  places: Place[];
  /** The flows shown (already filtered for year and filters). */
  flows: Flow[];
  weighting: Weighting;
  positions: Map<string, { x: number; y: number }>;
  /** Lane of each flow ("domestic" for legs inside China). */
  laneOf: (flow: Flow) => string;
  /** Places to draw even without flows (all of them in the geographic view). */
  showEmptyPlaces: boolean;
  /** The dataset's edges have no direction. */
  undirected?: boolean;
}

export function buildScene(input: SceneInput): Scene {
  const { places, flows, weighting, positions, laneOf } = input;
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  const volumes = flows.map((f) => flowVolume(f, weighting.measure));
  flows.forEach((f, i) => {
    const v = volumes[i] ?? 0;
    outflow.set(f.from, (outflow.get(f.from) ?? 0) + v);
    inflow.set(f.to, (inflow.get(f.to) ?? 0) + v);
  });
  const nodeVolume = (id: string): number => {
    const i = inflow.get(id) ?? 0;
    const o = outflow.get(id) ?? 0;
    if (weighting.nodeSizeBy === "intake") return i;
    if (weighting.nodeSizeBy === "outflow") return o;
    return Math.max(i, o);
  };
  const touched = new Set<string>();
  for (const f of flows) {
    touched.add(f.from);
    touched.add(f.to);
  }
  let maxNodeVolume = 0;
  for (const p of places) maxNodeVolume = Math.max(maxNodeVolume, nodeVolume(p.id));
  const sizeScale = scaleSqrt()
    .domain([0, maxNodeVolume || 1])
    .range(NODE_SIZE_RANGE)
    .clamp(true);

  const nodes: SceneNode[] = [];
  for (const p of places) {
    const pos = positions.get(p.id);
    if (!pos) continue;
    const active = touched.has(p.id);
    // Places without flows this year are drawn faint where they are real places; aggregates are left out.
    if (!active && (!input.showEmptyPlaces || isAggregatePlace(p))) continue;
    const volume = nodeVolume(p.id);
    nodes.push({
      id: p.id,
      label: p.name,
      x: pos.x,
      y: pos.y,
      kind: p.kind,
      volume,
      size: active ? (volume > 0 ? sizeScale(volume) : NODE_SIZE_RANGE[0]) : EMPTY_NODE_SIZE,
      color: active ? KIND_COLOURS[p.kind] : tint(KIND_COLOURS[p.kind], 0.65),
    });
  }
  const drawn = new Set(nodes.map((n) => n.id));
  const widthScale = createWidthScale(weighting.scale, volumes, weighting.minWidth, weighting.maxWidth);
  const edges: SceneEdge[] = [];
  flows.forEach((f, i) => {
    if (!drawn.has(f.from) || !drawn.has(f.to)) return;
    const volume = volumes[i] ?? 0;
    const lane = laneOf(f);
    const colour = LANE_COLOURS[lane] ?? LANE_COLOURS.other ?? "#7f8c8d";
    edges.push({
      id: f.id,
      source: f.from,
      target: f.to,
      volume,
      lane,
      modelled: f.basis === "modelled",
      size: widthScale(volume),
      color: tint(colour, BASIS_TINT[f.basis]),
    });
  });
  return input.undirected ? { nodes, edges, widthScale, maxNodeVolume, undirected: true } : { nodes, edges, widthScale, maxNodeVolume };
}
