// "Sankey": the traced route's chains, or a place's origin mix, as bands origin → exit → transit →
// market whose widths are the attributed volumes (state/sankeyBands.ts, drawn by d3-sankey). Hovering
// or focusing a band (or a row of the list) highlights the same chain on the map and in the list.
import { schemeTableau10 } from "d3-scale-chromatic";
import { buildYearGraph } from "../domain/buildYearGraph";
import { originBands } from "../analysis/originBands";
import { UNEXPLAINED_ORIGIN } from "../analysis/compactGraph";
import { setAnalysis } from "../state/analysisProducers";
import { sankeyTable } from "../state/analysisTables";
import { createRouteTrace, type RouteTrace } from "../state/routeTrace";
import { groupOnMap, groupVolume, mixSankey, sankeyGroups, traceSankey, type SankeyBand, type SankeyModel } from "../state/sankeyBands";
import { formatVolume, volumeUnit } from "../state/volumeUnit";
import { onScene, type App } from "./app";
import { emphasiseOnMap } from "./emphasis";
import { renderSankeyChart, type SankeyChart } from "./charts/sankeyChart";
import { chartButtons, csvButton } from "./csvDownload";
import { el } from "./dom";

export const SANKEY_SECTION = "sankey";
const W = 300;
const H = 280;

interface SankeyDom {
  ofSelect: HTMLSelectElement;
  title: HTMLElement;
  chartHost: HTMLElement;
  list: HTMLUListElement;
  notes: HTMLElement;
}

/** What is drawn now. */
interface SankeyView {
  app: App;
  dom: SankeyDom;
  model: SankeyModel | null;
  chart: SankeyChart | null;
  colours: Map<string, string>;
  nameOf: (id: string) => string;
}

export function mountSankey(app: App): void {
  const nameOf = (id: string) => (id === UNEXPLAINED_ORIGIN ? "(unexplained inflow)" : (app.derived().placesById.get(id)?.name ?? id));
  const view: SankeyView = { app, dom: buildSankeyDom(app, () => view), model: null, chart: null, colours: new Map(), nameOf };
  const { ofSelect } = view.dom;
  ofSelect.addEventListener("change", () =>
    app.store.dispatch(setAnalysis({ sankeyOf: ofSelect.value as "trace" | "place", view: "sankey" })),
  );
  const trace = createRouteTrace();
  let lastKey: unknown[] = [];
  const render = () => {
    if (!app.panel.isOpen(SANKEY_SECTION)) return;
    const s = app.store.get();
    const d = app.derived();
    const key = [
      d.flows,
      s.year,
      s.weighting.measure,
      s.trace.origin,
      s.trace.destination,
      s.selection,
      s.analysis.sankeyOf,
      app.dataset(),
    ];
    if (key.every((k, i) => k === lastKey[i])) return;
    lastKey = key;
    renderSankey(view, trace);
  };
  app.panel.onToggle(SANKEY_SECTION, (open) => {
    if (open) {
      lastKey = [];
      render();
    } else emphasise(view, null);
  });
  app.store.subscribe(render);
  onScene(app, render);
  render();
}

function buildSankeyDom(app: App, view: () => SankeyView): SankeyDom {
  const body = app.panel.addSection(SANKEY_SECTION, "Sankey", { open: false, order: 15 });
  const ofSelect = el(
    "select",
    { id: "sankey-of" },
    el("option", { value: "trace" }, "The chains of the route (A → B)"),
    el("option", { value: "place" }, "Where a place's cars come from"),
  );
  const title = el("p", { class: "chart-title" });
  const chartHost = el("div", { class: "chart-host sankey-host" });
  const list = el("ul", { class: "sankey-groups", "aria-label": "Bands, one line per group" });
  const notes = el("div", { class: "hint" });
  const download = csvButton(app, "Bands as CSV", () => {
    const { model, nameOf } = view();
    return model
      ? {
          view: `Sankey — ${model.title}`,
          year: String(app.store.get().year),
          table: sankeyTable(model, nameOf),
          flows: app.derived().visible.shown,
          notes: model.notes,
        }
      : null;
  });
  body.append(
    el("div", { class: "chart-controls" }, el("label", { for: ofSelect.id }, "Bands of"), ofSelect),
    title,
    chartHost,
    list,
    notes,
    download,
    chartButtons(app, "band", () => {
      const { chart, model } = view();
      return chart && model
        ? { svg: chart.svg, title: title.textContent ?? "Sankey", file: `reroute-sankey-${app.store.get().year}` }
        : null;
    }),
  );
  return { ofSelect, title, chartHost, list, notes };
}

