// Imported datasets kept in the browser (IndexedDB, raw API): a small "meta" record per dataset for the
// list, and the dataset JSON in a separate store so listing never reads the data itself.
// Records are validated on the way out (storedRecords.ts); one that fails is moved to the "unreadable" store
// (set aside, never deleted, never overwritten) and named in `setAside`.
import { keptFlowColumns, packFlowColumns } from "../domain/flowColumns";
import type { Dataset } from "../domain/types";
import type { BundleView } from "./bundle";
import { checkStoredMeta, readStoredData, type StoredDatasetMeta } from "./storedRecords";

export type { StoredDatasetMeta } from "./storedRecords";

export interface StoredDataset {
  meta: StoredDatasetMeta;
  dataset: Dataset;
  views: BundleView[];
}

export interface DatasetStore {
  save(dataset: Dataset, info: { format: string; views?: readonly BundleView[]; savedAt?: string }): Promise<StoredDatasetMeta>;
  /** Newest first. */
  list(): Promise<StoredDatasetMeta[]>;
  load(id: string): Promise<StoredDataset | null>;
  remove(id: string): Promise<void>;
  /** Messages about records that could not be read and were set aside (by list or load), oldest first. */
  readonly setAside: string[];
}

export const DATASET_DB_NAME = "reroute-datasets";
const DB_VERSION = 2;
const META = "meta";
const DATA = "data";
/** Records that could not be read, kept as they were under "<id> <time>" so nothing is lost. */
const UNREADABLE = "unreadable";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("datasetStore: request failed"));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("datasetStore: transaction aborted"));
    tx.onerror = () => reject(tx.error ?? new Error("datasetStore: transaction failed"));
  });
}

/** What a link says about the data it was made on (see DecodeResult's `madeOn`). */
export interface MadeOn {
  datasetId: string;
  /** A prefix of the dataset's content hash; "" when the link carries none. */
  hash: string;
}

/** Whether a dataset is the one a link was made on: the same id, and its content hash starts with the link's. */
export function isMadeOn(dataset: { id: string; hash: string }, madeOn: MadeOn): boolean {
  return dataset.id === madeOn.datasetId && dataset.hash.startsWith(madeOn.hash);
}

/**
 * Of the datasets kept in the browser, the one a link was made on (null when none is). Imported data's id is
 * "local:<content hash>", so the id already says which content it holds; the loaded data is checked again.
 */
export function findMadeOn<M extends { id: string }>(kept: Iterable<M>, madeOn: MadeOn): M | null {
  if (!madeOn.datasetId.startsWith("local:")) return null;
  for (const meta of kept) if (meta.id === madeOn.datasetId) return meta;
  return null;
}

/** Words for a storage failure a user can act on (quota, private mode, blocked). */
export function storageProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return "the browser's storage for this site is full";
  if (name === "InvalidStateError" || name === "SecurityError")
    return "this browser does not allow storage here (private window or blocked site data)";
  return error instanceof Error ? error.message : String(error);
}

/** Opens (creating if needed) the dataset database; rejects when IndexedDB is missing or refused. */
export async function openDatasetStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DATASET_DB_NAME,
): Promise<DatasetStore> {
  if (!factory) throw new Error("IndexedDB is not available in this browser");
  const open = factory.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: "id" });
    if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA, { keyPath: "id" });
    if (!db.objectStoreNames.contains(UNREADABLE)) db.createObjectStore(UNREADABLE);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("datasetStore: could not open the database"));
    open.onblocked = () => reject(new Error("the dataset database is blocked by another tab"));
  });
  const setAside: string[] = [];
  /** Moves a record that cannot be read out of the way (meta and data together), keeping its bytes. */
  const putAside = async (key: IDBValidKey, label: string, problem: string): Promise<void> => {
    setAside.push(`A stored dataset (${label}) could not be read and was set aside: ${problem}.`);
    try {
      const tx = db.transaction([META, DATA, UNREADABLE], "readwrite");
      const meta = tx.objectStore(META);
      const data = tx.objectStore(DATA);
      const [m, d] = await Promise.all([request(meta.get(key)), request(data.get(key))]);
      tx.objectStore(UNREADABLE).put({ meta: m ?? null, data: d ?? null, problem }, `${String(key)} ${new Date().toISOString()}`);
      meta.delete(key);
      data.delete(key);
      await done(tx);
    } catch {
      // Left where it is: the list skips it again next time.
    }
  };
  return {
    setAside,
    async save(dataset, info) {
      const views = [...(info.views ?? [])];
      const meta: StoredDatasetMeta = {
        id: dataset.id,
        name: dataset.name,
        savedAt: info.savedAt ?? new Date().toISOString(),
        format: info.format,
        places: dataset.places.length,
        flows: dataset.flows.length,
        years: dataset.timeless ? [] : [...dataset.years],
        views: views.length,
      };
      // Compact: flows read from Reroute CSV are kept as the typed columns they were read into (cloned by
      // IndexedDB as whole buffers) and their string tables as one JSON text; the rest as JSON text too
      // (one string is cheaper to clone than 100k small objects).
      const columns = keptFlowColumns(dataset.flows, dataset.places);
      const record = columns
        ? { id: dataset.id, json: JSON.stringify({ dataset: { ...dataset, flows: [] }, views }), flowColumns: packFlowColumns(columns) }
        : { id: dataset.id, json: JSON.stringify({ dataset, views }) };
      const tx = db.transaction([META, DATA], "readwrite");
      tx.objectStore(DATA).put(record);
      tx.objectStore(META).put(meta);
      await done(tx);
      return meta;
    },
    async list() {
      const tx = db.transaction(META, "readonly");
      const [keys, records] = await Promise.all([request(tx.objectStore(META).getAllKeys()), request(tx.objectStore(META).getAll())]);
      const good: StoredDatasetMeta[] = [];
      for (let i = 0; i < records.length; i++) {
        const checked = checkStoredMeta(records[i]);
        if (checked.ok) good.push(checked.meta);
        else
          await putAside(keys[i] as IDBValidKey, checked.id === null ? "without an id" : `"${checked.id.slice(0, 80)}"`, checked.problem);
      }
      return good.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async load(id) {
      const tx = db.transaction([META, DATA], "readonly");
      const [rawMeta, data] = await Promise.all([request(tx.objectStore(META).get(id)), request(tx.objectStore(DATA).get(id))]);
      if (rawMeta === undefined || data === undefined) return null;
      const meta = checkStoredMeta(rawMeta);
      const read = meta.ok ? readStoredData(id, data) : { ok: false as const, problem: meta.problem };
      if (!meta.ok || !read.ok) {
        const problem = read.ok ? "" : read.problem;
        await putAside(id, `"${id.slice(0, 80)}"`, problem);
        throw new Error(`the stored copy could not be read (${problem}); it was set aside`);
      }
      return { meta: meta.meta, dataset: read.dataset, views: read.views };
    },
    async remove(id) {
      const tx = db.transaction([META, DATA], "readwrite");
      tx.objectStore(META).delete(id);
      tx.objectStore(DATA).delete(id);
      await done(tx);
    },
  };
}
