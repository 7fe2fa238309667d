// The async face of the importer for the UI: files are read in a worker (progress, cancel). Small XML
// files (GEXF, GraphML) are read directly with the browser's own DOMParser, which workers lack; big ones
// go to the worker too, which parses them with xmldom, so a 50 MB GEXF never freezes the page.
// Environments without Worker (Node tests) read everything directly.
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

/** Whether a file is XML (GEXF, GraphML), which must be parsed where DOMParser exists. */
function isXml(file: ImportFile): boolean {
  if (/\.(gexf|graphml|xml)$/i.test(file.name)) return true;
  for (let i = 0; i < Math.min(file.bytes.length, 64); i++) {
    const byte = file.bytes[i] as number;
    if (byte === 0x3c) return true;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return false;
  }
  return false;
}

/** XML up to this size (all files together) is parsed on the page: about 0.1 s of DOMParser here. */
export const XML_INLINE_LIMIT = 2_000_000;

function totalBytes(files: readonly ImportFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes.length, 0);
}

export function importWithWorker(files: readonly ImportFile[], options: ImportClientOptions = {}): Promise<ImportResult> {
  const { signal, inline, onProgress, domParser, ...rest } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const direct = inline === true || typeof Worker === "undefined" || (files.some(isXml) && totalBytes(files) <= XML_INLINE_LIMIT);
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
        resolve(event.data.result);
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
