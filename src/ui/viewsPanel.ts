// Saved views: the list (named, captioned, ordered) with Save view, Show, Update, Rename, Move, Delete,
// Export views and Import views (one JSON file), Present and the story link. The list itself is the
// SavedViews service (./savedViewsService.ts); presentation mode is ./presentation.ts.
import { ownRelativeUrl, ownUrl } from "../state/ownAddress";
import {
  addView,
  MAX_VIEWS,
  deleteView,
  moveView,
  newViews,
  updateView,
  viewsFromFile,
  viewsToFile,
  type SavedView,
} from "../state/savedViews";
import { defaultYearOf } from "../state/openDataset";
import { decodeStory, encodeStory, MAX_LINK } from "../state/viewCodec";
import type { App } from "./app";
import { linkContext, type AddressBar } from "./addressBar";
import { downloadBlob } from "./download";
import type { Presentation } from "./presentation";
import type { SavedViews } from "./savedViewsService";
import { clear, el } from "./dom";
import "./share.css";

/** A views file is a few kilobytes per view; anything bigger than this is not one (and would stall the page). */
const MAX_VIEWS_FILE_BYTES = 5_000_000;

export interface ViewsPanelDeps {
  views: SavedViews;
  address: AddressBar;
  presentation: Presentation;
}

