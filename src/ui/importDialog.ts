// The modal steps of an import: the summary to confirm, the column mapping, the reporter question, and the
// progress bar of a long read. Native <dialog> (focus trapped, Escape cancels); all file text via text nodes.
import type { ColumnField, ColumnMapping, ImportNeeds } from "../io/import/types";
import { describeYearColumns, yearColumns } from "../io/import/wideYears";
import { el } from "./dom";
import { confirmLabel, type ImportSummaryView } from "./importSummary";

let dialogCount = 0;

/** Opens a modal dialog; `build` fills it and calls `close(value)`; Escape resolves `cancelValue`. */
function modal<T>(title: string, cancelValue: T, build: (body: HTMLElement, close: (value: T) => void) => HTMLElement | null): Promise<T> {
  const id = `import-dialog-title-${++dialogCount}`;
  const heading = el("h2", { id, class: "import-dialog-title", tabindex: -1 }, title);
  const body = el("div", { class: "import-dialog-body" });
  const dialog = el("dialog", { class: "import-dialog", "aria-labelledby": id, "data-testid": "import-dialog" }, heading, body);
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise<T>((resolve) => {
    let settled = false;
    const close = (value: T) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(value);
    };
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(cancelValue);
    });
    const focusTarget = build(body, close);
    document.body.appendChild(dialog);
    dialog.showModal();
    (focusTarget ?? heading).focus();
  });
}

function figures(rows: { label: string; value: string }[]): HTMLElement {
  return el(
    "dl",
    { class: "import-figures" },
    rows.flatMap((row) => [el("dt", {}, row.label), el("dd", {}, row.value)]),
  );
}

function problemList(view: ImportSummaryView): HTMLElement | null {
  if (view.problemCount === 0) return null;
  const shown = view.problems.length;
  const heading = `Problems (${view.problemCount.toLocaleString("en-GB")}${shown < view.problemCount ? `; the first ${shown} listed` : ""})`;
  return el(
    "div",
    {},
    el("h3", {}, heading),
    el(
      "ol",
      { class: "import-problems", tabindex: 0, role: "region", "aria-label": "Problems found" },
      view.problems.map((p) =>
        el(
          "li",
          { class: `import-problem import-${p.severity}` },
          el("span", { class: "import-severity" }, p.severity === "error" ? "Error" : "Warning"),
          " ",
          p.text,
        ),
      ),
    ),
  );
}

/** The summary before anything changes: resolves true when the user chooses "Import N valid rows". */
export function confirmImport(view: ImportSummaryView): Promise<boolean> {
  return modal(view.title, false, (body, close) => {
    const ok = el("button", { type: "button", class: "import-primary", disabled: view.validRows === 0 }, confirmLabel(view.validRows));
    const cancel = el("button", { type: "button" }, "Cancel import");
    ok.addEventListener("click", () => close(true));
    cancel.addEventListener("click", () => close(false));
    body.append(
      figures(view.rows),
      view.fixed.length > 0
        ? el(
            "div",
            {},
            el("h3", {}, "Fixed and flagged"),
            el(
              "ul",
              { class: "import-fixed" },
              view.fixed.map((f) => el("li", {}, f)),
            ),
          )
        : "",
      problemList(view) ?? "",
      el("p", { class: "hint" }, "Nothing changes until you import; the current data stays if you cancel."),
      el("div", { class: "import-actions" }, ok, cancel),
    );
    return view.validRows > 0 ? ok : cancel;
  });
}

const ROLES: { key: ColumnField; label: string; required: boolean }[] = [
  { key: "origin", label: "Origin column", required: true },
  { key: "destination", label: "Destination column", required: true },
  { key: "volume", label: "Volume column", required: false },
  { key: "year", label: "Year column (optional)", required: false },
  { key: "originLat", label: "Origin latitude column (optional)", required: false },
  { key: "originLon", label: "Origin longitude column (optional)", required: false },
  { key: "destinationLat", label: "Destination latitude column (optional)", required: false },
  { key: "destinationLon", label: "Destination longitude column (optional)", required: false },
];

