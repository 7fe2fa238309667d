// The async face of the importer for the UI: files are read in a worker (progress, cancel), XML (GEXF,
// GraphML) too, which the worker parses with xmldom: nothing a file holds runs on the page, however small
// the file (a 400 KB GEXF once took 11 s of the page's time). Environments without Worker (Node tests)
// read everything directly.
import { keepFlowColumns, materialiseFlowsInSlices } from "../domain/flowColumns";
import type { Dataset } from "../domain/types";
import { emptySummary, type ImportFile, type ImportOptions, type ImportResult } from "../io/import/types";
import type { ImportWorkerMessage, ImportWorkerRequest } from "./import.worker";

export interface ImportClientOptions extends ImportOptions {
  /** Aborting terminates the worker; the promise then rejects with an AbortError DOMException. */
  signal?: AbortSignal;
  /** Force the direct path (no worker). */
  inline?: boolean;
  /** A worker from startImportWorker to read the files in (ended with the import); else one is started. */
  worker?: Worker | null;
}

/**
 * A new import worker; null where there is no Worker (Node tests). The page starts one as soon as files are
 * chosen, so that its script loads while they are read, and hands it to importWithWorker.
 */
export function startImportWorker(): Worker | null {
  return typeof Worker === "undefined" ? null : new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
}

function abortError(): DOMException {
  return new DOMException("The import was cancelled", "AbortError");
}

/** An import's result; when `complete` is given, `dataset` has no flows yet and `complete` gives the dataset with them. */
export interface WorkerImportResult extends ImportResult {
  complete?: Promise<Dataset>;
}

export function importWithWorker(files: readonly ImportFile[], options: ImportClientOptions = {}): Promise<WorkerImportResult> {
  const { signal, inline, onProgress, domParser, worker: started, ...rest } = options;
  if (signal?.aborted) {
    started?.terminate();
    return Promise.reject(abortError());
  }
  const direct = inline === true || typeof Worker === "undefined";
  if (direct) {
    started?.terminate();
    // The importer's own code is loaded only here: the page reads files in the worker.
    return import("../io/import/importFiles").then(async ({ importFiles }) => {
      const result = await importFiles(files, options);
      if (signal?.aborted) throw abortError();
      return result;
    });
  }
  return new Promise<WorkerImportResult>((resolve, reject) => {
    const worker = started ?? startImportWorker()!;
    const stop = (): void => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      stop();
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      if (event.data.type === "progress") onProgress?.(event.data.fraction);
      else {
        stop();
        const result = event.data.result;
        if (!result.columns || !result.dataset) return resolve(result);
        // The result at once (its summary needs no flow object) and its flows after it: Flow objects from
        // the transferred columns, a slice per task so that the page never freezes on them, made while the
        // summary is read. Aborting the signal stops them.
        const { columns, ...rest } = result;
        const dataset = result.dataset;
        const complete = materialiseFlowsInSlices(columns, dataset.places, 30, undefined, signal).then((flows) => {
          keepFlowColumns(flows, columns, dataset.places);
          return { ...dataset, flows };
        });
        complete.catch(() => undefined); // said by whoever awaits it
        resolve({ ...rest, dataset: { ...dataset, flows: [] }, complete });
      }
    };
    worker.onerror = (event) => {
      stop();
      resolve({
        status: "failed",
        format: "unknown",
        dataset: null,
        summary: emptySummary(),
        issues: [
          { severity: "error", file: "", line: 0, column: 0, message: `the import worker stopped: ${event.message || "unknown error"}` },
        ],
      });
    };
    // Copies of the bytes, moved to the worker: a structured clone copied a big file several times on the
    // page, and the caller keeps its own bytes for a second pass (a column mapping asked for).
    const copies = files.map((file) => ({ name: file.name, bytes: file.bytes.slice() }));
    const request: ImportWorkerRequest = { files: copies, options: rest };
    void domParser; // a constructor cannot cross into the worker: the worker brings its own (xmldom)
    worker.postMessage(
      request,
      copies.map((file) => file.bytes.buffer),
    );
  });
}
