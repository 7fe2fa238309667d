// "Assumptions": the shares behind the modelled flows. Editing one recomputes every flow, total, trace
// and attribution (the deriver runs the model); the view is badged "Edited assumptions" and the
// reconciliation and bounds are re-checked, naming any that break. One row is ./assumptionRow.ts.
import type { Dataset, Flow } from "../domain/types";
import { assumptionChecks, modelApplies } from "../state/assumptionModel";
import { resetAssumptions } from "../state/producers";
import { onDataset, onScene, type App } from "./app";
import { createAssumptionRow, fmtValue, type AssumptionRow } from "./assumptionRow";
import { append, clear, el } from "./dom";

interface AssumptionsDom {
  badge: HTMLElement;
  intro: HTMLElement;
  reset: HTMLButtonElement;
  checks: HTMLElement;
  list: HTMLOListElement;
}

export function mountAssumptionsPanel(app: App): void {
  const dom = buildAssumptionsDom(app);
  dom.reset.addEventListener("click", () => app.store.dispatch(resetAssumptions()));
  let rows: AssumptionRow[] = [];
  const build = () => {
    for (const row of rows) row.clearNote();
    rows = buildRows(app, dom, sync);
  };
  const sync = (force = false) => syncAssumptions(app, dom, rows, force);

  let checkedFlows: unknown = null;
  const renderChecks = () => {
    // Scene changes that keep the flows in force (filters, year, force-layout steps) change nothing here.
    if (checkedFlows === app.derived().flows) return;
    checkedFlows = app.derived().flows;
    renderAssumptionChecks(dom.checks, app.dataset(), app.derived().flows, Object.keys(app.store.get().assumptions).length > 0);
  };

  build();
  sync(true);
  app.store.subscribe((s, prev) => {
    if (s.assumptions !== prev.assumptions) sync();
  });
  onScene(app, () => renderChecks());
  onDataset(app, () => {
    checkedFlows = null;
    build();
    sync(true);
  });
}

function buildAssumptionsDom(app: App): AssumptionsDom {
  const body = app.panel.addSection("assumptions", "Assumptions", { open: false, order: 40 });
  const badge = el("span", {
    class: "x-badge",
    id: "assumptions-badge",
    role: "status",
    hidden: true,
    "data-testid": "edited-assumptions",
  });
  // On the map's corner: always in sight, and it never reflows the toolbar when it appears.
  (document.getElementById("graph")?.parentElement ?? app.toolbar).append(badge);
  const intro = el("p", { class: "x-hint" });
  // Not "Reset assumptions": that name holds the section's ("Assumptions") and the filters' "Reset".
  const reset = el("button", { type: "button", id: "reset-assumptions" }, "Restore default shares");
  const checks = el("div", { class: "x-checks-status", role: "status", "data-testid": "assumption-checks" });
  const list = el("ol", { class: "x-assumptions" });
  body.append(intro, el("div", { class: "x-actions" }, reset), checks, list);
  return { badge, intro, reset, checks, list };
}

/** The rows for the open dataset's assumptions (editable only where its model applies). */
function buildRows(app: App, dom: AssumptionsDom, sync: (force: boolean) => void): AssumptionRow[] {
  clear(dom.list);
  const ds = app.dataset();
  const applies = modelApplies(ds);
  dom.intro.textContent = applies
    ? `${ds.assumptions.length} declared shares and figures the modelled flows are computed from. Change one and every flow, total, chain and attribution is recomputed.`
    : ds.assumptions.length
      ? "These assumptions are listed for reference; this dataset has no model to recompute its flows from them."
      : "This dataset declares no assumptions.";
  return ds.assumptions.map((a, i) => {
    const row = createAssumptionRow(app, a, i, applies, sync);
    dom.list.append(row.item);
    return row;
  });
}

/** Shows the values in force; `force` also overwrites the field being typed in. */
function syncAssumptions(app: App, dom: AssumptionsDom, rows: AssumptionRow[], force: boolean): void {
  const edits = app.store.get().assumptions;
  const n = Object.keys(edits).length;
  dom.badge.hidden = n === 0;
  dom.badge.textContent = n === 0 ? "" : `Edited assumptions (${n})`;
  dom.reset.disabled = n === 0;
  for (const { number, range, declared, a, clearNote, notedValue } of rows) {
    const v = Object.hasOwn(edits, a.id) ? edits[a.id]! : a.value;
    // Restored, undone or changed elsewhere: the note no longer describes the value in force.
    if (notedValue() !== null && notedValue() !== v) clearNote();
    if (force || document.activeElement !== number) number.value = String(v);
    range.value = String(v);
    const edited = Object.hasOwn(edits, a.id);
    number.closest("li")?.classList.toggle("x-edited", edited);
    declared.textContent = `Range ${fmtValue(a, a.min)}–${fmtValue(a, a.max)}; declared ${fmtValue(a, a.value)}${edited ? `, now ${fmtValue(a, v)} (edited)` : ""}`;
  }
}

/** The reconciliation and bounds checks for the flows in force (nothing for data without the model). */
function renderAssumptionChecks(checks: HTMLElement, ds: Dataset, flows: Flow[], edited: boolean): void {
  clear(checks);
  if (!modelApplies(ds)) return;
  const result = assumptionChecks(ds, flows);
  const years = result.border.map((b) => b.year).join(", ");
  if (!result.failures.length) {
    append(
      checks,
      el(
        "p",
        { class: "x-ok" },
        `${edited ? "With the edits, " : ""}border flows reconcile with national used-car exports${years ? ` (${years})` : ""}, and all ${result.bounds.length} bounds from other figures hold.`,
      ),
    );
    return;
  }
  append(
    checks,
    el(
      "p",
      { class: "x-warn" },
      `${result.failures.length} ${result.failures.length === 1 ? "check breaks" : "checks break"}${edited ? " with the edited assumptions" : ""}:`,
    ),
    el(
      "ul",
      {},
      result.failures.map((f) => el("li", {}, `${f.kind === "border" ? "Reconciliation — " : "Bound — "}${f.message}`)),
    ),
  );
}
