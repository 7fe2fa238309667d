// One row of the saved-views list: its name (or the inline rename field), caption, and the Show, Update,
// Rename, Move and Delete buttons. Each control is named "<action> (view n)": the phrase a user looks
// for ("Rename view", "Move view up", "Move view down", "Delete view") first, then which view; the
// closing ")" keeps one name from containing another ("(view 1)" is not inside "(view 10)").
import { deleteView, moveView, updateView, type SavedView } from "../state/savedViews";
import { el } from "./dom";
import type { ViewsPanel } from "./viewsPanel";

export function renderViewRow(panel: ViewsPanel, v: SavedView, i: number): HTMLLIElement {
  const which = `(view ${i + 1})`;
  const caption = el("textarea", {
    rows: 2,
    maxlength: 2000,
    "aria-label": `Caption ${which}`,
    placeholder: "Caption shown when presenting",
  });
  caption.value = v.caption;
  caption.addEventListener("change", () => panel.setViews(updateView(panel.views, v.id, { caption: caption.value }), false));
  const titleSlot = el("div", { class: "view-title" });
  if (panel.renaming === v.id) titleSlot.append(renameField(panel, v, which, titleSlot));
  else titleSlot.append(el("strong", { class: "view-name" }, v.name));
  return el(
    "li",
    { class: "view-item" },
    el("div", { class: "view-fields" }, titleSlot, caption),
    el("div", { class: "view-buttons" }, ...rowButtons(panel, v, i, which)),
  );
}

/** The view as it is now (in-place edits do not rebuild a row's closures). */
const current = (panel: ViewsPanel, v: SavedView): SavedView => panel.views.find((x) => x.id === v.id) ?? v;

function renameField(panel: ViewsPanel, v: SavedView, which: string, titleSlot: HTMLElement): HTMLInputElement {
  const field = el("input", { type: "text", value: current(panel, v).name, maxlength: 200, "aria-label": `New name ${which}` });
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    panel.renaming = null;
    const name = field.value.trim();
    const was = current(panel, v).name;
    const kept = commit && name ? name : was;
    // Put the name back in place (no rebuild of the list, so a click elsewhere still lands).
    titleSlot.replaceChildren(el("strong", { class: "view-name" }, kept));
    if (kept !== was) {
      panel.setViews(updateView(panel.views, v.id, { name: kept }), false);
      panel.dom.status.textContent = `Renamed "${was}" to "${kept}".`;
    }
    if (document.activeElement === document.body || !document.activeElement) panel.rowButton(v.id, "rename")?.focus();
  };
  field.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      finish(true);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    }
  });
  field.addEventListener("blur", () => finish(true));
  queueMicrotask(() => {
    field.focus();
    field.select();
  });
  return field;
}

function rowButtons(panel: ViewsPanel, v: SavedView, i: number, which: string): HTMLButtonElement[] {
  const { address, dom } = panel;
  const show = el("button", { type: "button", "aria-label": `Show view ${which}`, title: `Show "${v.name}"` }, "Show");
  const rename = el(
    "button",
    { type: "button", "aria-label": `Rename view ${which}`, "data-view": v.id, "data-action": "rename" },
    "Rename",
  );
  const up = el("button", { type: "button", "aria-label": `Move view up ${which}`, disabled: i === 0 }, "↑");
  const down = el("button", { type: "button", "aria-label": `Move view down ${which}`, disabled: i === panel.views.length - 1 }, "↓");
  const del = el("button", { type: "button", "aria-label": `Delete view ${which}` }, "Delete");
  const update = el(
    "button",
    {
      type: "button",
      "aria-label": `Update view ${which}`,
      title: "Replace this view with what is on screen now (name and caption kept)",
    },
    "Update",
  );
  update.addEventListener("click", () => {
    const state = panel.onScreen();
    panel.setViews(updateView(panel.views, v.id, { state, positions: address.forcePositions(state) }), false);
    dom.status.textContent = `Updated "${current(panel, v).name}" to the view on screen.`;
  });
  show.addEventListener("click", () => void address.applyView(current(panel, v).state, true, true, current(panel, v).positions));
  rename.addEventListener("click", () => {
    panel.renaming = v.id;
    panel.render();
  });
  up.addEventListener("click", () => {
    panel.setViews(moveView(panel.views, v.id, -1));
    focusAfterMove(panel, v.id, "up");
  });
  down.addEventListener("click", () => {
    panel.setViews(moveView(panel.views, v.id, 1));
    focusAfterMove(panel, v.id, "down");
  });
  del.addEventListener("click", () => deleteWithUndo(panel, v));
  return [show, update, rename, up, down, del];
}

/** After a move the row is rebuilt: keep the keyboard on the moved view (its rename button, or the move button if still enabled). */
function focusAfterMove(panel: ViewsPanel, id: string, dir: "up" | "down"): void {
  const row = panel.rowButton(id, "rename")?.closest("li");
  const move = row?.querySelector<HTMLButtonElement>(`button[aria-label^="Move view ${dir}"]`);
  (move && !move.disabled ? move : panel.rowButton(id, "rename"))?.focus();
}

function deleteWithUndo(panel: ViewsPanel, v: SavedView): void {
  const gone = current(panel, v);
  const at = panel.views.findIndex((x) => x.id === v.id);
  panel.setViews(deleteView(panel.views, v.id));
  // One click away from undoing: deleting is immediate, so the view can come back where it was.
  const undo = el("button", { type: "button" }, "Undo delete");
  undo.addEventListener("click", () => {
    if (panel.views.some((x) => x.id === gone.id)) return;
    panel.setViews([...panel.views.slice(0, at), gone, ...panel.views.slice(at)]);
    panel.dom.status.textContent = `Restored "${gone.name}".`;
    panel.rowButton(gone.id, "rename")?.focus();
  });
  panel.dom.status.replaceChildren(`Deleted "${gone.name}". `, undo);
  undo.focus();
}
