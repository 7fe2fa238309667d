// Imported datasets kept in the browser (IndexedDB, raw API): a small "meta" record per dataset for the
// list, and the dataset JSON in a separate store so listing never reads the data itself.
import type { Dataset } from "../domain/types";
import type { BundleView } from "./bundle";

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
}

export const DATASET_DB_NAME = "reroute-datasets";
const DB_VERSION = 1;
const META = "meta";
const DATA = "data";

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
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("datasetStore: could not open the database"));
    open.onblocked = () => reject(new Error("the dataset database is blocked by another tab"));
  });
  return {
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
      const tx = db.transaction([META, DATA], "readwrite");
      // JSON text, not the object: one string is cheaper to clone than 100k small objects.
      tx.objectStore(DATA).put({ id: dataset.id, json: JSON.stringify({ dataset, views }) });
      tx.objectStore(META).put(meta);
      await done(tx);
      return meta;
    },
    async list() {
      const tx = db.transaction(META, "readonly");
      const all = (await request(tx.objectStore(META).getAll())) as StoredDatasetMeta[];
      return all.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async load(id) {
      const tx = db.transaction([META, DATA], "readonly");
      const [meta, data] = await Promise.all([
        request(tx.objectStore(META).get(id)) as Promise<StoredDatasetMeta | undefined>,
        request(tx.objectStore(DATA).get(id)) as Promise<{ id: string; json: string } | undefined>,
      ]);
      if (!meta || !data) return null;
      const parsed = JSON.parse(data.json) as { dataset: Dataset; views: BundleView[] };
      return { meta, dataset: parsed.dataset, views: parsed.views ?? [] };
    },
    async remove(id) {
      const tx = db.transaction([META, DATA], "readwrite");
      tx.objectStore(META).delete(id);
      tx.objectStore(DATA).delete(id);
      await done(tx);
    },
  };
}
