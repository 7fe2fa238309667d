// Filters: threshold, top N, lanes, place kinds, transport modes, basis, regions; what they hide, and a reset.
import { filterGroups, type FilterGroup, type ListKey } from "../state/filterGroups";
import { filtersActive, hiddenSummary } from "../state/hiddenSummary";
import { resetFilters, setFilters } from "../state/producers";
import type { Filters } from "../state/viewState";
import { volumeUnit } from "../state/volumeUnit";
import { onDataset, onScene, type App } from "./app";
import { append, clear, el } from "./dom";

interface FilterDom {
  threshold: HTMLInputElement;
  thresholdHint: HTMLElement;
  topN: HTMLInputElement;
  status: HTMLElement;
  reset: HTMLButtonElement;
  groups: HTMLElement;
  overlayNote: HTMLElement;
}

/** One checkbox of a group: which list it edits and the value it hides when unchecked. */
interface Box {
  key: ListKey;
  value: string;
  input: HTMLInputElement;
}

export function mountFilterControls(app: App): void {
  const { store } = app;
  const dom = buildFilterDom(app);
  let boxes: Box[] = [];
  const buildGroups = () => {
    clear(dom.groups);
    boxes = filterGroups(app.dataset()).flatMap((g) => renderGroup(app, dom.groups, g));
  };
  const sync = () => syncFilters(app, dom, boxes);
  wireFilterInputs(app, dom);
  let statusOf: unknown = null;
  const renderStatus = () => {
    if (statusOf === app.derived().visible) return;
    statusOf = app.derived().visible;
    renderHiddenStatus(app, dom);
  };
  buildGroups();
  sync();
  store.subscribe((s, prev) => {
    if (s.filters !== prev.filters || s.weighting !== prev.weighting) sync();
  });
  onScene(app, () => renderStatus());
  onDataset(app, () => {
    buildGroups();
    sync();
  });
}

function buildFilterDom(app: App): FilterDom {
  const body = app.panel.addSection("filters", "Filters", { open: true, order: 17 });
  const threshold = el("input", {
    id: "filter-threshold",
    name: "filter-threshold",
    type: "number",
    min: 0,
    step: 1000,
    inputmode: "numeric",
    "aria-describedby": "filter-threshold-hint",
  });
  const thresholdHint = el("span", { class: "x-hint", id: "filter-threshold-hint" });
  const topN = el("input", {
    id: "filter-top-n",
    name: "filter-top-n",
    type: "number",
    min: 1,
    step: 1,
    placeholder: "all",
    inputmode: "numeric",
    "aria-describedby": "filter-top-n-hint",
  });
  const status = el("div", { class: "x-hidden-status", role: "status", "data-testid": "hidden-status" });
  // Named "Reset": the section button is "Filters", and one name must not hold another ("Reset filters" holds "Filters").
  const reset = el("button", { type: "button", id: "reset-filters", title: "Clear every filter: show all the flows of the year" }, "Reset");
  const groups = el("div", { class: "x-groups" });
  body.append(
    el(
      "div",
      { class: "x-grid" },
      el("div", { class: "x-row" }, el("label", { for: "filter-threshold" }, "Threshold"), threshold, thresholdHint),
      el(
        "div",
        { class: "x-row" },
        el("label", { for: "filter-top-n" }, "Top N flows"),
        topN,
        el("span", { class: "x-hint", id: "filter-top-n-hint" }, "largest only; empty shows all"),
      ),
    ),
    groups,
    el("div", { class: "x-actions" }, reset),
    status,
  );
  // Also on the map, so the count is in sight while the panel is scrolled away.
  const overlayNote = el("div", { class: "x-overlay-hidden", "aria-hidden": "true" });
  document.getElementById("overlay")?.appendChild(overlayNote);
  return { threshold, thresholdHint, topN, status, reset, groups, overlayNote };
}

/** One fieldset of checkboxes (checked = shown); unchecking one adds its value to the group's hidden list. */
function renderGroup(app: App, groups: HTMLElement, { key, legend, items }: FilterGroup): Box[] {
  const { store } = app;
  const boxes: Box[] = [];
  // Named by its legend and also labelled by it, so getByLabel("Place kinds") finds the group as getByRole does.
  const legendId = `filter-${key}-legend`;
  const fs = el("fieldset", { class: "x-checks", "aria-labelledby": legendId }, el("legend", { id: legendId }, legend));
  for (const item of items) {
    const id = `filter-${key}-${item.value}`.replace(/[^a-zA-Z0-9_-]/g, "-");
    const input = el("input", { type: "checkbox", id, name: id });
    boxes.push({ key, value: item.value, input });
    input.addEventListener("change", () => {
      const current = new Set<string>(store.get().filters[key]);
      if (input.checked) current.delete(item.value);
      else current.add(item.value);
      store.dispatch(setFilters({ [key]: [...current] } as Partial<Filters>));
    });
    // Hidden words make names unique without cluttering the eye: "Show Central Asia lane" vs "Show Central Asia
    // region", and no checkbox name sits inside an assumption's ("… of the 2024 Central Asia lane").
    fs.append(
      el(
        "label",
        { class: "x-check", for: id },
        input,
        item.suffix ? el("span", { class: "visually-hidden" }, "Show ") : null,
        item.label,
        item.suffix ? el("span", { class: "visually-hidden" }, item.suffix) : null,
      ),
    );
  }
  groups.append(fs);
  return boxes;
}

function wireFilterInputs({ store }: App, { threshold, topN, reset }: FilterDom): void {
  threshold.addEventListener("input", () => {
    const v = Number(threshold.value);
    if (threshold.value !== "" && (!Number.isFinite(v) || v < 0)) return;
    store.dispatch(setFilters({ minVolume: threshold.value === "" ? 0 : v }));
  });
  topN.addEventListener("input", () => {
    const v = Math.floor(Number(topN.value));
    if (topN.value !== "" && (!Number.isFinite(v) || v < 1)) return;
    store.dispatch(setFilters({ topN: topN.value === "" ? null : v }));
  });
  reset.addEventListener("click", () => store.dispatch(resetFilters()));
}

/** Shows the filters in force (not over a field being typed in). */
function syncFilters(app: App, { threshold, topN, thresholdHint, reset }: FilterDom, boxes: Box[]): void {
  const s = app.store.get();
  const f = s.filters;
  if (document.activeElement !== threshold) threshold.value = f.minVolume > 0 ? String(f.minVolume) : "";
  if (document.activeElement !== topN) topN.value = f.topN === null ? "" : String(f.topN);
  thresholdHint.textContent = `${volumeUnit(app.dataset(), s.weighting.measure)}; smaller flows are hidden`;
  for (const b of boxes) b.input.checked = !(f[b.key] as string[]).includes(b.value);
  reset.disabled = !filtersActive(f);
}

/** What the filters hide, in the panel and on the map. */
function renderHiddenStatus(app: App, { status, overlayNote }: FilterDom): void {
  const s = app.store.get();
  const summary = hiddenSummary(app.derived().visible, s.filters, s.weighting.measure);
  clear(status);
  append(
    status,
    el("strong", {}, summary.headline),
    summary.reasons.length
      ? el(
          "ul",
          {},
          summary.reasons.map((r) => el("li", {}, r)),
        )
      : null,
  );
  overlayNote.textContent = summary.reasons.length ? `${summary.headline}: ${summary.reasons.join(", ")}` : "";
}
