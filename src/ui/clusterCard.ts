// Cards for what clustering draws (text only): a cluster of nearby places and a flow merged from several.
// Used by the hover tooltip and the details panel, as the place and flow cards are.
import type { ClusterSummary, SceneClustering } from "../state/clusterScene";
import type { SceneEdge } from "../state/scene";
import type { VolumeUnit } from "../state/volumeUnit";
import { el } from "./dom";
import { formatInt, formatVolume } from "./format";

/** Members named in a card: a few on hover, more in the details panel. */
const NAMED = { hover: 5, full: 25 } as const;

export function clusterCard(c: ClusterSummary, unit: VolumeUnit, full: boolean): HTMLElement {
  const named = c.members.slice(0, full ? NAMED.full : NAMED.hover).map((m) => m.name);
  const rest = c.members.length - named.length;
  return el(
    "div",
    { class: "card", "data-testid": "cluster-card" },
    el("div", { class: "card-title" }, c.label),
    el("div", { class: "card-sub" }, `Cluster of ${formatInt(c.members.length)} nearby places`),
    el(
      "dl",
      { class: "card-figures" },
      el("dt", {}, "In"),
      el("dd", { "data-testid": "cluster-in" }, formatVolume(c.inflow, unit)),
      el("dt", {}, "Out"),
      el("dd", { "data-testid": "cluster-out" }, formatVolume(c.outflow, unit)),
    ),
    el("div", { class: "card-members" }, `Places: ${named.join(", ")}${rest > 0 ? ` and ${formatInt(rest)} more` : ""}`),
    c.internalFlows
      ? el(
          "div",
          { class: "card-basis" },
          `${formatInt(c.internalFlows)} flow${c.internalFlows === 1 ? "" : "s"} between its places (${formatVolume(c.internalVolume, unit)}) not drawn; counted in In and Out`,
        )
      : null,
    el("div", { class: "hint" }, c.expandBy === null ? "Its places share one position." : "Click it (or zoom in) to see its places."),
  );
}

/** A merged flow: its ends, the total and the largest flows it stands for. */
export function mergedFlowCard(
  edge: SceneEdge,
  clustering: SceneClustering,
  name: (id: string) => string,
  flowLine: (id: string) => { from: string; to: string; volume: number } | null,
  unit: VolumeUnit,
  full: boolean,
): HTMLElement {
  const end = (id: string) => clustering.byId.get(id)?.label ?? name(id);
  const lines = (clustering.edgeMembers.get(edge.id) ?? [])
    .map(flowLine)
    .filter((l): l is NonNullable<typeof l> => l !== null)
    .sort((a, b) => b.volume - a.volume);
  const shown = lines.slice(0, full ? NAMED.full : NAMED.hover);
  return el(
    "div",
    { class: "card", "data-testid": "merged-flow-card" },
    el("div", { class: "card-title" }, `${end(edge.source)} → ${end(edge.target)}`),
    el("div", { class: "card-sub" }, `${formatInt(lines.length)} flows between two clusters, drawn as one`),
    el(
      "dl",
      { class: "card-figures" },
      el("dt", {}, "Total"),
      el("dd", { "data-testid": "merged-total" }, formatVolume(edge.volume, unit)),
    ),
    el(
      "ul",
      { class: "card-members" },
      shown.map((l) => el("li", {}, `${l.from} → ${l.to}: ${formatVolume(l.volume, unit)}`)),
      lines.length > shown.length ? el("li", {}, `and ${formatInt(lines.length - shown.length)} more`) : null,
    ),
  );
}
