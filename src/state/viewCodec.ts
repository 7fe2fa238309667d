// The view in a link: what differs from the defaults, validated field by field on the way back in.
// Pure (no DOM): encodeView/decodeView for the address bar, encodeStory/decodeStory for a whole story.
// Nothing read from a link is ever evaluated or used as markup; unknown keys are ignored with a warning.
import LZString from "lz-string";
import { BASES, PLACE_KINDS } from "../domain/types";
import { SHIPPED } from "./profile";
import {
  DEFAULT_FILTERS,
  DEFAULT_TRACE,
  DEFAULT_WEIGHTING,
  DEFAULT_YEAR,
  VIEW_STATE_VERSION,
  defaultViewState,
  type CameraState,
  type Filters,
  type Selection,
  type ViewState,
  type Weighting,
} from "./viewState";
import { analysisDiff, ANALYSIS_LINK_KEYS, readAnalysisFields } from "./viewCodecAnalysis";

/** What a link is checked against: the data the app has now. */
export interface LinkContext {
  datasetId: string;
  datasetHash: string;
  /** Year used when the link gives none. */
  defaultYear: number;
  years?: readonly number[];
  placeIds?: ReadonlySet<string>;
  flowIds?: ReadonlySet<string>;
  assumptionIds?: ReadonlySet<string>;
}

/** `madeOn`: the dataset the link was made on (its id, and the hash prefix it carries, "" when none). */
export type DecodeResult =
  | { ok: true; state: ViewState; warnings: string[]; madeOn: { datasetId: string; hash: string }; positions: number[] | null }
  | { ok: false; reason: string };

/** Said when a link was made on imported data that is neither open nor kept in this browser. */
export const IMPORTED_DATA_NEEDED =
  "This link was made on imported data (a file its author opened): you need that file. Open it with Import data and the link's view opens on it; until then the data open now is shown in its default view.";

/** Longest link text read (a story of many views may exceed it: the sharer is told to export the views instead). */
export const MAX_LINK = 20_000;
const MAX_TEXT = 200;
const MAX_LIST = 200;
const LAYOUTS = ["geo", "chain", "force"] as const;
const MEASURES = ["vehicles", "usd"] as const;
const SCALES = ["linear", "sqrt", "log"] as const;
const NODE_SIZES = ["throughput", "intake", "outflow"] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Diff = Record<string, Json>;

const round = (v: number, digits = 5) => Number(v.toFixed(digits));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of a state that differ from the defaults for its dataset, as plain JSON (no hover).
 * `defaultYear` is the year the app opens this dataset on (2024 for the shipped data).
 */
export function viewDiff(state: ViewState, defaultYear = DEFAULT_YEAR): Diff {
  const d = defaultViewState(state.datasetId, state.datasetHash, defaultYear);
  const out: Diff = {};
  if (state.year !== d.year) out.year = state.year;
  const weighting: Diff = {};
  for (const k of Object.keys(DEFAULT_WEIGHTING) as (keyof Weighting)[])
    if (state.weighting[k] !== d.weighting[k]) weighting[k] = state.weighting[k];
  if (Object.keys(weighting).length) out.weighting = weighting;
  const filters: Diff = {};
  for (const k of Object.keys(DEFAULT_FILTERS) as (keyof Filters)[])
    if (!same(state.filters[k], d.filters[k])) filters[k] = state.filters[k] as Json;
  if (Object.keys(filters).length) out.filters = filters;
  if (state.layout !== d.layout) out.layout = state.layout;
  if (state.flowBudget !== d.flowBudget) out.flowBudget = state.flowBudget;
  if (Object.keys(state.assumptions).length) out.assumptions = { ...state.assumptions };
  if (state.selection) out.selection = { ...state.selection };
  const trace: Diff = {};
  for (const k of Object.keys(DEFAULT_TRACE) as (keyof typeof DEFAULT_TRACE)[])
    if (state.trace[k] !== null) trace[k] = state.trace[k] as string | number;
  if (Object.keys(trace).length) out.trace = trace;
  if (state.camera) out.camera = [round(state.camera.x), round(state.camera.y), round(state.camera.ratio), round(state.camera.angle)];
  if (state.title) out.title = state.title;
  if (state.contextLayer) out.contextLayer = true;
  Object.assign(out, analysisDiff(state));
  return out;
}

