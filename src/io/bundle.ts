// Reroute bundle: one JSON file holding a dataset and the views saved on it, so a piece of work opens
// anywhere. decodeBundle validates every field of a file from elsewhere and never evaluates anything.
import { contentHash } from "../domain/contentHash";
import type { Fact } from "../domain/facts";
import { MAX_VOLUME } from "../domain/volumeRange";
import { withSafePlaceIds } from "../domain/safeKeys";
import {
  BASES,
  PLACE_KINDS,
  RELIABILITIES,
  type Assumption,
  type ContextFigure,
  type Dataset,
  type DataIssue,
  type Flow,
  type Place,
  type PolicyEvent,
  type Source,
  flowId,
} from "../domain/types";

export const BUNDLE_FORMAT = "reroute-bundle";
export const BUNDLE_VERSION = 1;

/** A saved view as the bundle carries it: a name and a JSON-able view state (validated by whoever applies it). */
export interface BundleView {
  name: string;
  /** Shown under the title when the view is a presentation step. */
  caption?: string;
  state: unknown;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** ISO time the bundle was written. */
  exported: string;
  dataset: Dataset;
  views: BundleView[];
}

export type DecodedBundle = { ok: true; bundle: Bundle; warnings: DataIssue[] } | { ok: false; issues: DataIssue[] };

export function encodeBundle(dataset: Dataset, views: readonly BundleView[] = [], exported = new Date().toISOString()): string {
  const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exported, dataset, views: [...views] };
  return JSON.stringify(bundle, null, 1);
}

/** Whether a text claims to be a bundle (cheap: looks at the start only). */
export function looksLikeBundle(text: string): boolean {
  const start = text.slice(0, 2048).trimStart();
  return start.startsWith("{") && /"format"\s*:\s*"reroute-bundle"/.test(text.slice(0, 64 * 1024));
}

