// The "Datasets" panel section: the shipped dataset and every imported one (the dataset library), to
// switch between and to delete.
import type { Dataset } from "../domain/types";
import type { DatasetLibrary } from "../io/datasetLibrary";
import type { StoredDatasetMeta } from "../io/datasetStore";
import { openDataset } from "../state/openDataset";
import { yearIndex } from "../state/yearIndex";
import { onDataset, type App } from "./app";
import { clear, el } from "./dom";

const nf = new Intl.NumberFormat("en-GB");

function describe(meta: StoredDatasetMeta): string {
  const years =
    meta.years.length === 0
      ? ""
      : meta.years.length === 1
        ? `, ${meta.years[0]}`
        : `, ${meta.years[0]}–${meta.years[meta.years.length - 1]}`;
  return `${nf.format(meta.places)} places, ${nf.format(meta.flows)} flows${years}`;
}

/** From this many flows, what the first frame draws is worked out a piece per task before the data is shown. */
export const PREPARE_MIN_FLOWS = 100_000;

/**
 * Opens a dataset: its default view; imported data on the map is framed to its places. Small data opens at
 * once (before this returns). Big data opens after the year's sorted flows, the flows shown, the scene and
 * its place clusters have been worked out each in a task of its own (a million flows: no one task blocks the
 * page for all of it); the store then takes the prepared state, and the selectors find every piece made.
 */
export async function openInApp(app: App, dataset: Dataset, shipped: boolean): Promise<void> {
  const motion = { camera: shipped ? { to: "reset" as const } : { to: "data" as const } };
  // Checks the new data's graph and builds its layout; throws (nothing changed) when it cannot be drawn.
  const next = openDataset(dataset)({ view: app.store.get(), data: app.store.data() });
  const mine = (opening.get(app) ?? 0) + 1;
  opening.set(app, mine);
  if (dataset.flows.length >= PREPARE_MIN_FLOWS) {
    const { view, data } = next;
    const steps = [
      // The year's flows sorted by the measure (cached on the flow list, as the selectors find it).
      () => yearIndex(data.dataset.flows, view.year, view.weighting.measure),
      () => app.select.derived(view, data),
      () => app.select.scene(view, data),
      () => app.select.drawn(view, data),
    ];
    for (const step of steps) {
      await nextTask();
      step();
    }
    await nextTask();
    // Another dataset was opened meanwhile: that one is shown.
    if (opening.get(app) !== mine) return;
  }
  app.store.update(() => next, motion);
}

/** How many datasets each app has started opening (the last one wins). */
const opening = new WeakMap<App, number>();

/** A new task: the page draws and handles input in between. */
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

export function mountDatasets(app: App, library: DatasetLibrary): void {
  const shipped = library.shipped;
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
    for (const entry of library.entries()) {
      const date = entry.meta.savedAt.slice(0, 10);
      select.append(
        el("option", { value: entry.meta.id }, `${entry.meta.name} — imported ${date}${entry.stored ? "" : " (this session only)"}`),
      );
    }
    select.value = current;
    const entry = library.entry(current);
    info.textContent = entry
      ? `${entry.meta.format}: ${describe(entry.meta)}${entry.views.length > 0 || entry.meta.views > 0 ? `; ${Math.max(entry.views.length, entry.meta.views)} saved view(s) came with it` : ""}.`
      : `Shipped with Reroute: ${nf.format(shipped.places.length)} places, ${nf.format(shipped.flows.length)} flows.`;
    remove.disabled = entry === undefined;
    status.textContent = library.storageNote();
  };

  const show = async (id: string) => {
    if (id === app.dataset().id) return;
    if (id === shipped.id) return openInApp(app, shipped, true);
    if (!library.entry(id)) return;
    await openInApp(app, await library.load(id), false);
  };

  select.addEventListener("change", () => {
    show(select.value).catch((error: unknown) => {
      app.messages.show(`Could not open that dataset: ${error instanceof Error ? error.message : String(error)}`, "error");
      render();
    });
  });

  remove.addEventListener("click", async () => {
    const id = select.value;
    const entry = library.entry(id);
    if (!entry) return;
    const open = id === app.dataset().id;
    try {
      await library.remove(id, open);
    } catch (error) {
      app.messages.show(
        `Could not delete "${entry.meta.name}" from this browser: ${error instanceof Error ? error.message : String(error)}`,
        "error",
      );
      return;
    }
    app.messages.show(
      open
        ? `Deleted "${entry.meta.name}" from this browser; it stays open until you switch datasets.`
        : `Deleted "${entry.meta.name}" from this browser.`,
      "info",
    );
    remove.focus();
  });

  library.onChange(render);
  onDataset(app, (dataset) => {
    if (headerName) headerName.textContent = dataset.id === shipped.id ? shippedTitle : dataset.name;
    if (notice) notice.hidden = dataset.id !== shipped.id;
    render();
  });
  render();
}
