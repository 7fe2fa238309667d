// Reads one CSV file: trimmed, lower-cased header names, then rows, each able to say its physical line
// so that every message can point at the file. streamCsvTable hands rows over one by one as papaparse
// reads them (fields by index); parseCsvTable keys them by name for small files.
import Papa from "papaparse";
import type { DataIssue } from "./types";

export interface CsvRow {
  /** 1-based physical line where the row starts (quoted fields may span several lines). */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  /** 1-based line of the header (the first non-blank line), 0 when the file is empty. */
  headerLine: number;
  rows: CsvRow[];
  issues: DataIssue[];
}

/** Line numbers of a text, found only when asked (for a problem): one scan for line breaks, then a binary search. */
export class LineIndex {
  private breaks: Uint32Array | null = null;

  constructor(private readonly text: string) {}

  /** 1-based line of the character at `offset`. */
  lineAt(offset: number): number {
    if (this.breaks === null) {
      const found: number[] = [];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) found.push(i);
      this.breaks = Uint32Array.from(found);
    }
    const breaks = this.breaks;
    let lo = 0,
      hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** One data row as papaparse gave it: fields by column index (untrimmed), and where it starts. */
export class CsvFieldsRow {
  constructor(
    readonly fields: string[],
    /** Offset of the row's first character in the (normalised) text. */
    readonly start: number,
    private readonly lines: LineIndex,
  ) {}

  /** 1-based physical line where the row starts, computed on demand. */
  get line(): number {
    return this.lines.lineAt(this.start);
  }

  /** 1-based line of another offset of the same text (an earlier row's start). */
  lineAt(offset: number): number {
    return this.lines.lineAt(offset);
  }
}

export interface CsvStreamHeader {
  /** Trimmed, lower-cased names; "" for a column without a name. */
  header: string[];
  headerLine: number;
}

/** The text as papaparse and the line counter read it: no byte order mark, "\n" line breaks. */
function normalise(text: string): string {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return bare.includes("\r") ? bare.replace(/\r\n?/g, "\n") : bare;
}

/**
 * Streams one CSV file through papaparse's step callback: the header (first non-blank row) is checked and
 * handed to `onHeader`, which may stop the read by returning false; each later non-blank row goes to `onRow`
 * as its fields, read by column index, with no copy per cell. Problems of the file itself (quotes, field
 * counts, header names) go to `issues` with file, line and column; line numbers are computed only for them.
 */
export function streamCsvTable(
  text: string,
  file: string,
  issues: DataIssue[],
  onHeader: (header: CsvStreamHeader) => boolean,
  onRow: (row: CsvFieldsRow) => void,
): CsvStreamHeader | null {
  const issue = (severity: DataIssue["severity"], line: number, column: number, message: string): void => {
    issues.push({ severity, file, line, column, message });
  };
  const normalised = normalise(text);
  const lines = new LineIndex(normalised);
  let head: CsvStreamHeader | null = null;
  let previousCursor = 0;
  let stopped = false;
  Papa.parse<string[]>(normalised, {
    delimiter: ",",
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      const start = previousCursor;
      previousCursor = result.meta.cursor;
      if (stopped) return;
      const fields = result.data;
      for (const error of result.errors) {
        const rowLine = lines.lineAt(start);
        if (error.code === "MissingQuotes") {
          issue(
            "error",
            rowLine,
            0,
            `${file} line ${rowLine}: the row starting here has a quoted field that is never closed (a " is missing), so the rest of the file was read into it`,
          );
        } else if (error.code === "InvalidQuotes") {
          issue("error", rowLine, 0, `${file} line ${rowLine}: misplaced quote: ${error.message}`);
        }
      }
      // Blank lines, and rows a spreadsheet leaves as nothing but commas, carry no data.
      if (isBlank(fields)) return;
      if (head === null) {
        head = readHeader(fields, lines.lineAt(start), file, issue);
        if (!onHeader(head)) {
          stopped = true;
          parser.abort();
        }
        return;
      }
      const width = head.header.length;
      if (fields.length > width) {
        let extra = false;
        for (let i = width; i < fields.length && !extra; i++) extra = fields[i]!.trim() !== "";
        if (extra) {
          const rowLine = lines.lineAt(start);
          issue(
            "error",
            rowLine,
            width + 1,
            `${file} line ${rowLine} has ${fields.length} fields but the header (line ${head.headerLine}) has ${width}; a value probably contains an unquoted comma`,
          );
        }
      } else if (fields.length < width) {
        const rowLine = lines.lineAt(start);
        issue(
          "warning",
          rowLine,
          fields.length + 1,
          `${file} line ${rowLine} has ${fields.length} fields but the header has ${width}; the missing ones were read as empty`,
        );
      }
      onRow(new CsvFieldsRow(fields, start, lines));
    },
  });
  if (head === null) issue("error", 0, 0, `${file}: the file is empty; expected a header line with column names`);
  return head;
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field !== "" && field.trim() !== "") return false;
  return true;
}

function readHeader(
  fields: string[],
  rowLine: number,
  file: string,
  issue: (severity: DataIssue["severity"], line: number, column: number, message: string) => void,
): CsvStreamHeader {
  const header = fields.map((name) => name.trim().toLowerCase());
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === "") {
      issue(
        "warning",
        rowLine,
        index + 1,
        `${file} line ${rowLine}, column ${index + 1}: the header gives this column no name; its values are ignored`,
      );
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issue(
        "error",
        rowLine,
        index + 1,
        `${file} line ${rowLine}, column ${index + 1}: the header names column "${name}" twice (columns ${first} and ${index + 1}); each column name must appear once`,
      );
    } else {
      seen.set(name, index + 1);
    }
  });
  return { header, headerLine: rowLine };
}

/** The whole file at once, rows keyed by column name (small files and tests; big ones use streamCsvTable). */
export function parseCsvTable(text: string, file: string): CsvTable {
  const issues: DataIssue[] = [];
  const rows: CsvRow[] = [];
  let header: string[] = [];
  const head = streamCsvTable(
    text,
    file,
    issues,
    (h) => {
      header = h.header;
      return true;
    },
    (row) => {
      // No prototype: a column named "constructor" or "__proto__" is a column like any other.
      const cells = Object.create(null) as Record<string, string>;
      header.forEach((name, index) => {
        if (name !== "" && !(name in cells)) cells[name] = (row.fields[index] ?? "").trim();
      });
      rows.push({ line: row.line, cells });
    },
  );
  if (head === null) return { header: [], headerLine: 0, rows: [], issues };
  return { header: head.header, headerLine: head.headerLine, rows, issues };
}
