// What sits around the map and follows the state: the Year control, the legend, the details of the
// selection, the hover tooltip and "About the data".
import { flowSummary, placeSummary } from "../state/summaries";
import { kindLabels } from "../state/palette";
import type { Selection, ViewState } from "../state/viewState";
import { datasetUnit, volumeUnit } from "../state/volumeUnit";
import { renderAbout } from "./aboutPanel";
import { onDataset, onScene, type App } from "./app";
import { clear, el } from "./dom";
import { flowCard, placeCard } from "./infoCard";
import { renderLegend } from "./legend";
import { createTooltip } from "./tooltip";
import { mountYearControl } from "./yearControl";

export function mountMapPanels(app: App, tooltipRoot: HTMLElement, graph: HTMLElement): void {
  const yearSlot = el("div", { class: "control" });
  app.toolbar.appendChild(yearSlot);
  const year = mountYearControl(yearSlot, app.store, () => (app.dataset().timeless ? [] : app.dataset().years));
  const legendBody = app.panel.addSection("legend", "Legend", { open: true, order: 10 });
  const detailsBody = app.panel.addSection("details", "Details", { open: true, order: 11 });
  const aboutBody = app.panel.addSection("about", "About the data", { order: 90 });
  const tooltip = createTooltip(tooltipRoot, graph);

  /** The card of a place or a flow, or null when it is not in the data. */
  const card = (state: ViewState, sel: NonNullable<Selection>, full: boolean): HTMLElement | null => {
    const ds = app.dataset();
    const flows = app.derived().flows;
    if (sel.type === "node") {
      const s = placeSummary(ds, flows, sel.id, state.year, state.weighting.measure);
      return s ? placeCard(s, volumeUnit(ds, state.weighting.measure), full, kindLabels(ds.id)) : null;
    }
    const s = flowSummary(ds, flows, sel.id);
    return s ? flowCard(s, datasetUnit(ds), full) : null;
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
    const d = app.derived();
    const lanes = new Set(d.visible.shown.map((f) => d.colourLaneOf(f)));
    const scene = app.select.scene(state, app.store.data());
    renderLegend(legendBody, scene.widthScale, volumeUnit(app.dataset(), state.weighting.measure), lanes, app.dataset().id);
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
