// The scene: what the renderer draws, computed purely from places, the flows shown and the weighting.
import { scaleSqrt } from "d3-scale";
import { isAggregatePlace, type Flow, type Place, type PlaceKind } from "../domain/types";
import { placeVolume, type ScaleDomain } from "./scaleDomain";
import type { Measure, Weighting } from "./viewState";
import { flowColour, KIND_COLOURS, tint } from "./palette";
import { widthScaleFromExtent, type WidthScale } from "./widthScale";
import { isAggregate, type PanelShape } from "./aggregatePanel";
import type { SceneClustering } from "./clusterScene";

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
  /** An aggregate ("Other destinations"), not a place: drawn with its own glyph. */
  aggregate?: boolean;
  /** A cluster of this many nearby places (state/clusterScene), drawn with its own ring. */
  cluster?: number;
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
  /** Drawn for this many flows between two clusters (state/clusterScene), their volumes summed. */
  merged?: number;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  widthScale: WidthScale;
  /** Volume drawn at the largest node size (the domain's top). */
  maxNodeVolume: number;
  /** The edges have no direction (an undirected graph): drawn without arrow heads. */
  undirected?: boolean;
  /** What the scales span: every year of the data, or the year shown; years = the extent's first and last. */
  scaleSpan: { kind: "all-years" | "year"; years: [number, number] | null };
  /** The aggregates' panel on the map (geographic layout), or null. */
  panel: PanelShape | null;
  /** Nearby places drawn as clusters at the zoom shown (big graphs), and what that merged. */
  clustering?: SceneClustering;
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
  /**
   * The extent widths and sizes map from (state/scaleDomain: every year of the data by default). Absent:
   * the flows shown (the year's own largest flow is the widest).
   */
  domain?: ScaleDomain;
  /** Which extent `domain` is, for the legend; default "year" without a domain, "all-years" with one. */
  spanKind?: "all-years" | "year";
  /** The aggregates' panel to draw (geographic layout only). */
  panel?: PanelShape | null;
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
  const nodeVolume = (id: string): number => placeVolume(inflow.get(id) ?? 0, outflow.get(id) ?? 0, weighting.nodeSizeBy);
  const touched = new Set<string>();
  for (const f of flows) {
    touched.add(f.from);
    touched.add(f.to);
  }
  let maxNodeVolume = 0;
  for (const p of places) maxNodeVolume = Math.max(maxNodeVolume, nodeVolume(p.id));
  // A year's place can exceed the all-years extent only if the domain is stale; never draw past the top.
  if (input.domain) maxNodeVolume = Math.max(input.domain.nodeMax, maxNodeVolume);
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
      ...(isAggregate(p) ? { aggregate: true } : {}),
      size: active ? (volume > 0 ? sizeScale(volume) : NODE_SIZE_RANGE[0]) : EMPTY_NODE_SIZE,
      color: active ? KIND_COLOURS[p.kind] : tint(KIND_COLOURS[p.kind], 0.65),
    });
  }
  const drawn = new Set(nodes.map((n) => n.id));
  const widthScale = widthScaleFromExtent(
    weighting.scale,
    flowExtent(volumes, input.domain),
    weighting.minWidth,
    weighting.maxWidth,
    volumes.every((v) => !(v > 0) || Number.isInteger(v)),
  );
  const edges: SceneEdge[] = [];
  flows.forEach((f, i) => {
    if (!drawn.has(f.from) || !drawn.has(f.to)) return;
    const volume = volumes[i] ?? 0;
    const lane = laneOf(f);
    edges.push({
      id: f.id,
      source: f.from,
      target: f.to,
      volume,
      lane,
      modelled: f.basis === "modelled",
      size: widthScale(volume),
      color: flowColour(lane, f.basis),
    });
  });
  const spanKind = input.spanKind ?? (input.domain ? "all-years" : "year");
  const years = input.domain?.years ?? yearsOf(flows);
  const panel = input.panel
    ? { x0: input.panel.x0, x1: input.panel.x1, y0: input.panel.y0, y1: input.panel.y1, title: input.panel.title }
    : null;
  const scene: Scene = { nodes, edges, widthScale, maxNodeVolume, scaleSpan: { kind: spanKind, years }, panel };
  return input.undirected ? { ...scene, undirected: true } : scene;
}

/** [smallest positive, largest] of the volumes drawn, widened to the domain when one is given. */
function flowExtent(volumes: number[], domain: ScaleDomain | undefined): [number, number] {
  let lo = domain && domain.flowMin > 0 ? domain.flowMin : Infinity;
  let hi = domain?.flowMax ?? 0;
  for (const v of volumes) {
    if (!(v > 0)) continue;
    if (v > hi) hi = v;
    if (v < lo) lo = v;
  }
  return [lo, hi];
}

function yearsOf(flows: Flow[]): [number, number] | null {
  if (!flows.length) return null;
  let a = Infinity,
    b = -Infinity;
  for (const f of flows) {
    a = Math.min(a, f.year);
    b = Math.max(b, f.year);
  }
  return [a, b];
}
