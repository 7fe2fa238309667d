// Small hand-named graphs for the analysis tests.
import { MultiDirectedGraph } from "graphology";

export type Kind = "origin" | "exit" | "transit" | "market" | undefined;

/** Builds a graph from [id, kind] places and [from, to, weight, mode?] flows; edge key `${from}>${to}/${mode}`. */
export function tradeGraph(places: [string, Kind][], flows: [string, string, number | undefined, string?][]): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const [id, kind] of places) g.addNode(id, kind === undefined ? { name: id } : { name: id, kind });
  for (const [from, to, weight, mode = "road"] of flows) {
    g.addEdgeWithKey(`${from}>${to}/${mode}`, from, to, weight === undefined ? { mode } : { mode, weight });
  }
  return g;
}

/** docs/methods.md worked check: CN→KZ 60, CN→KG 40, KR→KZ 20, KZ→RU 50, KG→RU 30. */
export function workedExample(): MultiDirectedGraph {
  return tradeGraph(
    [
      ["CN", "origin"],
      ["KR", "origin"],
      ["KZ", "transit"],
      ["KG", "transit"],
      ["RU", "market"],
    ],
    [
      ["CN", "KZ", 60],
      ["CN", "KG", 40],
      ["KR", "KZ", 20],
      ["KZ", "RU", 50],
      ["KG", "RU", 30],
    ],
  );
}

/** A cycle KZ⇄KG: CN→KZ 100, KR→KG 20, KZ→KG 40, KG→KZ 20, KZ→RU 50, KG→RU 10. */
export function cycleExample(): MultiDirectedGraph {
  return tradeGraph(
    [
      ["CN", "origin"],
      ["KR", "origin"],
      ["KZ", "transit"],
      ["KG", "transit"],
      ["RU", "market"],
    ],
    [
      ["CN", "KZ", 100],
      ["KR", "KG", 20],
      ["KZ", "KG", 40],
      ["KG", "KZ", 20],
      ["KZ", "RU", 50],
      ["KG", "RU", 10],
    ],
  );
}

export function mapOf(m: Map<string, number>, digits = 9): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of [...m].sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = Number(v.toFixed(digits));
  return out;
}
