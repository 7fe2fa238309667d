// The async face of the importer for the UI: files are read in a worker (progress, cancel), XML (GEXF,
// GraphML) too, which the worker parses with xmldom: nothing a file holds runs on the page, however small
// the file (a 400 KB GEXF once took 11 s of the page's time). Environments without Worker (Node tests)
// read everything directly.
import { keepFlowColumns, materialiseFlowsInSlices } from "../domain/flowColumns";
import { importFiles } from "../io/import/importFiles";
import { emptySummary, type ImportFile, type ImportOptions, type ImportResult } from "../io/import/types";
import type { ImportWorkerMessage, ImportWorkerRequest } from "./import.worker";

export interface ImportClientOptions extends ImportOptions {
  /** Aborting terminates the worker; the promise then rejects with an AbortError DOMException. */
  signal?: AbortSignal;
  /** Force the direct path (no worker). */
  inline?: boolean;
}

function abortError(): DOMException {
  return new DOMException("The import was cancelled", "AbortError");
}

export function importWithWorker(files: readonly ImportFile[], options: ImportClientOptions = {}): Promise<ImportResult> {
  const { signal, inline, onProgress, domParser, ...rest } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const direct = inline === true || typeof Worker === "undefined";
  if (direct) {
    return importFiles(files, options).then((result) => {
      if (signal?.aborted) throw abortError();
      return result;
    });
  }
  return new Promise<ImportResult>((resolve, reject) => {
    const worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
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
        // Flow objects from the transferred columns, a slice per task, so the page never freezes on them.
        const { columns, ...rest } = result;
        materialiseFlowsInSlices(columns, result.dataset.places).then((flows) => {
          if (signal?.aborted) return reject(abortError());
          keepFlowColumns(flows, columns, result.dataset!.places);
          resolve({ ...rest, dataset: { ...result.dataset!, flows } });
        }, reject);
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
    const request: ImportWorkerRequest = { files: files.map((file) => ({ name: file.name, bytes: file.bytes })), options: rest };
    void domParser; // a constructor cannot cross into the worker: the worker brings its own (xmldom)
    worker.postMessage(request);
  });
}
