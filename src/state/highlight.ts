// What to emphasise on the graph: hover beats everything, then a traced route/through-node highlight
// (computed by the analysis panels and passed in), then the selection. Pure.
import type { Flow } from "../domain/types";
import type { Selection, ViewState } from "./viewState";

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function neighbourhood(flows: Flow[], node: string): Highlight {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  for (const f of flows) {
    if (f.from === node || f.to === node) {
      edges.add(f.id);
      nodes.add(f.from);
      nodes.add(f.to);
    }
  }
  return { nodes, edges };
}

export function edgeWithEnds(flows: Flow[], edge: string): Highlight | null {
  const f = flows.find((x) => x.id === edge);
  return f ? { nodes: new Set([f.from, f.to]), edges: new Set([f.id]) } : null;
}

export function selectionHighlight(flows: Flow[], selection: Selection): Highlight | null {
  if (!selection) return null;
  return selection.type === "node" ? neighbourhood(flows, selection.id) : edgeWithEnds(flows, selection.id);
}

export function highlightFor(state: ViewState, flows: Flow[], analysisHighlight: Highlight | null = null): Highlight | null {
  return selectionHighlight(flows, state.hover) ?? analysisHighlight ?? selectionHighlight(flows, state.selection);
}
