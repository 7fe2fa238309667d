// Tables of flows (one or several edge files with the same columns, long or wide) and the node tables
// beside them, joined by the ids the edges use. The step of importFiles for plain CSV tables.
import type { DatasetBuilder } from "./builder";
import { readDelimited } from "./delimited";
import { guessColumnMapping, importEdgeList, resolveColumnMapping } from "./formats/edgeList";
import { applyNodeTable, describeJoin, isNodeTable, joinNodeTable, readNodeTable } from "./formats/nodeTable";
import type { ColumnMapping, ImportOptions } from "./types";
import { unitFromHeader } from "./volumeUnitGuess";
import { describeYearColumns, numericColumns } from "./wideYears";

export interface TableFile {
  name: string;
  text: string;
  delimiter: string;
  header: string[];
  /** Reroute's own flows.csv without its places.csv. */
  rerouteFlows?: boolean;
}

export type TablesOutcome =
  | { type: "needs"; table: TableFile; guess: Partial<ColumnMapping>; nodeFiles: string[] }
  | { type: "failed"; table: TableFile | null; message: string }
  | {
      type: "read";
      used: TableFile[];
      table: TableFile;
      format: string;
      /** Each node table's join in words. */
      joins: string[];
      /** The wide year columns in words ("5 year columns: 2010–2014 → years"), "" for a long table. */
      timeAxis: string;
      /** Numeric columns that are attributes, not volumes ("Average", "Rank"). */
      attributes: string[];
    };

const sameHeader = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((h, i) => h.trim().toLowerCase() === (b[i] ?? "").trim().toLowerCase());

/** Splits the tables into the edge files (the first that is not a node table, and those with its header) and node tables. */
export function sortTables(tables: readonly TableFile[], preferred?: TableFile): { edges: TableFile[]; nodes: TableFile[] } {
  const first = preferred ?? tables.find((t) => !isNodeTable(t.header)) ?? tables[0];
  if (!first) return { edges: [], nodes: [] };
  const edges = [first, ...tables.filter((t) => t !== first && sameHeader(t.header, first.header))];
  const nodes = tables.filter((t) => !edges.includes(t) && isNodeTable(t.header));
  return { edges, nodes };
}

export function importEdgeTables(
  tables: readonly TableFile[],
  preferred: TableFile | undefined,
  options: ImportOptions,
  builder: DatasetBuilder,
): TablesOutcome {
  const { edges, nodes } = sortTables(tables, preferred);
  const table = edges[0];
  if (!table) return { type: "failed", table: null, message: "no table of flows" };
  const headers = table.header;
  const guess: Partial<ColumnMapping> = table.rerouteFlows
    ? { origin: "from", destination: "to", volume: "vehicles", year: "year" }
    : guessColumnMapping(headers);
  const mapping = options.columnMapping ?? guess;
  const wide = mapping.wideYears !== undefined && mapping.wideYears.length > 0;
  const complete =
    mapping.origin !== undefined &&
    mapping.destination !== undefined &&
    (options.columnMapping !== undefined || mapping.volume !== undefined || wide);
  if (!complete) {
    if (headers.length < 2)
      return {
        type: "failed",
        table,
        message: `${table.name}: found ${headers.length} column; an edge list needs at least an origin and a destination column`,
      };
    return { type: "needs", table, guess, nodeFiles: nodes.map((n) => n.name) };
  }
  const resolved = resolveColumnMapping(headers, mapping);
  if (!resolved.ok)
    return {
      type: "failed",
      table,
      message: `${table.name}: the column mapping names columns the file does not have (${resolved.missing.join(", ")}); columns are ${headers.join(", ")}`,
    };
  const columns = resolved.columns;
  builder.setUnit(columns.volume >= 0 && !wide ? unitFromHeader(headers[columns.volume]) : "units");
  if (nodes.length === 0) {
    const origin = headers[columns.origin];
    const destination = headers[columns.destination];
    if (origin !== undefined && destination !== undefined) builder.setSides(origin.trim(), destination.trim());
  }
  const used: TableFile[] = [];
  for (const file of edges) {
    const resolvedHere = file === table ? resolved : resolveColumnMapping(file.header, mapping);
    if (!resolvedHere.ok) continue;
    used.push(file);
    importEdgeList(file.text, file.name, file.delimiter, resolvedHere.columns, builder, file === table ? options.onProgress : undefined);
  }
  if (used.length > 1) builder.fixed.push(`${used.length} edge files with the same columns read as one table`);

  const joins: string[] = [];
  if (nodes.length > 0) {
    const refs = builder.refs();
    for (const node of nodes) {
      const nodeTable = readNodeTable(node.text, node.name, node.delimiter);
      builder.issues.push(...nodeTable.issues);
      const join = joinNodeTable(nodeTable, refs);
      if (join.matched === 0) continue;
      used.push(node);
      builder.setNodeTable();
      applyNodeTable(nodeTable, join, builder);
      joins.push(describeJoin(node.name, join));
      if (join.unmatchedCount > 0)
        builder.warn(
          node.name,
          0,
          0,
          `${join.unmatchedCount} id${join.unmatchedCount === 1 ? "" : "s"} of the flows ${join.unmatchedCount === 1 ? "is" : "are"} not in ${node.name} (${join.unmatched.join(", ")}${join.unmatchedCount > join.unmatched.length ? ", …" : ""}): kept, without coordinates`,
        );
      if (join.duplicates.length > 0)
        builder.warn(
          node.name,
          0,
          0,
          `${node.name}: ${join.duplicates.length} id${join.duplicates.length === 1 ? "" : "s"} listed more than once (${join.duplicates.slice(0, 5).join(", ")}); the first row is used`,
        );
    }
    for (const join of joins) builder.fixed.push(`joined ${join}`);
  }

  const timeAxis = wide ? describeYearColumns(columns.wide) : "";
  if (timeAxis !== "") builder.fixed.push(timeAxis);
  let attributes: string[] = [];
  if (wide) {
    const sample = readDelimited(table.text, { file: table.name, delimiter: table.delimiter, maxRows: 200 }).data.map((r) => r.fields);
    const exclude = new Set<number>([
      ...columns.wide.map((c) => c.index),
      columns.origin,
      columns.destination,
      columns.originLat,
      columns.originLon,
      columns.destinationLat,
      columns.destinationLon,
    ]);
    attributes = numericColumns(headers, sample, exclude);
    if (attributes.length > 0)
      builder.fixed.push(
        `not summed as volumes: ${attributes.join(", ")} (numeric column${attributes.length === 1 ? "" : "s"} beside the years, kept as attributes; choose one as the volume in the column mapping to use it instead)`,
      );
  }
  const format = table.rerouteFlows
    ? "Reroute flows.csv without places.csv (read as an edge list)"
    : `edge list CSV${wide ? " (wide: a column per year)" : ""}${joins.length > 0 ? " with a node table" : ""}`;
  return { type: "read", used, table, format, joins, timeAxis, attributes };
}
