// "Over time": the chart of a place, a hop, a lane or the whole dataset across the years (line, or
// stacked by lane or by origin), with policy events on its axis. It follows the year, the filters, the
// edited assumptions and the scenario (it reads the flows in force), and downloads as CSV.
import { schemeTableau10 } from "d3-scale-chromatic";
import { LANES } from "../domain/lanes";
import { UNEXPLAINED_ORIGIN } from "../analysis/compactGraph";
import { setAnalysis } from "../state/analysisProducers";
import { timeSeriesTable } from "../state/analysisTables";
import { seriesChoice, seriesTargetOf } from "../state/seriesChoice";
import {
  describeTarget,
  seriesOfRows,
  seriesPlaces,
  seriesRowOf,
  seriesYear,
  type SeriesYear,
  seriesYears,
  timeSeries,
  type SeriesRow,
  type SeriesTarget,
  type StackBy,
  type TimeSeries,
} from "../state/timeSeries";
import { decimalYear, formatEventDate } from "../state/timeline";
import { setYear } from "../state/producers";
import { volumeUnit, formatCompact, formatVolume } from "../state/volumeUnit";
import type { ViewState } from "../state/viewState";
import type { Flow, Place } from "../domain/types";
import { LANE_COLOURS } from "../state/palette";
import { onDataset, onScene, type App } from "./app";
import { renderOverTimeChart, BASIS_STYLE } from "./charts/overTimeChart";
import { chartButtons, csvButton } from "./csvDownload";
import { afterFrames, el } from "./dom";

export const OVER_TIME_SECTION = "over-years";
const W = 300;
const H = 190;
/** Above this many flows, the per-year indexes are built a year per task and the chart follows the map in a task of its own. */
const BIG_FLOWS = 50_000;

/**
 * The lanes the flows use, once per flow list (a million flows: one pass, not one per render), and only
 * until every lane a flow can have (its places' lanes, or "other") has been seen.
 */
const lanesCache = new WeakMap<readonly Flow[], Set<string>>();
function lanesOf(d: { flows: readonly Flow[]; laneOf: (flow: Flow) => string; placesById: Map<string, Place> }): Set<string> {
  let lanes = lanesCache.get(d.flows);
  if (!lanes) {
    const possible = new Set(["other"]);
    for (const place of d.placesById.values()) if (place.lane !== "") possible.add(place.lane);
    lanes = new Set<string>();
    for (const flow of d.flows) if (lanes.add(d.laneOf(flow)).size === possible.size) break;
    lanesCache.set(d.flows, lanes);
  }
  return lanes;
}

