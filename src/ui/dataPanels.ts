// What tells the reader what the data is: the "Sources" section (every fact and source, searchable), the
// context-layer switch beside the legend, and the notice under the header, which says for the year in view
// whether its routes are modelled estimates, reported figures, or not published at all.
import { profileOf } from "../state/profile";
import { setContextLayer } from "../state/producers";
import { yearStatus } from "../state/yearStatus";
import { onDataset, type App } from "./app";
import { el } from "./dom";
import { mountSourcesView } from "./sourcesView";

export interface DataPanels {
  /** Opens Sources on one fact (its id in the search box) and scrolls to it. */
  openFact(id: string): void;
  /** The element the legend renders into (below the context-layer switch). */
  legendRoot: HTMLElement;
}

export function mountDataPanels(app: App): DataPanels {
  // The legend section holds the switch, then the legend itself (re-rendered on every scene).
  const legendBody = app.panel.addSection("legend", "Legend", { open: true, order: 10 });
  const toggle = el("input", { type: "checkbox", id: "context-layer", class: "context-toggle" });
  const hint = el("p", { class: "hint context-hint", id: "context-layer-hint" });
  legendBody.append(
    el(
      "div",
      { class: "context-switch" },
      toggle,
      el("label", { for: "context-layer" }, "Context layer"),
      el("span", { class: "hint" }, " — reported all-vehicle figures between places, never added to the used-car flows"),
    ),
    hint,
  );
  const legendRoot = el("div", { class: "legend-root" });
  legendBody.append(legendRoot);
  toggle.addEventListener("change", () => app.store.dispatch(setContextLayer(toggle.checked)));

  const sourcesBody = app.panel.addSection("sources", "Sources", { order: 85 });
  const sources = mountSourcesView(sourcesBody, app.dataset());
  const notice = document.getElementById("notice");

  const render = () => {
    const state = app.store.get();
    const data = app.store.data();
    toggle.checked = state.contextLayer;
    const flowsInYear = data.dataset.years.includes(state.year);
    hint.textContent = flowsInYear ? "" : `${state.year} has no used-car flows: the context layer is drawn.`;
    hint.hidden = flowsInYear;
    const about = profileOf(data.dataset).about;
    if (notice && about) {
      notice.textContent = `${about} ${yearStatus(data.dataset, state.year).statement}`;
    }
  };
  app.store.subscribe((state, prev, change) => {
    if (state.year !== prev.year || state.contextLayer !== prev.contextLayer || change.data.dataset !== change.prevData.dataset) render();
  });
  onDataset(app, (dataset) => sources.setDataset(dataset));
  render();
  return {
    legendRoot,
    openFact(id) {
      app.panel.setOpen("sources", true);
      sources.show(id);
      sourcesBody.querySelector(`[data-fact="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
    },
  };
}