class Checker {
  issues: DataIssue[] = [];
  constructor(private readonly file: string) {}
  fail(path: string, message: string): void {
    if (this.issues.length < 200)
      this.issues.push({ severity: "error", file: this.file, line: 0, column: 0, message: `${path}: ${message}` });
  }
  object(value: unknown, path: string): Record<string, unknown> | null {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.fail(path, "should be an object");
      return null;
    }
    return value as Record<string, unknown>;
  }
  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, "should be a list");
      return [];
    }
    return value;
  }
  string(value: unknown, path: string): string {
    if (typeof value !== "string") {
      this.fail(path, "should be text");
      return "";
    }
    return value;
  }
  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
  }
  number(value: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.fail(path, "should be a finite number");
      return 0;
    }
    if (value < min || value > max) this.fail(path, `${value} is outside ${min}..${max}`);
    return value === 0 ? 0 : value; // -0 is 0
  }
  nullableNumber(value: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    return value === null ? null : this.number(value, path, min, max);
  }
  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `should be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
      return allowed[0] as T;
    }
    return value as T;
  }
}

function place(c: Checker, value: unknown, path: string): Place {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    name: c.string(o.name, `${path}.name`),
    kind: c.oneOf(o.kind, PLACE_KINDS, `${path}.kind`),
    country: c.string(o.country, `${path}.country`),
    lat: c.nullableNumber(o.lat, `${path}.lat`, -90, 90),
    lon: c.nullableNumber(o.lon, `${path}.lon`, -180, 180),
    lane: c.string(o.lane, `${path}.lane`),
    nativeName: c.string(o.nativeName, `${path}.nativeName`),
    note: c.string(o.note, `${path}.note`),
    ...(o.aggregate === true ? { aggregate: true } : {}),
  };
}

function flow(c: Checker, value: unknown, path: string): Flow {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    from: c.string(o.from, `${path}.from`),
    to: c.string(o.to, `${path}.to`),
    year: c.number(o.year, `${path}.year`, 1000, 9999),
    // Files written before the field was named for what it is (a volume in the dataset's unit) say "vehicles".
    volume:
      o.volume === undefined && o.vehicles !== undefined
        ? c.number(o.vehicles, `${path}.vehicles`, 0, MAX_VOLUME)
        : c.number(o.volume, `${path}.volume`, 0, MAX_VOLUME),
    usd: c.nullableNumber(o.usd, `${path}.usd`, 0, MAX_VOLUME),
    mode: c.string(o.mode, `${path}.mode`),
    basis: c.oneOf(o.basis, BASES, `${path}.basis`),
    facts: c.strings(o.facts, `${path}.facts`),
    sources: c.strings(o.sources, `${path}.sources`),
    formula: c.string(o.formula, `${path}.formula`),
    note: c.string(o.note, `${path}.note`),
  };
}

function source(c: Checker, value: unknown, path: string): Source {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    publisher: c.string(o.publisher, `${path}.publisher`),
    title: c.string(o.title, `${path}.title`),
    date: c.string(o.date, `${path}.date`),
    url: c.string(o.url, `${path}.url`),
    reliability: o.reliability === "" ? "" : c.oneOf(o.reliability, RELIABILITIES, `${path}.reliability`),
  };
}

function contextFigure(c: Checker, value: unknown, path: string): ContextFigure {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    place: c.string(o.place, `${path}.place`),
    from: c.string(o.from, `${path}.from`),
    to: c.string(o.to, `${path}.to`),
    year: c.number(o.year, `${path}.year`),
    reporter: c.string(o.reporter, `${path}.reporter`),
    period: c.string(o.period, `${path}.period`),
    measure: c.string(o.measure, `${path}.measure`),
    value: c.number(o.value, `${path}.value`),
    unit: c.string(o.unit, `${path}.unit`),
    facts: c.strings(o.facts, `${path}.facts`),
    sources: c.strings(o.sources, `${path}.sources`),
    note: c.string(o.note, `${path}.note`),
    ...(o.bound === undefined ? {} : { bound: c.oneOf(o.bound, ["upper", "lower", "none"] as const, `${path}.bound`) }),
    ...(o.formula === undefined ? {} : { formula: c.string(o.formula, `${path}.formula`) }),
  };
}

function fact(c: Checker, value: unknown, path: string): Fact {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    what: c.string(o.what, `${path}.what`),
    figure: c.string(o.figure, `${path}.figure`),
    unit: c.string(o.unit, `${path}.unit`),
    period: c.string(o.period, `${path}.period`),
    places: c.strings(o.places, `${path}.places`),
    sources: c.strings(o.sources, `${path}.sources`),
    quote: c.string(o.quote, `${path}.quote`),
    reliability: o.reliability === "" ? "" : c.oneOf(o.reliability, RELIABILITIES, `${path}.reliability`),
    citedAs: c.string(o.citedAs, `${path}.citedAs`),
  };
}

function policyEvent(c: Checker, value: unknown, path: string): PolicyEvent {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    date: c.string(o.date, `${path}.date`),
    year: c.number(o.year, `${path}.year`),
    title: c.string(o.title, `${path}.title`),
    summary: c.string(o.summary, `${path}.summary`),
    facts: c.strings(o.facts, `${path}.facts`),
    sources: c.strings(o.sources, `${path}.sources`),
  };
}

function assumption(c: Checker, value: unknown, path: string): Assumption {
  const o = c.object(value, path) ?? {};
  return {
    id: c.string(o.id, `${path}.id`),
    label: c.string(o.label, `${path}.label`),
    value: c.number(o.value, `${path}.value`),
    unit: c.string(o.unit, `${path}.unit`),
    min: c.number(o.min, `${path}.min`),
    max: c.number(o.max, `${path}.max`),
    reason: c.string(o.reason, `${path}.reason`),
    facts: c.strings(o.facts, `${path}.facts`),
  };
}

/** Checks a dataset from an untrusted JSON value field by field; returns a fresh object (unknown keys dropped). */
export function validateDataset(value: unknown, file = "bundle"): { dataset: Dataset | null; issues: DataIssue[] } {
  const c = new Checker(file);
  const o = c.object(value, "dataset");
  if (!o) return { dataset: null, issues: c.issues };
  const places = c.array(o.places, "dataset.places").map((p, i) => place(c, p, `dataset.places[${i}]`));
  const flows = c.array(o.flows, "dataset.flows").map((f, i) => flow(c, f, `dataset.flows[${i}]`));
  const dataset: Dataset = {
    id: c.string(o.id, "dataset.id"),
    name: c.string(o.name, "dataset.name"),
    places,
    flows,
    sources: c.array(o.sources ?? [], "dataset.sources").map((s, i) => source(c, s, `dataset.sources[${i}]`)),
    context: c.array(o.context ?? [], "dataset.context").map((x, i) => contextFigure(c, x, `dataset.context[${i}]`)),
    events: c.array(o.events ?? [], "dataset.events").map((x, i) => policyEvent(c, x, `dataset.events[${i}]`)),
    assumptions: c.array(o.assumptions ?? [], "dataset.assumptions").map((x, i) => assumption(c, x, `dataset.assumptions[${i}]`)),
    years: [...new Set(flows.map((f) => f.year))].sort((a, b) => a - b),
    hash: typeof o.hash === "string" && /^[0-9a-f]{1,64}$/i.test(o.hash) ? o.hash : "",
  };
  if (o.facts !== undefined) dataset.facts = c.array(o.facts, "dataset.facts").map((x, i) => fact(c, x, `dataset.facts[${i}]`));
  // The unit of the volumes: a short word shown after numbers (older bundles have none: vehicles).
  if (typeof o.unit === "string" && o.unit.trim() !== "") dataset.unit = o.unit.trim().slice(0, 40);
  // What the data is: without time (one placeholder year), undirected, unweighted (older bundles: none of these).
  if (o.timeless === true && dataset.years.length <= 1) dataset.timeless = true;
  if (o.undirected === true) dataset.undirected = true;
  if (o.unweighted === true) dataset.unweighted = true;
  // References: every flow joins two declared places; ids are unique.
  const ids = new Set<string>();
  places.forEach((p, i) => {
    if (p.id === "") c.fail(`dataset.places[${i}].id`, "is empty");
    else if (ids.has(p.id)) c.fail(`dataset.places[${i}].id`, `"${p.id}" is used by an earlier place`);
    ids.add(p.id);
  });
  const flowIds = new Set<string>();
  flows.forEach((f, i) => {
    if (!ids.has(f.from)) c.fail(`dataset.flows[${i}].from`, `"${f.from}" is not a place of the dataset`);
    if (!ids.has(f.to)) c.fail(`dataset.flows[${i}].to`, `"${f.to}" is not a place of the dataset`);
    if (f.id !== flowId(f.from, f.to, f.year, f.mode))
      c.fail(`dataset.flows[${i}].id`, `"${f.id}" should be "${flowId(f.from, f.to, f.year, f.mode)}"`);
    else if (flowIds.has(f.id)) c.fail(`dataset.flows[${i}].id`, `"${f.id}" is used by an earlier flow`);
    flowIds.add(f.id);
  });
  if (flows.length === 0 && c.issues.length === 0) c.fail("dataset.flows", "has no flow: nothing to draw");
  if (c.issues.length > 0) return { dataset: null, issues: c.issues };
  if (dataset.hash === "") dataset.hash = contentHash([JSON.stringify(places), JSON.stringify(flows)]);
  // Place ids are file data: "__proto__" or "constructor" is renamed before any graph sees it.
  return { dataset: withSafePlaceIds(dataset), issues: [] };
}

/** Most views a bundle brings (as many as Saved views keeps). */
export const MAX_BUNDLE_VIEWS = 200;
/** A view state is a small object: deeper nesting or more text is not a view Reroute wrote. */
export const MAX_VIEW_STATE_DEPTH = 12;
export const MAX_VIEW_STATE_CHARS = 200_000;

/** Depth of a JSON value, counted no deeper than `limit` + 1 (so a 5,000-deep value costs nothing). */
function depthOf(value: unknown, limit: number, depth = 0): number {
  if (value === null || typeof value !== "object") return depth;
  if (depth > limit) return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

/**
 * The views of a bundle (or of a stored dataset): each needs a name and a state object of reasonable depth
 * and size; at most MAX_BUNDLE_VIEWS are kept, the first ones. Anything left out is named in a warning.
 */
export function checkBundleViews(raw: unknown, file: string): { views: BundleView[]; warnings: DataIssue[] } {
  const warnings: DataIssue[] = [];
  const warn = (message: string) => warnings.length < 50 && warnings.push({ severity: "warning", file, line: 0, column: 0, message });
  const views: BundleView[] = [];
  if (raw === undefined) return { views, warnings };
  if (!Array.isArray(raw)) {
    warn("bundle.views is not a list: no view was read");
    return { views, warnings };
  }
  if (raw.length > MAX_BUNDLE_VIEWS)
    warn(`bundle.views holds ${raw.length} views; the first ${MAX_BUNDLE_VIEWS} were read (Saved views keeps at most ${MAX_BUNDLE_VIEWS})`);
  raw.slice(0, MAX_BUNDLE_VIEWS).forEach((v, i) => {
    const view = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    if (!view || typeof view.name !== "string" || view.state === null || typeof view.state !== "object" || Array.isArray(view.state)) {
      warn(`bundle.views[${i}]: needs a name and a state object; left out`);
      return;
    }
    if (depthOf(view.state, MAX_VIEW_STATE_DEPTH) > MAX_VIEW_STATE_DEPTH) {
      warn(`bundle.views[${i}] ("${view.name.slice(0, 40)}"): its state is nested deeper than a view can be; left out`);
      return;
    }
    if (JSON.stringify(view.state).length > MAX_VIEW_STATE_CHARS) {
      warn(`bundle.views[${i}] ("${view.name.slice(0, 40)}"): its state is larger than a view can be; left out`);
      return;
    }
    const name = view.name.slice(0, 200);
    views.push(
      typeof view.caption === "string" ? { name, caption: view.caption.slice(0, 2000), state: view.state } : { name, state: view.state },
    );
  });
  return { views, warnings };
}

/** Reads a bundle file's text: the dataset validated, the views kept as data (each needs a name and an object state). */
export function decodeBundle(text: string, file = "bundle.json"): DecodedBundle {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          severity: "error",
          file,
          line: 0,
          column: 0,
          message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
    };
  }
  const c = new Checker(file);
  const o = c.object(value, "bundle");
  if (!o) return { ok: false, issues: c.issues };
  if (o.format !== BUNDLE_FORMAT) c.fail("bundle.format", `should be "${BUNDLE_FORMAT}"`);
  const version = c.number(o.version, "bundle.version");
  if (Number.isFinite(version) && version > BUNDLE_VERSION)
    c.fail("bundle.version", `${version} is newer than this Reroute reads (${BUNDLE_VERSION})`);
  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  const { dataset, issues } = validateDataset(o.dataset, file);
  if (!dataset) return { ok: false, issues };
  const { views, warnings } = checkBundleViews(o.views, file);
  return {
    ok: true,
    bundle: { format: BUNDLE_FORMAT, version, exported: typeof o.exported === "string" ? o.exported : "", dataset, views },
    warnings,
  };
}
