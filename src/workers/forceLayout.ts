// The force layout: ForceAtlas2 in its Web Worker (graphology-layout-forceatlas2/worker), started and
// stopped by the user. Positions are read back every frame and fitted into the layout frame, so the
// camera never has to chase a drifting graph.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import type { Flow, Place } from "../domain/types";
import type { Positions } from "../state/layouts";
import { fitPositions, type Frame } from "../state/layoutPositions";

export interface ForceLayoutOptions {
  /** Stop by itself after this long (ms); the layout has long converged by then on graphs of this size. */
  maxDurationMs: number;
}

export const DEFAULT_FORCE_LAYOUT_OPTIONS: ForceLayoutOptions = { maxDurationMs: 15_000 };

export interface ForceRun {
  /** Stops the worker; `done` resolves. */
  stop(): void;
  running(): boolean;
  /** Resolves when the run has stopped (by stop() or after maxDurationMs). */
  done: Promise<void>;
}

/** One undirected graph of the places that have flows, edge weight log10(1 + vehicles) so one big flow does not collapse the rest. */
export function forceGraph(places: readonly Place[], flows: readonly Flow[], seed: Positions): Graph {
  const graph = new Graph({ type: "undirected" });
  const used = new Set(flows.flatMap((f) => [f.from, f.to]));
  for (const p of places) {
    const at = seed.get(p.id);
    if (!at) continue;
    // Places without flows still take part (they are drawn), pushed off by the others.
    graph.addNode(p.id, { x: at.x, y: at.y, size: used.has(p.id) ? 2 : 1 });
  }
  const weights = new Map<string, number>();
  for (const f of flows) {
    if (f.from === f.to || !graph.hasNode(f.from) || !graph.hasNode(f.to)) continue;
    const key = f.from < f.to ? `${f.from}|${f.to}` : `${f.to}|${f.from}`;
    weights.set(key, (weights.get(key) ?? 0) + f.volume);
  }
  for (const [key, w] of weights) {
    const [a, b] = key.split("|") as [string, string];
    graph.addEdge(a, b, { weight: Math.log10(1 + w) });
  }
  return graph;
}

export function startForceLayout(
  places: readonly Place[],
  flows: readonly Flow[],
  seed: Positions,
  frame: Frame,
  onPositions: (positions: Positions) => void,
  options: Partial<ForceLayoutOptions> = {},
): ForceRun {
  const opts = { ...DEFAULT_FORCE_LAYOUT_OPTIONS, ...options };
  const graph = forceGraph(places, flows, seed);
  const settings = { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 8, slowDown: 2 };
  const layout = new FA2Layout(graph, { settings, getEdgeWeight: "weight" });
  let live = true;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const read = (): Positions => {
    const raw: Positions = new Map();
    graph.forEachNode((id, a) => raw.set(id, { x: a.x as number, y: a.y as number }));
    // Places not in the force graph keep their seed.
    const fitted = fitPositions(raw, frame);
    for (const [id, p] of seed) if (!fitted.has(id)) fitted.set(id, p);
    return fitted;
  };
  const stop = () => {
    if (!live) return;
    live = false;
    layout.stop();
    layout.kill();
    clearTimeout(timer);
    onPositions(read());
    finish();
  };
  const timer = setTimeout(stop, opts.maxDurationMs);
  layout.start();
  const tick = () => {
    if (!live) return;
    onPositions(read());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return { stop, running: () => live, done };
}
