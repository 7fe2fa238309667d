// The "Datasets" panel section: the shipped dataset and every imported one (kept in IndexedDB, or for this
// session only when the browser refuses storage), to switch between and to delete.
import type { Dataset } from "../domain/types";
import type { BundleView } from "../io/bundle";
import {
  findMadeOn,
  isMadeOn,
  openDatasetStore,
  storageProblem,
  type DatasetStore,
  type MadeOn,
  type StoredDatasetMeta,
} from "../io/datasetStore";
import type { App } from "./app";
import { clear, el } from "./dom";
import { importFrameRatio } from "./importSummary";

export interface DatasetLibrary {
  /** After a confirmed import: keep the dataset (storage, or this session) and list it. */
  add(dataset: Dataset, format: string, views: readonly BundleView[]): Promise<void>;
  /** Views that came with a dataset (from a bundle). */
  viewsOf(id: string): BundleView[];
  /**
   * A link made on imported data: when a dataset kept here is the one it was made on, open it (as choosing it
   * under Datasets does) and resolve to its name; null when none is. Rejects when it cannot be read.
   */
  openMadeOn(madeOn: MadeOn): Promise<string | null>;
  /** Resolves once the stored list has been read (or storage was found unavailable). */
  ready: Promise<void>;
}

interface Entry {
  meta: StoredDatasetMeta;
  /** Loaded (or imported) this session. */
  dataset: Dataset | null;
  views: BundleView[];
  stored: boolean;
}

const nf = new Intl.NumberFormat("en-GB");

function metaOf(dataset: Dataset, format: string, views: number): StoredDatasetMeta {
  return {
    id: dataset.id,
    name: dataset.name,
    savedAt: new Date().toISOString(),
    format,
    places: dataset.places.length,
    flows: dataset.flows.length,
    years: [...dataset.years],
    views,
  };
}

function describe(meta: StoredDatasetMeta): string {
  const years =
    meta.years.length === 0
      ? ""
      : meta.years.length === 1
        ? `, ${meta.years[0]}`
        : `, ${meta.years[0]}–${meta.years[meta.years.length - 1]}`;
  return `${nf.format(meta.places)} places, ${nf.format(meta.flows)} flows${years}`;
}

/**
 * Imported data on the map is framed when it covers a small part of the world, so flows between nearby
 * cities are not dots at world scale; world-wide data keeps the whole map.
 */
export function frameImportedData(app: App): void {
  if (app.store.get().layout !== "geo" || app.dataset().places.length === 0) return;
  void app.renderer.fitNodes([], false);
  const fitted = app.renderer.getCamera();
  const ratio = importFrameRatio(fitted.ratio);
  if (ratio !== null) void app.renderer.setCamera({ ...fitted, ratio }, false);
  else void app.renderer.resetCamera(false);
}

/** The library of the mounted Datasets section (null before it is mounted): the address bar opens links' data from it. */
let mounted: DatasetLibrary | null = null;
export function mountedLibrary(): DatasetLibrary | null {
  return mounted;
}