/** The URL-hash form of a view: "" for the default view, else an lz-string payload. */
/**
 * `positions`: where a force layout run left the places ([x0, y0, x1, y1, …] in the dataset's place order),
 * which no setting reproduces; only with the force layout, rounded to 0.1 (a fraction of a pixel).
 */
export function encodeView(state: ViewState, defaultYear = DEFAULT_YEAR, positions?: readonly number[] | null): string {
  const diff = viewDiff(state, defaultYear);
  if (!Object.keys(diff).length) return "";
  const payload = payloadOf(state, diff);
  Object.assign(payload, positionsPayload(state, positions));
  return LZString.compressToEncodedURIComponent(JSON.stringify(payload));
}

/** Most numbers a link's force-layout positions may hold (5,000 places). */
export const MAX_LINK_POSITIONS = 10_000;

/** Version, dataset id (when not the shipped one) and a prefix of the data's hash, then the diff. */
function payloadOf(state: ViewState, diff: Diff): Diff {
  const payload: Diff = { v: VIEW_STATE_VERSION, ...diff };
  if (state.datasetId !== SHIPPED.id) payload.d = state.datasetId;
  if (state.datasetHash) payload.h = state.datasetHash.slice(0, 16);
  return payload;
}

/** Reads a view from its URL-hash form. Never throws. */
export function decodeView(text: string, ctx: LinkContext): DecodeResult {
  try {
    const parsed = unpack(text);
    if (!parsed.ok) return parsed;
    return viewFromJson(parsed.value, ctx);
  } catch (error) {
    return { ok: false, reason: `The link could not be read (${error instanceof Error ? error.message : "unknown error"}).` };
  }
}

