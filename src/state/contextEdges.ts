// The context layer on the canvas: one straight, violet, half-transparent line per hop with reported
// all-vehicle figures — never a flow's curved lane-coloured arrow, never on the flows' width scale. The
// width says the order of magnitude of the hop's largest figure (log scale, 1–5 px); the figures
// themselves are in the hover card and the Sources view. Pure.
import type { ContextLayer } from "../state/contextLayer";
import type { SceneEdge } from "./scene";

export const CONTEXT_COLOUR = "rgba(125, 91, 166, 0.6)";
/** Solid form of the colour, for the legend and exports. */
export const CONTEXT_SWATCH = "#7d5ba6";
export const CONTEXT_WIDTH_RANGE: [number, number] = [1, 5];

/** Width of a context line for a figure: log10 from 1,000 (1 px) to 1,000,000 and more (5 px). */
export function contextWidth(value: number): number {
  const [lo, hi] = CONTEXT_WIDTH_RANGE;
  const t = Math.min(1, Math.max(0, (Math.log10(Math.max(value, 1)) - 3) / 3));
  return lo + t * (hi - lo);
}

/** Scene edges for the layer's hops whose two ends are drawn. */
export function contextSceneEdges(layer: ContextLayer, drawn: ReadonlySet<string>): SceneEdge[] {
  return layer.hops
    .filter((hop) => drawn.has(hop.from) && drawn.has(hop.to))
    .map((hop) => ({
      id: hop.id,
      source: hop.from,
      target: hop.to,
      size: contextWidth(hop.widthValue),
      color: CONTEXT_COLOUR,
      volume: hop.widthValue,
      modelled: false,
      lane: "context",
      kind: "context" as const,
    }));
}