const groupColour = (group: string, index: number) =>
  group === "-1" || group === UNEXPLAINED_ORIGIN ? "#9e9e9e" : schemeTableau10[index % 10]!;

/** Map and list emphasis for one group (chain or origin), or none. */
function emphasise({ app, dom, model, chart }: SankeyView, group: string | null): void {
  chart?.emphasise(group);
  for (const li of dom.list.children) li.classList.toggle("emphasised", (li as HTMLElement).dataset.group === group);
  if (group === null || !model) return emphasiseOnMap(app, null);
  emphasiseOnMap(app, groupOnMap(model, group));
}

/** The bands for the state now: the route's chains, or the origin mix of the selected place; else why there are none. */
function sankeyModelFor(app: App, trace: RouteTrace, nameOf: (id: string) => string, fmt: (v: number) => string): SankeyModel | string {
  const s = app.store.get();
  const d = app.derived();
  const ds = app.dataset();
  if (s.analysis.sankeyOf === "trace") {
    const r = trace.trace({ dataset: ds, flows: d.flows, year: s.year, measure: s.weighting.measure }, s.trace);
    if (r && r.chains.chains.length) return traceSankey({ ...r.chains, origin: r.origin, target: r.destination }, d.placesById, fmt);
    return r
      ? `No chain from ${nameOf(r.origin)} to ${nameOf(r.destination)} in ${s.year}.`
      : "Pick an Origin and a Destination to see the chains of the route as bands.";
  }
  const place = s.selection?.type === "node" ? s.selection.id : s.trace.destination;
  const g = place ? buildYearGraph(ds, s.year, { measure: s.weighting.measure, flows: d.flows }) : null;
  if (!place || !g?.hasNode(place)) return "Select a place to see where its cars come from.";
  const bands = originBands(g, place);
  return bands.bands.length ? mixSankey(bands, d.placesById) : `Nothing reaches ${nameOf(place)} in ${s.year}.`;
}

function renderSankey(view: SankeyView, trace: RouteTrace): void {
  const { app, dom } = view;
  const s = app.store.get();
  dom.ofSelect.value = s.analysis.sankeyOf;
  const unit = volumeUnit(app.dataset(), s.weighting.measure);
  const fmt = (v: number) => formatVolume(v, unit);
  view.model = null;
  const found = sankeyModelFor(app, trace, view.nameOf, fmt);
  if (typeof found === "string") {
    dom.title.textContent = found;
    dom.chartHost.replaceChildren();
    dom.list.replaceChildren();
    dom.notes.replaceChildren();
    view.chart = null;
    return;
  }
  const model = found;
  view.model = model;
  const groups = sankeyGroups(model);
  view.colours = new Map(groups.map((g, i) => [g, groupColour(g, i)]));
  dom.title.textContent = `${model.title}, ${s.year}: ${fmt(model.total)}${s.scenario ? ` — scenario “${s.scenario.name}”` : ""}`;
  view.chart = renderSankeyChart(dom.chartHost, {
    model,
    colourOf: (g) => view.colours.get(g) ?? "#9e9e9e",
    format: fmt,
    width: W,
    height: H,
    onBand: (band: SankeyBand | null) => emphasise(view, band ? band.group : null),
  });
  dom.list.replaceChildren(
    ...groups.map((g) => {
      const label = model.bands.find((b) => b.group === g)!.label;
      const li = el(
        "li",
        { tabindex: 0, "data-group": g },
        el("span", { class: "swatch", style: `background:${view.colours.get(g)}` }),
        `${label}: ${fmt(groupVolume(model, g))}`,
      );
      li.addEventListener("pointerenter", () => emphasise(view, g));
      li.addEventListener("focus", () => emphasise(view, g));
      li.addEventListener("pointerleave", () => emphasise(view, null));
      li.addEventListener("blur", () => emphasise(view, null));
      return li;
    }),
  );
  dom.notes.replaceChildren(...model.notes.map((n) => el("p", {}, n)));
}
