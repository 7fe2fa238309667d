// "Bring your own data": the "Import data" file input and drop-anywhere, the steps of an import (progress,
// column mapping or reporter question, summary), and only on confirmation the dataset opens. A failed or
// cancelled import never touches the store or the renderer. The importer loads on demand (its own chunk).
// Tests follow <html data-import-state> and data-import-count (bumped each time an import waits or ends).
import "./import.css";
import type { DataIssue } from "../domain/types";
import type { BundleView } from "../io/bundle";
import type { DatasetLibrary } from "../io/datasetLibrary";
import { expandZips, ImportStopped, isZip, localised, startsLikeJson } from "../io/import/archives";
import { emptySummary, type ImportResult } from "../io/import/types";
import type { ImportClientOptions } from "../workers/importClient";
import type { App } from "./app";
import { mountDataExport } from "./dataExport";
import { openInApp } from "./datasets";
import { el } from "./dom";
import { askColumnMapping, askReporter, confirmImport, createImportProgress, type ImportProgress } from "./importDialog";
import { issueLines, summaryView } from "./importSummary";
import type { SavedViews } from "./savedViewsService";

export type ImportState = "idle" | "reading" | "needs-input" | "summary" | "failed" | "cancelled" | "imported";

const PROGRESS_DELAY_MS = 500;
export const IMPORT_ACCEPT = ".csv,.tsv,.txt,.gexf,.graphml,.xml,.json,.zip";

