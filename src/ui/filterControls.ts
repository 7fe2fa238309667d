// Filters: threshold, top N, lanes, place kinds, transport modes, basis, regions; what they hide, and a reset.
import { LANES } from "../domain/lanes";
import { REGIONS } from "../domain/regions";
import { BASES, PLACE_KINDS, type Basis, type PlaceKind } from "../domain/types";
import { filtersActive, hiddenSummary } from "../state/hiddenSummary";
import { resetFilters, setFilters } from "../state/producers";
import type { Filters } from "../state/viewState";
import { volumeUnit } from "../state/volumeUnit";
import { onDataset, onScene, type App } from "./app";
import { append, clear, el } from "./dom";

/** Checkbox names: unique across the page (e.g. a lane and a region are both "Central Asia"), never "Origin". */
export const KIND_FILTER_LABELS: Record<PlaceKind, string> = {
  origin: "Provinces and cities",
  exit: "Exit points",
  transit: "Transit places",
  market: "Markets",
};
const BASIS_FILTER_LABELS: Record<Basis, string> = {
  reported: "Reported figures",
  derived: "Derived figures",
  modelled: "Modelled estimates",
};
// No prototype: modes come from files ("constructor" is a mode like any other, shown as written).
const MODE_NAMES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  road: "Road",
  rail: "Rail",
  sea: "Sea",
  mixed: "Mixed",
  unknown: "Unknown",
});

type ListKey = "hiddenLanes" | "hiddenKinds" | "hiddenModes" | "hiddenBases" | "hiddenRegions";

export function mountFilterControls(app: App): void {
  const body = app.panel.addSection("filters", "Filters", { open: true, order: 17 });
  const { store } = app;
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

  const boxes: { key: ListKey; value: string; input: HTMLInputElement }[] = [];
  const group = (key: ListKey, legend: string, items: { value: string; label: string; suffix?: string }[]) => {
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
  };

  const buildGroups = () => {
    clear(groups);
    boxes.length = 0;
    const ds = app.dataset();
    const placesLanes = new Set(ds.places.map((p) => p.lane).filter(Boolean));
    group(
      "hiddenLanes",
      "Lanes",
      LANES.filter((l) => placesLanes.has(l.id) || l.id === "other").map((l) => ({ value: l.id, label: l.label, suffix: " lane" })),
    );
    group(
      "hiddenKinds",
      "Place kinds",
      PLACE_KINDS.map((k) => ({ value: k, label: KIND_FILTER_LABELS[k] })),
    );
    const modes = [...new Set(ds.flows.map((f) => f.mode))].sort();
    group(
      "hiddenModes",
      "Transport modes",
      modes.map((m) => ({ value: m, label: MODE_NAMES[m] ?? m, suffix: " transport" })),
    );
    group(
      "hiddenBases",
      "Basis",
      BASES.map((b) => ({ value: b, label: BASIS_FILTER_LABELS[b] })),
    );
    group(
      "hiddenRegions",
      "Regions",
      REGIONS.map((r) => ({ value: r.id, label: r.label, suffix: " region" })),
    );
  };

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

  const sync = () => {
    const s = store.get();
    const f = s.filters;
    if (document.activeElement !== threshold) threshold.value = f.minVolume > 0 ? String(f.minVolume) : "";
    if (document.activeElement !== topN) topN.value = f.topN === null ? "" : String(f.topN);
    thresholdHint.textContent = `${volumeUnit(app.dataset(), s.weighting.measure)}; smaller flows are hidden`;
    for (const b of boxes) b.input.checked = !(f[b.key] as string[]).includes(b.value);
    reset.disabled = !filtersActive(f);
  };
  let statusOf: unknown = null;
  const renderStatus = () => {
    const s = store.get();
    if (statusOf === app.derived().visible) return;
    statusOf = app.derived().visible;
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