export function mountViews(app: App, { views: saved, address, presentation: story }: ViewsPanelDeps): void {
  /** The list as it is now (in-place edits do not rebuild the rows' closures). */
  let views: SavedView[] = saved.list();
  const newId = saved.newId;
  /**
   * `rerender: false` for edits made in place (a caption, a rename): rebuilding the list between a field's
   * blur and the click that caused it would swallow that click.
   */
  const setViews = (next: SavedView[], rerender = true) => {
    views = next;
    saved.set(next, !rerender);
  };
  saved.onChange(() => {
    views = saved.list();
    render();
  });

  // Open from the start: Save view, Export views and Import views are in sight (and found by name) without a click.
  const body = app.panel.addSection("views", "Saved views", { order: 35, open: true });
  const nameInput = el("input", { type: "text", id: "view-name", maxlength: 200, placeholder: "e.g. Horgos in 2024" });
  const save = el("button", { type: "button" }, "Save view");
  const list = el("ol", { class: "views-list" });
  const present = el("button", { type: "button" }, "Present");
  const storyLink = el("button", { type: "button", title: "Copy a link that opens these views as a presentation" }, "Share story link");
  const exportViews = el("button", { type: "button" }, "Export views");
  const importInput = el("input", { type: "file", id: "import-views", accept: ".json,application/json", class: "visually-hidden" });
  const importLabel = el("label", { for: "import-views", class: "file-button" }, "Import views");
  const status = el("p", { class: "hint", role: "status" });
  // Beside the numbered list, not in it: an empty list is not shown as a view numbered 1.
  const empty = el("p", { class: "hint views-empty" }, "No saved views yet. Saved views are the steps of a presentation.");
  body.append(
    el("div", { class: "views-save" }, el("label", { for: "view-name" }, "View name"), nameInput, save),
    list,
    empty,
    el("div", { class: "views-actions" }, present, storyLink, exportViews, importLabel, importInput),
    status,
  );

  save.addEventListener("click", () => {
    if (views.length >= MAX_VIEWS) {
      app.messages.show(
        `At most ${MAX_VIEWS} views can be saved: delete one (or Export views and start a new list) to save another.`,
        "warning",
      );
      return;
    }
    // No name typed: the view's title when it has one, else its number and year.
    const name = nameInput.value.trim() || app.store.get().title.trim() || `View ${views.length + 1} (${app.store.get().year})`;
    const state = onScreen();
    setViews(
      addView(views, {
        id: newId(),
        name,
        caption: "",
        savedAt: new Date().toISOString(),
        state,
        positions: address.forcePositions(state),
      }),
    );
    nameInput.value = "";
    status.textContent = `Saved "${name}".`;
  });
  nameInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") save.click();
  });

  /** The view on screen now, camera included (the camera lives in the renderer until it settles). */
  const onScreen = () => {
    app.flushCamera();
    return { ...app.store.get(), hover: null };
  };

  /** The row being renamed (its inline "New name" field is open), so a re-render keeps it open. */
  let renaming: string | null = null;

  // Each view's controls are named "<action> (view n)": the phrase a user looks for ("Rename view",
  // "Move view up", "Move view down", "Delete view") first, then which view; the closing ")" keeps one
  // name from containing another ("(view 1)" is not inside "(view 10)").
  function render(): void {
    clear(list);
    present.disabled = views.length === 0;
    storyLink.disabled = views.length === 0;
    views.forEach((v, i) => {
      const which = `(view ${i + 1})`;
      /** The view as it is now (in-place edits do not rebuild this row's closures). */
      const cur = () => views.find((x) => x.id === v.id) ?? v;
      const caption = el("textarea", {
        rows: 2,
        maxlength: 2000,
        "aria-label": `Caption ${which}`,
        placeholder: "Caption shown when presenting",
      });
      caption.value = v.caption;
      caption.addEventListener("change", () => setViews(updateView(views, v.id, { caption: caption.value }), false));
      const titleSlot = el("div", { class: "view-title" });
      if (renaming === v.id) {
        const field = el("input", { type: "text", value: cur().name, maxlength: 200, "aria-label": `New name ${which}` });
        let done = false;
        const finish = (commit: boolean) => {
          if (done) return;
          done = true;
          renaming = null;
          const name = field.value.trim();
          const was = cur().name;
          const kept = commit && name ? name : was;
          // Put the name back in place (no rebuild of the list, so a click elsewhere still lands).
          titleSlot.replaceChildren(el("strong", { class: "view-name" }, kept));
          if (kept !== was) {
            setViews(updateView(views, v.id, { name: kept }), false);
            status.textContent = `Renamed "${was}" to "${kept}".`;
          }
          if (document.activeElement === document.body || !document.activeElement) rowButton(v.id, "rename")?.focus();
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
        titleSlot.append(field);
        queueMicrotask(() => {
          field.focus();
          field.select();
        });
      } else {
        titleSlot.append(el("strong", { class: "view-name" }, v.name));
      }
      const show = el("button", { type: "button", "aria-label": `Show view ${which}`, title: `Show "${v.name}"` }, "Show");
      const rename = el(
        "button",
        { type: "button", "aria-label": `Rename view ${which}`, "data-view": v.id, "data-action": "rename" },
        "Rename",
      );
      const up = el("button", { type: "button", "aria-label": `Move view up ${which}`, disabled: i === 0 }, "↑");
      const down = el("button", { type: "button", "aria-label": `Move view down ${which}`, disabled: i === views.length - 1 }, "↓");
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
        const state = onScreen();
        setViews(updateView(views, v.id, { state, positions: address.forcePositions(state) }), false);
        status.textContent = `Updated "${cur().name}" to the view on screen.`;
      });
      show.addEventListener("click", () => void address.applyView(cur().state, true, true, cur().positions));
      rename.addEventListener("click", () => {
        renaming = v.id;
        render();
      });
      up.addEventListener("click", () => {
        setViews(moveView(views, v.id, -1));
        focusAfterMove(v.id, "up");
      });
      down.addEventListener("click", () => {
        setViews(moveView(views, v.id, 1));
        focusAfterMove(v.id, "down");
      });
      del.addEventListener("click", () => {
        const gone = cur();
        const at = views.findIndex((x) => x.id === v.id);
        setViews(deleteView(views, v.id));
        // One click away from undoing: deleting is immediate, so the view can come back where it was.
        const undo = el("button", { type: "button" }, "Undo delete");
        undo.addEventListener("click", () => {
          if (views.some((x) => x.id === gone.id)) return;
          setViews([...views.slice(0, at), gone, ...views.slice(at)]);
          status.textContent = `Restored "${gone.name}".`;
          rowButton(gone.id, "rename")?.focus();
        });
        status.replaceChildren(`Deleted "${gone.name}". `, undo);
        undo.focus();
      });
      list.appendChild(
        el(
          "li",
          { class: "view-item" },
          el("div", { class: "view-fields" }, titleSlot, caption),
          el("div", { class: "view-buttons" }, show, update, rename, up, down, del),
        ),
      );
    });
    list.hidden = !views.length;
    empty.hidden = views.length > 0;
  }
  const rowButton = (id: string, action: string) =>
    list.querySelector<HTMLButtonElement>(`button[data-view="${CSS.escape(id)}"][data-action="${action}"]`);
  /** After a move the row is rebuilt: keep the keyboard on the moved view (its rename button, or the move button if still enabled). */
  function focusAfterMove(id: string, dir: "up" | "down"): void {
    const row = rowButton(id, "rename")?.closest("li");
    const move = row?.querySelector<HTMLButtonElement>(`button[aria-label^="Move view ${dir}"]`);
    (move && !move.disabled ? move : rowButton(id, "rename"))?.focus();
  }

  exportViews.addEventListener("click", () => {
    downloadBlob(new Blob([viewsToFile(views, defaultYearOf(app.dataset()))], { type: "application/json" }), "reroute-views.json");
    status.textContent = `Exported ${views.length} view(s).`;
  });

  importInput.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    importInput.value = "";
    if (!file) return;
    // A views file is a few kilobytes per view; anything this big is not one (and would stall the page).
    if (file.size > MAX_VIEWS_FILE_BYTES) {
      app.messages.show(
        `${file.name} could not be imported: at ${(file.size / 1e6).toFixed(1)} MB it is too big to be a saved-views file (Export views writes a few kB per view). Your saved views are unchanged.`,
        "error",
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      app.messages.show(
        `${file.name} could not be read (${error instanceof Error ? error.message : "read error"}). Your saved views are unchanged.`,
        "error",
      );
      return;
    }
    const r = viewsFromFile(text, linkContext(app), newId);
    if (!r.ok) {
      app.messages.show(`${file.name} could not be imported: ${r.reason} Your saved views are unchanged.`, "error");
      return;
    }
    const fresh = newViews(views, r.views, defaultYearOf(app.dataset()));
    const held = r.views.length - fresh.length;
    const room = Math.max(0, MAX_VIEWS - views.length);
    if (fresh.length > room)
      app.messages.show(
        `Only ${room} of the ${fresh.length} new views in ${file.name} were added: at most ${MAX_VIEWS} views can be saved.`,
        "warning",
      );
    r.views = fresh.slice(0, room);
    setViews([...views, ...r.views]);
    status.textContent = `Imported ${r.views.length} view(s) from ${file.name}${held ? `; ${held} already saved here ${held === 1 ? "was" : "were"} left out` : ""}.`;
    if (r.problems.length)
      app.messages.show(`${r.problems.length} view(s) in ${file.name} could not be read and were left out.`, "warning", r.problems);
  });

  present.addEventListener("click", () =>
    story.start(views.map((v) => ({ title: v.name, caption: v.caption, state: v.state, positions: v.positions }))),
  );
  storyLink.addEventListener("click", async () => {
    const text = encodeStory(
      views.map((v) => ({ title: v.name, caption: v.caption, state: v.state, positions: v.positions })),
      defaultYearOf(app.dataset()),
    );
    const link = ownUrl(location, `#story=${text}`);
    if (text.length > MAX_LINK) {
      app.messages.show(
        `These ${views.length} views are too many for one link (${text.length.toLocaleString("en")} characters; a link holds up to ${MAX_LINK.toLocaleString("en")}). Share the file from Export views instead, or present fewer views.`,
        "warning",
      );
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = "Story link copied: it opens these views as a presentation.";
    } catch {
      status.textContent = "";
      const field = el("input", { type: "text", readonly: true, value: link, "aria-label": "Link to this story" });
      status.appendChild(field);
      field.select();
    }
  });

  render();

  // A story link opens straight into presentation mode, on load or when pasted into this tab's address bar.
  const openStory = () => {
    if (!location.hash.startsWith("#story=")) return;
    const r = decodeStory(location.hash.slice("#story=".length), linkContext(app));
    if (!r.ok) {
      app.messages.show(`This story link could not be opened: ${r.reason} Showing the default view instead.`, "error");
      history.replaceState(null, "", ownRelativeUrl(location));
      // It says the default view: show it, so the screen and the address agree.
      void address.resetView();
    } else {
      for (const w of r.warnings) app.messages.show(w, "warning");
      story.start(r.steps);
    }
  };
  window.addEventListener("popstate", openStory);
  openStory();
}
