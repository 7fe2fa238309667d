// "Cluster places": a toolbar checkbox, shown for graphs big enough to be clustered (on by default there),
// that draws nearby places as one cluster at low zoom; and the legend's note of what clustering merged.
import "./flowBudget.css";
import { needsClustering, type SceneClustering } from "../state/clusterScene";
import { setPanels } from "../state/openDataset";
import type { VolumeUnit } from "../state/volumeUnit";
import type { App } from "./app";
import { el } from "./dom";
import { formatInt, formatVolume } from "./format";

export function mountClusterControl(app: App): void {
  const box = el("input", { type: "checkbox", id: "cluster-places", name: "cluster-places" });
  const root = el(
    "label",
    {
      class: "control cluster-places",
      hidden: true,
      title: "Draw places close together on screen as one cluster, with their flows merged; zoom in to split them",
    },
    box,
    "Cluster places",
  );
  app.toolbar.appendChild(root);
  box.addEventListener("change", () => app.store.update(setPanels({ clusterPlaces: box.checked })));
  let lastScene: unknown = null;
  const render = () => {
    const scene = app.select.scene(app.store.get(), app.store.data());
    if (scene !== lastScene) {
      lastScene = scene;
      root.hidden = !needsClustering(scene);
    }
    box.checked = app.store.data().panels.clusterPlaces;
  };
  render();
  app.store.subscribe(render);
}

/** The legend's note: how many places are drawn as how many clusters, and the flows inside them left out. */
export function clusterNote(c: SceneClustering, unit: VolumeUnit): HTMLElement {
  const inside = c.internalFlows
    ? ` ${formatInt(c.internalFlows)} flow${c.internalFlows === 1 ? "" : "s"} inside clusters (${formatVolume(c.internalVolume, unit)}) are not drawn.`
    : "";
  return el(
    "div",
    { class: "legend-block", "data-testid": "legend-clusters" },
    el("div", { class: "legend-title" }, "Places clustered"),
    el(
      "div",
      { class: "legend-note" },
      `${formatInt(c.clusteredPlaces)} of ${formatInt(c.places)} places are drawn as ${formatInt(c.clusters)} clusters (ringed, “Name + N more”); ` +
        `${formatInt(c.flows)} flows as ${formatInt(c.drawnFlows)} lines, smaller ones lighter.${inside} Zoom in or click a cluster to split it; “Cluster places” turns this off.`,
    ),
  );
}
