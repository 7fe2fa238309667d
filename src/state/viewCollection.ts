// Saved views: a named, ordered list of views (the steps of a story), and the JSON file that carries them
// between browsers. Pure: list operations return new lists; reading a file validates every view.
import { viewDiff, viewFromJson, type LinkContext } from "./viewLink";
import { VIEW_STATE_VERSION, type ViewState } from "./viewState";

export interface SavedView {
  id: string;
  /** Shown as the step's title in presentation mode. */
  name: string;
  caption: string;
  savedAt: string;
  state: ViewState;
}

export const VIEWS_FILE_FORMAT = "reroute-views";
const MAX_VIEWS = 200;

export function addView(list: SavedView[], view: SavedView): SavedView[] {
  return [...list, view];
}

export function updateView(list: SavedView[], id: string, patch: Partial<Pick<SavedView, "name" | "caption" | "state">>): SavedView[] {
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
        view: { v: VIEW_STATE_VERSION, d: v.state.datasetId, h: v.state.datasetHash.slice(0, 16), ...viewDiff(v.state, defaultYear) },
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
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, reason: "The file is not a Reroute saved-views file." };
  const o = data as Record<string, unknown>;
  if (o.format !== VIEWS_FILE_FORMAT) return { ok: false, reason: `The file is not a Reroute saved-views file (format "${String(o.format).slice(0, 40)}").` };
  if (typeof o.version !== "number" || o.version > 1) return { ok: false, reason: "The saved-views file was written by a newer version of Reroute." };
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
    views.push({ id: newId(), name: r.name, caption, savedAt: typeof r.savedAt === "string" ? r.savedAt.slice(0, 40) : "", state: decoded.state });
  });
  return { ok: true, views, problems };
}
