// Saved views: the list (named, captioned, ordered) with Save view, Show, Update, Rename, Move, Delete,
// Export views and Import views (one JSON file), Present and the story link. The list itself is the
// SavedViews service (./savedViewsService.ts); presentation mode is ./presentation.ts. One row is built
// by ./viewRow.ts, the views file by ./viewsFile.ts, the story link by ./storyLink.ts.
import { addView, MAX_VIEWS, type SavedView } from "../state/savedViews";
import type { ViewState } from "../state/viewState";
import type { App } from "./app";
import type { AddressBar } from "./addressBar";
import type { Presentation } from "./presentation";
import type { SavedViews } from "./savedViewsService";
import { clear, el } from "./dom";
import { renderViewRow } from "./viewRow";
import { exportViewsFile, importViewsFile } from "./viewsFile";
import { copyStoryLink, watchStoryLinks } from "./storyLink";
import "./share.css";

export interface ViewsPanelDeps {
  views: SavedViews;
  address: AddressBar;
  presentation: Presentation;
}

/** The panel's controls. */
export interface ViewsDom {
  nameInput: HTMLInputElement;
  save: HTMLButtonElement;
  list: HTMLOListElement;
  present: HTMLButtonElement;
  storyLink: HTMLButtonElement;
  exportViews: HTMLButtonElement;
  importInput: HTMLInputElement;
  status: HTMLParagraphElement;
  empty: HTMLParagraphElement;
}

/** What the panel's parts share: the list as it is now and the ways to change and show it. */
export interface ViewsPanel {
  app: App;
  address: AddressBar;
  dom: ViewsDom;
  /** The list as it is now (in-place edits do not rebuild the rows' closures). */
  views: SavedView[];
  /** The row being renamed (its inline "New name" field is open), so a re-render keeps it open. */
  renaming: string | null;
  newId(): string;
  /**
   * `rerender: false` for edits made in place (a caption, a rename): rebuilding the list between a field's
   * blur and the click that caused it would swallow that click.
   */
  setViews(next: SavedView[], rerender?: boolean): void;
  /** The view on screen now, camera included (the camera lives in the renderer until it settles). */
  onScreen(): ViewState;
  render(): void;
  /** A row's button by view id and action ("rename"). */
  rowButton(id: string, action: string): HTMLButtonElement | null;
}

export function mountViews(app: App, { views: saved, address, presentation: story }: ViewsPanelDeps): void {
  const dom = buildViewsDom(app);
  const panel: ViewsPanel = {
    app,
    address,
    dom,
    views: saved.list(),
    renaming: null,
    newId: saved.newId,
    setViews(next, rerender = true) {
      panel.views = next;
      saved.set(next, !rerender);
    },
    onScreen() {
      app.flushCamera();
      return { ...app.store.get(), hover: null };
    },
    render: () => renderViews(panel),
    rowButton: (id, action) => dom.list.querySelector<HTMLButtonElement>(`button[data-view="${CSS.escape(id)}"][data-action="${action}"]`),
  };
  saved.onChange(() => {
    panel.views = saved.list();
    panel.render();
  });
  wireViewsPanel(panel, story);
  panel.render();
  watchStoryLinks(app, address, story);
}

function buildViewsDom(app: App): ViewsDom {
  // Open from the start: Save view, Export views and Import views are in sight (and found by name) without a click.
  const body = app.panel.addSection("views", "Saved views", { order: 35, open: true });
  const dom: ViewsDom = {
    nameInput: el("input", { type: "text", id: "view-name", maxlength: 200, placeholder: "e.g. Horgos in 2024" }),
    save: el("button", { type: "button" }, "Save view"),
    list: el("ol", { class: "views-list" }),
    present: el("button", { type: "button" }, "Present"),
    storyLink: el("button", { type: "button", title: "Copy a link that opens these views as a presentation" }, "Share story link"),
    exportViews: el("button", { type: "button" }, "Export views"),
    importInput: el("input", { type: "file", id: "import-views", accept: ".json,application/json", class: "visually-hidden" }),
    status: el("p", { class: "hint", role: "status" }),
    // Beside the numbered list, not in it: an empty list is not shown as a view numbered 1.
    empty: el("p", { class: "hint views-empty" }, "No saved views yet. Saved views are the steps of a presentation."),
  };
  const importLabel = el("label", { for: "import-views", class: "file-button" }, "Import views");
  body.append(
    el("div", { class: "views-save" }, el("label", { for: "view-name" }, "View name"), dom.nameInput, dom.save),
    dom.list,
    dom.empty,
    el("div", { class: "views-actions" }, dom.present, dom.storyLink, dom.exportViews, importLabel, dom.importInput),
    dom.status,
  );
  return dom;
}

function wireViewsPanel(panel: ViewsPanel, story: Presentation): void {
  const { dom } = panel;
  dom.save.addEventListener("click", () => saveView(panel));
  dom.nameInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") dom.save.click();
  });
  dom.exportViews.addEventListener("click", () => exportViewsFile(panel));
  dom.importInput.addEventListener("change", async () => {
    const file = dom.importInput.files?.[0];
    dom.importInput.value = "";
    if (file) await importViewsFile(panel, file);
  });
  dom.present.addEventListener("click", () =>
    story.start(panel.views.map((v) => ({ title: v.name, caption: v.caption, state: v.state, positions: v.positions }))),
  );
  dom.storyLink.addEventListener("click", () => void copyStoryLink(panel));
}

function saveView(panel: ViewsPanel): void {
  const { app, dom, views } = panel;
  if (views.length >= MAX_VIEWS) {
    app.messages.show(
      `At most ${MAX_VIEWS} views can be saved: delete one (or Export views and start a new list) to save another.`,
      "warning",
    );
    return;
  }
  // No name typed: the view's title when it has one, else its number and year.
  const name = dom.nameInput.value.trim() || app.store.get().title.trim() || `View ${views.length + 1} (${app.store.get().year})`;
  const state = panel.onScreen();
  panel.setViews(
    addView(views, {
      id: panel.newId(),
      name,
      caption: "",
      savedAt: new Date().toISOString(),
      state,
      positions: panel.address.forcePositions(state),
    }),
  );
  dom.nameInput.value = "";
  dom.status.textContent = `Saved "${name}".`;
}

function renderViews(panel: ViewsPanel): void {
  const { dom, views } = panel;
  clear(dom.list);
  dom.present.disabled = views.length === 0;
  dom.storyLink.disabled = views.length === 0;
  views.forEach((v, i) => dom.list.appendChild(renderViewRow(panel, v, i)));
  dom.list.hidden = !views.length;
  dom.empty.hidden = views.length > 0;
}
