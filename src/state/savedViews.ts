// Saved views: a named, ordered list of views (the steps of a story), the JSON file that carries them
// between browsers, and the store that keeps them in (local) storage. Pure: list operations return new lists;
// reading a file validates every view; storage is passed in, and its failures come back as values.
import { positionsPayload, viewDiff, viewFromJson, type LinkContext } from "./viewCodec";
import { VIEW_STATE_VERSION, type ViewState } from "./viewState";

export interface SavedView {
  id: string;
  /** Shown as the step's title in presentation mode. */
  name: string;
  caption: string;
  savedAt: string;
  state: ViewState;
  /** Where a force layout run left the places ([x0, y0, …] in place order), when saved in the force layout. */
  positions?: number[] | null;
}

export const VIEWS_FILE_FORMAT = "reroute-views";
/** Most saved views kept (and read from one file). */
export const MAX_VIEWS = 200;

export function addView(list: SavedView[], view: SavedView): SavedView[] {
  return [...list, view];
}

export function updateView(
  list: SavedView[],
  id: string,
  patch: Partial<Pick<SavedView, "name" | "caption" | "state" | "positions">>,
): SavedView[] {
  return list.map((v) => (v.id === id ? { ...v, ...patch } : v));
}

export function moveView(list: SavedView[], id: string, delta: number): SavedView[] {
  const i = list.findIndex((v) => v.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(i, 1);
  next.splice(j, 0, item!);
  return next;
}

export function deleteView(list: SavedView[], id: string): SavedView[] {
  return list.filter((v) => v.id !== id);
}

/**
 * `incoming` without the views `list` already holds, compared in their file form (name, caption, save time, the
 * view as a link payload): importing the file just exported, or the same file twice, adds nothing.
 */
export function newViews(list: SavedView[], incoming: SavedView[], defaultYear?: number): SavedView[] {
  const key = (v: SavedView) => viewsToFile([v], defaultYear);
  const held = new Set(list.map(key));
  return incoming.filter((v) => {
    const k = key(v);
    if (held.has(k)) return false;
    held.add(k);
    return true;
  });
}

/** The portable form: each view as its link payload (what differs from the defaults), validated on the way in. */
export function viewsToFile(list: SavedView[], defaultYear?: number): string {
  return JSON.stringify(
    {
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: list.map((v) => ({
        name: v.name,
        caption: v.caption,
        savedAt: v.savedAt,
        view: {
          v: VIEW_STATE_VERSION,
          d: v.state.datasetId,
          h: v.state.datasetHash.slice(0, 16),
          ...viewDiff(v.state, defaultYear),
          ...positionsPayload(v.state, v.positions),
        },
      })),
    },
    null,
    2,
  );
}

export type ViewsFileResult = { ok: true; views: SavedView[]; problems: string[] } | { ok: false; reason: string };

/** Reads a saved-views file. Views that fail validation are listed in `problems`; the rest are kept. */
export function viewsFromFile(text: string, ctx: LinkContext, newId: () => string): ViewsFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `The file is not valid JSON (${error instanceof Error ? error.message : "parse error"}).` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { ok: false, reason: "The file is not a Reroute saved-views file." };
  const o = data as Record<string, unknown>;
  if (o.format !== VIEWS_FILE_FORMAT)
    return { ok: false, reason: `The file is not a Reroute saved-views file (format "${String(o.format).slice(0, 40)}").` };
  if (typeof o.version !== "number" || o.version > 1)
    return { ok: false, reason: "The saved-views file was written by a newer version of Reroute." };
  if (!Array.isArray(o.views)) return { ok: false, reason: "The saved-views file has no list of views." };
  if (o.views.length > MAX_VIEWS) return { ok: false, reason: `The file holds ${o.views.length} views; at most ${MAX_VIEWS} can be read.` };
  const views: SavedView[] = [];
  const problems: string[] = [];
  o.views.forEach((raw: unknown, i: number) => {
    if (typeof raw !== "object" || raw === null) return problems.push(`View ${i + 1}: not an object.`);
    const r = raw as Record<string, unknown>;
    if (typeof r.name !== "string" || r.name.length > 200) return problems.push(`View ${i + 1}: no readable name.`);
    const caption = typeof r.caption === "string" ? r.caption.slice(0, 2000) : "";
    const decoded = viewFromJson((r.view ?? null) as never, ctx);
    if (!decoded.ok) return problems.push(`View ${i + 1} ("${r.name.slice(0, 40)}"): ${decoded.reason}`);
    const view: SavedView = {
      id: newId(),
      name: r.name,
      caption,
      savedAt: typeof r.savedAt === "string" ? r.savedAt.slice(0, 40) : "",
      state: decoded.state,
    };
    if (decoded.positions) view.positions = decoded.positions;
    views.push(view);
  });
  return { ok: true, views, problems };
}

