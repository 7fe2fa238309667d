// The "Table" section: the flows the canvas draws, as a sortable table (aria-sort); rows are focusable
// and selecting one selects the flow.
import {
  DEFAULT_FLOW_TABLE_SORT,
  flowRows,
  flowTableCaption,
  FLOW_TABLE_COLUMNS,
  nextSort,
  sortFlowRows,
  type FlowRow,
  type FlowTableColumn,
  type FlowTableSort,
} from "../state/flowTable";
import { select } from "../state/producers";
import { datasetUnit, unitTitle } from "../state/volumeUnit";
import { flowTableTable } from "../state/analysisTables";
import { csvButton } from "./csvDownload";
import { onScene, type App } from "./app";
import { clear, el } from "./dom";
import { formatInt, formatUsd } from "./format";

const HEADERS: Record<FlowTableColumn, string> = {
  from: "From",
  to: "To",
  year: "Year",
  vehicles: "Vehicles",
  usd: "US$",
  mode: "Mode",
  basis: "Basis",
  sources: "Sources",
};
const NUMERIC = new Set<FlowTableColumn>(["year", "vehicles", "usd"]);

interface FlowTableDom {
  caption: HTMLTableCaptionElement;
  head: HTMLTableRowElement;
  rowsEl: HTMLTableSectionElement;
  headerCells: Map<FlowTableColumn, HTMLTableCellElement>;
}

export function mountFlowTable(app: App): void {
  let sort: FlowTableSort = DEFAULT_FLOW_TABLE_SORT;
  const dom = buildFlowTableDom(app, () => sort);
  // Headers are focusable column headers, not buttons: their names ("Year", "From"…) stay unique among controls.
  for (const c of FLOW_TABLE_COLUMNS) {
    const th = headerCell(c, () => {
      sort = nextSort(sort, c);
      render(true);
    });
    dom.headerCells.set(c, th);
    dom.head.append(th);
  }

  let renderedKey: unknown[] = [];
  // A closed Table costs nothing: its rows (thousands with a large budget) are built when it is opened.
  // The panel calls this as the section opens, before it is painted: the rows are there when it shows.
  app.panel.onToggle("table", (open) => {
    if (open) render();
  });
  const render = (force = false) => {
    if (!app.panel.isOpen("table")) return;
    // Force-layout steps redraw the scene without changing the flows: skip the DOM work then.
    const scene = app.select.scene(app.store.get(), app.store.data());
    const key = [app.derived().visible, scene.edges.length, sort, app.store.get().year];
    if (!force && key.every((k, i) => k === renderedKey[i])) return;
    renderedKey = key;
    renderFlowTable(app, dom, sort, new Set(scene.edges.map((e) => e.id)));
  };
  onScene(app, () => render());
  app.store.subscribe((s, prev) => {
    if (s.selection === prev.selection) return;
    const id = s.selection?.type === "edge" ? s.selection.id : null;
    for (const tr of dom.rowsEl.querySelectorAll<HTMLElement>("tr")) {
      if (tr.dataset.flow === id) tr.setAttribute("aria-current", "true");
      else tr.removeAttribute("aria-current");
    }
  });
}

function buildFlowTableDom(app: App, sort: () => FlowTableSort): FlowTableDom {
  const body = app.panel.addSection("table", "Table", { open: false, order: 30 });
  const caption = el("caption", { class: "x-caption" });
  const head = el("tr");
  const rowsEl = el("tbody");
  const table = el("table", { class: "data-table x-flow-table", id: "flow-table" }, caption, el("thead", {}, head), rowsEl);
  body.append(
    el(
      "p",
      { class: "x-hint" },
      "The flows drawn on the map, with the filters and the year. Click a column (or Enter on it) to sort; arrow keys move between rows, Enter selects the flow.",
    ),
    el("div", { class: "x-table-wrap" }, table),
    csvButton(app, "Download CSV", () => {
      const d = app.derived();
      const s = app.store.get();
      return {
        view: "Table — the flows drawn on the map",
        year: String(s.year),
        table: flowTableTable(
          sortFlowRows(flowRows(d.visible.shown, d.placesById), sort()),
          unitTitle(datasetUnit(app.dataset())).toLowerCase(),
        ),
        flows: d.visible.shown,
        notes: [`${d.visible.shown.length} of ${d.visible.total} flows of ${s.year} shown (the filters and the flow budget hide the rest)`],
      };
    }),
  );
  return { caption, head, rowsEl, headerCells: new Map() };
}

