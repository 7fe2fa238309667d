// One row of the Assumptions panel: the number field (and its slider twin), the declared range, the
// reason and a note when a typed value was clamped to the declared range.
import type { Assumption } from "../domain/types";
import { setAssumption } from "../state/producers";
import type { App } from "./app";
import { el } from "./dom";
import { formatShare } from "./format";

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
export const fmtValue = (a: Pick<Assumption, "unit">, v: number) => (a.unit === "share" ? formatShare(v) : v.toLocaleString("en-GB"));

export interface AssumptionRow {
  number: HTMLInputElement;
  range: HTMLInputElement;
  declared: HTMLElement;
  a: Assumption;
  item: HTMLLIElement;
  clearNote: () => void;
  notedValue: () => number | null;
}

/** `sync(true)` re-renders every row from the state (called when the number field is left). */
export function createAssumptionRow(app: App, a: Assumption, i: number, applies: boolean, sync: (force: boolean) => void): AssumptionRow {
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
  const clamp = new ClampNote(note);
  const apply = (raw: string, from: HTMLInputElement) => {
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v)) return;
    const clamped = Math.min(a.max, Math.max(a.min, v));
    if (from !== range) range.value = String(clamped);
    if (clamped !== v) {
      const typed = raw.trim();
      clamp.schedule(
        `${typed}${a.unit === "share" ? ` (${formatShare(v)})` : ""} is outside ${fmtValue(a, a.min)}–${fmtValue(a, a.max)}: set to ${fmtValue(a, clamped)}`,
        clamped,
      );
    } else clamp.clear();
    app.store.dispatch(setAssumption(a.id, clamped, a.value));
  };
  number.addEventListener("input", () => apply(number.value, number));
  number.addEventListener("change", () => {
    clamp.showIfPending();
    sync(true);
  });
  range.addEventListener("input", () => {
    number.value = range.value;
    apply(range.value, range);
  });
  const item = el(
    "li",
    { class: "x-assumption" },
    el("label", { for: id, class: "x-assumption-label" }, capitalise(a.label)),
    el("div", { class: "x-assumption-inputs" }, number, range),
    declared,
    note,
    el("p", { class: "x-reason", id: `${id}-reason` }, a.reason, a.facts.length ? ` (${a.facts.join(", ")})` : ""),
  );
  return { number, range, declared, a, item, clearNote: () => clamp.clear(), notedValue: () => clamp.noted };
}

/** The clamp note: shown once typing pauses (or at once when the field is left), cleared by an in-range edit. */
class ClampNote {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = "";
  /** The clamped value the note describes, or null. */
  noted: number | null = null;
  constructor(private readonly note: HTMLElement) {}
  schedule(text: string, clamped: number): void {
    this.pending = text;
    this.noted = clamped;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(), 500);
  }
  showIfPending(): void {
    if (this.timer !== undefined) this.show();
  }
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = "";
    this.noted = null;
    this.note.textContent = "";
  }
  private show(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.note.textContent = this.pending;
  }
}
