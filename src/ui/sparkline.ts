// "Over time": a sparkline (inline SVG) of the selected place's volume (as its node size) or the
// selected flow's hop, across the dataset's years, with the current year marked.
import { flowSeries, placeSeries, sparklinePoints, type SeriesPoint } from "../state/series";
import { onScene, type App } from "./app";
import { append, clear, el } from "./dom";
import { formatCompact } from "./format";
import { volumeUnit } from "../state/volumeUnit";

const SVG = "http://www.w3.org/2000/svg";
const W = 300,
  H = 64;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function mountSparkline(app: App): void {
  const body = app.panel.addSection("over-years", "Over time", { open: true, order: 13 });
  let renderedKey: unknown[] = [];
  const render = () => {
    const s = app.store.get();
    const key = [app.derived().flows, s.selection, s.year, s.weighting.measure, s.weighting.nodeSizeBy, app.dataset()];
    if (key.every((k, i) => k === renderedKey[i])) return;
    renderedKey = key;
    clear(body);
    const ds = app.dataset();
    if (ds.timeless) {
      body.append(el("p", { class: "hint" }, "This data has no time: nothing to show over time."));
      return;
    }
    const d = app.derived();
    const sel = s.selection;
    const measure = s.weighting.measure;
    const unit = volumeUnit(ds, measure);
    let title: string;
    let series: SeriesPoint[];
    if (sel?.type === "node") {
      const place = d.placesById.get(sel.id);
      if (!place) return;
      const by = s.weighting.nodeSizeBy;
      title = `${place.name}: ${by === "throughput" ? "throughput" : by === "intake" ? "intake" : "outflow"}`;
      series = placeSeries(d.flows, sel.id, ds.years, measure, by);
    } else if (sel?.type === "edge") {
      const flow = d.flows.find((f) => f.id === sel.id);
      if (!flow) return;
      title = `${d.placesById.get(flow.from)?.name ?? flow.from} → ${d.placesById.get(flow.to)?.name ?? flow.to} (${flow.mode})`;
      series = flowSeries(d.flows, flow, ds.years, measure);
    } else {
      body.append(el("p", { class: "hint" }, "Select a place or a flow to see its volume over the years."));
      return;
    }
    const pts = sparklinePoints(series, W, H, 6);
    const text = series
      .map(
        (p) =>
          `${p.year}: ${p.value === null ? (p.missing === "absent" ? "no flow in the data" : "unknown") : formatCompact(p.value, unit)}`,
      )
      .join(", ");
    const chart = svg("svg", {
      viewBox: `0 0 ${W} ${H}`,
      width: "100%",
      height: H,
      role: "img",
      "aria-label": `${title}, ${unit} by year: ${text}`,
      class: "x-spark",
      "data-testid": "sparkline",
    });
    chart.append(svg("line", { x1: 0, x2: W, y1: H - 6, y2: H - 6, stroke: "#d5d8dc", "stroke-width": 1 }));
    // One line per run of known years: a year with no data is a gap, never a drop to zero.
    const byYear = new Map(pts.map((p) => [p.year, p]));
    const runs: (typeof pts)[] = [[]];
    for (const q of series) {
      const p = byYear.get(q.year);
      if (p) runs[runs.length - 1]!.push(p);
      else if (runs[runs.length - 1]!.length) runs.push([]);
    }
    for (const run of runs) {
      if (run.length > 1)
        chart.append(
          svg("polyline", {
            points: run.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" "),
            fill: "none",
            stroke: "#1f618d",
            "stroke-width": 2,
            "stroke-linejoin": "round",
          }),
        );
    }
    for (const p of pts) {
      const current = p.year === s.year;
      const dot = svg("circle", {
        cx: p.x.toFixed(1),
        cy: p.y.toFixed(1),
        r: current ? 4.5 : 2.5,
        fill: current ? "#c0392b" : "#1f618d",
        "data-year": p.year,
      });
      const tip = svg("title", {});
      tip.textContent = `${p.year}: ${formatCompact(p.value, unit)}`;
      dot.append(tip);
      chart.append(dot);
    }
    append(
      body,
      el("div", { class: "x-spark-title" }, title),
      chart,
      el(
        "div",
        { class: "x-spark-axis", "aria-hidden": "true" },
        el("span", {}, String(ds.years[0] ?? "")),
        el("span", {}, String(ds.years[ds.years.length - 1] ?? "")),
      ),
      el("p", { class: "x-hint" }, text),
    );
  };
  onScene(app, () => render());
  app.store.subscribe((s, prev) => {
    if (s.selection !== prev.selection) render();
  });
}