/** A sortable column header: click, Enter or Space sorts by it. */
function headerCell(c: FlowTableColumn, act: () => void): HTMLTableCellElement {
  const th = el(
    "th",
    { scope: "col", tabindex: 0, class: `x-sortable${NUMERIC.has(c) ? " num" : ""}`, "data-column": c },
    el("span", { class: "x-head" }, HEADERS[c]),
    el("span", { class: "x-sort-arrow", "aria-hidden": "true" }),
  );
  th.addEventListener("click", act);
  th.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      act();
    }
  });
  return th;
}

function renderFlowTable(app: App, dom: FlowTableDom, sort: FlowTableSort, drawn: ReadonlySet<string>): void {
  const derived = app.derived();
  const flows = derived.visible.shown.filter((f) => drawn.has(f.id));
  const rows = sortFlowRows(flowRows(flows, derived.placesById), sort);
  const state = app.store.get();
  const selected = state.selection?.type === "edge" ? state.selection.id : null;
  // The main volume column is named by the dataset's unit (Vehicles, Volume (US$), Volume (units)).
  const header = (c: FlowTableColumn) => (c === "vehicles" ? unitTitle(datasetUnit(app.dataset())) : HEADERS[c]);
  const timeless = app.dataset().timeless === true;
  dom.caption.textContent = flowTableCaption(rows.length, timeless ? null : state.year, derived.visible.hidden, sort, header);
  for (const [c, th] of dom.headerCells) {
    const name = th.querySelector(".x-head");
    if (name) name.textContent = header(c);
    if (c === sort.column) th.setAttribute("aria-sort", sort.direction);
    else th.removeAttribute("aria-sort");
    const arrow = th.querySelector(".x-sort-arrow");
    if (arrow) arrow.textContent = c === sort.column ? (sort.direction === "ascending" ? " ▲" : " ▼") : "";
  }
  const { rowsEl } = dom;
  clear(rowsEl);
  for (const r of rows) rowsEl.append(flowRow(app, rowsEl, r, r.id === selected, timeless));
  // One row in the Tab order (the selected one, else the first); arrows move between rows.
  const start =
    (selected && rowsEl.querySelector<HTMLElement>(`tr[aria-current="true"]`)) || (rowsEl.firstElementChild as HTMLElement | null);
  if (start) start.tabIndex = 0;
}

/** One flow's row: click, Enter or Space selects the flow; arrows, Home and End move between rows. */
function flowRow(app: App, rowsEl: HTMLElement, r: FlowRow, selected: boolean, timeless: boolean): HTMLTableRowElement {
  const tr = el(
    "tr",
    { tabindex: -1, "data-flow": r.id, class: "x-row-flow", "aria-current": selected ? "true" : null },
    el("td", {}, r.from),
    el("td", {}, r.to),
    // Data without time: its year is a placeholder, not shown.
    el("td", { class: "num" }, timeless ? "—" : String(r.year)),
    el("td", { class: "num" }, formatInt(r.vehicles)),
    el("td", { class: "num" }, r.usd === null ? "—" : formatUsd(r.usd)),
    el("td", {}, r.mode),
    el("td", {}, r.basis),
    el("td", { class: "x-sources" }, el("div", { class: "x-sources-list", title: r.sources }, r.sources)),
  );
  const pick = () => app.store.dispatch(select({ type: "edge", id: r.id }));
  const rove = (to: HTMLElement, focus: boolean) => {
    for (const other of rowsEl.querySelectorAll<HTMLElement>("tr")) other.tabIndex = other === to ? 0 : -1;
    if (focus) to.focus();
  };
  tr.addEventListener("click", pick);
  tr.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      pick();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (e.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
      if (next) rove(next, true);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const to = (e.key === "Home" ? rowsEl.firstElementChild : rowsEl.lastElementChild) as HTMLElement | null;
      if (to) rove(to, true);
    }
  });
  tr.addEventListener("focus", () => rove(tr, false));
  return tr;
}