/** The column-mapping step: one select per role, prefilled from the importer's guess; null when cancelled. */
export function askColumnMapping(needs: Extract<ImportNeeds, { kind: "column-mapping" }>, fileNote: string): Promise<ColumnMapping | null> {
  return modal<ColumnMapping | null>("Which columns hold the flows?", null, (body, close) => {
    const selects = new Map<ColumnField, HTMLSelectElement>();
    const error = el("p", { class: "import-error", role: "alert" });
    const fields = ROLES.map((role) => {
      const id = `import-map-${role.key}`;
      const select = el(
        "select",
        { id, required: role.required },
        el(
          "option",
          { value: "" },
          role.required ? "— choose a column —" : role.key === "volume" ? "(none: each row counts as 1)" : "(none)",
        ),
        needs.headers.map((h, column) =>
          el("option", { value: h, disabled: h.trim() === "" }, h.trim() === "" ? `(column ${column + 1} has no name)` : h),
        ),
      );
      const guessed = needs.guess[role.key];
      if (guessed !== undefined && needs.headers.includes(guessed)) select.value = guessed;
      selects.set(role.key, select);
      return el("div", { class: "import-field" }, el("label", { for: id }, role.label), select);
    });
    // A wide table: its year columns as the time axis, in one step (checked when the importer saw them).
    const wide = yearColumns(needs.headers);
    const wideBox = el("input", { type: "checkbox", id: "import-map-wide", checked: (needs.guess.wideYears?.length ?? 0) > 0 });
    const syncWide = () => {
      for (const key of ["volume", "year"] as const) {
        const select = selects.get(key);
        if (select) select.disabled = wideBox.checked;
      }
    };
    wideBox.addEventListener("change", syncWide);
    syncWide();
    const wideField =
      wide.length > 0
        ? el("div", { class: "import-field import-wide" }, wideBox, el("label", { for: "import-map-wide" }, describeYearColumns(wide)))
        : null;
    const nodeNote =
      needs.nodeFiles && needs.nodeFiles.length > 0
        ? el(
            "p",
            { class: "hint" },
            `${needs.nodeFiles.join(", ")}: joined to the flows by the ids in the origin and destination columns (the summary says how many matched).`,
          )
        : null;
    const ok = el("button", { type: "button", class: "import-primary" }, "Read with these columns");
    const cancel = el("button", { type: "button" }, "Cancel import");
    ok.addEventListener("click", () => {
      const mapping: Partial<ColumnMapping> = {};
      for (const [key, select] of selects) if (select.value !== "" && !select.disabled) mapping[key] = select.value;
      if (wide.length > 0 && wideBox.checked) mapping.wideYears = wide.map((column) => column.header);
      if (!mapping.origin || !mapping.destination) {
        error.textContent = "Choose the origin and the destination columns.";
        (mapping.origin ? selects.get("destination") : selects.get("origin"))?.focus();
        return;
      }
      if (mapping.origin === mapping.destination) {
        error.textContent = "The origin and the destination must be different columns.";
        selects.get("destination")?.focus();
        return;
      }
      close(mapping as ColumnMapping);
    });
    cancel.addEventListener("click", () => close(null));
    body.append(
      el("p", {}, fileNote, " The column names were not recognised. Say which column holds what:"),
      el("div", { class: "import-fields" }, fields),
      wideField ?? "",
      nodeNote ?? "",
      error,
      el("div", { class: "import-actions" }, ok, cancel),
    );
    return selects.get("origin") ?? null;
  });
}

/** A Comtrade table without a reporter column: ask which country reported it. */
export function askReporter(candidates: readonly string[]): Promise<string | null> {
  return modal<string | null>("Which country reported this table?", null, (body, close) => {
    const input = el("input", {
      id: "import-reporter",
      type: "text",
      list: "import-reporter-candidates",
      autocomplete: "off",
      value: candidates[0] ?? "",
    });
    const list = el(
      "datalist",
      { id: "import-reporter-candidates" },
      candidates.map((c) => el("option", { value: c })),
    );
    const error = el("p", { class: "import-error", role: "alert" });
    const ok = el("button", { type: "button", class: "import-primary" }, "Read with this reporter");
    const cancel = el("button", { type: "button" }, "Cancel import");
    const submit = () => {
      const value = input.value.trim();
      if (value === "") {
        error.textContent = "Type a country name or ISO code.";
        input.focus();
        return;
      }
      close(value);
    };
    ok.addEventListener("click", submit);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") submit();
    });
    cancel.addEventListener("click", () => close(null));
    body.append(
      el("p", {}, "The table has no reporter column. Its rows are the trade of one reporting country: which one?"),
      el("div", { class: "import-field" }, el("label", { for: "import-reporter" }, "Reporting country"), input, list),
      error,
      el("div", { class: "import-actions" }, ok, cancel),
    );
    return input;
  });
}

export interface ImportProgress {
  show(): void;
  set(fraction: number): void;
  remove(): void;
}

/** The bar of a long read, with "Stop reading file". Not modal: the current graph stays usable. */
export function createImportProgress(fileLabel: string, onStop: () => void): ImportProgress {
  const bar = el("progress", { id: "import-progress", max: 100, value: 0 });
  const percent = el("span", { class: "import-percent", "aria-hidden": "true" }, "0%");
  const stop = el("button", { type: "button" }, "Stop reading file");
  stop.addEventListener("click", onStop);
  const box = el(
    "div",
    { class: "import-progress", role: "group", "aria-label": "Import progress", "data-testid": "import-progress", hidden: true },
    el("label", { for: "import-progress" }, `Reading ${fileLabel}`),
    bar,
    percent,
    stop,
  );
  document.body.appendChild(box);
  return {
    show() {
      box.hidden = false;
    },
    set(fraction) {
      const value = Math.max(0, Math.min(100, Math.round(fraction * 100)));
      bar.value = value;
      percent.textContent = `${value}%`;
    },
    remove() {
      box.remove();
    },
  };
}
