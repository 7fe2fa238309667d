// The highlight on a clustered picture: places and flows lit inside a cluster light the cluster and the
// merged flow drawn for them (widths summed); a hovered cluster or merged flow lights itself and its ends.
// Pure.
import type { Highlight } from "./highlight";
import type { Scene } from "./scene";
import type { Selection } from "./viewState";

/** Whether `item` is a cluster or a merged flow of the picture (not a place or a flow of the data). */
export function isClusterItem(scene: Scene, item: Selection): boolean {
  const c = scene.clustering;
  if (!c || !item) return false;
  return item.type === "node" ? c.byId.has(item.id) : c.edgeMembers.has(item.id);
}

/** A cluster with the flows drawn to and from it and their ends; a merged flow with its ends. */
export function clusterItemHighlight(scene: Scene, item: NonNullable<Selection>): Highlight {
  if (item.type === "edge") {
    const e = scene.edges.find((x) => x.id === item.id);
    return { nodes: new Set(e ? [e.source, e.target] : []), edges: new Set([item.id]) };
  }
  const nodes = new Set([item.id]);
  const edges = new Set<string>();
  for (const e of scene.edges) {
    if (e.source !== item.id && e.target !== item.id) continue;
    edges.add(e.id);
    nodes.add(e.source);
    nodes.add(e.target);
  }
  return { nodes, edges };
}

/**
 * The highlight as drawn: `highlight` (from places and flows of the data) carried onto the clusters and
 * merged flows standing for them; a hovered cluster item first, then a selected one when nothing else is lit.
 */
export function clusterHighlight(highlight: Highlight | null, scene: Scene, hover: Selection, selection: Selection): Highlight | null {
  const c = scene.clustering;
  if (!c) return highlight;
  if (hover && isClusterItem(scene, hover)) return clusterItemHighlight(scene, hover);
  // A selected cluster (by the keyboard) lights only itself through the data's highlight: light its flows.
  const selectedItem = selection && isClusterItem(scene, selection);
  if (selectedItem && (!highlight || (highlight.edges.size === 0 && highlight.nodes.size <= 1)))
    return clusterItemHighlight(scene, selection);
  if (!highlight) return null;
  const nodes = new Set<string>();
  for (const id of highlight.nodes) nodes.add(c.placeOf.get(id) ?? id);
  // A flow inside a cluster is not drawn: nothing to light for it (its cluster is lit by its ends).
  const drawnIds = new Set(scene.edges.map((e) => e.id));
  const edges = new Set<string>();
  for (const id of highlight.edges) {
    const drawn = c.edgeOf.get(id) ?? id;
    if (drawnIds.has(drawn)) edges.add(drawn);
  }
  if (!highlight.widths) return { nodes, edges };
  const widths = new Map<string, number>();
  for (const [id, v] of highlight.widths) {
    const drawn = c.edgeOf.get(id) ?? id;
    widths.set(drawn, (widths.get(drawn) ?? 0) + v);
  }
  return { nodes, edges, widths };
}
