// Web Worker entry: chains, simple paths and through-place views of big graphs (see routeTraceClient.ts).
/// <reference lib="webworker" />
import { createRouteTraceHandler, type RouteTraceRequest } from "./routeTraceProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handler = createRouteTraceHandler();
scope.onmessage = (event: MessageEvent<RouteTraceRequest>) => {
  handler.handle(event.data, (reply) => scope.postMessage(reply));
};
