// The "Over time" chart: a line (or stacked areas by lane or origin) over the time axis, with axes
// (d3-axis), gaps for years without data, points styled by basis (reported filled, modelled hollow,
// projected dashed), policy events marked on the same axis, the current and the compared year banded.
// Values on hover and by keyboard (arrow keys on the focused chart) are read out in a live status line.
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { select, type Selection } from "d3-selection";
import { area, line, stack, type Series } from "d3-shape";
import { dataRuns, type SeriesRow, type TimeSeries } from "../../state/timeSeries";
import { el } from "../dom";

export interface ChartEvent {
  id: string;
  title: string;
  date: string;
  /** Decimal year (timeline.decimalYear). */
  at: number;
}

export interface OverTimeInput {
  series: TimeSeries;
  events: ChartEvent[];
  year: number;
  compareYear: number | null;
  /** Name of a stack key (lane label, origin name). */
  keyLabel: (key: string) => string;
  keyColour: (key: string, index: number) => string;
  /** Short numbers for the axis ("3k"). */
  format: (v: number) => string;
  /** Full numbers for the readout and tooltips ("3,000 vehicles"). */
  formatFull: (v: number) => string;
  /** "vehicles", "US$". */
  unit: string;
  /** What is shown, for the accessible name ("Horgos"). */
  subject: string;
  width: number;
  height: number;
  /** A year was clicked on the chart. */
  onYear?: (year: number) => void;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const M = { top: 14, right: 10, bottom: 40, left: 48 };

export const BASIS_STYLE: Record<string, { fill: boolean; dash: string; label: string }> = {
  reported: { fill: true, dash: "", label: "reported" },
  derived: { fill: true, dash: "", label: "derived" },
  modelled: { fill: false, dash: "", label: "modelled" },
  projected: { fill: false, dash: "3 2", label: "projected" },
};

function styleOf(basis: string | null) {
  return BASIS_STYLE[basis ?? ""] ?? { fill: false, dash: "1 2", label: basis ?? "" };
}

/** One line of words for a year's point: "2024: 436,000 vehicles (modelled); Central Asia 218,000, …". */
export function pointText(row: SeriesRow, series: TimeSeries, input: Pick<OverTimeInput, "formatFull" | "keyLabel">): string {
  if (row.total === null) {
    const why = row.missing === "unknown" ? "no figure in this measure" : row.missing === "hidden" ? "hidden by the filters" : "no data";
    return `${row.year}: ${why}`;
  }
  const parts =
    series.stack === "none"
      ? []
      : series.keys.filter((k) => (row.parts[k] ?? 0) > 0).map((k) => `${input.keyLabel(k)} ${input.formatFull(row.parts[k]!)}`);
  return `${row.year}: ${input.formatFull(row.total)} (${row.basis ?? ""})${parts.length ? `; ${parts.join(", ")}` : ""}`;
}

/** The chart's frame: what every layer is drawn against. */
interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  input: OverTimeInput;
  rows: SeriesRow[];
  years: number[];
  first: number;
  last: number;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** The x of a year's centre. */
  cx: (year: number) => number;
}

/** Draws the chart into `host` (replacing what was there); returns the SVG. */
export function renderOverTimeChart(host: HTMLElement, input: OverTimeInput): SVGSVGElement {
  host.replaceChildren();
  const readout = el("p", { class: "chart-readout", role: "status", "aria-live": "polite", "data-testid": "over-time-readout" });
  const svgNode = document.createElementNS(SVG_NS, "svg");
  const frame = frameOf(svgNode, input);
  drawBands(frame);
  drawAxes(frame);
  if (input.series.stack !== "none" && input.series.keys.length) drawStack(frame);
  drawTotal(frame);
  drawEvents(frame);
  wireReadout(frame, svgNode, readout);
  host.append(svgNode, readout);
  return svgNode;
}

