// Web Worker entry: full origin attribution off the main thread (see attributionClient.ts).
/// <reference lib="webworker" />
import { handleAttributionRequest, type AttributionRequest } from "./attributionProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<AttributionRequest>) => {
  handleAttributionRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
};
