// "Bring your own data": the "Import data" file input and drop-anywhere. What an import does, step by step
// (progress, column mapping or reporter question, summary, and only on confirmation the dataset opens), is
// ./importRun.ts. The importer loads on demand (its own chunk).
import "./import.css";
import type { DatasetLibrary } from "../io/datasetLibrary";
import type { App } from "./app";
import { mountDataExport } from "./dataExport";
import { el } from "./dom";
import { ImportRunner, setImportState } from "./importRun";
import type { SavedViews } from "./savedViewsService";

export type { ImportState } from "./importRun";

export const IMPORT_ACCEPT = ".csv,.tsv,.txt,.gexf,.graphml,.xml,.json,.zip";

export function mountImport(app: App, library: DatasetLibrary, savedViews: SavedViews): void {
  mountDataExport(app, library, savedViews);
  const runner = new ImportRunner(app, library, savedViews);
  const run = (files: File[]) => void runner.run(files);
  const input = buildImportButton(app);
  const overlay = el(
    "div",
    { class: "import-drop-overlay", hidden: true, "aria-hidden": "true" },
    el("div", { class: "import-drop-box" }, "Drop files to import them"),
  );
  document.body.appendChild(overlay);
  setImportState("idle", false);

  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = ""; // choosing the same file again must fire change
    if (files.length > 0) run(files);
  });
  wireDropAnywhere(overlay, run);
}

function buildImportButton(app: App): HTMLInputElement {
  const input = el("input", { type: "file", id: "import-data", class: "import-file-input", multiple: true, accept: IMPORT_ACCEPT });
  const label = el(
    "label",
    {
      for: "import-data",
      class: "import-button",
      title:
        "CSV/TSV tables (edge lists, flowmap.blue pairs, Comtrade, Reroute CSV), GEXF, GraphML, graphology or node-link JSON, Reroute bundles, ZIP of these; or drop files anywhere",
    },
    "Import data",
  );
  app.toolbar.appendChild(el("div", { class: "control import-control" }, input, label));
  return input;
}

/** Files dropped anywhere on the page are imported; the overlay shows while they are dragged over it. */
function wireDropAnywhere(overlay: HTMLElement, run: (files: File[]) => void): void {
  const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  let depth = 0;
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("dragleave", (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) run(files);
  });
}
