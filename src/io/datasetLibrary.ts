// The dataset library: the shipped dataset and every imported one, kept in IndexedDB (or for this session
// only when the browser refuses storage). A service created once by main.ts and handed to the panels that
// list, open, add and delete datasets, and to the address bar, which opens the data a link was made on.
import type { Dataset } from "../domain/types";
import type { BundleView } from "./bundle";
import {
  findMadeOn,
  isMadeOn,
  openDatasetStore,
  storageProblem,
  type DatasetStore,
  type MadeOn,
  type StoredDatasetMeta,
} from "./datasetStore";

/**
 * Resolves in a task after the next two animation frames (at once where there are no frames, as in Node):
 * the frame that shows new data is committed, and the one after it drawn, before the save's work.
 */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame === "undefined") return Promise.resolve();
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
}

export interface LibraryEntry {
  meta: StoredDatasetMeta;
  /** Loaded (or imported) this session. */
  dataset: Dataset | null;
  views: BundleView[];
  stored: boolean;
}

export interface DatasetLibrary {
  /** Resolves once the stored list has been read (or storage was found unavailable). */
  ready: Promise<void>;
  shipped: Dataset;
  /** Imported datasets, newest first. */
  entries(): LibraryEntry[];
  entry(id: string): LibraryEntry | undefined;
  /** What the storage is doing, in words ("3 imported dataset(s) kept in this browser."). */
  storageNote(): string;
  /** The dataset of an entry, read from storage when not loaded yet; rejects when it cannot be read. */
  load(id: string): Promise<Dataset>;
  /** After a confirmed import: keep the dataset (storage, or this session) and list it. */
  add(dataset: Dataset, format: string, views: readonly BundleView[]): Promise<void>;
  /** Deletes from storage; `keepOpen`: still on screen, so kept for this session. Rejects with a reason in words. */
  remove(id: string, keepOpen: boolean): Promise<void>;
  /** Views that came with a dataset (from a bundle). */
  viewsOf(id: string): BundleView[];
  /**
   * A link made on imported data: the dataset kept here that it was made on, or null when none is.
   * Rejects when it cannot be read.
   */
  findMadeOn(madeOn: MadeOn): Promise<{ dataset: Dataset; name: string } | null>;
  /** Called after any change of the list or the storage note. */
  onChange(listener: () => void): () => void;
}

function metaOf(dataset: Dataset, format: string, views: number): StoredDatasetMeta {
  return {
    id: dataset.id,
    name: dataset.name,
    savedAt: new Date().toISOString(),
    format,
    places: dataset.places.length,
    flows: dataset.flows.length,
    years: dataset.timeless ? [] : [...dataset.years], // data without time has no year to list
    views,
  };
}

/** `warn`: a problem to tell the user (storage refused a dataset). */
export function createDatasetLibrary(shipped: Dataset, warn: (text: string) => void): DatasetLibrary {
  const entries = new Map<string, LibraryEntry>();
  let store: DatasetStore | null = null;
  let note = "";
  /** Why storage is unavailable ("" while it is available). */
  let unavailable = "";
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of [...listeners]) l();
  };

  const ready = (async () => {
    try {
      store = await openDatasetStore();
      for (const meta of await store.list()) entries.set(meta.id, { meta, dataset: null, views: [], stored: true });
      note = entries.size > 0 ? `${entries.size} imported dataset(s) kept in this browser.` : "Imported datasets are kept in this browser.";
      // Records that could not be read were set aside by the store: say so, and carry on without them.
      if (store.setAside.length > 0) {
        note += ` ${store.setAside.join(" ")}`;
        warn(store.setAside.join(" "));
      }
    } catch (error) {
      store = null;
      unavailable = storageProblem(error);
      note = `Imported data cannot be kept in this browser (${unavailable}); imports work for this session only.`;
    }
    changed();
  })();

  const load = async (id: string): Promise<Dataset> => {
    const entry = entries.get(id);
    if (!entry) throw new Error("that dataset is not in the list");
    if (!entry.dataset) {
      let loaded;
      try {
        loaded = store ? await store.load(entry.meta.id) : null;
      } catch (error) {
        // Set aside by the store: it is no longer on the list.
        entries.delete(entry.meta.id);
        changed();
        throw new Error(`"${entry.meta.name}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (!loaded) throw new Error(`"${entry.meta.name}" is no longer stored in this browser`);
      entry.dataset = loaded.dataset;
      entry.views = loaded.views;
    }
    return entry.dataset;
  };

  return {
    ready,
    shipped,
    entries: () => [...entries.values()],
    entry: (id) => entries.get(id),
    storageNote: () => note,
    load,
    viewsOf: (id) => entries.get(id)?.views ?? [],
    async findMadeOn(madeOn) {
      await ready;
      const meta = findMadeOn(
        [...entries.values()].map((e) => e.meta),
        madeOn,
      );
      if (!meta) return null;
      const dataset = await load(meta.id);
      return isMadeOn(dataset, madeOn) ? { dataset, name: meta.name } : null;
    },
    async add(dataset, format, views) {
      await ready;
      const entry: LibraryEntry = { meta: metaOf(dataset, format, views.length), dataset, views: [...views], stored: false };
      // Newest first, as the stored list is.
      const others = [...entries].filter(([id]) => id !== dataset.id);
      entries.clear();
      entries.set(dataset.id, entry);
      for (const [id, other] of others) entries.set(id, other);
      if (!store) {
        warn(`"${dataset.name}" is kept only for this session: it cannot be stored in this browser (${unavailable}).`);
      } else {
        try {
          // Never in the task that applied the data: after its first frame is on screen.
          await afterNextFrame();
          entry.meta = await store.save(dataset, { format, views });
          entry.stored = true;
        } catch (error) {
          note = `This dataset could not be kept in this browser (${storageProblem(error)}); it is available for this session only.`;
          warn(note);
        }
      }
      changed();
    },
    async remove(id, keepOpen) {
      const entry = entries.get(id);
      if (!entry) return;
      try {
        if (entry.stored && store) await store.remove(id);
      } catch (error) {
        throw new Error(storageProblem(error), { cause: error });
      }
      // Still on screen: kept for this session rather than pulling the data from under the user.
      if (keepOpen) entry.stored = false;
      else entries.delete(id);
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
