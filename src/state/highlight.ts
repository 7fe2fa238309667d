// What to emphasise on the graph: hover beats everything, then a traced route/through-node highlight
// (computed by the analysis panels and passed in), then the selection. Pure.
import type { Flow } from "../domain/types";
import { selectionChain } from "./selectionChain";
import type { Measure, Selection, ViewState } from "./viewState";

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Volume to draw each lit edge with (its part attributed to the selection or the traced chain); absent = its own. */
  widths?: ReadonlyMap<string, number>;
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

/**
 * A selected place lights the chain its volume came through and went on to, each flow drawn with the
 * part attributed to the place (selectionChain.ts); a selected flow lights itself and its ends.
 */
export function selectedChainHighlight(flows: Flow[], selection: Selection, measure: Measure): Highlight | null {
  if (!selection || selection.type !== "node") return selectionHighlight(flows, selection);
  const { nodes, attributed } = selectionChain(flows, selection.id, measure);
  // A place without flows this year still lights itself.
  return { nodes, edges: new Set(attributed.keys()), widths: attributed };
}

let memo: { flows: Flow[]; selection: Selection; measure: Measure; value: Highlight | null } | null = null;

export function highlightFor(state: ViewState, flows: Flow[], analysisHighlight: Highlight | null = null): Highlight | null {
  const hover = selectionHighlight(flows, state.hover);
  if (hover) return hover;
  if (analysisHighlight) return analysisHighlight;
  const measure = state.weighting.measure;
  if (!memo || memo.flows !== flows || memo.selection !== state.selection || memo.measure !== measure)
    memo = { flows, selection: state.selection, measure, value: selectedChainHighlight(flows, state.selection, measure) };
  return memo.value;
}
