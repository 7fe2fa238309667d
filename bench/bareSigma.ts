// Baseline for bench/run.ts: plain sigma 3.0.3 (default settings, straight-line edge program) drawing
// the very nodes and edges the app drew (same positions, sizes, colours, order), so the app's frame
// time can be read as a ratio to sigma's own. Built and served by bench/run.ts (bench/bare-sigma.html).
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";

export interface BareScene {
  nodes: { id: string; x: number; y: number; size: number; color: string; label: string }[];
  edges: { id: string; source: string; target: string; size: number; color: string }[];
}

export interface BareSigma {
  load(scene: BareScene, width: number, height: number): number;
  /** JS time (ms) of one full sigma.refresh(). */
  refresh(): number;
  /** JS time (ms) of refresh({ skipIndexation: true }) with these nodes and edges emphasised and the rest dimmed. */
  hover(nodes: string[], edges: string[]): number;
}

declare global {
  interface Window {
    bare?: BareSigma;
  }
}

let sigma: Sigma | null = null;
let highlight: { nodes: Set<string>; edges: Set<string> } | null = null;

window.bare = {
  load(scene, width, height) {
    const t = performance.now();
    sigma?.kill();
    const container = document.getElementById("graph")!;
    container.style.width = `${width}px`;
    container.style.height = `${height}px`;
    const graph = new MultiDirectedGraph();
    for (const n of scene.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: n.size, color: n.color, label: n.label });
    for (const e of scene.edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { size: e.size, color: e.color });
    sigma = new Sigma(graph, container, {
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram },
      // The dimming a hover does, as plain reducers.
      nodeReducer: (node, data) => (!highlight || highlight.nodes.has(node) ? data : { ...data, color: "#e5e8e8", label: "" }),
      edgeReducer: (edge, data) => (!highlight || highlight.edges.has(edge) ? data : { ...data, color: "#eaecee" }),
    });
    return performance.now() - t;
  },
  refresh() {
    const t = performance.now();
    sigma!.refresh();
    return performance.now() - t;
  },
  hover(nodes, edges) {
    highlight = { nodes: new Set(nodes), edges: new Set(edges) };
    const t = performance.now();
    sigma!.refresh({ skipIndexation: true });
    const ms = performance.now() - t;
    highlight = null;
    return ms;
  },
};
document.documentElement.dataset.ready = "true";
