// "Compare years": choose a second year; the map then shows the change from that year to the year shown
// (colour: rose, fell, new, vanished; width: the size of the change) and this section lists the changes
// hop by hop, with totals. The comparison is part of the view state: links, saved views and exports keep it.
import { setAnalysis, setCompareYear } from "../state/analysisProducers";
import { comparisonTable } from "../state/analysisTables";
import { changeText, compareYears, comparisonSummary, type HopChange, type YearComparison } from "../state/compareYears";
import { select } from "../state/producers";
import { formatAmount, formatVolume, MONEY, volumeUnit } from "../state/volumeUnit";
import { DIFFERENCE_COLOURS, DIFFERENCE_LABELS } from "../state/differenceScene";
import { onDataset, onScene, type App } from "./app";
import { emphasiseOnMap } from "./emphasis";
import { csvButton } from "./csvDownload";
import { el } from "./dom";

export const COMPARE_SECTION = "compare-years";
const FIRST_ROWS = 25;

interface CompareDom {
  yearSelect: HTMLSelectElement;
  summary: HTMLElement;
  head: HTMLTableRowElement;
  rows: HTMLTableSectionElement;
  caption: HTMLElement;
  more: HTMLButtonElement;
}

export function mountCompareYears(app: App): void {
  let showAll = false;
  let current: YearComparison | null = null;
  const nameOf = (id: string) => app.derived().placesById.get(id)?.name ?? id;
  const dom = buildCompareDom(app, () => current, nameOf);
  dom.yearSelect.addEventListener("change", () => {
    const v = dom.yearSelect.value;
    app.store.dispatch(setCompareYear(v === "" ? null : Number(v)));
    if (v !== "") app.store.dispatch(setAnalysis({ view: "compare" }));
  });
  dom.more.addEventListener("click", () => {
    showAll = !showAll;
    lastKey = [];
    render();
  });

  let lastKey: unknown[] = [];
  const render = () => {
    const s = app.store.get();
    const ds = app.dataset();
    const d = app.derived();
    const key = [s.compareYear, s.year, d.baseline, d.flows, s.filters, s.weighting.measure, ds];
    if (key.every((k, i) => k === lastKey[i])) return;
    lastKey = key;
    current = renderComparison(app, dom, showAll, nameOf);
  };
  app.store.subscribe(render);
  onScene(app, render);
  onDataset(app, () => {
    lastKey = [];
    render();
  });
  render();
}

function buildCompareDom(app: App, current: () => YearComparison | null, nameOf: (id: string) => string): CompareDom {
  const body = app.panel.addSection(COMPARE_SECTION, "Compare years", { open: false, order: 14 });
  const yearSelect = el("select", { id: "compare-year" });
  const summary = el("p", { class: "compare-summary", "data-testid": "compare-summary" });
  const legend = el(
    "ul",
    { class: "chart-legend", "aria-label": "Colours of the comparison on the map" },
    ...(["rose", "fell", "new", "vanished"] as const).map((s) =>
      el("li", {}, el("span", { class: "swatch", style: `background:${DIFFERENCE_COLOURS[s]}` }), DIFFERENCE_LABELS[s]),
    ),
  );
  const head = el("tr");
  const rows = el("tbody");
  const caption = el("caption", { class: "compare-caption" });
  const table = el("table", { class: "data-table compare-table", id: "compare-table" }, caption, el("thead", {}, head), rows);
  const more = el("button", { type: "button", class: "linklike" }, "Show all changes");
  const download = csvButton(app, "Hop changes as CSV", () => {
    const c = current();
    return c
      ? {
          view: `Compare years — ${c.before} → ${c.after}`,
          year: `${c.before} → ${c.after}`,
          table: comparisonTable(c, nameOf),
          flows: app.derived().flows.filter((f) => f.year === c.before || f.year === c.after),
          notes: [
            "A hop is (from, to, mode). new / vanished: the hop has no flow in the other year (no change from a zero the data does not report).",
          ],
        }
      : null;
  });
  body.append(
    el("div", { class: "chart-controls" }, el("label", { for: yearSelect.id }, "Compare with"), yearSelect),
    summary,
    legend,
    el("div", { class: "x-table-wrap" }, table),
    more,
    download,
  );
  return { yearSelect, summary, head, rows, caption, more };
}

