// graphology's serialised graph: { attributes?, options?, nodes: [{ key, attributes? }], edges: [{ key?, source, target, attributes?, undirected? }] },
// and the node-link JSON of NetworkX (json_graph.node_link_data) and d3: { directed?, nodes: [{ id, ...attributes }], links: [{ source, target, ...attributes }] }.
// Validated by hand: nothing from the file is ever evaluated.
import { dict, toDict } from "../../../domain/safeKeys";
import type { DatasetBuilder } from "../builder";
import { importGraph, type GraphInput } from "./graphInput";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const keyOf = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : null;

/** Whether a parsed JSON value looks like a serialised graphology graph or a node-link graph. */
export function isSerializedGraph(value: unknown): value is { nodes: unknown[]; edges?: unknown[]; links?: unknown[] } {
  if (!isRecord(value) || !Array.isArray(value.nodes)) return false;
  if (value.edges !== undefined) return Array.isArray(value.edges);
  return value.links === undefined || Array.isArray(value.links);
}

/** Whether the graph is node-link JSON (NetworkX, d3): "links" instead of "edges". */
export function isNodeLinkGraph(value: unknown): boolean {
  return isSerializedGraph(value) && value.edges === undefined && Array.isArray(value.links);
}

/** A node-link record's own fields, less the ones that say where it sits in the graph. */
function ownAttributes(record: Record<string, unknown>, structural: readonly string[]): Record<string, unknown> {
  // Null-prototype records: an attribute called "__proto__" or "constructor" is data, never the object's prototype.
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(record)) if (!structural.includes(key)) out[key] = value;
  if (isRecord(record.attributes)) for (const [key, value] of Object.entries(record.attributes)) out[key] = value;
  return out;
}

export function importGraphologyJson(value: unknown, file: string, builder: DatasetBuilder): boolean {
  if (!isSerializedGraph(value)) {
    builder.error(file, 0, 0, `${file}: not a serialised graph (expected an object with "nodes" and "edges" or "links" arrays)`);
    return false;
  }
  const nodeLink = isNodeLinkGraph(value);
  const record = value as Record<string, unknown>;
  const input: GraphInput = { nodes: [], edges: [] };
  const undirectedGraph = nodeLink ? record.directed === false : isRecord(record.options) && record.options.type === "undirected";
  // d3 without ids: links point at nodes by their index.
  const byIndex = nodeLink && value.nodes.every((node) => !isRecord(node) || keyOf(node.id) === null);
  value.nodes.forEach((node, index) => {
    const key = byIndex ? String(index) : isRecord(node) ? (nodeLink ? (keyOf(node.id) ?? keyOf(node.key)) : keyOf(node.key)) : null;
    if (key === null || !isRecord(node)) {
      builder.warn(file, 0, 0, `${file}: node ${index + 1} has no ${nodeLink ? "id" : "key"}; left out`);
      return;
    }
    input.nodes.push({
      key,
      attributes: nodeLink
        ? ownAttributes(node, ["id", "key", "attributes"])
        : isRecord(node.attributes)
          ? toDict(node.attributes)
          : dict(),
    });
  });
  const edges = (nodeLink ? value.links : value.edges) ?? [];
  const endpoint = (end: unknown): string | null => (isRecord(end) ? keyOf(end.id) : keyOf(end));
  edges.forEach((edge, index) => {
    const source = isRecord(edge) ? endpoint(edge.source) : null;
    const target = isRecord(edge) ? endpoint(edge.target) : null;
    if (!isRecord(edge) || source === null || target === null) {
      builder.reject(file, index + 1, 0, `${nodeLink ? "link" : "edge"} ${index + 1} has no source or target`);
      return;
    }
    input.edges.push({
      key: keyOf(edge.key) ?? undefined,
      source,
      target,
      attributes: nodeLink
        ? ownAttributes(edge, ["source", "target", "key", "attributes"])
        : isRecord(edge.attributes)
          ? toDict(edge.attributes)
          : dict(),
      undirected: edge.undirected === true || undirectedGraph,
    });
  });
  importGraph(input, builder, file);
  return true;
}
