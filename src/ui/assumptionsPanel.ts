// "Assumptions": the shares behind the modelled flows. Editing one recomputes every flow, total, trace
// and attribution (the deriver runs the model); the view is badged "Edited assumptions" and the
// reconciliation and bounds are re-checked, naming any that break.
import type { Assumption } from "../domain/types";
import { assumptionChecks, zeroMileageModelApplies } from "../state/assumptionModel";
import { resetAssumptions, setAssumption } from "../state/producers";
import { onDataset, onScene, type App } from "./app";
import { append, clear, el } from "./dom";
import { formatShare } from "./format";

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const fmtValue = (a: Pick<Assumption, "unit">, v: number) => (a.unit === "share" ? formatShare(v) : v.toLocaleString("en-GB"));

export function mountAssumptionsPanel(app: App): void {
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
  reset.addEventListener("click", () => app.store.dispatch(resetAssumptions()));

  type Row = {
    number: HTMLInputElement;
    range: HTMLInputElement;
    declared: HTMLElement;
    a: Assumption;
    clearNote: () => void;
    notedValue: () => number | null;
  };
  let inputs = new Map<string, Row>();

  const build = () => {
    for (const row of inputs.values()) row.clearNote();
    clear(list);
    inputs = new Map();
    const ds = app.dataset();
    const applies = zeroMileageModelApplies(ds);
    intro.textContent = applies
      ? `${ds.assumptions.length} declared shares and figures the modelled flows are computed from. Change one and every flow, total, chain and attribution is recomputed.`
      : ds.assumptions.length
        ? "These assumptions are listed for reference; this dataset has no model to recompute its flows from them."
        : "This dataset declares no assumptions.";
    ds.assumptions.forEach((a, i) => {
      const id = `assumption-${i}`;
      const step = a.unit === "share" ? 0.01 : Math.max(1, Math.round((a.max - a.min) / 100));
      const number = el("input", {
        type: "number",
        id,
        name: id,
        min: a.min,
        max: a.max,
        step,
        inputmode: "decimal",
        "aria-describedby": `${id}-range ${id}-clamp ${id}-reason`,
        disabled: !applies,
        "data-assumption": a.id,
      });
      // The slider is a pointer convenience for the same value; keyboard and screen-reader users use the number field.
      const range = el("input", {
        type: "range",
        min: a.min,
        max: a.max,
        step,
        tabindex: -1,
        "aria-hidden": "true",
        disabled: !applies,
        class: "x-range",
      });
      const declared = el("span", { class: "x-declared", id: `${id}-range` });
      // A value outside the declared range is clamped; this says so (politely, once typing pauses or the
      // field is left) and clears on the next in-range edit.
      const note = el("p", {
        class: "x-clamp-note",
        id: `${id}-clamp`,
        role: "status",
        "aria-live": "polite",
        "aria-atomic": "true",
        "data-testid": `clamp-note-${a.id}`,
      });
      let noteTimer: ReturnType<typeof setTimeout> | undefined;
      let pending = "";
      let noted: number | null = null;
      const showNote = () => {
        clearTimeout(noteTimer);
        noteTimer = undefined;
        note.textContent = pending;
      };
      const clearNote = () => {
        clearTimeout(noteTimer);
        noteTimer = undefined;
        pending = "";
        noted = null;
        note.textContent = "";
      };
      const apply = (raw: string, from: HTMLInputElement) => {
        const v = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(v)) return;
        const clamped = Math.min(a.max, Math.max(a.min, v));
        if (from !== range) range.value = String(clamped);
        if (clamped !== v) {
          const typed = raw.trim();
          pending = `${typed}${a.unit === "share" ? ` (${formatShare(v)})` : ""} is outside ${fmtValue(a, a.min)}–${fmtValue(a, a.max)}: set to ${fmtValue(a, clamped)}`;
          noted = clamped;
          clearTimeout(noteTimer);
          noteTimer = setTimeout(showNote, 500);
        } else clearNote();
        app.store.dispatch(setAssumption(a.id, clamped, a.value));
      };
      number.addEventListener("input", () => apply(number.value, number));
      number.addEventListener("change", () => {
        if (noteTimer !== undefined) showNote();
        sync(true);
      });
      range.addEventListener("input", () => {
        number.value = range.value;
        apply(range.value, range);
      });
      list.append(
        el(
          "li",
          { class: "x-assumption" },
          el("label", { for: id, class: "x-assumption-label" }, capitalise(a.label)),
          el("div", { class: "x-assumption-inputs" }, number, range),
          declared,
          note,
          el("p", { class: "x-reason", id: `${id}-reason` }, a.reason, a.facts.length ? ` (${a.facts.join(", ")})` : ""),
        ),
      );
      inputs.set(a.id, { number, range, declared, a, clearNote, notedValue: () => noted });
    });
  };

  const sync = (force = false) => {
    const edits = app.store.get().assumptions;
    const n = Object.keys(edits).length;
    badge.hidden = n === 0;
    badge.textContent = n === 0 ? "" : `Edited assumptions (${n})`;
    reset.disabled = n === 0;
    for (const { number, range, declared, a, clearNote, notedValue } of inputs.values()) {
      const v = Object.hasOwn(edits, a.id) ? edits[a.id]! : a.value;
      // Restored, undone or changed elsewhere: the note no longer describes the value in force.
      if (notedValue() !== null && notedValue() !== v) clearNote();
      if (force || document.activeElement !== number) number.value = String(v);
      range.value = String(v);
      const edited = Object.hasOwn(edits, a.id);
      number.closest("li")?.classList.toggle("x-edited", edited);
      declared.textContent = `Range ${fmtValue(a, a.min)}–${fmtValue(a, a.max)}; declared ${fmtValue(a, a.value)}${edited ? `, now ${fmtValue(a, v)} (edited)` : ""}`;
    }
  };

  let checkedFlows: unknown = null;
  const renderChecks = () => {
    const ds = app.dataset();
    // Scene changes that keep the flows in force (filters, year, force-layout steps) change nothing here.
    if (checkedFlows === app.derived().flows) return;
    checkedFlows = app.derived().flows;
    clear(checks);
    if (!zeroMileageModelApplies(ds)) return;
    const edited = Object.keys(app.store.get().assumptions).length > 0;
    const result = assumptionChecks(ds, app.derived().flows);
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
