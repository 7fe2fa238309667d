// What IndexedDB gives back is checked like a file from elsewhere: another version of Reroute, an extension
// or a half-written transaction may have left anything there. A record that fails is set aside with a
// message, never fatal, and never read as if it were good.
import { keepFlowColumns, materialiseFlows, type FlowColumns } from "../domain/flowColumns";
import { BASES, type Dataset } from "../domain/types";
import { MAX_VOLUME } from "../domain/volumeRange";
import { checkBundleViews, validateDataset, type BundleView } from "./bundle";

export interface StoredDatasetMeta {
  id: string;
  name: string;
  /** ISO time of the import. */
  savedAt: string;
  format: string;
  places: number;
  flows: number;
  years: number[];
  views: number;
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** The meta record if every field has the type the list needs; else why not (and the id, when there is one). */
export function checkStoredMeta(value: unknown): { ok: true; meta: StoredDatasetMeta } | { ok: false; id: string | null; problem: string } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, id: null, problem: "not a record" };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === "string" && o.id !== "" ? o.id : null;
  const bad = (problem: string) => ({ ok: false as const, id, problem });
  if (id === null) return bad("it has no id");
  if (typeof o.name !== "string") return bad("its name is not text");
  if (typeof o.savedAt !== "string" || Number.isNaN(Date.parse(o.savedAt))) return bad("its save time is not a date");
  if (typeof o.format !== "string") return bad("its format is not text");
  if (!isCount(o.places) || !isCount(o.flows) || !isCount(o.views)) return bad("its counts are not whole numbers");
  if (!Array.isArray(o.years) || !o.years.every((y) => typeof y === "number" && Number.isInteger(y)))
    return bad("its years are not a list of years");
  return {
    ok: true,
    meta: {
      id,
      name: o.name.slice(0, 300),
      savedAt: new Date(Date.parse(o.savedAt)).toISOString(),
      format: o.format.slice(0, 200),
      places: o.places,
      flows: o.flows,
      years: [...(o.years as number[])],
      views: o.views,
    },
  };
}

/** The stored dataset JSON, parsed and validated as a bundle's dataset is; else why it cannot be used. */
export function readStoredData(
  id: string,
  record: unknown,
): { ok: true; dataset: Dataset; views: BundleView[] } | { ok: false; problem: string } {
  const json = record !== null && typeof record === "object" ? (record as { json?: unknown }).json : undefined;
  if (typeof json !== "string") return { ok: false, problem: "its data is missing" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `its data is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (parsed === null || typeof parsed !== "object") return { ok: false, problem: "its data is not a record" };
  const o = parsed as { dataset?: unknown; views?: unknown };
  // Flows kept as columns (a Reroute CSV import): checked as columns, then as Flow objects with the rest.
  const packed = (record as { flowColumns?: unknown }).flowColumns;
  let columns: FlowColumns | null = null;
  if (packed !== undefined) {
    const raw = o.dataset as { places?: unknown; flows?: unknown } | null;
    const places = raw !== null && typeof raw === "object" ? raw.places : undefined;
    if (
      !Array.isArray(places) ||
      !places.every((p) => p !== null && typeof p === "object" && typeof (p as { id?: unknown }).id === "string")
    )
      return { ok: false, problem: "its places are damaged" };
    const checked = checkStoredFlowColumns(packed, places.length);
    if (typeof checked === "string") return { ok: false, problem: `its flow columns are damaged (${checked})` };
    columns = checked;
    raw!.flows = materialiseFlows(columns, places as { id: string }[] as Dataset["places"]);
  }
  const { dataset, issues } = validateDataset(o.dataset, "stored dataset");
  if (!dataset) return { ok: false, problem: `its data is damaged (${issues[0]?.message ?? "not a dataset"})` };
  if (dataset.id !== id) return { ok: false, problem: `it holds another dataset ("${dataset.id.slice(0, 80)}")` };
  // The columns still describe the checked flows (same places, by index): a later save stays compact.
  if (columns) keepFlowColumns(dataset.flows, columns, dataset.places);
  return { ok: true, dataset, views: checkBundleViews(o.views, "stored dataset").views };
}

const ARRAY_TYPES = {
  from: Uint32Array,
  to: Uint32Array,
  year: Uint16Array,
  volume: Float64Array,
  usd: Float64Array,
  mode: Uint16Array,
  basis: Uint8Array,
  facts: Uint32Array,
  sources: Uint32Array,
  formula: Uint32Array,
  note: Uint32Array,
} as const;

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * Stored flow columns (packFlowColumns' form) when every array has its type and length and every index and
 * value is in range (places by index below `places`, volumes finite within 0..MAX_VOLUME); else what is wrong.
 */
export function checkStoredFlowColumns(value: unknown, places: number): FlowColumns | string {
  if (value === null || typeof value !== "object") return "not a record";
  const { arrays, tables } = value as { arrays?: unknown; tables?: unknown };
  if (arrays === null || typeof arrays !== "object" || typeof tables !== "string") return "arrays or tables missing";
  // Columns stored before flows had a volume call the array "vehicles".
  const stored = arrays as Record<string, unknown>;
  const a = stored.volume === undefined && stored.vehicles !== undefined ? { ...stored, volume: stored.vehicles } : stored;
  const length = a.length;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 0) return "no flow count";
  for (const [name, type] of Object.entries(ARRAY_TYPES)) {
    const array = a[name];
    if (!(array instanceof type) || array.length !== length) return `${name} is not a list of ${length} numbers`;
  }
  let t: unknown;
  try {
    t = JSON.parse(tables);
  } catch {
    return "tables are not JSON";
  }
  const { modes, lists, texts } = (t ?? {}) as { modes?: unknown; lists?: unknown; texts?: unknown };
  if (!isStrings(modes) || !isStrings(texts) || !Array.isArray(lists) || !lists.every(isStrings)) return "tables are not text";
  const c = a as unknown as Omit<FlowColumns, "modes" | "lists" | "texts">;
  for (let i = 0; i < length; i++) {
    const volume = c.volume[i]!;
    const usd = c.usd[i]!;
    if (c.from[i]! >= places || c.to[i]! >= places) return `flow ${i + 1} names a place that is not there`;
    if (c.year[i]! < 1000 || c.year[i]! > 9999) return `flow ${i + 1} has no year`;
    if (!(volume >= 0 && volume <= MAX_VOLUME)) return `flow ${i + 1} has a volume out of range`;
    if (!Number.isNaN(usd) && !(usd >= 0 && usd <= MAX_VOLUME)) return `flow ${i + 1} has a value out of range`;
    if (c.mode[i]! >= modes.length || c.basis[i]! >= BASES.length) return `flow ${i + 1} has an unknown mode or basis`;
    if (c.facts[i]! >= lists.length || c.sources[i]! >= lists.length || c.formula[i]! >= texts.length || c.note[i]! >= texts.length)
      return `flow ${i + 1} points past its text tables`;
  }
  return { ...c, length, modes, lists: lists.map((list) => Object.freeze(list) as string[]), texts };
}
