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

/** What an import adds to `list`: its new views (see newViews), as many as `max` leaves room for. */
export function importedViews(
  list: SavedView[],
  incoming: SavedView[],
  defaultYear?: number,
  max = MAX_VIEWS,
): { added: SavedView[]; fresh: number; held: number; room: number } {
  const fresh = newViews(list, incoming, defaultYear);
  const room = Math.max(0, max - list.length);
  return { added: fresh.slice(0, room), fresh: fresh.length, held: incoming.length - fresh.length, room };
}

/** The portable form: each view as its link payload (what differs from the defaults), validated on the way in. */
export function viewsToFile(list: SavedView[], defaultYear?: number, options: { ids?: boolean; indent?: number } = {}): string {
  return JSON.stringify(
    {
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: list.map((v) => ({
        // Ids only in the browser's own copy, where tabs merge their lists by them.
        ...(options.ids ? { id: v.id } : {}),
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
    options.indent ?? 2,
  );
}

export type ViewsFileResult = { ok: true; views: SavedView[]; problems: string[] } | { ok: false; reason: string };

/**
 * Reads a saved-views file. Views that fail validation are listed in `problems`; the rest are kept, the first
 * MAX_VIEWS of them. With `keepIds` (the browser's own copy) a view's id is kept when it is one.
 */
export function viewsFromFile(text: string, ctx: LinkContext, newId: () => string, keepIds = false): ViewsFileResult {
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
  const views: SavedView[] = [];
  const problems: string[] = [];
  if (o.views.length > MAX_VIEWS)
    problems.push(`The file holds ${o.views.length} views; the first ${MAX_VIEWS} were read (at most ${MAX_VIEWS} are kept).`);
  const ids = new Set<string>();
  o.views.slice(0, MAX_VIEWS).forEach((raw: unknown, i: number) => {
    if (typeof raw !== "object" || raw === null) return problems.push(`View ${i + 1}: not an object.`);
    const r = raw as Record<string, unknown>;
    if (typeof r.name !== "string" || r.name.length > 200) return problems.push(`View ${i + 1}: no readable name.`);
    const caption = typeof r.caption === "string" ? r.caption.slice(0, 2000) : "";
    const decoded = viewFromJson((r.view ?? null) as never, ctx);
    if (!decoded.ok) return problems.push(`View ${i + 1} ("${r.name.slice(0, 40)}"): ${decoded.reason}`);
    const given = keepIds && typeof r.id === "string" && r.id.length > 0 && r.id.length <= 200 && !ids.has(r.id) ? r.id : null;
    const id = given ?? newId();
    ids.add(id);
    const view: SavedView = {
      id,
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

export {
  createSavedViewsStore,
  isQuotaError,
  SAVED_VIEWS_BACKUP_KEY,
  SAVED_VIEWS_KEY,
  type LoadedViews,
  type SavedViewsStore,
  type StorageTrouble,
  type ViewStorage,
} from "./savedViewsStore";

/**
 * The saved view the view on screen is: the first whose view (year, filters, trace, title …) is the same,
 * wherever the camera has moved since; null when none is. Names the files an export saves.
 */
export function savedViewShown(list: readonly SavedView[], state: ViewState, defaultYear?: number): SavedView | null {
  const key = (s: ViewState) => {
    const { camera: _camera, ...rest } = viewDiff({ ...s, hover: null }, defaultYear);
    return JSON.stringify(rest);
  };
  const own = key(state);
  return list.find((v) => v.state.datasetId === state.datasetId && key(v.state) === own) ?? null;
}
