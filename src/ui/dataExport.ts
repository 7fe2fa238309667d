// The "Data" panel section: the flows shown as Reroute CSV (places, flows, sources in one ZIP; re-importable
// through "Import data"), GEXF of the current year, the view state as JSON, and a bundle of data + views.
// The writers load on demand (their own chunks).
import type { BundleView } from "../io/bundle";
import type { DatasetLibrary } from "../io/datasetLibrary";
import { slugify } from "../io/exportSpec";
import type { ViewState } from "../state/viewState";
import type { App } from "./app";
import { el } from "./dom";
import { download } from "./download";
import type { SavedViews } from "./savedViewsService";

const slug = (text: string) => slugify(text, "reroute");

/** The view state as a file holds it: everything but the transient hover. */
export function viewForFile(state: ViewState): Omit<ViewState, "hover"> {
  const { hover: _hover, ...rest } = state;
  void _hover;
  return rest;
}

export function mountDataExport(app: App, library: DatasetLibrary, savedViews: SavedViews): void {
  const body = app.panel.addSection("data", "Data export", { open: false, order: 85 });
  const csv = el("button", { type: "button" }, "Export flows CSV");
  const gexf = el("button", { type: "button" }, "Export GEXF");
  const view = el("button", { type: "button" }, "Export view JSON");
  const bundle = el("button", { type: "button" }, "Export bundle");
  const note = el("p", { class: "hint", role: "status", "data-testid": "data-export-status" });
  body.append(
    el(
      "p",
      { class: "hint" },
      "Flows CSV and GEXF hold the flows shown now (year, filters); the bundle holds the whole dataset and its views, and can be imported again.",
    ),
    el("div", { class: "data-export-buttons" }, csv, gexf, view, bundle),
    note,
  );
  const say = (text: string) => {
    note.textContent = text;
  };
  const guard = (button: HTMLButtonElement, run: () => Promise<void>) => {
    button.addEventListener("click", () => {
      button.disabled = true;
      run()
        .catch((error: unknown) =>
          app.messages.show(`${button.textContent ?? "Export"} failed: ${error instanceof Error ? error.message : String(error)}`, "error"),
        )
        .finally(() => {
          button.disabled = false;
        });
    });
  };
  const base = () => `${slug(app.dataset().name)}-${app.store.get().year}`;

  guard(csv, async () => {
    const [{ exportDatasetCsv }, { zipSync, strToU8 }] = await Promise.all([import("../io/export/flowsCsv"), import("fflate")]);
    const dataset = app.dataset();
    const shown = app.derived().visible.shown;
    const files = exportDatasetCsv(dataset, shown);
    const zip = zipSync({ "places.csv": strToU8(files.places), "flows.csv": strToU8(files.flows), "sources.csv": strToU8(files.sources) });
    download(`${base()}-flows.zip`, zip, "application/zip");
    say(
      `Saved ${shown.length - files.skippedSelfLoops} flows with places and sources (places.csv, flows.csv, sources.csv in one ZIP)${files.skippedSelfLoops > 0 ? `; ${files.skippedSelfLoops} self-loop(s) left out, Reroute's format has none` : ""}.`,
    );
  });

  guard(gexf, async () => {
    const { exportGexf } = await import("../io/export/gexf");
    const year = app.store.get().year;
    const shown = app.derived().visible.shown;
    download(`${base()}.gexf`, exportGexf(app.dataset(), year, shown), "application/gexf+xml");
    say(`Saved the ${shown.length} flows of ${year} shown as GEXF.`);
  });

  guard(view, async () => {
    download(`${base()}-view.json`, JSON.stringify(viewForFile(app.store.get()), null, 2) + "\n", "application/json");
    say("Saved the current view (year, filters, weighting, layout, trace, camera) as JSON.");
  });

  guard(bundle, async () => {
    const { encodeBundle } = await import("../io/bundle");
    const dataset = app.dataset();
    // The saved views travel with the data; without any, the views that came with the data plus the current view.
    const saved = savedViews.forBundle();
    const views: BundleView[] = saved.length
      ? saved
      : [...library.viewsOf(dataset.id), { name: app.store.get().title || "Current view", state: viewForFile(app.store.get()) }];
    download(`${slug(dataset.name)}-bundle.json`, encodeBundle(dataset, views), "application/json");
    say(`Saved the dataset (${dataset.places.length} places, ${dataset.flows.length} flows) with ${views.length} view(s) as one bundle.`);
  });
}
