// The page's side of files.worker: a ZIP unpacked or a bundle read in a worker, stopped by an AbortSignal.
// Without Worker (Node tests) the task runs here.
import type { DecodedBundle } from "../io/bundle";
import type { ZipResult } from "../io/import/unzip";
import { handleFilesTask, type FilesReply, type FilesTask } from "./filesProtocol";

function abortError(): DOMException {
  return new DOMException("The import was cancelled", "AbortError");
}

function run(task: FilesTask, signal?: AbortSignal): Promise<FilesReply> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (typeof Worker === "undefined") return Promise.resolve(handleFilesTask(task));
  return new Promise<FilesReply>((resolve, reject) => {
    const worker = new Worker(new URL("./files.worker.ts", import.meta.url), { type: "module" });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      stop();
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<FilesReply>) => {
      stop();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      stop();
      resolve({ type: "error", message: event.message || "the worker stopped" });
    };
    worker.postMessage(task);
  });
}

/** Unpacks a ZIP archive in a worker, with the caps of expandZip. */
export async function unzipInWorker(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ZipResult> {
  const reply = await run({ type: "unzip", name, bytes }, signal);
  if (reply.type === "unzip") return reply.result;
  return { ok: false, message: `${name} could not be opened (${reply.type === "error" ? reply.message : "no answer"})`, entryNames: [] };
}

/** Reads a Reroute bundle in a worker; null when the file is not a bundle after all. */
export async function decodeBundleInWorker(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<DecodedBundle | null> {
  const reply = await run({ type: "bundle", name, bytes }, signal);
  if (reply.type === "bundle") return reply.result;
  const message = reply.type === "error" ? reply.message : "no answer";
  return { ok: false, issues: [{ severity: "error", file: name, line: 0, column: 0, message: `could not be read (${message})` }] };
}
