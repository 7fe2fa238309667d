// Messages between attributionClient and attribution.worker, and the worker's handler (kept apart
// from the worker entry so Node tests can drive it without a Worker).
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { attribution, type Attribution, type AttributionOptions } from "../analysis/attribution";

/** The options that cross the worker boundary (no callbacks, no signal). */
export type AttributionWorkerOptions = Partial<Pick<AttributionOptions, "weight" | "tolerance" | "maxIterations" | "denseLimit">>;

export interface AttributionRequest {
  type: "run";
  graph: SerializedGraph;
  options: AttributionWorkerOptions;
}

export type AttributionReply =
  { type: "progress"; done: number; total: number } | { type: "result"; result: Attribution } | { type: "error"; message: string };

/** Typed-array buffers of a result, to transfer rather than copy. */
export function transferables(result: Attribution): ArrayBuffer[] {
  const arrays = [
    result.originNode,
    result.inflow,
    result.outflow,
    result.g,
    result.d,
    result.r,
    result.T,
    result.mix,
    result.edgeFrom,
    result.edgeVolume,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Runs one request, posting progress and then the result (or an error). */
export function handleAttributionRequest(
  request: AttributionRequest,
  post: (reply: AttributionReply, transfer?: ArrayBuffer[]) => void,
): void {
  try {
    if (request?.type !== "run") throw new Error('workers/attribution: expected a {type: "run"} request');
    const graph = MultiDirectedGraph.from(request.graph);
    const result = attribution(graph, { ...request.options, onProgress: (done, total) => post({ type: "progress", done, total }) });
    post({ type: "result", result }, transferables(result));
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}