function unpack(text: string): { ok: true; value: Json } | { ok: false; reason: string } {
  if (typeof text !== "string" || !text) return { ok: false, reason: "The link holds no view." };
  if (text.length > MAX_LINK) return { ok: false, reason: `The link is too long (${text.length} characters).` };
  if (!/^[A-Za-z0-9+\-$_.!~*'()]*$/.test(text))
    return { ok: false, reason: "The link holds characters a Reroute link never has; it may have been cut or edited." };
  const json = LZString.decompressFromEncodedURIComponent(text);
  if (!json) return { ok: false, reason: "The link's view data is damaged or cut short; it may have been truncated when copied." };
  try {
    return { ok: true, value: JSON.parse(json) as Json };
  } catch {
    return { ok: false, reason: "The link's view data is damaged (not valid JSON); it may have been truncated or edited." };
  }
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, Json>, k: string): Json | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * Migrations. Version 1 is the foundation's view state, from before the flow budget: its links had no
 * `flowBudget` (the budget did not exist, so every flow was drawn) and stored the camera as an object
 * {x, y, ratio, angle}. Version 2 adds the budget and packs the camera as [x, y, ratio, angle].
 */
export function migrate(payload: Record<string, Json>): { payload: Record<string, Json>; warnings: string[] } {
  const version = own(payload, "v");
  if (version === 1) {
    const next: Record<string, Json> = { ...payload, v: 2 };
    const cam = own(payload, "camera");
    if (isObject(cam)) next.camera = [cam.x ?? null, cam.y ?? null, cam.ratio ?? null, cam.angle ?? 0] as Json;
    if (own(payload, "flowBudget") === undefined) next.flowBudget = null;
    return { payload: next, warnings: ["The link was made by an older version of Reroute; it was updated."] };
  }
  return { payload, warnings: [] };
}

/** Validates a decoded payload into a full view state. */
export function viewFromJson(value: Json, ctx: LinkContext): DecodeResult {
  if (!isObject(value)) return { ok: false, reason: "The link's view data is not an object." };
  const version = own(value, "v");
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return { ok: false, reason: "The link has no valid version number." };
  if (version > VIEW_STATE_VERSION)
    return {
      ok: false,
      reason: `The link was made by a newer version of Reroute (view version ${version}; this one reads up to ${VIEW_STATE_VERSION}). Open it in the newer version.`,
    };
  const { payload, warnings } = migrate(value);
  const state = defaultViewState(ctx.datasetId, ctx.datasetHash, ctx.defaultYear);
  const known = new Set([
    "v",
    "d",
    "h",
    "p",
    "year",
    "weighting",
    "filters",
    "layout",
    "flowBudget",
    "assumptions",
    "selection",
    "trace",
    "camera",
    "title",
    "contextLayer",
    ...ANALYSIS_LINK_KEYS,
  ]);
  for (const k of Object.keys(payload)) if (!known.has(k)) warnings.push(`Ignored an unknown part of the link ("${k.slice(0, 30)}").`);

  const d = own(payload, "d");
  const linkDataset = typeof d === "string" ? d.slice(0, MAX_TEXT) : SHIPPED.id;
  if (linkDataset !== ctx.datasetId) {
    warnings.push(
      linkDataset.startsWith("local:")
        ? IMPORTED_DATA_NEEDED
        : `The link was made on another dataset ("${linkDataset}"). Showing it on the data open now.`,
    );
  } else {
    const h = own(payload, "h");
    if (typeof h === "string" && ctx.datasetHash && !ctx.datasetHash.startsWith(h)) {
      warnings.push("The link was made on another version of the data: figures may differ from what its author saw.");
    }
  }

  const year = own(payload, "year");
  if (year !== undefined) {
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 2100) return fail("year", "is not a year");
    if (ctx.years && ctx.years.length && !ctx.years.includes(year)) warnings.push(`The data has no flows for ${year}.`);
    state.year = year;
  }

  const w = own(payload, "weighting");
  if (w !== undefined) {
    if (!isObject(w)) return fail("weighting", "is not an object");
    const measure = own(w, "measure"),
      scale = own(w, "scale"),
      nodeSizeBy = own(w, "nodeSizeBy"),
      perYearScale = own(w, "perYearScale");
    const minWidth = own(w, "minWidth"),
      maxWidth = own(w, "maxWidth");
    if (measure !== undefined) {
      if (!oneOf(measure, MEASURES)) return fail("weighting.measure", "is not vehicles or usd");
      state.weighting.measure = measure;
    }
    if (scale !== undefined) {
      if (!oneOf(scale, SCALES)) return fail("weighting.scale", "is not linear, sqrt or log");
      state.weighting.scale = scale;
    }
    if (nodeSizeBy !== undefined) {
      if (!oneOf(nodeSizeBy, NODE_SIZES)) return fail("weighting.nodeSizeBy", "is not a known choice");
      state.weighting.nodeSizeBy = nodeSizeBy;
    }
    if (perYearScale !== undefined) {
      if (typeof perYearScale !== "boolean") return fail("weighting.perYearScale", "is not true or false");
      state.weighting.perYearScale = perYearScale;
    }
    if (minWidth !== undefined) {
      if (!num(minWidth, 0, 100)) return fail("weighting.minWidth", "is not a width between 0 and 100");
      state.weighting.minWidth = minWidth;
    }
    if (maxWidth !== undefined) {
      if (!num(maxWidth, 0, 200)) return fail("weighting.maxWidth", "is not a width between 0 and 200");
      state.weighting.maxWidth = maxWidth;
    }
    if (state.weighting.maxWidth < state.weighting.minWidth) return fail("weighting", "has a maximum width below its minimum");
  }

  const f = own(payload, "filters");
  if (f !== undefined) {
    if (!isObject(f)) return fail("filters", "is not an object");
    const minVolume = own(f, "minVolume"),
      topN = own(f, "topN");
    if (minVolume !== undefined) {
      if (!num(minVolume, 0, 1e15)) return fail("filters.minVolume", "is not a volume");
      state.filters.minVolume = minVolume;
    }
    if (topN !== undefined) {
      if (topN !== null && !(num(topN, 0, 1e9) && Number.isInteger(topN))) return fail("filters.topN", "is not a whole number");
      state.filters.topN = topN;
    }
    const lists: [keyof Filters, readonly string[] | null][] = [
      ["hiddenLanes", null],
      ["hiddenKinds", PLACE_KINDS],
      ["hiddenModes", null],
      ["hiddenBases", BASES],
      ["hiddenRegions", null],
    ];
    for (const [key, allowed] of lists) {
      const list = own(f, key);
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length > MAX_LIST || !list.every((x) => typeof x === "string" && x.length <= MAX_TEXT))
        return fail(`filters.${key}`, "is not a list of names");
      if (allowed && !list.every((x) => allowed.includes(x as string))) return fail(`filters.${key}`, "names something unknown");
      (state.filters[key] as string[]) = [...new Set(list as string[])];
    }
  }

  const layout = own(payload, "layout");
  if (layout !== undefined) {
    if (!oneOf(layout, LAYOUTS)) return fail("layout", "is not geo, chain or force");
    state.layout = layout;
  }

  const budget = own(payload, "flowBudget");
  if (budget !== undefined) {
    if (budget !== null && !(num(budget, 1, 1e7) && Number.isInteger(budget))) return fail("flowBudget", "is not a whole number of flows");
    state.flowBudget = budget;
  }

  const a = own(payload, "assumptions");
  if (a !== undefined) {
    if (!isObject(a)) return fail("assumptions", "is not an object");
    const entries = Object.keys(a);
    if (entries.length > MAX_LIST) return fail("assumptions", "has too many entries");
    const out: Record<string, number> = {};
    for (const k of entries) {
      const v = own(a, k);
      if (k.length > MAX_TEXT || !num(v, -1e15, 1e15)) return fail(`assumptions.${k.slice(0, 30)}`, "is not a number");
      if (k === "__proto__" || k === "constructor" || k === "prototype" || (ctx.assumptionIds && !ctx.assumptionIds.has(k))) {
        warnings.push(`Ignored an edit of an assumption this data does not have ("${k.slice(0, 40)}").`);
        continue;
      }
      out[k] = v;
    }
    state.assumptions = out;
  }

  const sel = own(payload, "selection");
  if (sel !== undefined && sel !== null) {
    if (!isObject(sel)) return fail("selection", "is not an object");
    const type = own(sel, "type"),
      id = own(sel, "id");
    if (!(type === "node" || type === "edge") || typeof id !== "string" || id.length > MAX_TEXT)
      return fail("selection", "is not a place or flow");
    const exists = type === "node" ? (ctx.placeIds?.has(id) ?? true) : (ctx.flowIds?.has(id) ?? true);
    if (exists) state.selection = { type, id } as Selection;
    else warnings.push(`The selected ${type === "node" ? "place" : "flow"} is not in the data open now.`);
  }

  const t = own(payload, "trace");
  if (t !== undefined) {
    if (!isObject(t)) return fail("trace", "is not an object");
    for (const key of ["origin", "destination", "through"] as const) {
      const v = own(t, key);
      if (v === undefined || v === null) continue;
      if (typeof v !== "string" || v.length > MAX_TEXT) return fail(`trace.${key}`, "is not a place id");
      if (ctx.placeIds && !ctx.placeIds.has(v)) {
        warnings.push(`The traced place "${v.slice(0, 40)}" is not in the data open now.`);
        continue;
      }
      state.trace[key] = v;
    }
    const chain = own(t, "chain");
    if (chain !== undefined && chain !== null) {
      if (!(num(chain, 0, 1000) && Number.isInteger(chain))) return fail("trace.chain", "is not a chain number");
      state.trace.chain = chain;
    }
  }

  const cam = own(payload, "camera");
  if (cam !== undefined && cam !== null) {
    if (!Array.isArray(cam) || cam.length !== 4) return fail("camera", "is not [x, y, ratio, angle]");
    const [x, y, ratio, angle] = cam;
    if (!num(x, -1e4, 1e4) || !num(y, -1e4, 1e4) || !num(ratio, 1e-4, 1e3) || !num(angle, -100, 100))
      return fail("camera", "has numbers out of range");
    state.camera = { x, y, ratio, angle } satisfies CameraState;
  }

  const title = own(payload, "title");
  if (title !== undefined) {
    if (typeof title !== "string" || title.length > MAX_TEXT) return fail("title", "is not a short text");
    state.title = stripControls(title);
  }
  const contextOn = own(payload, "contextLayer");
  if (contextOn !== undefined) {
    if (typeof contextOn !== "boolean") return fail("contextLayer", "is not true or false");
    state.contextLayer = contextOn;
  }
  const analysisProblem = readAnalysisFields(payload, state, ctx, warnings);
  if (analysisProblem) return { ok: false, reason: analysisProblem };
  const p = own(payload, "p");
  let positions: number[] | null = null;
  if (p !== undefined && p !== null) {
    if (!Array.isArray(p) || p.length % 2 !== 0 || p.length > MAX_LINK_POSITIONS || !p.every((v) => num(v, -1e7, 1e7)))
      return fail("positions", "are not pairs of coordinates");
    if (state.layout === "force") positions = p as number[];
  }
  const linkHash = own(payload, "h");
  return {
    ok: true,
    state,
    warnings,
    madeOn: { datasetId: linkDataset, hash: typeof linkHash === "string" ? linkHash.slice(0, 64) : "" },
    positions,
  };

  function fail(field: string, what: string): DecodeResult {
    return { ok: false, reason: `The link's ${field} ${what}; it may have been edited or damaged.` };
  }
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v);
}