/** Renders the comparison in force (or the invitation to choose a year); returns it. */
function renderComparison(app: App, dom: CompareDom, showAll: boolean, nameOf: (id: string) => string): YearComparison | null {
  const { yearSelect, summary, head, rows, more } = dom;
  dom.caption.textContent = "";
  const s = app.store.get();
  const ds = app.dataset();
  yearSelect.replaceChildren(
    el("option", { value: "" }, "No comparison"),
    ...ds.years.filter((y) => y !== s.year).map((y) => el("option", { value: String(y) }, String(y))),
  );
  yearSelect.value = s.compareYear === null || s.compareYear === s.year ? "" : String(s.compareYear);
  const unit = volumeUnit(ds, s.weighting.measure);
  const fmt = (v: number) => formatVolume(v, unit);
  if (s.compareYear === null || s.compareYear === s.year) {
    summary.textContent = `Choose a year to compare with ${s.year}: the map then shows what changed, hop by hop.`;
    head.replaceChildren();
    rows.replaceChildren();
    more.hidden = true;
    return null;
  }
  const current = compareYears(
    { places: ds.places, flows: app.derived().flows, filters: s.filters, measure: s.weighting.measure },
    s.compareYear,
    s.year,
  );
  summary.textContent = comparisonSummary(current, fmt);
  // The unit once, in the caption, so that the numbers fit the panel's width.
  dom.caption.textContent = `Hops by size of change, ${unit === MONEY ? "in US$" : `in ${unit}`}`;
  head.replaceChildren(
    ...["From", "To", String(current.before), String(current.after), "Change"].map((h, i) =>
      el("th", { scope: "col", class: i >= 2 ? "num" : "" }, h),
    ),
  );
  const list = showAll ? current.changes : current.changes.slice(0, FIRST_ROWS);
  const amount = (v: number) => formatAmount(v, unit);
  rows.replaceChildren(...list.map((c) => changeRow(app, c, amount, nameOf)));
  more.hidden = current.changes.length <= FIRST_ROWS;
  more.textContent = showAll ? `Show the ${FIRST_ROWS} largest changes` : `Show all ${current.changes.length} changes`;
  return current;
}

/** One hop's change: hovering or focusing it emphasises the hop on the map; click or Enter selects its flow. */
function changeRow(app: App, c: HopChange, fmt: (v: number) => string, nameOf: (id: string) => string): HTMLTableRowElement {
  const tr = el(
    "tr",
    { tabindex: 0, "data-status": c.status, "data-key": c.key },
    el("td", {}, nameOf(c.from)),
    el("td", {}, `${nameOf(c.to)}${c.mode && c.mode !== "unknown" ? ` (${c.mode})` : ""}`),
    el("td", { class: "num" }, c.before === null ? "—" : fmt(c.before)),
    el("td", { class: "num" }, c.after === null ? "—" : fmt(c.after)),
    el("td", { class: `num change-${c.status}` }, changeText(c, fmt)),
  );
  const ids = [...c.idsAfter, ...c.idsBefore];
  const emphasise = () => emphasiseOnMap(app, { nodes: new Set([c.from, c.to]), edges: new Set(ids) });
  tr.addEventListener("pointerenter", emphasise);
  tr.addEventListener("focus", emphasise);
  tr.addEventListener("pointerleave", () => emphasiseOnMap(app, null));
  tr.addEventListener("blur", () => emphasiseOnMap(app, null));
  tr.addEventListener("click", () => ids[0] && app.store.dispatch(select({ type: "edge", id: ids[0] })));
  tr.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && ids[0]) app.store.dispatch(select({ type: "edge", id: ids[0] }));
  });
  return tr;
}
