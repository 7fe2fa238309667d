// graphology's serialised graph: { attributes?, options?, nodes: [{ key, attributes? }], edges: [{ key?, source, target, attributes?, undirected? }] }.
// Validated by hand: nothing from the file is ever evaluated.
import type { DatasetBuilder } from "../builder";
import { importGraph, type GraphInput } from "./graphInput";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const keyOf = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : null);

/** Whether a parsed JSON value looks like a serialised graphology graph. */
export function isSerializedGraph(value: unknown): value is { nodes: unknown[]; edges?: unknown[] } {
  return isRecord(value) && Array.isArray(value.nodes) && (value.edges === undefined || Array.isArray(value.edges));
}

export function importGraphologyJson(value: unknown, file: string, builder: DatasetBuilder): boolean {
  if (!isSerializedGraph(value)) {
    builder.error(file, 0, 0, `${file}: not a serialised graphology graph (expected an object with "nodes" and "edges" arrays)`);
    return false;
  }
  const input: GraphInput = { nodes: [], edges: [] };
  const undirectedGraph = isRecord((value as Record<string, unknown>).options) && ((value as Record<string, unknown>).options as Record<string, unknown>).type === "undirected";
  value.nodes.forEach((node, index) => {
    const key = isRecord(node) ? keyOf(node.key) : null;
    if (key === null || !isRecord(node)) {
      builder.warn(file, 0, 0, `${file}: node ${index + 1} has no key; left out`);
      return;
    }
    input.nodes.push({ key, attributes: isRecord(node.attributes) ? node.attributes : {} });
  });
  (value.edges ?? []).forEach((edge, index) => {
    const source = isRecord(edge) ? keyOf(edge.source) : null;
    const target = isRecord(edge) ? keyOf(edge.target) : null;
    if (!isRecord(edge) || source === null || target === null) {
      builder.reject(file, index + 1, 0, `edge ${index + 1} has no source or target`);
      return;
    }
    input.edges.push({
      key: keyOf(edge.key) ?? undefined,
      source,
      target,
      attributes: isRecord(edge.attributes) ? edge.attributes : {},
      undirected: edge.undirected === true || undirectedGraph,
    });
  });
  importGraph(input, builder, file);
  return true;
}
