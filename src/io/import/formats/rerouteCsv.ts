// Reroute's own CSV files go through the domain parser (parseDataset); this only recognises them and
// undoes what spreadsheets do to them (semicolons, decimal commas) before handing them over.
import Papa from "papaparse";
import { withSafePlaceIds } from "../../../domain/safeKeys";
import { parseDataset, type DatasetFiles, type ParseDatasetResult } from "../../../domain/parseDataset";
import type { DataIssue } from "../../../domain/types";
import { headerKey } from "./edgeList";

export type RerouteRole = keyof DatasetFiles;

const SIGNATURES: Record<RerouteRole, string[]> = {
  places: ["id", "name", "kind", "country", "lat", "lon"],
  flows: ["from", "to", "year", "vehicles", "basis"],
  sources: ["id", "publisher", "title"],
  context: ["id", "year", "measure", "value", "unit"],
  events: ["id", "date", "title"],
  assumptions: ["id", "label", "value", "unit", "min", "max"],
};

const NUMERIC_COLUMNS = new Set(["lat", "lon", "vehicles", "usd", "value", "min", "max"]);

/** Which of Reroute's files a header belongs to, if any. */
export function rerouteRole(headers: readonly string[]): RerouteRole | null {
  const keys = new Set(headers.map((header) => header.trim().toLowerCase()));
  for (const role of ["places", "flows", "sources", "context", "events", "assumptions"] as const) {
    if (SIGNATURES[role].every((name) => keys.has(name))) return role;
  }
  return null;
}

/** Rewrites a semicolon/tab file as the comma CSV the domain parser reads, turning decimal commas in numeric columns into dots. */
export function toCommaCsv(text: string, delimiter: string): { text: string; decimalCommas: number } {
  if (delimiter === ",") return { text, decimalCommas: 0 };
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: "\n", quoteChar: '"', skipEmptyLines: false });
  let numeric: boolean[] = [];
  let decimalCommas = 0;
  let headerSeen = false;
  const rows = parsed.data.map((fields) => {
    if (!headerSeen) {
      if (fields.every((field) => field.trim() === "")) return fields;
      headerSeen = true;
      numeric = fields.map((field) => NUMERIC_COLUMNS.has(headerKey(field)));
      return fields;
    }
    return fields.map((field, index) => {
      if (numeric[index] && /^\s*-?\d+,\d+\s*$/.test(field)) {
        decimalCommas++;
        return field.replace(",", ".");
      }
      return field;
    });
  });
  return { text: Papa.unparse(rows, { newline: "\n", quotes: false }), decimalCommas };
}

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/**
 * A sources file whose links are not web addresses (javascript:, file:, mailto:): each such link is
 * removed, with a warning naming line and column, so the source (and the import) is kept; only
 * http(s) links ever become links. `text` is comma-separated; the line count is kept.
 */
export function dropNonWebLinks(text: string, file: string): { text: string; issues: DataIssue[]; dropped: number } {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\n", quoteChar: '"', skipEmptyLines: false });
  const rows = parsed.data;
  const headerIndex = rows.findIndex((fields) => fields.some((field) => field.trim() !== ""));
  const urlColumn = headerIndex < 0 ? -1 : (rows[headerIndex] ?? []).findIndex((field) => field.trim().toLowerCase() === "url");
  if (urlColumn < 0) return { text, issues: [], dropped: 0 };
  const issues: DataIssue[] = [];
  let line = 1;
  rows.forEach((fields, index) => {
    const rowLine = line;
    for (const field of fields) line += field.split("\n").length - 1;
    line++;
    if (index <= headerIndex) return;
    const url = (fields[urlColumn] ?? "").trim();
    if (url === "" || WEB_ADDRESS.test(url)) return;
    fields[urlColumn] = "";
    issues.push({
      severity: "warning",
      file,
      line: rowLine,
      column: urlColumn + 1,
      message: `${file} line ${rowLine}, column ${urlColumn + 1} ("url"): "${url}" is not a web address (http:// or https://); the source is kept without this link`,
    });
  });
  if (issues.length === 0) return { text, issues, dropped: 0 };
  return { text: Papa.unparse(rows, { newline: "\n", quotes: false }), issues, dropped: issues.length };
}

export function importRerouteCsv(files: DatasetFiles, meta: { id: string; name: string }, asColumns = false): ParseDatasetResult {
  try {
    const parsed = parseDataset(files, meta, asColumns ? { flows: "columns" } : {});
    // Place ids are file data: one named "__proto__" or "constructor" is renamed before it reaches a graph
    // (flows as columns point at places by index, so they follow the renamed places).
    return parsed.dataset ? { ...parsed, dataset: withSafePlaceIds(parsed.dataset) } : parsed;
  } catch (error) {
    return {
      dataset: null,
      issues: [
        {
          severity: "error",
          file: "",
          line: 0,
          column: 0,
          message: `the Reroute CSV files could not be read (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
    };
  }
}
