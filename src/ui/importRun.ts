// One import, from files to an opened dataset: read the files, expand ZIPs, open a Reroute bundle on its own
// or run the importer in a worker (asking for a column mapping or a reporter when it needs one), show the
// summary, and only on confirmation open the dataset. A failed or cancelled import never touches the store.
// Tests follow <html data-import-state> and data-import-count (bumped each time an import waits or ends).
import type { Dataset, DataIssue } from "../domain/types";
import type { BundleView } from "../io/bundle";
import type { DatasetLibrary } from "../io/datasetLibrary";
import { expandZips, ImportStopped, isZip, localised, startsLikeJson } from "../io/import/archives";
import { bundleImportResult, type ImportFile, type ImportResult } from "../io/import/types";
import { importWithWorker, startImportWorker, type ImportClientOptions } from "../workers/importClient";
import type { App } from "./app";
import { openInApp } from "./datasets";
import { askColumnMapping, askReporter, confirmImport, createImportProgress, type ImportProgress } from "./importDialog";
import { issueLines, summaryView } from "./importSummary";
import type { SavedViews } from "./savedViewsService";

export type ImportState = "idle" | "reading" | "needs-input" | "summary" | "failed" | "cancelled" | "imported";

const PROGRESS_DELAY_MS = 500;

export function setImportState(state: ImportState, settled: boolean): void {
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

/** The progress box of one import: shown only when reading takes longer than PROGRESS_DELAY_MS. */
class DelayedProgress {
  private progress: ImportProgress | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly label: string,
    private readonly onCancel: () => void,
  ) {}
  start(): void {
    const progress = createImportProgress(this.label, this.onCancel);
    this.progress = progress;
    this.timer = setTimeout(() => this.progress?.show(), PROGRESS_DELAY_MS);
  }
  set(fraction: number): void {
    this.progress?.set(fraction);
  }
  stop(): void {
    clearTimeout(this.timer);
    this.progress?.remove();
    this.progress = null;
  }
}

/** Runs imports one at a time; the last import's error or note is replaced by the next one's. */
export class ImportRunner {
  private busy = false;
  private lastMessage: HTMLElement | null = null;

  constructor(
    private readonly app: App,
    private readonly library: DatasetLibrary,
    private readonly savedViews: SavedViews,
  ) {}

  async run(files: File[]): Promise<void> {
    if (this.busy) {
      this.app.messages.show("An import is already open: finish or cancel it first.", "warning");
      return;
    }
    this.busy = true;
    this.lastMessage?.remove();
    this.lastMessage = null;
    const controller = new AbortController();
    const fileLabel = files.length === 1 ? files[0]!.name : `${files.length} files`;
    const progress = new DelayedProgress(fileLabel, () => controller.abort());
    setImportState("reading", false);
    progress.start();
    // The importer's worker starts loading its script now, while the files are read.
    let spare = startImportWorker();
    const takeWorker = (): Worker | null => {
      const worker = spare;
      spare = null;
      return worker;
    };
    try {
      const raw = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      if (controller.signal.aborted) throw new DOMException("The import was cancelled", "AbortError");
      const prepared = await expandZips(raw, async (name, bytes) =>
        (await import("../workers/filesClient")).unzipInWorker(name, bytes, controller.signal),
      );
      // A Reroute bundle (dataset + views) opens on its own.
      if (await this.openBundle(prepared, progress, controller.signal)) return;
      await this.importFiles(raw, prepared, fileLabel, progress, controller.signal, takeWorker);
    } catch (error) {
      progress.stop();
      if (isAbort(error)) return this.cancelled("Stopped reading; the current data is unchanged.");
      if (error instanceof ImportStopped) return this.fail(`${error.message}; the current data is unchanged.`, error.issues);
      return this.fail(
        `Could not import ${fileLabel}: ${error instanceof Error ? error.message : String(error)}. The current data is unchanged.`,
        [],
      );
    } finally {
      progress.stop();
      this.busy = false;
      // A worker started for files that did not need it (a bundle, a failure before the import), and flows
      // still being made for a summary that was cancelled.
      takeWorker()?.terminate();
      controller.abort();
    }
  }