function frameOf(svgNode: SVGSVGElement, input: OverTimeInput): Frame {
  const { series, width, height } = input;
  const rows = series.rows;
  const years = rows.map((r) => r.year);
  const first = years[0] ?? input.year;
  const last = years[years.length - 1] ?? input.year;
  const x = scaleLinear()
    .domain([first, last + 1])
    .range([M.left, width - M.right]);
  const max = Math.max(0, ...rows.map((r) => r.total ?? 0));
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([height - M.bottom, M.top]);
  const svg = select(svgNode)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("class", "over-time-chart")
    .attr("role", "img")
    .attr("tabindex", 0)
    .attr("data-testid", "over-time-chart")
    .attr(
      "aria-label",
      `${input.subject} over time, ${input.unit}, ${first}–${last}${series.stack === "none" ? "" : `, stacked by ${series.stack}`}. Left and right arrow keys read the values one by one.`,
    );
  return { svg, input, rows, years, first, last, x, y, cx: (year) => x(year + 0.5) };
}

/** Bands: the current year, the compared year, and a hatched band where a year has no data. */
function drawBands({ svg, input, rows, first, last, x }: Frame): void {
  const band = (year: number, cls: string) =>
    svg
      .append("rect")
      .attr("class", cls)
      .attr("x", x(year))
      .attr("y", M.top)
      .attr("width", Math.max(0, x(year + 1) - x(year)))
      .attr("height", input.height - M.bottom - M.top);
  if (input.year >= first && input.year <= last) band(input.year, "chart-year-band");
  if (input.compareYear !== null && input.compareYear >= first && input.compareYear <= last) band(input.compareYear, "chart-compare-band");
  for (const r of rows) if (r.total === null) band(r.year, "chart-gap");
}

