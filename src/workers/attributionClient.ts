// Runs the full attribution of one year in a Web Worker, with progress and cancel; falls back to a
// synchronous run in the calling thread where there is no Worker (Node tests) or when asked to.
// Cancel terminates the worker: the solve is one synchronous loop, so a message could not reach it.
import type Graph from "graphology-types";
import type { SerializedGraph } from "graphology-types";
import { MultiDirectedGraph } from "graphology";
import { attribution, type Attribution } from "../analysis/attribution";
import type { AttributionReply, AttributionRequest, AttributionWorkerOptions } from "./attributionProtocol";

/** What the client needs of a Worker (a real one, or a stand-in in tests). */
export interface AttributionWorkerLike {
  postMessage(message: AttributionRequest): void;
  onmessage: ((event: MessageEvent<AttributionReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface RunAttributionOptions extends AttributionWorkerOptions {
  onProgress?: ((done: number, total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** "auto": a worker when the platform has one; "never": run here; or a factory for the worker. */
  worker?: "auto" | "never" | (() => AttributionWorkerLike);
}

export const DEFAULT_RUN_ATTRIBUTION_OPTIONS: RunAttributionOptions = { worker: "auto" };

function abortError(): Error {
  return new DOMException("workers/attribution: aborted", "AbortError");
}

function defaultWorker(): AttributionWorkerLike {
  return new Worker(new URL("./attribution.worker.ts", import.meta.url), { type: "module" }) as unknown as AttributionWorkerLike;
}

function isGraph(graph: Graph | SerializedGraph): graph is Graph {
  return typeof (graph as Graph).export === "function";
}

/** The synchronous path: same result, progress reported as it goes, an aborted signal rejects. */
export function runAttributionSync(graph: Graph | SerializedGraph, options: RunAttributionOptions = {}): Attribution {
  if (options.signal?.aborted) throw abortError();
  const g = isGraph(graph) ? graph : MultiDirectedGraph.from(graph);
  const { worker: _ignored, ...rest } = options;
  return attribution(g, rest);
}

export function runAttribution(graph: Graph | SerializedGraph, options: RunAttributionOptions = {}): Promise<Attribution> {
  const o = { ...DEFAULT_RUN_ATTRIBUTION_OPTIONS, ...options };
  const { onProgress, signal, worker, ...workerOptions } = o;
  if (signal?.aborted) return Promise.reject(abortError());
  const useWorker = typeof worker === "function" || (worker === "auto" && typeof Worker !== "undefined");
  if (!useWorker) {
    return new Promise((resolve, reject) => {
      try {
        resolve(runAttributionSync(graph, o));
      } catch (error) {
        reject(error);
      }
    });
  }
  const serialised = isGraph(graph) ? graph.export() : graph;
  const w = typeof worker === "function" ? worker() : defaultWorker();
  return new Promise<Attribution>((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener("abort", onAbort);
      w.terminate();
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    w.onmessage = (event) => {
      const reply = event.data;
      if (reply.type === "progress") onProgress?.(reply.done, reply.total);
      else if (reply.type === "result") {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    };
    w.onerror = (event) => {
      finish();
      reject(new Error(`workers/attribution: worker failed: ${event.message}`));
    };
    w.postMessage({ type: "run", graph: serialised, options: workerOptions });
  });
}