  /** Opens the Reroute bundle among `prepared`, if there is one; true when it handled the import. */
  private async openBundle(prepared: ImportFile[], progress: DelayedProgress, signal: AbortSignal): Promise<boolean> {
    const bundleFile = prepared.find(
      (file) => startsLikeJson(file.bytes) && new TextDecoder().decode(file.bytes.subarray(0, 64 * 1024)).includes("reroute-bundle"),
    );
    if (!bundleFile) return false;
    const { looksLikeBundle } = await import("../io/bundle");
    const head = new TextDecoder().decode(bundleFile.bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
    if (looksLikeBundle(head) && prepared.length > 1) {
      progress.stop();
      this.fail(`${bundleFile.name} is a Reroute bundle, which opens on its own: choose it without other files.`, []);
      return true;
    }
    // Parsed and validated in a worker: a bundle of a million flows is hundreds of MB of JSON.
    const { decodeBundleInWorker } = await import("../workers/filesClient");
    const decoded = looksLikeBundle(head) ? await decodeBundleInWorker(bundleFile.name, bundleFile.bytes, signal) : null;
    if (!decoded) return false;
    progress.stop();
    if (!decoded.ok) this.fail(`${bundleFile.name} is not a valid Reroute bundle; the current data is unchanged.`, decoded.issues);
    else await this.confirmAndApply(bundleImportResult(decoded.bundle, decoded.warnings), decoded.bundle.views);
    return true;
  }

  /** The importer proper (in a worker), asking for what it needs until it has a dataset or fails. */
  private async importFiles(
    raw: ImportFile[],
    prepared: ImportFile[],
    fileLabel: string,
    progress: DelayedProgress,
    signal: AbortSignal,
    takeWorker: () => Worker | null,
  ): Promise<void> {
    // One ZIP (e.g. our own flows export) names the dataset after itself, not after the files inside.
    const zipName = raw.length === 1 && isZip(raw[0]!.bytes) ? raw[0]!.name.replace(/\.zip$/i, "") : undefined;
    let options: ImportClientOptions = {
      signal,
      onProgress: (fraction) => progress.set(fraction),
      ...(zipName ? { name: zipName } : {}),
    };
    for (;;) {
      const result = await importWithWorker(prepared, { ...options, worker: takeWorker() });
      progress.stop();
      if (result.status === "needs-input" && result.needs) {
        const more = await this.askFor(result, fileLabel);
        if (!more) return this.cancelled();
        options = { ...options, ...more };
        setImportState("reading", false);
        progress.start();
        continue;
      }
      if (result.status !== "ok" || !result.dataset) {
        const first = result.issues.find((issue) => issue.severity === "error");
        return this.fail(
          `Could not import ${fileLabel}${result.format && result.format !== "unknown" ? ` (read as ${result.format})` : ""}: ${first?.message ?? "no data found"}. The current data is unchanged.`,
          result.issues,
        );
      }
      return await this.confirmAndApply(result, [], result.complete);
    }
  }

  /** Asks the person for what the importer needs (a column mapping or the reporter); null when they cancel. */
  private async askFor(result: ImportResult, fileLabel: string): Promise<Partial<ImportClientOptions> | null> {
    setImportState("needs-input", true);
    const needs = result.needs!;
    if (needs.kind === "column-mapping") {
      const mapping = await askColumnMapping(
        needs,
        `${fileLabel} (${result.format}, ${result.summary.delimiter ?? "?"}-separated, ${result.summary.encoding}).`,
      );
      return mapping ? { columnMapping: mapping } : null;
    }
    const reporter = await askReporter(needs.candidates);
    return reporter === null ? null : { reporter };
  }

  private say(text: string, kind: "error" | "info", detail: string[] = []): void {
    this.lastMessage?.remove();
    this.lastMessage = this.app.messages.show(text, kind, detail);
  }

  private fail(text: string, issues: DataIssue[]): void {
    this.say(text, "error", issueLines(issues));
    setImportState("failed", true);
  }

  private cancelled(text = "Import cancelled; the current data is unchanged."): void {
    this.say(text, "info");
    setImportState("cancelled", true);
  }

  /** `complete`, when given, is the dataset with its flows (the result's has none yet: see importWithWorker). */
  private async confirmAndApply(result: ImportResult, views: BundleView[], complete?: Promise<Dataset>): Promise<void> {
    let dataset = localised(result.dataset!);
    setImportState("summary", true);
    const view = summaryView(
      { ...result, dataset },
      views.length > 0 || result.format.startsWith("Reroute bundle") ? { views: views.length } : {},
    );
    if (!(await confirmImport(view))) return this.cancelled();
    if (complete) dataset = localised(await complete);
    await openInApp(this.app, dataset, false);
    const added = views.length ? this.savedViews.addFromBundle(views) : 0;
    const viewNote = views.length > 0 ? ` ${views.length} saved view(s) came with it; ${added} added to Saved views.` : "";
    this.say(`Imported "${dataset.name}": ${dataset.places.length} places, ${dataset.flows.length} flows.${viewNote}`, "info");
    setImportState("imported", true);
    await this.library.add(dataset, result.format, views);
  }
}
