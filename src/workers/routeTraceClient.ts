// Runs route-trace tasks (chains, simple paths, through a place) of a big year graph in one long-lived
// Web Worker that keeps the last graph it built, so a second question on the same year does not resend
// it. Cancel terminates the worker (the searches are synchronous loops); the next task starts a new one.
import type { SerializedGraph } from "graphology-types";
import {
  createRouteTraceHandler,
  type RouteTask,
  type RouteTaskResult,
  type RouteTraceReply,
  type RouteTraceRequest,
} from "./routeTraceProtocol";

export interface RouteTraceWorkerLike {
  postMessage(message: RouteTraceRequest): void;
  onmessage: ((event: MessageEvent<RouteTraceReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface RouteTraceClientOptions {
  /** "auto": a worker when the platform has one; "never": run here; or a factory (tests). */
  worker?: "auto" | "never" | (() => RouteTraceWorkerLike);
}

function abortError(): Error {
  return new DOMException("workers/routeTrace: aborted", "AbortError");
}

function inThread(): RouteTraceWorkerLike {
  const handler = createRouteTraceHandler();
  const w: RouteTraceWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      queueMicrotask(() => handler.handle(message, (reply) => w.onmessage?.({ data: reply } as MessageEvent<RouteTraceReply>)));
    },
    terminate() {
      w.onmessage = null;
    },
  };
  return w;
}

export interface RouteTraceClient {
  /** Runs a task on the graph named `key`; `graph()` is called only when the worker must (re)build it. */
  run<T extends RouteTask>(key: string, graph: () => SerializedGraph, task: T, signal?: AbortSignal): Promise<RouteTaskResult<T>>;
  dispose(): void;
}

export function createRouteTraceClient(options: RouteTraceClientOptions = {}): RouteTraceClient {
  const mode = options.worker ?? "auto";
  const make = (): RouteTraceWorkerLike =>
    typeof mode === "function"
      ? mode()
      : mode === "auto" && typeof Worker !== "undefined"
        ? (new Worker(new URL("./routeTrace.worker.ts", import.meta.url), { type: "module" }) as unknown as RouteTraceWorkerLike)
        : inThread();
  let worker: RouteTraceWorkerLike | null = null;
  let heldKey = "";
  // One task at a time: the worker is single-threaded anyway, and a cancel must not kill a queued task.
  let queue: Promise<unknown> = Promise.resolve();

  const once = (key: string, graph: SerializedGraph | null, task: RouteTask, signal?: AbortSignal) =>
    new Promise<RouteTraceReply>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      if (!worker) {
        worker = make();
        heldKey = "";
      }
      const w = worker;
      const onAbort = () => {
        w.terminate();
        if (worker === w) {
          worker = null;
          heldKey = "";
        }
        reject(abortError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      w.onmessage = (event) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(event.data);
      };
      w.onerror = (event) => {
        signal?.removeEventListener("abort", onAbort);
        w.terminate();
        if (worker === w) {
          worker = null;
          heldKey = "";
        }
        reject(new Error(`workers/routeTrace: worker failed: ${event.message}`));
      };
      w.postMessage({ type: "run", key, graph, task });
      if (graph) heldKey = key;
    });

  return {
    run(key, graph, task, signal) {
      const job = queue.then(async () => {
        let reply = await once(key, heldKey === key && worker ? null : graph(), task, signal);
        if (reply.type === "error" && reply.needGraph) reply = await once(key, graph(), task, signal);
        if (reply.type === "error") throw new Error(reply.message);
        return reply.result as RouteTaskResult<typeof task>;
      });
      queue = job.catch(() => undefined);
      return job;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      heldKey = "";
    },
  };
}
