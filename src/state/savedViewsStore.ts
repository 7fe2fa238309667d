// The saved views kept in (local) storage, shared by every tab of the app. Each tab remembers the list as it
// last read or wrote it (the base); a save merges its own changes since then with whatever another tab wrote
// meanwhile (three-way, by view id), so no tab's save drops another's new view and a view deleted in one tab
// does not come back from another. Text in storage that cannot be read is copied aside before anything
// overwrites it, and when even that copy cannot be made, nothing is written. Pure: storage is passed in.
import { viewsFromFile, viewsToFile, type SavedView } from "./savedViews";
import type { LinkContext } from "./viewCodec";

/** The part of the Web Storage API saved views use (window.localStorage, or a fake in tests). */
export interface ViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const SAVED_VIEWS_KEY = "reroute:views:v1";
/** Where a stored list that could not be read is copied before anything overwrites it. */
export const SAVED_VIEWS_BACKUP_KEY = "reroute:views:v1:unreadable";

/**
 * unavailable: storage blocked or missing (private mode, sandboxed iframe); full: QuotaExceededError;
 * unreadable: what is stored could not be read nor copied aside, so it was not overwritten.
 */
export type StorageTrouble = "unavailable" | "full" | "unreadable";

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

export type SaveResult = { ok: true; views: SavedView[] } | { ok: false; trouble: StorageTrouble };

export interface SavedViewsStore {
  /**
   * Reads the kept list. Ids of places and flows are kept even when the data open now lacks them (a view
   * saved on imported data keeps its trace); a list that cannot be read, wholly or partly, is first
   * copied to SAVED_VIEWS_BACKUP_KEY so the next save cannot lose it.
   */
  load(ctx: LinkContext, newId: () => string): LoadedViews;
  /** Writes `views` merged with what other tabs wrote since; `views` in the result is the merged list to show. */
  save(views: SavedView[], defaultYear?: number): SaveResult;
  /**
   * After another tab wrote (a `storage` event): `views` merged with the stored list, or null when nothing
   * changed. Nothing is written.
   */
  sync(views: SavedView[]): SavedView[] | null;
}

/** One view in its stored form: equal texts are the same view, unchanged. */
const formOf = (view: SavedView, defaultYear?: number): string => viewsToFile([view], defaultYear, { ids: true, indent: 0 });

/**
 * Three-way merge by id. `base` is what this tab last read or wrote, `mine` its list now, `theirs` what is
 * stored now. Kept: my new and changed views, their changes to views I did not change, their new views;
 * dropped: views either side deleted that the other did not change. Order: the stored one with my new views
 * after it, unless I reordered the views (then mine, with theirs after).
 */
export function mergeViews(
  base: readonly SavedView[],
  mine: readonly SavedView[],
  theirs: readonly SavedView[],
  defaultYear?: number,
): SavedView[] {
  const form = (v: SavedView) => formOf(v, defaultYear);
  const baseForm = new Map(base.map((v) => [v.id, form(v)]));
  const mineById = new Map(mine.map((v) => [v.id, v]));
  const theirsById = new Map(theirs.map((v) => [v.id, v]));
  const changedByMe = (v: SavedView) => baseForm.get(v.id) !== form(v);
  /** A view of mine that is kept: new or changed here, or still stored (their version, which may be newer). */
  const fromMine = (v: SavedView): SavedView | null => {
    const stored = theirsById.get(v.id);
    if (changedByMe(v)) return v;
    return stored ?? null; // unchanged here and gone there: deleted in another tab
  };
  /** A stored view I do not hold: new there (kept), or deleted here (kept only if changed there since). */
  const fromTheirs = (v: SavedView): SavedView | null => {
    const was = baseForm.get(v.id);
    return was === undefined || was !== form(v) ? v : null;
  };
  const held = mine.filter((v) => baseForm.has(v.id)).map((v) => v.id);
  const wasHeld = base.filter((v) => mineById.has(v.id)).map((v) => v.id);
  const reordered = held.join("\u0000") !== wasHeld.join("\u0000");
  const out: SavedView[] = [];
  const push = (v: SavedView | null) => v && out.push(v);
  if (reordered) {
    for (const v of mine) push(fromMine(v));
    for (const v of theirs) if (!mineById.has(v.id)) push(fromTheirs(v));
  } else {
    for (const v of theirs) push(mineById.has(v.id) ? fromMine(mineById.get(v.id)!) : fromTheirs(v));
    for (const v of mine) if (!theirsById.has(v.id)) push(fromMine(v));
  }
  return out;
}