/** What a target's series is summed from: not the year shown (a year change only moves the chart's marker). */
function seriesKeyOf(app: App, target: SeriesTarget): unknown[] {
  const s = app.store.get();
  return [app.derived().flows, s.filters, s.weighting.measure, JSON.stringify(target), s.analysis.stack, app.dataset()];
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** The target shown: the one set in the view, else the selection, else the whole dataset. */
export function effectiveTarget(app: App, state: ViewState): SeriesTarget {
  if (state.analysis.seriesTarget) return state.analysis.seriesTarget;
  const sel = state.selection;
  if (sel?.type === "node" && app.derived().placesById.has(sel.id)) return { kind: "place", id: sel.id };
  if (sel?.type === "edge") {
    const f = app.derived().flows.find((x) => x.id === sel.id);
    if (f) return { kind: "flow", from: f.from, to: f.to, mode: f.mode };
  }
  return { kind: "dataset" };
}

interface OverTimeDom {
  seriesSelect: HTMLSelectElement;
  stackSelect: HTMLSelectElement;
  title: HTMLElement;
  chartHost: HTMLElement;
  legend: HTMLElement;
  note: HTMLElement;
  controls: HTMLElement;
  download: HTMLButtonElement;
  chartExport: HTMLElement;
}

/** What is drawn now, and the names its keys are shown by. */
interface OverTimeView {
  app: App;
  current: TimeSeries | null;
  /** What `current` was summed from: the series does not depend on the year shown. */
  seriesKey: unknown[];
  drawn: SVGSVGElement | null;
  nameOf: (id: string) => string;
  laneLabel: (id: string) => string;
  keyLabel: (k: string) => string;
}

export function mountOverTime(app: App): void {
  const nameOf = (id: string) => (id === UNEXPLAINED_ORIGIN ? "(unexplained)" : (app.derived().placesById.get(id)?.name ?? id));
  const laneLabel = (id: string) => LANES.find((l) => l.id === id)?.label ?? id;
  const view: OverTimeView = {
    app,
    current: null,
    seriesKey: [],
    drawn: null,
    nameOf,
    laneLabel,
    keyLabel: (k) => (view.current?.stack === "lane" ? laneLabel(k) : nameOf(k)),
  };
  const dom = buildOverTimeDom(view);
  wireOverTimeControls(app, dom);
  let lastKey: unknown[] = [];
  // Big flow lists are summed one year per task before the chart is drawn (a million flows: each year's sort
  // and sums take ~60 ms), so neither opening such data nor a change of filter runs every year in one task.
  let summing: unknown[] | null = null;
  const sumByYear = (target: SeriesTarget, key: unknown[]) => {
    if (summing && sameKey(summing, key)) return;
    summing = key;
    const s = app.store.get();
    const ds = app.dataset();
    const flows = app.derived().flows;
    const inputs = { dataset: ds, flows, filters: s.filters, measure: s.weighting.measure };
    const placesById = seriesPlaces(inputs);
    const years = seriesYears(ds);
    const stack = s.analysis.stack;
    // New data: nothing of the old chart holds. Otherwise the chart stays until the new series is in.
    if (view.seriesKey[0] !== flows) {
      view.current = null;
      view.drawn = null;
      dom.title.textContent = "";
      dom.chartHost.replaceChildren();
      dom.legend.replaceChildren();
      dom.note.textContent = `Summing ${flows.length.toLocaleString("en")} flows by year…`;
    }
    const rows: SeriesRow[] = [];
    // Each year in two tasks: its flows shown and sums, then the target's row from them.
    let year: SeriesYear | null = null;
    const step = () => {
      if (summing !== key) return;
      if (rows.length < years.length) {
        if (year) {
          rows.push(seriesRowOf(inputs, year, target, stack));
          year = null;
        } else year = seriesYear(inputs, placesById, years[rows.length]!);
        setTimeout(step, 0);
        return;
      }
      summing = null;
      view.current = seriesOfRows(target, stack, rows);
      view.seriesKey = key;
      lastKey = [];
      render();
    };
    // The first year waits for the frames that show the change (opening a million flows: the map first).
    void afterFrames().then(step);
  };
  const render = () => {
    if (!app.panel.isOpen(OVER_TIME_SECTION)) return;
    const s = app.store.get();
    const target = effectiveTarget(app, s);
    if (app.derived().flows.length > BIG_FLOWS && app.dataset().timeless !== true) {
      const seriesKey = seriesKeyOf(app, target);
      if (!sameKey(seriesKey, view.seriesKey)) return sumByYear(target, seriesKey);
    }
    const key = [
      app.derived().flows,
      s.filters,
      s.weighting.measure,
      s.year,
      s.compareYear,
      JSON.stringify(target),
      s.analysis.stack,
      app.dataset(),
    ];
    if (key.every((k, i) => k === lastKey[i])) return;
    lastKey = key;
    renderOverTime(view, dom, target);
  };
  app.panel.onToggle(OVER_TIME_SECTION, (open) => {
    if (open) {
      lastKey = [];
      render();
    }
  });
  // With big data the chart follows the map in a task of its own (changes in a row are summed once): a
  // threshold change at 100,000 flows spent ~50 ms summing the series before the map's frame.
  let later: ReturnType<typeof setTimeout> | null = null;
  const renderSoon = () => {
    if (app.derived().flows.length <= BIG_FLOWS) return render();
    if (later !== null) return;
    later = setTimeout(() => {
      later = null;
      render();
    }, 0);
  };
  app.store.subscribe(renderSoon);
  onScene(app, renderSoon);
  // The key holds the dataset: a new dataset renders once, from the store's own change.
  onDataset(app, () => renderSoon());
  render();
}

function buildOverTimeDom(view: OverTimeView): OverTimeDom {
  const { app, nameOf, laneLabel } = view;
  const body = app.panel.addSection(OVER_TIME_SECTION, "Over time", { open: true, order: 13 });
  const seriesSelect = el("select", { id: "over-time-series" });
  const stackSelect = el(
    "select",
    { id: "over-time-stack" },
    el("option", { value: "none" }, "Line (total)"),
    el("option", { value: "lane" }, "Stacked by lane"),
    el("option", { value: "origin" }, "Stacked by origin"),
  );
  const title = el("p", { class: "chart-title" });
  const chartHost = el("div", { class: "chart-host" });
  const legend = el("ul", { class: "chart-legend", "aria-label": "Chart legend" });
  const note = el("p", { class: "hint" });
  const download = csvButton(app, "Time series as CSV", () => {
    const current = view.current;
    if (!current) return null;
    const s = app.store.get();
    const years = current.rows.map((r) => r.year);
    return {
      view: `Over time — ${describeTarget(current.target, nameOf, laneLabel)}${current.stack === "none" ? "" : `, stacked by ${current.stack}`}`,
      year: `${years[0]}–${years[years.length - 1]} (year shown: ${s.year})`,
      table: timeSeriesTable(current, view.keyLabel),
      flows: app.derived().flows,
      notes: [
        "total: the whole dataset counts what is absorbed at the ends of chains (each car once); a place, its throughput; a hop, its volume; a lane, what arrives by it.",
        "basis: the weakest basis among the flows of the point (reported < derived < modelled < projected); an empty total is a year without data, not a zero.",
      ],
    };
  });
  const controls = el(
    "div",
    { class: "chart-controls" },
    el("label", { for: seriesSelect.id }, "Chart of"),
    seriesSelect,
    el("label", { for: stackSelect.id }, "Stack"),
    stackSelect,
  );
  const chartExport = chartButtons(app, "time", () =>
    view.drawn ? { svg: view.drawn, title: title.textContent ?? "Over time", file: `reroute-over-time-${app.store.get().year}` } : null,
  );
  body.append(controls, title, chartHost, legend, note, download, chartExport);
  return { seriesSelect, stackSelect, title, chartHost, legend, note, controls, download, chartExport };
}

function wireOverTimeControls(app: App, { seriesSelect, stackSelect }: OverTimeDom): void {
  seriesSelect.addEventListener("change", () => {
    const target = seriesTargetOf(seriesSelect.value, app.store.get().analysis.seriesTarget);
    app.store.dispatch(setAnalysis({ seriesTarget: target, view: "over-time" }));
  });
  stackSelect.addEventListener("change", () => app.store.dispatch(setAnalysis({ stack: stackSelect.value as StackBy, view: "over-time" })));
}

/** The "Chart of" menu: follow, the dataset, the lanes with flows, and the place or hop set in the view. */
function fillSeriesOptions({ app, nameOf }: OverTimeView, dom: OverTimeDom): void {
  const lanes = lanesOf(app.derived());
  const { options, value } = seriesChoice(app.store.get().analysis.seriesTarget, LANES, lanes, nameOf);
  dom.seriesSelect.replaceChildren(...options.map(([v, label]) => el("option", { value: v }, label)));
  dom.seriesSelect.value = value;
}

function renderOverTime(view: OverTimeView, dom: OverTimeDom, target: SeriesTarget): void {
  const { app, nameOf, laneLabel, keyLabel } = view;
  const s = app.store.get();
  const ds = app.dataset();
  const timeless = ds.timeless === true;
  dom.controls.hidden = timeless;
  dom.download.hidden = timeless;
  dom.chartExport.hidden = timeless;
  if (timeless) {
    // One placeholder year: a chart would draw a single point as if it were a series.
    view.current = null;
    view.drawn = null;
    dom.title.textContent = "";
    dom.chartHost.replaceChildren();
    dom.legend.replaceChildren();
    dom.note.textContent = "This data has no time: nothing to show over time.";
    return;
  }
  fillSeriesOptions(view, dom);
  dom.stackSelect.value = s.analysis.stack;
  // A year change only moves the chart's marker: the series is summed again only when what it is made of changes.
  const seriesKey = seriesKeyOf(app, target);
  const current =
    view.current !== null && sameKey(seriesKey, view.seriesKey)
      ? view.current
      : timeSeries({ dataset: ds, flows: app.derived().flows, filters: s.filters, measure: s.weighting.measure }, target, s.analysis.stack);
  view.current = current;
  view.seriesKey = seriesKey;
  const unit = volumeUnit(ds, s.weighting.measure);
  const subject = describeTarget(target, nameOf, laneLabel);
  dom.title.textContent = `${subject[0]!.toUpperCase()}${subject.slice(1)} (${unit})${s.scenario ? ` — scenario “${s.scenario.name}”` : ""}`;
  const colourOf = (k: string, i: number) =>
    current.stack === "lane" ? (LANE_COLOURS[k] ?? "#7f8c8d") : k === UNEXPLAINED_ORIGIN ? "#9e9e9e" : schemeTableau10[i % 10]!;
  view.drawn = renderOverTimeChart(dom.chartHost, {
    series: current,
    events: ds.events.map((e) => ({ id: e.id, title: e.title, date: formatEventDate(e.date), at: decimalYear(e.date, e.year) })),
    year: s.year,
    compareYear: s.compareYear,
    keyLabel,
    keyColour: colourOf,
    format: (v) => formatCompact(v, unit),
    formatFull: (v) => formatVolume(v, unit),
    unit,
    subject,
    width: W,
    height: H,
    onYear: (year) => app.store.dispatch(setYear(year)),
  });
  dom.legend.replaceChildren(...legendItems(current, colourOf, keyLabel, ds.events.length > 0));
  dom.note.textContent =
    target.kind === "dataset" ? "The whole dataset counts each car once: what is absorbed at the end of its chain." : "";
}

/** The legend: the stack's keys, the bases drawn, policy events and gaps. */
function legendItems(
  current: TimeSeries,
  colourOf: (k: string, i: number) => string,
  keyLabel: (k: string) => string,
  events: boolean,
): HTMLLIElement[] {
  const items =
    current.stack === "none"
      ? []
      : current.keys.map((k, i) => el("li", {}, el("span", { class: "swatch", style: `background:${colourOf(k, i)}` }), keyLabel(k)));
  const bases = [...new Set(current.rows.map((r) => r.basis).filter((b): b is string => b !== null))];
  for (const b of bases) {
    const st = BASIS_STYLE[b];
    items.push(el("li", {}, el("span", { class: `basis-dot${st?.fill ? " filled" : ""}${st?.dash ? " dashed" : ""}` }), st?.label ?? b));
  }
  if (events) items.push(el("li", {}, el("span", { class: "event-mark" }), "policy event (hover for its title)"));
  if (current.rows.some((r) => r.total === null))
    items.push(el("li", {}, el("span", { class: "gap-mark" }), "no data (a gap, not a zero)"));
  return items;
}