function setState(state: ImportState, settled: boolean): void {
  const root = document.documentElement;
  root.dataset.importState = state;
  if (settled) {
    root.dataset.importCount = String(Number(root.dataset.importCount ?? "0") + 1);
    window.dispatchEvent(new CustomEvent("reroute:import", { detail: state }));
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function mountImport(app: App, library: DatasetLibrary, savedViews: SavedViews): void {
  mountDataExport(app, library, savedViews);

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

  const overlay = el(
    "div",
    { class: "import-drop-overlay", hidden: true, "aria-hidden": "true" },
    el("div", { class: "import-drop-box" }, "Drop files to import them"),
  );
  document.body.appendChild(overlay);

  let busy = false;
  setState("idle", false);

  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = ""; // choosing the same file again must fire change
    if (files.length > 0) void run(files);
  });

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
    if (files.length > 0) void run(files);
  });

  // The last import's error or note: a new import replaces it rather than piling up.
  let lastMessage: HTMLElement | null = null;
  const say = (text: string, kind: "error" | "info", detail: string[] = []) => {
    lastMessage?.remove();
    lastMessage = app.messages.show(text, kind, detail);
  };
  const fail = (text: string, issues: DataIssue[]) => {
    say(text, "error", issueLines(issues));
    setState("failed", true);
  };

  async function run(files: File[]): Promise<void> {
    if (busy) {
      app.messages.show("An import is already open: finish or cancel it first.", "warning");
      return;
    }
    busy = true;
    lastMessage?.remove();
    lastMessage = null;
    const controller = new AbortController();
    const fileLabel = files.length === 1 ? files[0]!.name : `${files.length} files`;
    let progress: ImportProgress | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startProgress = () => {
      progress = createImportProgress(fileLabel, () => controller.abort());
      timer = setTimeout(() => progress?.show(), PROGRESS_DELAY_MS);
    };
    const stopProgress = () => {
      clearTimeout(timer);
      progress?.remove();
      progress = null;
    };
    setState("reading", false);
    startProgress();
    try {
      const raw = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      if (controller.signal.aborted) throw new DOMException("The import was cancelled", "AbortError");
      const { decodeBundleInWorker, unzipInWorker } = await import("../workers/filesClient");
      const prepared = await expandZips(raw, (name, bytes) => unzipInWorker(name, bytes, controller.signal));

      // A Reroute bundle (dataset + views) opens on its own.
      const bundleFile = prepared.find(
        (file) => startsLikeJson(file.bytes) && new TextDecoder().decode(file.bytes.subarray(0, 64 * 1024)).includes("reroute-bundle"),
      );
      if (bundleFile) {
        const { looksLikeBundle } = await import("../io/bundle");
        const head = new TextDecoder().decode(bundleFile.bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
        if (looksLikeBundle(head) && prepared.length > 1) {
          stopProgress();
          return fail(`${bundleFile.name} is a Reroute bundle, which opens on its own: choose it without other files.`, []);
        }
        // Parsed and validated in a worker: a bundle of a million flows is hundreds of MB of JSON.
        const decoded = looksLikeBundle(head) ? await decodeBundleInWorker(bundleFile.name, bundleFile.bytes, controller.signal) : null;
        if (decoded) {
          stopProgress();
          if (!decoded.ok) return fail(`${bundleFile.name} is not a valid Reroute bundle; the current data is unchanged.`, decoded.issues);
          const { dataset, views } = decoded.bundle;
          const result: ImportResult = {
            status: "ok",
            format: `Reroute bundle (version ${decoded.bundle.version})`,
            dataset,
            summary: {
              ...emptySummary(),
              places: dataset.places.length,
              flows: dataset.flows.length,
              years: dataset.years,
              encoding: "UTF-8",
              validRows: dataset.flows.length,
              withoutCoordinates: dataset.places.filter((p) => p.lat === null || p.lon === null).length,
            },
            issues: decoded.warnings,
          };
          return await confirmAndApply(result, views);
        }
      }

      const { importWithWorker } = await import("../workers/importClient");
      // One ZIP (e.g. our own flows export) names the dataset after itself, not after the files inside.
      const zipName = raw.length === 1 && isZip(raw[0]!.bytes) ? raw[0]!.name.replace(/\.zip$/i, "") : undefined;
      let options: ImportClientOptions = {
        signal: controller.signal,
        onProgress: (fraction) => progress?.set(fraction),
        ...(zipName ? { name: zipName } : {}),
      };
      for (;;) {
        const result = await importWithWorker(prepared, options);
        stopProgress();
        if (result.status === "needs-input" && result.needs) {
          setState("needs-input", true);
          const needs = result.needs;
          if (needs.kind === "column-mapping") {
            const mapping = await askColumnMapping(
              needs,
              `${fileLabel} (${result.format}, ${result.summary.delimiter ?? "?"}-separated, ${result.summary.encoding}).`,
            );
            if (!mapping) return cancelled();
            options = { ...options, columnMapping: mapping };
          } else {
            const reporter = await askReporter(needs.candidates);
            if (reporter === null) return cancelled();
            options = { ...options, reporter };
          }
          setState("reading", false);
          startProgress();
          continue;
        }
        if (result.status !== "ok" || !result.dataset) {
          const first = result.issues.find((issue) => issue.severity === "error");
          return fail(
            `Could not import ${fileLabel}${result.format && result.format !== "unknown" ? ` (read as ${result.format})` : ""}: ${first?.message ?? "no data found"}. The current data is unchanged.`,
            result.issues,
          );
        }
        return await confirmAndApply(result, []);
      }
    } catch (error) {
      stopProgress();
      if (isAbort(error)) return cancelled("Stopped reading; the current data is unchanged.");
      if (error instanceof ImportStopped) return fail(`${error.message}; the current data is unchanged.`, error.issues);
      return fail(
        `Could not import ${fileLabel}: ${error instanceof Error ? error.message : String(error)}. The current data is unchanged.`,
        [],
      );
    } finally {
      stopProgress();
      busy = false;
    }
  }

  function cancelled(text = "Import cancelled; the current data is unchanged."): void {
    say(text, "info");
    setState("cancelled", true);
  }

  async function confirmAndApply(result: ImportResult, views: BundleView[]): Promise<void> {
    const dataset = localised(result.dataset!);
    setState("summary", true);
    const view = summaryView(
      { ...result, dataset },
      views.length > 0 || result.format.startsWith("Reroute bundle") ? { views: views.length } : {},
    );
    if (!(await confirmImport(view))) return cancelled();
    openInApp(app, dataset, false);
    const added = views.length ? savedViews.addFromBundle(views) : 0;
    const viewNote = views.length > 0 ? ` ${views.length} saved view(s) came with it; ${added} added to Saved views.` : "";
    say(`Imported "${dataset.name}": ${dataset.places.length} places, ${dataset.flows.length} flows.${viewNote}`, "info");
    setState("imported", true);
    await library.add(dataset, result.format, views);
  }
}