/** The part of the Web Storage API saved views use (window.localStorage, or a fake in tests). */
export interface ViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const SAVED_VIEWS_KEY = "reroute:views:v1";
/** Where a stored list that could not be read is copied before anything overwrites it. */
export const SAVED_VIEWS_BACKUP_KEY = "reroute:views:v1:unreadable";

/** unavailable: storage blocked or missing (private mode, sandboxed iframe); full: QuotaExceededError. */
export type StorageTrouble = "unavailable" | "full";

export interface LoadedViews {
  views: SavedView[];
  /** Views of the stored list that could not be read (the others are in `views`). */
  problems: string[];
  /** Why the stored list could not be read at all, or null. */
  error: string | null;
  trouble: StorageTrouble | null;
  /** The key the unreadable text was copied to, or null when nothing needed copying (or copying failed). */
  backupKey: string | null;
}

export interface SavedViewsStore {
  /**
   * Reads the kept list. Ids of places and flows are kept even when the data open now lacks them (a view
   * saved on imported data keeps its trace); a list that cannot be read, wholly or partly, is first
   * copied to SAVED_VIEWS_BACKUP_KEY so the next save cannot lose it.
   */
  load(ctx: LinkContext, newId: () => string): LoadedViews;
  save(views: SavedView[], defaultYear?: number): { ok: true } | { ok: false; trouble: StorageTrouble };
}

/** `storage` is a getter: merely reading window.localStorage throws where storage is blocked. */
export function createSavedViewsStore(storage: () => ViewStorage | null | undefined): SavedViewsStore {
  const get = (): ViewStorage => {
    const s = storage();
    if (!s) throw new Error("no storage");
    return s;
  };
  return {
    load(ctx, newId) {
      let text: string | null;
      try {
        text = get().getItem(SAVED_VIEWS_KEY);
      } catch {
        return { views: [], problems: [], error: null, trouble: "unavailable", backupKey: null };
      }
      if (text === null || text === "") return { views: [], problems: [], error: null, trouble: null, backupKey: null };
      const lenient: LinkContext = { datasetId: ctx.datasetId, datasetHash: ctx.datasetHash, defaultYear: ctx.defaultYear };
      const r = viewsFromFile(text, lenient, newId);
      const unreadable = !r.ok || r.problems.length > 0;
      const backupKey = unreadable ? backUp(get(), text) : null;
      if (!r.ok) return { views: [], problems: [], error: r.reason, trouble: null, backupKey };
      return { views: r.views, problems: r.problems, error: null, trouble: null, backupKey };
    },
    save(views, defaultYear) {
      try {
        get().setItem(SAVED_VIEWS_KEY, viewsToFile(views, defaultYear));
        return { ok: true };
      } catch (error) {
        return { ok: false, trouble: isQuotaError(error) ? "full" : "unavailable" };
      }
    },
  };
}

function backUp(storage: ViewStorage, text: string): string | null {
  try {
    const held = storage.getItem(SAVED_VIEWS_BACKUP_KEY);
    // An older, different unreadable copy is kept too: each gets its own key.
    const key = held === null || held === text ? SAVED_VIEWS_BACKUP_KEY : `${SAVED_VIEWS_BACKUP_KEY}:${Date.now()}`;
    if (held !== text) storage.setItem(key, text);
    return key;
  } catch {
    return null;
  }
}

/** QuotaExceededError across browsers (name, legacy code 22, Firefox's NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014;
}