export function mountDatasets(app: App): DatasetLibrary {
  const shipped = app.dataset();
  const entries = new Map<string, Entry>();
  let store: DatasetStore | null = null;
  let storageNote = "";

  const body = app.panel.addSection("datasets", "Datasets", { open: false, order: 80 });
  const select = el("select", { id: "dataset-select" });
  const info = el("p", { class: "hint", "data-testid": "dataset-info" });
  const remove = el("button", { type: "button" }, "Delete imported dataset");
  const status = el("p", { class: "hint", role: "status", "data-testid": "dataset-storage" });
  body.append(
    el("div", { class: "import-field" }, el("label", { for: "dataset-select" }, "Shown dataset"), select),
    info,
    el("div", { class: "import-actions" }, remove),
    status,
  );

  const headerName = document.getElementById("dataset-name");
  // The page's own subtitle names the shipped data; imported data shows its file's name there.
  const shippedTitle = headerName?.textContent ?? shipped.name;
  // The notice under the header describes the shipped data only.
  const notice = document.getElementById("notice");
  const render = () => {
    const current = app.dataset().id;
    clear(select);
    select.append(el("option", { value: shipped.id }, `${shipped.name} (shipped)`));
    for (const entry of entries.values()) {
      const date = entry.meta.savedAt.slice(0, 10);
      select.append(
        el("option", { value: entry.meta.id }, `${entry.meta.name} — imported ${date}${entry.stored ? "" : " (this session only)"}`),
      );
    }
    select.value = current;
    const entry = entries.get(current);
    info.textContent = entry
      ? `${entry.meta.format}: ${describe(entry.meta)}${entry.views.length > 0 || entry.meta.views > 0 ? `; ${Math.max(entry.views.length, entry.meta.views)} saved view(s) came with it` : ""}.`
      : `Shipped with Reroute: ${nf.format(shipped.places.length)} places, ${nf.format(shipped.flows.length)} flows.`;
    remove.disabled = entry === undefined;
    status.textContent = storageNote;
  };

  const ready = (async () => {
    try {
      store = await openDatasetStore();
      for (const meta of await store.list()) entries.set(meta.id, { meta, dataset: null, views: [], stored: true });
      storageNote =
        entries.size > 0 ? `${entries.size} imported dataset(s) kept in this browser.` : "Imported datasets are kept in this browser.";
    } catch (error) {
      store = null;
      storageNote = `Imported data cannot be kept in this browser (${storageProblem(error)}); imports work for this session only.`;
    }
    render();
  })();

  const load = async (entry: Entry): Promise<Dataset> => {
    if (!entry.dataset) {
      const loaded = store ? await store.load(entry.meta.id) : null;
      if (!loaded) throw new Error(`"${entry.meta.name}" is no longer stored in this browser`);
      entry.dataset = loaded.dataset;
      entry.views = loaded.views;
    }
    return entry.dataset;
  };
  const open = (dataset: Dataset) => {
    app.setDataset(dataset);
    frameImportedData(app);
  };

  const show = async (id: string) => {
    if (id === app.dataset().id) return;
    if (id === shipped.id) return app.setDataset(shipped);
    const entry = entries.get(id);
    if (!entry) return;
    open(await load(entry));
  };

  const openMadeOn = async (madeOn: MadeOn): Promise<string | null> => {
    await ready;
    const meta = findMadeOn(
      [...entries.values()].map((e) => e.meta),
      madeOn,
    );
    const entry = meta ? entries.get(meta.id) : undefined;
    if (!entry) return null;
    const dataset = await load(entry);
    if (!isMadeOn(dataset, madeOn)) return null;
    if (dataset.id !== app.dataset().id) open(dataset);
    return entry.meta.name;
  };

  select.addEventListener("change", () => {
    const id = select.value;
    show(id).catch((error: unknown) => {
      app.messages.show(`Could not open that dataset: ${error instanceof Error ? error.message : String(error)}`, "error");
      render();
    });
  });

  remove.addEventListener("click", async () => {
    const id = select.value;
    const entry = entries.get(id);
    if (!entry) return;
    try {
      if (entry.stored && store) await store.remove(id);
    } catch (error) {
      app.messages.show(`Could not delete "${entry.meta.name}" from this browser: ${storageProblem(error)}`, "error");
      return;
    }
    if (id === app.dataset().id) {
      // Still on screen: keep it for this session rather than pulling the data from under the user.
      entry.stored = false;
      app.messages.show(`Deleted "${entry.meta.name}" from this browser; it stays open until you switch datasets.`, "info");
    } else {
      entries.delete(id);
      app.messages.show(`Deleted "${entry.meta.name}" from this browser.`, "info");
    }
    render();
    remove.focus();
  });

  app.onDatasetChange((dataset) => {
    if (headerName) headerName.textContent = dataset.id === shipped.id ? shippedTitle : dataset.name;
    if (notice) notice.hidden = dataset.id !== shipped.id;
    render();
  });

  mounted = {
    ready,
    openMadeOn,
    viewsOf: (id) => entries.get(id)?.views ?? [],
    async add(dataset, format, views) {
      await ready;
      const entry: Entry = { meta: metaOf(dataset, format, views.length), dataset, views: [...views], stored: false };
      // Newest first, as the stored list is.
      const others = [...entries].filter(([id]) => id !== dataset.id);
      entries.clear();
      entries.set(dataset.id, entry);
      for (const [id, other] of others) entries.set(id, other);
      if (store) {
        try {
          entry.meta = await store.save(dataset, { format, views });
          entry.stored = true;
        } catch (error) {
          storageNote = `This dataset could not be kept in this browser (${storageProblem(error)}); it is available for this session only.`;
          app.messages.show(storageNote, "warning");
        }
      }
      render();
    },
  };
  return mounted;
}
