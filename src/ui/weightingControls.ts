// Weighting: what edge width and node size stand for (measure, scale, width range, node size by).
import { setWeighting } from "../state/producers";
import type { Measure, NodeSizeBy, ScaleKind } from "../state/viewState";
import { datasetUnit, unitTitle } from "../state/volumeUnit";
import { onDataset, type App } from "./app";
import { el } from "./dom";

const MEASURES: [Measure, string][] = [
  ["vehicles", "Vehicles"],
  ["usd", "US$ (where known)"],
];
const SCALES: [ScaleKind, string][] = [
  ["linear", "Linear"],
  ["sqrt", "Square root"],
  ["log", "Logarithmic"],
];
const NODE_SIZES: [NodeSizeBy, string][] = [
  ["throughput", "Throughput (larger of in and out)"],
  ["intake", "Intake"],
  ["outflow", "Outflow"],
];

export const WIDTH_LIMITS = { min: 0.5, max: 40 } as const;

function selectOf<T extends string>(id: string, options: [T, string][]): HTMLSelectElement {
  return el(
    "select",
    { id, name: id },
    options.map(([value, text]) => el("option", { value }, text)),
  );
}

function row(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return el(
    "div",
    { class: "x-row" },
    el("label", { for: id }, label),
    control,
    hint ? el("span", { class: "x-hint", id: `${id}-hint` }, hint) : null,
  );
}

export function mountWeightingControls(app: App): void {
  const body = app.panel.addSection("weighting", "Weighting", { open: true, order: 16 });
  const measure = selectOf("measure", MEASURES);
  const scale = selectOf("scale", SCALES);
  const minWidth = el("input", {
    id: "min-width",
    name: "min-width",
    type: "number",
    min: WIDTH_LIMITS.min,
    max: WIDTH_LIMITS.max,
    step: 0.5,
    inputmode: "decimal",
    "aria-describedby": "min-width-hint",
  });
  const maxWidth = el("input", {
    id: "max-width",
    name: "max-width",
    type: "number",
    min: WIDTH_LIMITS.min,
    max: WIDTH_LIMITS.max,
    step: 1,
    inputmode: "decimal",
    "aria-describedby": "max-width-hint",
  });
  const nodeSize = selectOf("node-size-by", NODE_SIZES);
  const perYear = el("input", {
    id: "per-year-scale",
    name: "per-year-scale",
    type: "checkbox",
    "aria-describedby": "per-year-scale-hint",
  });
  body.append(
    el(
      "div",
      { class: "x-grid" },
      row("measure", "Measure", measure),
      row("scale", "Scale", scale),
      row("min-width", "Minimum width", minWidth, "px, smallest flow"),
      row("max-width", "Maximum width", maxWidth, "px, largest flow"),
      row("node-size-by", "Node size", nodeSize),
    ),
    // A checkbox reads best before its label, across the whole width (in the grid its label was squeezed).
    el(
      "div",
      { class: "x-option" },
      perYear,
      el("label", { for: "per-year-scale" }, "Fit widths to the period shown"),
      el("span", { class: "x-hint", id: "per-year-scale-hint" }, "off: one scale for every year, so growth shows"),
    ),
  );
  perYear.addEventListener("change", () => app.store.dispatch(setWeighting({ perYearScale: perYear.checked })));
  measure.addEventListener("change", () => app.store.dispatch(setWeighting({ measure: measure.value as Measure })));
  scale.addEventListener("change", () => app.store.dispatch(setWeighting({ scale: scale.value as ScaleKind })));
  nodeSize.addEventListener("change", () => app.store.dispatch(setWeighting({ nodeSizeBy: nodeSize.value as NodeSizeBy })));
  // Widths apply while typing when valid; the other bound moves along so min ≤ max always holds.
  const applyWidth = (which: "min" | "max") => {
    const input = which === "min" ? minWidth : maxWidth;
    const v = Number(input.value);
    if (input.value === "" || !Number.isFinite(v)) return;
    const w = Math.min(WIDTH_LIMITS.max, Math.max(WIDTH_LIMITS.min, v));
    const cur = app.store.get().weighting;
    if (which === "min") app.store.dispatch(setWeighting({ minWidth: w, maxWidth: Math.max(w, cur.maxWidth) }));
    else app.store.dispatch(setWeighting({ maxWidth: w, minWidth: Math.min(w, cur.minWidth) }));
  };
  minWidth.addEventListener("input", () => applyWidth("min"));
  maxWidth.addEventListener("input", () => applyWidth("max"));
  const resync = () => sync(true);
  minWidth.addEventListener("change", resync);
  maxWidth.addEventListener("change", resync);

  const sync = (force = false) => {
    const w = app.store.get().weighting;
    measure.value = w.measure;
    scale.value = w.scale;
    nodeSize.value = w.nodeSizeBy;
    perYear.checked = w.perYearScale;
    // Don't rewrite a number the user is typing, unless the edit is done (change).
    if (force || document.activeElement !== minWidth) minWidth.value = String(w.minWidth);
    if (force || document.activeElement !== maxWidth) maxWidth.value = String(w.maxWidth);
  };
  // US$ only where the data has it: say so when it has none at all.
  const usdOption = () => {
    const option = measure.querySelector<HTMLOptionElement>('option[value="usd"]');
    if (!option) return;
    const main = measure.querySelector<HTMLOptionElement>('option[value="vehicles"]');
    if (main) main.textContent = unitTitle(datasetUnit(app.dataset()));
    const known = app.dataset().flows.some((f) => f.usd !== null);
    option.textContent = known ? "US$ (where known)" : "US$ (no figures in this dataset)";
    option.disabled = !known && app.store.get().weighting.measure !== "usd";
  };
  usdOption();
  onDataset(app, usdOption);
  sync(true);
  app.store.subscribe((s, prev) => {
    if (s.weighting !== prev.weighting) sync();
  });
}
