import { describe, expect, it } from "vitest";
import { attribution, nodeAttribution } from "../../../src/analysis";
import { runAttribution, type AttributionWorkerLike } from "../../../src/workers/attributionClient";
import { handleAttributionRequest, type AttributionReply, type AttributionRequest } from "../../../src/workers/attributionProtocol";
import { mapOf, workedExample } from "../analysis/fixtures";

/** A stand-in Worker that runs the real handler on a later task, through a structured clone. */
function fakeWorker(log: string[]): () => AttributionWorkerLike {
  return () => {
    let terminated = false;
    const w: AttributionWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => {
        terminated = true;
        log.push("terminate");
      },
      postMessage: (message: AttributionRequest) => {
        const request = structuredClone(message);
        setTimeout(() =>
          handleAttributionRequest(request, (reply: AttributionReply) => {
            if (!terminated) w.onmessage?.({ data: structuredClone(reply) } as MessageEvent<AttributionReply>);
          }),
        );
      },
    };
    return w;
  };
}

describe("runAttribution(graph, options) runs the attribution off the calling thread", () => {
  it("falls back to a synchronous run in Node and gives the same result with progress", async () => {
    const progress: number[] = [];
    const result = await runAttribution(workedExample(), { onProgress: (done, total) => progress.push(done / total) });
    expect(mapOf(nodeAttribution(result, "RU").mix)).toEqual(mapOf(nodeAttribution(attribution(workedExample()), "RU").mix));
    expect(progress.at(-1)).toBe(1);
  });

  it("sends a serialised graph to a worker and resolves with its result", async () => {
    const log: string[] = [];
    const progress: number[] = [];
    const result = await runAttribution(workedExample().export(), { worker: fakeWorker(log), onProgress: (d) => progress.push(d) });
    expect(mapOf(nodeAttribution(result, "RU").mix)).toEqual({ CN: 0.84375, KR: 0.15625 });
    expect(progress.length).toBeGreaterThan(0);
    expect(log).toEqual(["terminate"]);
  });

  it("rejects with an AbortError and terminates the worker when cancelled", async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const run = runAttribution(workedExample(), { worker: fakeWorker(log), signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(log).toEqual(["terminate"]);
    await expect(runAttribution(workedExample(), { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects with the worker's error message on a bad request", async () => {
    const replies: AttributionReply[] = [];
    handleAttributionRequest({ type: "nope" } as unknown as AttributionRequest, (r) => replies.push(r));
    expect(replies).toEqual([{ type: "error", message: 'workers/attribution: expected a {type: "run"} request' }]);
  });
});
