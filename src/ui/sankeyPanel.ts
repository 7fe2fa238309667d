// "Sankey": the traced route's chains, or a place's origin mix, as bands origin → exit → transit →
// market whose widths are the attributed volumes (state/sankeyBands.ts, drawn by d3-sankey). Hovering
// or focusing a band (or a row of the list) highlights the same chain on the map and in the list.
import { schemeTableau10 } from "d3-scale-chromatic";
import { buildYearGraph } from "../domain/buildYearGraph";
import { originBands } from "../analysis/originBands";
import { UNEXPLAINED_ORIGIN } from "../analysis/compactGraph";
import { setAnalysis } from "../state/analysisProducers";
import { sankeyTable } from "../state/analysisTables";
import { createRouteTrace } from "../state/routeTrace";
import { mixSankey, traceSankey, type SankeyBand, type SankeyModel } from "../state/sankeyBands";
import { formatVolume, volumeUnit } from "../state/volumeUnit";
import { onScene, type App } from "./app";
import { emphasiseOnMap } from "./emphasis";
import { renderSankeyChart, type SankeyChart } from "./charts/sankeyChart";
import { chartButtons, csvButton } from "./csvDownload";
import { el } from "./dom";

export const SANKEY_SECTION = "sankey";
const W = 300;
const H = 280;

export function mountSankey(app: App): void {
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
  const trace = createRouteTrace();
  let model: SankeyModel | null = null;
  let chart: SankeyChart | null = null;
  const nameOf = (id: string) => (id === UNEXPLAINED_ORIGIN ? "(unexplained inflow)" : (app.derived().placesById.get(id)?.name ?? id));
  const download = csvButton(app, "Bands as CSV", () =>
    model
      ? {
          view: `Sankey — ${model.title}`,
          year: String(app.store.get().year),
          table: sankeyTable(model, nameOf),
          flows: app.derived().visible.shown,
          notes: model.notes,
        }
      : null,
  );
  body.append(
    el("div", { class: "chart-controls" }, el("label", { for: ofSelect.id }, "Bands of"), ofSelect),
    title,
    chartHost,
    list,
    notes,
    download,
    chartButtons(app, "band", () =>
      chart && model ? { svg: chart.svg, title: title.textContent ?? "Sankey", file: `reroute-sankey-${app.store.get().year}` } : null,
    ),
  );
  ofSelect.addEventListener("change", () =>
    app.store.dispatch(setAnalysis({ sankeyOf: ofSelect.value as "trace" | "place", view: "sankey" })),
  );

  const groupColour = (group: string, index: number) =>
    group === "-1" || group === UNEXPLAINED_ORIGIN ? "#9e9e9e" : schemeTableau10[index % 10]!;
  let colours = new Map<string, string>();
  /** Map and list emphasis for one group (chain or origin), or none. */
  const emphasise = (group: string | null) => {
    chart?.emphasise(group);
    for (const li of list.children) li.classList.toggle("emphasised", (li as HTMLElement).dataset.group === group);
    if (group === null || !model) return emphasiseOnMap(app, null);
    const bands = model.bands.filter((b) => b.group === group);
    const placeOf = new Map(model.nodes.map((n) => [n.key, n.place]));
    emphasiseOnMap(app, {
      nodes: new Set(bands.flatMap((b) => [placeOf.get(b.source) ?? b.source, placeOf.get(b.target) ?? b.target])),
      edges: new Set(bands.flatMap((b) => b.edges)),
    });
  };

  let lastKey: unknown[] = [];
  const render = () => {
    if (!app.panel.isOpen(SANKEY_SECTION)) return;
    const s = app.store.get();
    const d = app.derived();
    const ds = app.dataset();
    const key = [d.flows, s.year, s.weighting.measure, s.trace.origin, s.trace.destination, s.selection, s.analysis.sankeyOf, ds];
    if (key.every((k, i) => k === lastKey[i])) return;
    lastKey = key;
    ofSelect.value = s.analysis.sankeyOf;
    const unit = volumeUnit(ds, s.weighting.measure);
    const fmt = (v: number) => formatVolume(v, unit);
    model = null;
    if (s.analysis.sankeyOf === "trace") {
      const r = trace.trace({ dataset: ds, flows: d.flows, year: s.year, measure: s.weighting.measure }, s.trace);
      if (r && r.chains.chains.length) model = traceSankey({ ...r.chains, origin: r.origin, target: r.destination }, d.placesById, fmt);
      else
        title.textContent = r
          ? `No chain from ${nameOf(r.origin)} to ${nameOf(r.destination)} in ${s.year}.`
          : "Pick an Origin and a Destination to see the chains of the route as bands.";
    } else {
      const place = s.selection?.type === "node" ? s.selection.id : s.trace.destination;
      const g = place ? buildYearGraph(ds, s.year, { measure: s.weighting.measure, flows: d.flows }) : null;
      if (place && g?.hasNode(place)) {
        const bands = originBands(g, place);
        if (bands.bands.length) model = mixSankey(bands, d.placesById);
        else title.textContent = `Nothing reaches ${nameOf(place)} in ${s.year}.`;
      } else title.textContent = "Select a place to see where its cars come from.";
    }
    if (!model) {
      chartHost.replaceChildren();
      list.replaceChildren();
      notes.replaceChildren();
      chart = null;
      return;
    }
    const groups = [...new Set(model.bands.map((b) => b.group))];
    colours = new Map(groups.map((g, i) => [g, groupColour(g, i)]));
    title.textContent = `${model.title}, ${s.year}: ${fmt(model.total)}${s.scenario ? ` — scenario “${s.scenario.name}”` : ""}`;
    chart = renderSankeyChart(chartHost, {
      model,
      colourOf: (g) => colours.get(g) ?? "#9e9e9e",
      format: fmt,
      width: W,
      height: H,
      onBand: (band: SankeyBand | null) => emphasise(band ? band.group : null),
    });
    const volumeOf = (g: string) =>
      model!.kind === "trace"
        ? (model!.bands.find((b) => b.group === g)?.volume ?? 0)
        : model!.bands
            .filter(
              (b) =>
                b.group === g && b.target === model!.nodes.find((n) => n.column === Math.max(...model!.nodes.map((x) => x.column)))?.key,
            )
            .reduce((a, b) => a + b.volume, 0);
    list.replaceChildren(
      ...groups.map((g) => {
        const label = model!.bands.find((b) => b.group === g)!.label;
        const li = el(
          "li",
          { tabindex: 0, "data-group": g },
          el("span", { class: "swatch", style: `background:${colours.get(g)}` }),
          `${label}: ${fmt(volumeOf(g))}`,
        );
        li.addEventListener("pointerenter", () => emphasise(g));
        li.addEventListener("focus", () => emphasise(g));
        li.addEventListener("pointerleave", () => emphasise(null));
        li.addEventListener("blur", () => emphasise(null));
        return li;
      }),
    );
    notes.replaceChildren(...model.notes.map((n) => el("p", {}, n)));
  };
  app.panel.onToggle(SANKEY_SECTION, (open) => {
    if (open) {
      lastKey = [];
      render();
    } else emphasise(null);
  });
  app.store.subscribe(render);
  onScene(app, render);
  render();
}
