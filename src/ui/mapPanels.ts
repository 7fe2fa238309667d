// What sits around the map and follows the state: the Year control, the legend, the details of the
// selection, the hover tooltip and "About the data".
import type { ContextHop } from "../state/contextLayer";
import { flowSummary, placeSummary } from "../state/summaries";
import { dataYears } from "../state/yearStatus";
import { kindLabels } from "../state/palette";
import type { Selection, ViewState } from "../state/viewState";
import { datasetUnit, volumeUnit } from "../state/volumeUnit";
import { renderAbout } from "./aboutPanel";
import { onDataset, onScene, type App } from "./app";
import { contextCard } from "./contextCard";
import type { DataPanels } from "./dataPanels";
import { clear, el } from "./dom";
import { factLinks } from "./factLinks";
import { flowCard, placeCard } from "./infoCard";
import { renderLegend } from "./legend";
import { createTooltip } from "./tooltip";
import { clusterCard, mergedFlowCard } from "./clusterCard";
import { clusterNote } from "./clusterControl";
import { flowVolume } from "../state/scene";
import { mountYearControl } from "./yearControl";
import { laneSwatches } from "../state/legendSwatches";
import { scaleSpanNote } from "../state/scaleDomain";
import { LANES } from "../domain/lanes";

export function mountMapPanels(app: App, tooltipRoot: HTMLElement, graph: HTMLElement, panels: DataPanels): void {
  const yearSlot = el("div", { class: "control" });
  app.toolbar.appendChild(yearSlot);
  // Years with flows and years with reported figures only (2025 for the shipped data); none for data without time.
  const year = mountYearControl(yearSlot, app.store, () => (app.dataset().timeless ? [] : dataYears(app.dataset())));
  const legendBody = panels.legendRoot;
  const detailsBody = app.panel.addSection("details", "Details", { open: true, order: 11 });
  const aboutBody = app.panel.addSection("about", "About the data", { order: 90 });
  const tooltip = createTooltip(tooltipRoot, graph);

  /** The card of a place or a flow, or null when it is not in the data. */
  const card = (state: ViewState, sel: NonNullable<Selection>, full: boolean): HTMLElement | null => {
    const ds = app.dataset();
    const flows = app.derived().flows;
    const withFacts = (node: HTMLElement, ids: readonly string[]) => {
      const links = full ? factLinks(ids, panels.openFact) : null;
      if (links) node.append(links);
      return node;
    };
    const drawn = app.select.drawn(state, app.store.data());
    const clustering = drawn.clustering;
    const unit = volumeUnit(ds, state.weighting.measure);
    if (clustering && sel.type === "node" && clustering.byId.has(sel.id)) return clusterCard(clustering.byId.get(sel.id)!, unit, full);
    const merged =
      clustering && sel.type === "edge" && clustering.edgeMembers.has(sel.id) ? drawn.edges.find((e) => e.id === sel.id) : null;
    if (clustering && merged) {
      const name = (id: string) => app.select.placeName(app.store.data(), id);
      const byId = new Map(app.derived().visible.shown.map((f) => [f.id, f]));
      const line = (id: string) => {
        const f = byId.get(id);
        return f ? { from: name(f.from), to: name(f.to), volume: flowVolume(f, state.weighting.measure) } : null;
      };
      return mergedFlowCard(merged, clustering, name, line, unit, full);
    }
    if (sel.type === "node") {
      const s = placeSummary(ds, flows, sel.id, state.year, state.weighting.measure);
      const about = (ds.facts ?? []).filter((f) => f.places.includes(sel.id)).map((f) => f.id);
      return s ? withFacts(placeCard(s, volumeUnit(ds, state.weighting.measure), full, kindLabels(ds)), about) : null;
    }
    if (sel.id.startsWith("context:")) {
      const hop: ContextHop | undefined = app.select.contextLayer(state, app.store.data())?.hops.find((h) => h.id === sel.id);
      return hop ? contextCard(hop, (id) => app.select.placeName(app.store.data(), id), full, panels.openFact) : null;
    }
    const s = flowSummary(ds, flows, sel.id);
    return s ? withFacts(flowCard(s, datasetUnit(ds), full), s.flow.facts) : null;
  };
  const renderDetails = (state: ViewState) => {
    clear(detailsBody);
    if (!state.selection) {
      detailsBody.appendChild(el("p", { class: "hint" }, "Hover a place or a flow for its figures; click to keep them here."));
      return;
    }
    const c = card(state, state.selection, true);
    if (c) detailsBody.appendChild(c);
  };
  const renderTooltip = (state: ViewState) => tooltip.show(state.hover ? card(state, state.hover, false) : null);
  const renderLegendNow = (state: ViewState) => {
    const scene = app.select.drawn(state, app.store.data());
    const lanes = laneSwatches(
      scene.edges.filter((e) => e.kind !== "context"),
      ["domestic", ...LANES.map((l) => l.id)],
    );
    renderLegend(
      legendBody,
      scene.widthScale,
      volumeUnit(app.dataset(), state.weighting.measure),
      lanes,
      app.dataset().id,
      scaleSpanNote(scene.scaleSpan.kind, scene.scaleSpan.years, state.year),
      {
        bases: new Set(app.derived().visible.shown.map((f) => f.basis)),
        context: scene.edges.some((e) => e.kind === "context"),
      },
    );
    if (scene.clustering) legendBody.prepend(clusterNote(scene.clustering, volumeUnit(app.dataset(), state.weighting.measure)));
  };

  onScene(app, (state) => {
    renderLegendNow(state);
    renderDetails(state);
    renderTooltip(state);
  });
  app.store.subscribe((state, prev) => {
    if (state.hover !== prev.hover) renderTooltip(state);
    if (state.selection !== prev.selection) renderDetails(state);
  });
  onDataset(app, (dataset) => {
    year.render();
    renderAbout(aboutBody, dataset);
  });
  renderAbout(aboutBody, app.dataset());
  renderLegendNow(app.store.get());
  renderDetails(app.store.get());
}
