// What IndexedDB gives back is checked like a file from elsewhere: another version of Reroute, an extension
// or a half-written transaction may have left anything there. A record that fails is set aside with a
// message, never fatal, and never read as if it were good.
import type { Dataset } from "../domain/types";
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
  const { dataset, issues } = validateDataset(o.dataset, "stored dataset");
  if (!dataset) return { ok: false, problem: `its data is damaged (${issues[0]?.message ?? "not a dataset"})` };
  if (dataset.id !== id) return { ok: false, problem: `it holds another dataset ("${dataset.id.slice(0, 80)}")` };
  return { ok: true, dataset, views: checkBundleViews(o.views, "stored dataset").views };
}
