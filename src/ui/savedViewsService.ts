// The saved views as a service: the list (named, captioned, ordered), kept in localStorage with the
// failures a browser really has (blocked, full) said once while they last, and what other parts need of
// it — the story (Export story, Present), the views a data bundle carries and the views one brings.
// Created once by main.ts and handed to the panels that use it.
import type { BundleView } from "../io/bundle";
import {
  createSavedViewsStore,
  MAX_VIEWS,
  SAVED_VIEWS_KEY,
  viewsFromFile,
  VIEWS_FILE_FORMAT,
  type SavedView,
  type StorageTrouble,
} from "../state/savedViews";
import type { LinkContext } from "../state/viewCodec";
import { VIEW_STATE_VERSION, type ViewState } from "../state/viewState";
import type { Messages } from "./messages";

export interface SavedViews {
  list(): SavedView[];
  /** Replace the list (kept in storage); listeners are told unless `quiet` (an edit made in place). */
  set(next: SavedView[], quiet?: boolean): void;
  newId(): string;
  /** The story: the views in order, as title and view state. */
  story(): { title: string; state: ViewState }[];
  /** The saved views as bundle entries (name, caption, state without hover). */
  forBundle(): BundleView[];
  /** Adds views that came in a bundle, validated like a link; returns how many were added. */
  addFromBundle(views: readonly BundleView[]): number;
  onChange(listener: () => void): () => void;
}

/** `context`: what links are checked against (the open data); `defaultYear`: the open data's. */
export function createSavedViews(
  messages: Messages,
  context: () => LinkContext,
  defaultYear: () => number,
  storage: () => Storage = () => window.localStorage,
): SavedViews {
  const store = createSavedViewsStore(storage);
  let notice: HTMLElement | null = null;
  const say = (trouble: StorageTrouble) => {
    if (notice?.isConnected) return;
    notice = messages.show(
      trouble === "full"
        ? "The browser's storage is full: your saved views are kept for this session only. Use Export views to keep them."
        : trouble === "unreadable"
          ? "The saved views stored in this browser could not be read, and storage is too full to keep a copy of them: they were not overwritten, so your changes are kept for this session only. Use Export views to keep them."
          : "Saved views cannot be kept in this browser (storage is unavailable): they last for this session only. Use Export views to keep them.",
      "warning",
    );
  };
  let counter = 0;
  const newId = () => `view-${Date.now().toString(36)}-${++counter}`;
  const listeners = new Set<() => void>();

  const loaded = store.load(context(), newId);
  if (loaded.trouble) say(loaded.trouble);
  const kept = loaded.backupKey ? ` A copy of what could not be read is kept in this browser's storage under "${loaded.backupKey}".` : "";
  if (loaded.error) messages.show(`Your saved views could not be read: ${loaded.error}${kept}`, "error");
  if (loaded.problems.length) messages.show(`Some saved views could not be read and were left out.${kept}`, "warning", loaded.problems);
  let views: SavedView[] = loaded.views;

  const tell = () => {
    for (const l of [...listeners]) l();
  };
  const set = (next: SavedView[], quiet = false) => {
    views = next;
    const r = store.save(views, defaultYear());
    if (!r.ok) say(r.trouble);
    else {
      if (notice?.isConnected) notice.remove();
      // Merged with what other tabs saved meanwhile: their views must show here too.
      if (r.views.length !== next.length || r.views.some((v, i) => v !== next[i])) {
        views = r.views;
        quiet = false;
      }
    }
    if (!quiet) tell();
  };
  // Another tab saved, renamed or deleted views: show its list merged with this one (nothing is written).
  if (typeof window !== "undefined")
    window.addEventListener("storage", (event) => {
      if (event.key !== SAVED_VIEWS_KEY && event.key !== null) return;
      const merged = store.sync(views);
      if (merged === null) return;
      views = merged;
      tell();
    });

  return {
    list: () => views,
    set,
    newId,
    story: () => views.map((v) => ({ title: v.name, state: v.state })),
    forBundle: () => views.map((v) => ({ name: v.name, caption: v.caption, state: { ...v.state, hover: undefined } })),
    addFromBundle(incoming) {
      const file = JSON.stringify({
        format: VIEWS_FILE_FORMAT,
        version: 1,
        views: incoming.map((v) => ({ name: v.name, caption: v.caption ?? "", view: toPayload(v.state) })),
      });
      const r = viewsFromFile(file, context(), newId);
      if (!r.ok) return 0;
      if (r.problems.length)
        messages.show(`${r.problems.length} view(s) in the bundle could not be read and were left out.`, "warning", r.problems);
      const added = r.views.slice(0, Math.max(0, MAX_VIEWS - views.length));
      if (added.length) set([...views, ...added]);
      return added.length;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A full view state (as kept in bundles) in link-payload form, so it is validated like any link. */
function toPayload(state: unknown): unknown {
  if (typeof state !== "object" || state === null) return null;
  const s = state as Record<string, unknown>;
  const cam = s.camera as Record<string, unknown> | null | undefined;
  const { hover: _hover, version: _version, datasetId, datasetHash, camera: _camera, ...rest } = s;
  void _hover;
  void _version;
  void _camera;
  return {
    v: VIEW_STATE_VERSION,
    d: datasetId,
    h: typeof datasetHash === "string" ? datasetHash.slice(0, 16) : undefined,
    ...rest,
    camera: cam ? [cam.x, cam.y, cam.ratio, cam.angle] : null,
  };
}