function drawAxes({ svg, input, years, x, y }: Frame): void {
  svg
    .append("g")
    .attr("class", "chart-axis chart-axis-x")
    .attr("transform", `translate(0,${input.height - M.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(years.map((v) => v + 0.5))
        .tickFormat((v) => String(Math.floor(Number(v))))
        .tickSizeOuter(0),
    );
  svg
    .append("g")
    .attr("class", "chart-axis chart-axis-y")
    .attr("transform", `translate(${M.left},0)`)
    .call(
      axisLeft(y)
        .ticks(4)
        .tickFormat((v) => input.format(Number(v))),
    );
}

/** Stacked areas by key, each layer split at gaps so no area spans a year without data. */
function drawStack({ svg, input, rows, y, cx }: Frame): void {
  const { series } = input;
  const defined = rows.filter((r) => r.total !== null);
  const stacked: Series<SeriesRow, string>[] = stack<SeriesRow>()
    .keys(series.keys)
    .value((r, k) => r.parts[k] ?? 0)(defined);
  const shape = area<[number, number] & { data: SeriesRow }>()
    .x((d) => cx(d.data.year))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  const runs = dataRuns(rows);
  stacked.forEach((layer, i) => {
    const key = series.keys[i]!;
    const g = svg.append("g").attr("class", "chart-layer").attr("data-key", key);
    g.append("title").text(input.keyLabel(key));
    for (const run of runs) {
      const pts = layer.filter((p) => run.includes(p.data)) as ([number, number] & { data: SeriesRow })[];
      const path = pts.length === 1 ? widen(pts) : pts;
      g.append("path")
        .attr("d", shape(path as never) ?? "")
        .attr("fill", input.keyColour(key, i))
        .attr("fill-opacity", 0.85)
        .attr("stroke", "#fff")
        .attr("stroke-width", 0.5);
    }
  });
}

/** The total line, broken at gaps, and its points styled by basis (modelled hollow, projected dashed). */
function drawTotal({ svg, input, rows, y, cx }: Frame): void {
  const { series } = input;
  const total = line<SeriesRow>()
    .defined((r) => r.total !== null)
    .x((r) => cx(r.year))
    .y((r) => y(r.total ?? 0));
  svg
    .append("path")
    .attr("class", "chart-line")
    .attr("d", total(rows) ?? "")
    .attr("fill", "none")
    .attr("stroke", "#1f2d3d")
    .attr("stroke-width", series.stack === "none" ? 2 : 1.25);
  const points = svg.append("g").attr("class", "chart-points");
  for (const r of rows) {
    if (r.total === null) continue;
    const s = styleOf(r.basis);
    points
      .append("circle")
      .attr("cx", cx(r.year))
      .attr("cy", y(r.total))
      .attr("r", 4)
      .attr("data-year", r.year)
      .attr("data-basis", r.basis ?? "")
      .attr("fill", s.fill ? "#1f2d3d" : "#fff")
      .attr("stroke", "#1f2d3d")
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", s.dash)
      .append("title")
      .text(pointText(r, series, input));
  }
}

/** Policy events on the same axis: a tick under the axis and a thin line through the plot. */
function drawEvents({ svg, input, first, last, x }: Frame): void {
  const { height } = input;
  const ev = svg.append("g").attr("class", "chart-events");
  for (const e of input.events) {
    if (e.at < first || e.at > last + 1) continue;
    const gx = x(e.at);
    const g = ev.append("g").attr("class", "chart-event").attr("data-event", e.id);
    g.append("line")
      .attr("x1", gx)
      .attr("x2", gx)
      .attr("y1", M.top)
      .attr("y2", height - M.bottom)
      .attr("stroke", "#b5651d")
      .attr("stroke-width", 1)
      .attr("stroke-dasharray", "2 2");
    g.append("path")
      .attr("d", `M${gx},${height - M.bottom + 22} l-4,6 h8 z`)
      .attr("fill", "#b5651d");
    g.append("title").text(`${e.date}: ${e.title}`);
  }
}

/** Hover and keyboard: one focus line and the readout; a click or Enter picks the year. */
function wireReadout({ svg, input, rows, years, x, cx }: Frame, svgNode: SVGSVGElement, readout: HTMLElement): void {
  const { series, width, height } = input;
  const focusLine = svg
    .append("line")
    .attr("class", "chart-focus")
    .attr("y1", M.top)
    .attr("y2", height - M.bottom)
    .attr("stroke", "#333")
    .attr("visibility", "hidden");
  let focused = Math.max(0, years.indexOf(input.year));
  const show = (i: number) => {
    focused = Math.min(Math.max(0, i), rows.length - 1);
    const r = rows[focused];
    if (!r) return;
    focusLine.attr("x1", cx(r.year)).attr("x2", cx(r.year)).attr("visibility", "visible");
    readout.textContent = pointText(r, series, input);
  };
  const yearAt = (clientX: number) => {
    const box = svgNode.getBoundingClientRect();
    const vx = ((clientX - box.left) / Math.max(1, box.width)) * width;
    return Math.floor(x.invert(vx));
  };
  svg.on("pointermove", (event: PointerEvent) => {
    const i = years.indexOf(yearAt(event.clientX));
    if (i >= 0) show(i);
  });
  svg.on("click", (event: MouseEvent) => {
    const year = yearAt(event.clientX);
    if (years.includes(year)) input.onYear?.(year);
  });
  svg.on("focus", () => show(focused));
  svg.on("keydown", (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (event.key === "Home") show(0);
    else if (event.key === "End") show(rows.length - 1);
    else if (step) show(focused + step);
    else if (event.key === "Enter" && rows[focused]) input.onYear?.(rows[focused]!.year);
    else return;
    event.preventDefault();
  });
  readout.textContent = rows[focused] ? pointText(rows[focused]!, series, input) : "";
}

/** A lone point (neighbours are gaps) drawn as a narrow block so its stack stays visible. */
function widen(pts: ([number, number] & { data: SeriesRow })[]) {
  const p = pts[0]!;
  const a = Object.assign([p[0], p[1]], { data: { ...p.data, year: p.data.year - 0.15 } });
  const b = Object.assign([p[0], p[1]], { data: { ...p.data, year: p.data.year + 0.15 } });
  return [a, b];
}
