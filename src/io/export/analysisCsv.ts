// "Download CSV" for every analysis view: the rows the view shows, with a header of comment lines saying
// what they are (view, unit, year, filters, scenario, sources). readAnalysisCsv reads the same file back
// (the round trip is unit-tested). Numbers are written as numbers (no thousands separators), at most
// 6 decimals; an empty cell is a missing value, never a zero.
import Papa from "papaparse";
import type { AnalysisTable, Cell } from "../../state/analysisTables";
import type { CsvMetaWords } from "../../state/csvMeta";
import { csvField } from "./flowsCsv";

/** The header lines of a download (state/csvMeta builds them from the view). */
export type CsvMeta = CsvMetaWords;

const PREFIX = "# ";

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\u0000-\u001f\u007f]+/g, " ").trim();
}

function cellText(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const r = Math.round(value * 1e6) / 1e6;
    return String(Object.is(r, -0) ? 0 : r);
  }
  return csvField(value);
}

/** The file: comment lines ("# key: value"), then a header row and the rows. */
export function writeAnalysisCsv(meta: CsvMeta, table: AnalysisTable): string {
  const lines = [
    `${PREFIX}Reroute: ${oneLine(meta.view)}`,
    `${PREFIX}unit: ${oneLine(meta.unit)}`,
    `${PREFIX}year: ${oneLine(meta.year)}`,
    `${PREFIX}filters: ${oneLine(meta.filters) || "none"}`,
    `${PREFIX}scenario: ${oneLine(meta.scenario) || "none"}`,
    ...meta.sources.map((s) => `${PREFIX}source: ${oneLine(s)}`),
    ...meta.notes.map((n) => `${PREFIX}note: ${oneLine(n)}`),
  ];
  const header = table.columns.map((c) => csvField(c)).join(",");
  const rows = table.rows.map((row) => row.map(cellText).join(","));
  return [...lines, header, ...rows].join("\n") + "\n";
}

export interface ReadCsv {
  meta: CsvMeta;
  table: AnalysisTable;
}

/** Reads a file written by writeAnalysisCsv: numbers come back as numbers, empty cells as null. */
export function readAnalysisCsv(text: string, numericColumns: ReadonlySet<string>): ReadCsv {
  const source = text.replace(/^\uFEFF/, "");
  const meta: CsvMeta = { view: "", unit: "", year: "", filters: "", scenario: "", sources: [], notes: [] };
  // Header lines one by one; the body keeps its bytes (a quoted cell may hold a line break of any kind).
  let pos = 0;
  for (let i = 0; source.startsWith(PREFIX, pos); i++) {
    const end = source.indexOf("\n", pos);
    const line = source.slice(pos + PREFIX.length, end < 0 ? source.length : end).replace(/\r$/, "");
    pos = end < 0 ? source.length : end + 1;
    if (i === 0 && line.startsWith("Reroute: ")) {
      meta.view = line.slice("Reroute: ".length);
      continue;
    }
    const colon = line.indexOf(": ");
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 2);
    if (key === "unit" || key === "year" || key === "filters" || key === "scenario") meta[key] = value;
    else if (key === "source") meta.sources.push(value);
    else if (key === "note") meta.notes.push(value);
  }
  const parsed = Papa.parse<string[]>(source.slice(pos), { delimiter: ",", quoteChar: '"', skipEmptyLines: true });
  const [columns = [], ...data] = parsed.data;
  const rows = data.map((row) =>
    row.map((cell, c): Cell => {
      if (cell === "") return null;
      return numericColumns.has(columns[c] ?? "") ? Number(cell) : cell;
    }),
  );
  return { meta, table: { columns, rows } };
}

/** A file name: "reroute-over-time-horgos-2024.csv". */
export function csvFileName(view: string, year: string): string {
  const slug = `${view} ${year}`
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `reroute-${slug || "table"}.csv`;
}
