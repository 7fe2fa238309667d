// The "Sankey" chart: d3-sankey lays out the bands of a SankeyModel (state/sankeyBands.ts) in columns
// origin → exit → transit → market; band widths are the attributed volumes, unchanged. Hovering or
// focusing a band calls onBand with its group (a chain, or an origin) so the map and the list can
// highlight the same chain; onBand(null) when it leaves.
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from "d3-sankey";
import { select } from "d3-selection";
import type { SankeyBand, SankeyModel } from "../../state/sankeyBands";
import { sankeyLabels } from "../../state/sankeyLabels";

/** The labels' font size in the chart's own units (the CSS of .sankey-label says the same). */
const LABEL_FONT_SIZE = 9;
/** The least height per node of the busiest column, so its names can be written. */
const PX_PER_NODE = 16;

export interface SankeyInput {
  model: SankeyModel;
  colourOf: (group: string) => string;
  format: (v: number) => string;
  width: number;
  height: number;
  onBand: (band: SankeyBand | null) => void;
}

interface N {
  key: string;
  name: string;
  column: number;
}
interface L {
  source: string;
  target: string;
  value: number;
  band: SankeyBand;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export interface SankeyChart {
  svg: SVGSVGElement;
  /** Emphasises the bands of one group (a chain index or an origin id), or none. */
  emphasise(group: string | null): void;
}

export function renderSankeyChart(host: HTMLElement, input: SankeyInput): SankeyChart {
  const { model, width } = input;
  host.replaceChildren();
  // Taller when a column holds many places, so that their names have room.
  const perColumn = new Map<number, number>();
  for (const n of model.nodes) perColumn.set(n.column, (perColumn.get(n.column) ?? 0) + 1);
  const height = Math.max(input.height, Math.max(0, ...perColumn.values()) * PX_PER_NODE + 12);
  const svgNode = document.createElementNS(SVG_NS, "svg");
  const svg = select(svgNode)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("class", "sankey-chart")
    .attr("role", "group")
    .attr("data-testid", "sankey-chart")
    .attr("aria-label", `${model.title}: Sankey of attributed volumes, ${model.bands.length} bands, total ${input.format(model.total)}`);
  host.append(svgNode);
  if (!model.bands.length) return { svg: svgNode, emphasise: () => {} };

  const columns = Math.max(1, ...model.nodes.map((n) => n.column)) + 1;
  const layout = sankey<N, L>()
    .nodeId((n) => n.key)
    .nodeAlign((n) => Math.min(columns - 1, (n as unknown as N).column))
    .nodeWidth(10)
    .nodePadding(8)
    .extent([
      [4, 6],
      [width - 4, height - 6],
    ]);
  const graph: SankeyGraph<N, L> = layout({
    nodes: model.nodes.map((n) => ({ key: n.key, name: n.name, column: n.column })),
    links: model.bands.map((b) => ({ source: b.source, target: b.target, value: b.volume, band: b })),
  });

  const links = svg
    .append("g")
    .attr("class", "sankey-links")
    .attr("fill", "none")
    .selectAll("path")
    .data(graph.links)
    .join("path")
    .attr("d", sankeyLinkHorizontal())
    .attr("stroke", (l) => input.colourOf(l.band.group))
    .attr("stroke-opacity", 0.55)
    .attr("stroke-width", (l) => Math.max(1, l.width ?? 1))
    .attr("data-group", (l) => l.band.group)
    .attr("tabindex", 0)
    .attr("role", "img")
    .attr("aria-label", (l) => `${l.band.label}: ${nameOf(l.source)} → ${nameOf(l.target)}, ${input.format(l.value)}`);
  links.append("title").text((l) => `${l.band.label}\n${nameOf(l.source)} → ${nameOf(l.target)}: ${input.format(l.value)}`);
  const enter = (l: L) => {
    emphasise(l.band.group);
    input.onBand(l.band);
  };
  const leave = () => {
    emphasise(null);
    input.onBand(null);
  };
  links
    .on("pointerenter", (_e: PointerEvent, l) => enter(l))
    .on("pointerleave", leave)
    .on("focus", (_e: FocusEvent, l) => enter(l))
    .on("blur", leave);

  const nodes = svg.append("g").attr("class", "sankey-nodes").selectAll("g").data(graph.nodes).join("g");
  nodes
    .append("rect")
    .attr("x", (n) => n.x0 ?? 0)
    .attr("y", (n) => n.y0 ?? 0)
    .attr("width", (n) => (n.x1 ?? 0) - (n.x0 ?? 0))
    .attr("height", (n) => Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0)))
    .attr("fill", "#1f2d3d");
  // Names only where they fit: cut to the room before the next column, none over another (the full name is
  // in each node's tooltip).
  const labels = sankeyLabels(
    graph.nodes.map((n) => ({ key: n.key, name: n.name, column: n.column, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0 })),
    { width, fontSize: LABEL_FONT_SIZE, charWidth: 0.64 },
  );
  const labelOf = new Map(labels.map((l) => [l.key, l]));
  nodes
    .filter((n) => labelOf.has(n.key))
    .append("text")
    .attr("x", (n) => labelOf.get(n.key)!.x)
    .attr("y", (n) => labelOf.get(n.key)!.y)
    .attr("dy", "0.35em")
    .attr("text-anchor", (n) => labelOf.get(n.key)!.anchor)
    .attr("class", "sankey-label")
    .text((n) => labelOf.get(n.key)!.text);
  nodes.append("title").text((n) => `${n.name}: ${input.format(n.value ?? 0)}`);

  function nameOf(end: string | number | N | undefined): string {
    return typeof end === "object" && end ? end.name : String(end ?? "");
  }
  function emphasise(group: string | null) {
    links.attr("stroke-opacity", (l) => (group === null ? 0.55 : l.band.group === group ? 0.9 : 0.12));
  }
  return { svg: svgNode, emphasise };
}
