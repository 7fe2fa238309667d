// Messages between routeTraceClient and routeTrace.worker, and the worker's handler (apart from the
// entry so Node tests can drive it): the chains, simple paths and through-place view of one year's
// graph, with the same options as state/routeTrace's selectors, for graphs too big for the main thread.
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { chains, simplePaths, throughNode, type ChainsResult, type SimplePathsResult, type ThroughNodeResult } from "../analysis";
import { SIMPLE_MAX_DEPTH, SIMPLE_MAX_MS, SIMPLE_MAX_PATHS, TRACE_CHAINS_K, TRACE_MAX_HOPS } from "../state/routeTrace";

export type RouteTask =
  | { kind: "chains"; origin: string; destination: string }
  | { kind: "simple"; origin: string; destination: string }
  | { kind: "through"; place: string };

export type RouteTaskResult<T extends RouteTask> = T extends { kind: "chains" }
  ? ChainsResult
  : T extends { kind: "simple" }
    ? SimplePathsResult
    : ThroughNodeResult;

export interface RouteTraceRequest {
  type: "run";
  /** Names the graph: the worker rebuilds it only when the key changes (graph may then be null). */
  key: string;
  graph: SerializedGraph | null;
  task: RouteTask;
}

export type RouteTraceReply =
  | { type: "result"; result: ChainsResult | SimplePathsResult | ThroughNodeResult }
  | { type: "error"; message: string; needGraph?: boolean };

export interface RouteTraceHandler {
  handle(request: RouteTraceRequest, post: (reply: RouteTraceReply) => void): void;
}

/** One worker's state: the last graph it built. */
export function createRouteTraceHandler(): RouteTraceHandler {
  let key = "";
  let graph: MultiDirectedGraph | null = null;
  return {
    handle(request, post) {
      try {
        if (request?.type !== "run") throw new Error('workers/routeTrace: expected a {type: "run"} request');
        if (request.graph) {
          graph = MultiDirectedGraph.from(request.graph);
          key = request.key;
        } else if (!graph || key !== request.key) {
          post({ type: "error", message: "workers/routeTrace: this worker does not hold that graph", needGraph: true });
          return;
        }
        const t = request.task;
        const result =
          t.kind === "chains"
            ? chains(graph, t.origin, t.destination, { k: TRACE_CHAINS_K, maxHops: TRACE_MAX_HOPS, weight: "weight" })
            : t.kind === "simple"
              ? simplePaths(graph, t.origin, t.destination, {
                  maxDepth: SIMPLE_MAX_DEPTH,
                  maxPaths: SIMPLE_MAX_PATHS,
                  maxMs: SIMPLE_MAX_MS,
                  weight: "weight",
                })
              : throughNode(graph, t.place, { weight: "weight" });
        post({ type: "result", result });
      } catch (error) {
        post({ type: "error", message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
