// Delimited text (CSV, semicolon, tab): delimiter detection and a streaming row scan that keeps
// each row's physical line, so every message can point at the file.
import Papa from "papaparse";
import type { DataIssue } from "../../domain/types";

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** One line break everywhere ("\r\n" and lone "\r" become "\n") and no BOM. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Excel's "sep=;" first line names the delimiter. It is blanked (not removed, so line numbers stay those
 * of the file) and its delimiter returned; text without it comes back unchanged with null.
 */
export function excelSeparatorLine(text: string): { text: string; delimiter: string | null } {
  const match = /^sep=(.)?[ \t]*\n/i.exec(text);
  if (!match) return { text, delimiter: null };
  const given = match[1] === undefined ? "," : match[1];
  return { text: `\n${text.slice(match[0].length)}`, delimiter: (DELIMITERS as readonly string[]).includes(given) ? given : null };
}

/** The delimiter whose count per line is steadiest over the first lines (quoted text ignored). */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"([^"]|"")*"/g, '""')
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, 30);
  const first = lines[0];
  if (first === undefined) return ",";
  let best = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const headerCount = first.split(delimiter).length - 1;
    if (headerCount === 0) continue;
    const rest = lines.slice(1);
    const steady = rest.length === 0 ? 1 : rest.filter((line) => line.split(delimiter).length - 1 === headerCount).length / rest.length;
    const score = steady * 1000 + Math.min(headerCount, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export function delimiterName(delimiter: string): string {
  return delimiter === "\t" ? "tab" : delimiter === ";" ? "semicolon" : delimiter === "|" ? "pipe" : "comma";
}

export interface ScanResult {
  /** Header cells, trimmed, as written. */
  header: string[];
  headerLine: number;
  issues: DataIssue[];
  /** Data rows seen (blank rows excluded). */
  rows: number;
}

export interface ScanOptions {
  file: string;
  delimiter: string;
  onProgress?: (fraction: number) => void;
  /** Stop after the header (for sniffing). */
  headerOnly?: boolean;
  /** Stop after this many data rows (for sampling). */
  maxRows?: number;
}

/**
 * Reads `text` (newlines already normalised) row by row; `onRow` gets each non-blank data row
 * with its 1-based physical line. Never throws on malformed input: quoting problems become issues.
 */
export function scanDelimited(text: string, options: ScanOptions, onRow?: (fields: string[], line: number) => void): ScanResult {
  // The header of a big file from its beginning alone (papaparse would first cut all of it into lines),
  // when the header row ends inside that beginning.
  if (options.headerOnly && !options.onProgress && text.length > HEAD_SLICE) {
    const head = scan(text.slice(0, HEAD_SLICE), options, onRow);
    if (head.header.length > 0 && head.headerEnd < HEAD_SLICE) return withoutEnd(head);
  }
  return withoutEnd(scan(text, options, onRow));
}

const HEAD_SLICE = 1 << 16;

function withoutEnd(result: ScanResult): ScanResult {
  return { header: result.header, headerLine: result.headerLine, issues: result.issues, rows: result.rows };
}

function scan(text: string, options: ScanOptions, onRow?: (fields: string[], line: number) => void): ScanResult & { headerEnd: number } {
  const { file, delimiter } = options;
  const issues: DataIssue[] = [];
  let header: string[] | null = null;
  let headerLine = 0;
  let rows = 0;
  let line = 1;
  let scanned = 0;
  let previousCursor = 0;
  /** Offset just past the header row. */
  let headerEnd = 0;
  let nextProgress = 0;
  const step = 1 << 20;
  const total = text.length;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      const start = previousCursor;
      previousCursor = result.meta.cursor;
      for (; scanned < start; scanned++) if (text.charCodeAt(scanned) === 10) line++;
      const rowLine = line;
      for (const error of result.errors) {
        if (error.code === "MissingQuotes") {
          issues.push({
            severity: "error",
            file,
            line: rowLine,
            column: 0,
            message: `${file} line ${rowLine}: a quoted field is never closed (a " is missing); the rest of the file was read into it`,
          });
        } else if (error.code === "InvalidQuotes") {
          issues.push({ severity: "warning", file, line: rowLine, column: 0, message: `${file} line ${rowLine}: misplaced quote` });
        }
      }
      const fields = result.data;
      if (options.onProgress && previousCursor >= nextProgress) {
        options.onProgress(total === 0 ? 1 : previousCursor / total);
        nextProgress = previousCursor + step;
      }
      let blank = true;
      for (const field of fields) if (field.trim() !== "") blank = false;
      if (blank) return;
      if (header === null) {
        header = fields.map((cell) => cell.trim());
        headerLine = rowLine;
        headerEnd = previousCursor;
        if (options.headerOnly) parser.abort();
        return;
      }
      rows++;
      onRow?.(fields, rowLine);
      if (options.maxRows !== undefined && rows >= options.maxRows) parser.abort();
    },
  });
  options.onProgress?.(1);
  return { header: header ?? [], headerLine, issues, rows, headerEnd };
}

/** Reads the whole table into memory: for small files (places lists, Comtrade extracts). */
export function readDelimited(text: string, options: ScanOptions): ScanResult & { data: { fields: string[]; line: number }[] } {
  const data: { fields: string[]; line: number }[] = [];
  const result = scanDelimited(text, options, (fields, line) => data.push({ fields, line }));
  return { ...result, data };
}