function num(v: unknown, min: number, max: number): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
}

function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, "");
}

/** A story: saved views in order, each with a title and caption. */
export interface StoryStep {
  title: string;
  caption: string;
  state: ViewState;
  /** Where a force layout run left the places ([x0, y0, …] in place order); absent otherwise. */
  positions?: number[] | null;
}

/** The payload's `p`: force-layout positions rounded to 0.1, or nothing (only with the force layout). */
export function positionsPayload(state: ViewState, positions: readonly number[] | null | undefined): { p?: number[] } {
  return positions && state.layout === "force" ? { p: positions.map((v) => Math.round(v * 10) / 10) } : {};
}

export function encodeStory(steps: StoryStep[], defaultYear = DEFAULT_YEAR): string {
  const payload = {
    v: VIEW_STATE_VERSION,
    steps: steps.map((s) => ({
      t: s.title,
      c: s.caption,
      s: { ...payloadOf(s.state, viewDiff(s.state, defaultYear)), ...positionsPayload(s.state, s.positions) },
    })),
  };
  return LZString.compressToEncodedURIComponent(JSON.stringify(payload));
}

export function decodeStory(
  text: string,
  ctx: LinkContext,
): { ok: true; steps: StoryStep[]; warnings: string[] } | { ok: false; reason: string } {
  try {
    const parsed = unpack(text);
    if (!parsed.ok) return parsed;
    const value = parsed.value;
    if (!isObject(value) || !Array.isArray(value.steps)) return { ok: false, reason: "The story link holds no steps." };
    if (value.steps.length > 100) return { ok: false, reason: "The story link has too many steps." };
    const steps: StoryStep[] = [];
    const warnings = new Set<string>();
    for (const [i, raw] of value.steps.entries()) {
      if (!isObject(raw)) return { ok: false, reason: `Step ${i + 1} of the story is damaged.` };
      const title = own(raw, "t"),
        caption = own(raw, "c");
      if (typeof title !== "string" || typeof caption !== "string" || title.length > MAX_TEXT || caption.length > 2000) {
        return { ok: false, reason: `Step ${i + 1} of the story has no readable title or caption.` };
      }
      const r = viewFromJson(own(raw, "s") ?? null, ctx);
      if (!r.ok) return { ok: false, reason: `Step ${i + 1}: ${r.reason}` };
      r.warnings.forEach((w) => warnings.add(w));
      steps.push({ title: stripControls(title), caption: stripControls(caption), state: r.state, positions: r.positions });
    }
    if (!steps.length) return { ok: false, reason: "The story link has no steps." };
    return { ok: true, steps, warnings: [...warnings] };
  } catch (error) {
    return { ok: false, reason: `The story link could not be read (${error instanceof Error ? error.message : "unknown error"}).` };
  }
}