/** `storage` is a getter: merely reading window.localStorage throws where storage is blocked. */
export function createSavedViewsStore(storage: () => ViewStorage | null | undefined): SavedViewsStore {
  const get = (): ViewStorage => {
    const s = storage();
    if (!s) throw new Error("no storage");
    return s;
  };
  let base: SavedView[] = [];
  /** The stored text `base` was read from or written as. */
  let baseText: string | null = null;
  let context: { ctx: LinkContext; newId: () => string } | null = null;

  /** The stored list now: the views, or why it cannot be read (then its text, to copy aside). */
  const readStored = (text: string | null): { ok: true; views: SavedView[] } | { ok: false; text: string } => {
    if (text === null || text === "") return { ok: true, views: [] };
    if (text === baseText) return { ok: true, views: base };
    if (!context) return { ok: false, text };
    const { ctx, newId } = context;
    const r = viewsFromFile(text, { datasetId: ctx.datasetId, datasetHash: ctx.datasetHash, defaultYear: ctx.defaultYear }, newId, true);
    return r.ok && r.problems.length === 0 ? { ok: true, views: r.views } : { ok: false, text };
  };

  return {
    load(ctx, newId) {
      context = { ctx, newId };
      let text: string | null;
      try {
        text = get().getItem(SAVED_VIEWS_KEY);
      } catch {
        return { views: [], problems: [], error: null, trouble: "unavailable", backupKey: null };
      }
      if (text === null || text === "") {
        base = [];
        baseText = text;
        return { views: [], problems: [], error: null, trouble: null, backupKey: null };
      }
      const lenient: LinkContext = { datasetId: ctx.datasetId, datasetHash: ctx.datasetHash, defaultYear: ctx.defaultYear };
      const r = viewsFromFile(text, lenient, newId, true);
      const unreadable = !r.ok || r.problems.length > 0;
      const backupKey = unreadable ? backUp(get(), text) : null;
      base = r.ok ? r.views : [];
      // A list read only in part is not the stored text: the next save writes only after copying it aside.
      baseText = unreadable ? null : text;
      if (!r.ok) return { views: [], problems: [], error: r.reason, trouble: null, backupKey };
      return { views: r.views, problems: r.problems, error: null, trouble: null, backupKey };
    },
    save(views, defaultYear) {
      try {
        const s = get();
        const stored = readStored(s.getItem(SAVED_VIEWS_KEY));
        // Never overwrite what could not be read unless a copy of it is kept.
        if (!stored.ok && backUp(s, stored.text) === null) return { ok: false, trouble: "unreadable" };
        // Nobody else wrote since this tab did: its list is the list. Otherwise merge in the other tab's changes.
        const current = s.getItem(SAVED_VIEWS_KEY);
        const merged =
          current === baseText && baseText !== null ? views : mergeViews(base, views, stored.ok ? stored.views : [], defaultYear);
        const text = viewsToFile(merged, defaultYear, { ids: true });
        s.setItem(SAVED_VIEWS_KEY, text);
        base = merged;
        baseText = text;
        return { ok: true, views: merged };
      } catch (error) {
        return { ok: false, trouble: isQuotaError(error) ? "full" : "unavailable" };
      }
    },
    sync(views) {
      let text: string | null;
      try {
        text = get().getItem(SAVED_VIEWS_KEY);
      } catch {
        return null;
      }
      if (text === baseText) return null;
      const stored = readStored(text);
      if (!stored.ok) return null;
      const merged = mergeViews(base, views, stored.views);
      base = stored.views;
      baseText = text;
      return merged;
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
