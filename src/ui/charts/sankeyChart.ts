// The "Sankey" chart: d3-sankey lays out the bands of a SankeyModel (state/sankeyBands.ts) in columns
// origin → exit → transit → market; band widths are the attributed volumes, unchanged. Hovering or
// focusing a band calls onBand with its group (a chain, or an origin) so the map and the list can
// highlight the same chain; onBand(null) when it leaves.
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from "d3-sankey";
import { select } from "d3-selection";
import type { SankeyBand, SankeyModel } from "../../state/sankeyBands";

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
  const { model, width, height } = input;
  host.replaceChildren();
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
  nodes
    .append("text")
    .attr("x", (n) => ((n.x0 ?? 0) < width / 2 ? (n.x1 ?? 0) + 4 : (n.x0 ?? 0) - 4))
    .attr("y", (n) => ((n.y0 ?? 0) + (n.y1 ?? 0)) / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", (n) => ((n.x0 ?? 0) < width / 2 ? "start" : "end"))
    .attr("class", "sankey-label")
    .text((n) => n.name);
  nodes.append("title").text((n) => `${n.name}: ${input.format(n.value ?? 0)}`);

  function nameOf(end: string | number | N | undefined): string {
    return typeof end === "object" && end ? end.name : String(end ?? "");
  }
  function emphasise(group: string | null) {
    links.attr("stroke-opacity", (l) => (group === null ? 0.55 : l.band.group === group ? 0.9 : 0.12));
  }
  return { svg: svgNode, emphasise };
}
