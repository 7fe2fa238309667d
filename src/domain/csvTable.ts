// Reads one CSV file: trimmed, lower-cased header names, then rows, each able to say its physical line
// so that every message can point at the file. streamCsvTable hands rows over one by one as they are read
// (fields by index, as ranges of the text); parseCsvTable keys them by name for small files.
import Papa from "papaparse";
import { isTrimmedSpace, regularQuoting, scanCsv } from "./csvScan";
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

/**
 * One data row: each field a range of a source string, the file's text for a plain field or the value of
 * a quoted one, so that a reader can look at a cell without a string made for it. While the file is
 * streamed the same row object is refilled for each row: keep a row past its handler only as `copy()`.
 */
export class CsvFieldsRow {
  /** Number of fields. */
  count = 0;
  /** Offset of the row's first character in the (normalised) text. */
  start = 0;
  readonly src: string[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];

  constructor(private readonly lines: LineIndex) {}

  /** Field `i` as written (not trimmed); "" past the end of the row. */
  field(i: number): string {
    return i >= 0 && i < this.count ? this.src[i]!.substring(this.from[i]!, this.to[i]!) : "";
  }

  /** Field `i` trimmed; "" past the end of the row. */
  text(i: number): string {
    if (i < 0 || i >= this.count) return "";
    const src = this.src[i]!;
    let a = this.from[i]!,
      b = this.to[i]!;
    while (a < b && isTrimmedSpace(src.charCodeAt(a))) a++;
    while (b > a && isTrimmedSpace(src.charCodeAt(b - 1))) b--;
    return src.substring(a, b);
  }

  /** Whether field `i` is empty or white space only. */
  blank(i: number): boolean {
    const src = this.src[i]!;
    for (let j = this.from[i]!, end = this.to[i]!; j < end; j++) if (!isTrimmedSpace(src.charCodeAt(j))) return false;
    return true;
  }

  /** Every field as written. */
  get fields(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.field(i));
  }

  /** 1-based physical line where the row starts, computed on demand. */
  get line(): number {
    return this.lines.lineAt(this.start);
  }

  /** 1-based line of another offset of the same text (an earlier row's start). */
  lineAt(offset: number): number {
    return this.lines.lineAt(offset);
  }

  /** A row of its own, with the same fields. */
  copy(): CsvFieldsRow {
    const row = new CsvFieldsRow(this.lines);
    row.reset(this.start);
    for (let i = 0; i < this.count; i++) row.push(this.src[i]!, this.from[i]!, this.to[i]!);
    return row;
  }

  reset(start: number): void {
    this.count = 0;
    this.start = start;
  }

  push(src: string, from: number, to: number): void {
    const i = this.count++;
    this.src[i] = src;
    this.from[i] = from;
    this.to[i] = to;
  }
}

export interface CsvStreamHeader {
  /** Trimmed, lower-cased names; "" for a column without a name. */
  header: string[];
  headerLine: number;
}

/** The text as the scanners and the line counter read it: no byte order mark, "\n" line breaks. */
function normalise(text: string): string {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return bare.includes("\r") ? bare.replace(/\r\n?/g, "\n") : bare;
}

/**
 * Streams one CSV file: the header (first non-blank row) is checked and handed to `onHeader`, which may
 * stop the read by returning false; each later non-blank row goes to `onRow` (the same row object each
 * time: see CsvFieldsRow). Problems of the file itself (quotes, field counts, header names) go to `issues`
 * with file, line and column; line numbers are computed only for them. Regularly quoted text (nearly every
 * file) is read by scanCsv; any other goes through papaparse, which says what is wrong with the quotes.
 */
export function streamCsvTable(
  text: string,
  file: string,
  issues: DataIssue[],
  onHeader: (header: CsvStreamHeader) => boolean,
  onRow: (row: CsvFieldsRow) => void,
  reader: "auto" | "papaparse" = "auto",
): CsvStreamHeader | null {
  const issue = (severity: DataIssue["severity"], line: number, column: number, message: string): void => {
    issues.push({ severity, file, line, column, message });
  };
  const normalised = normalise(text);
  const lines = new LineIndex(normalised);
  let head: CsvStreamHeader | null = null;
  const row = new CsvFieldsRow(lines);
  /** One row as read; false to stop. */
  const take = (row: CsvFieldsRow): boolean => {
    // Blank lines, and rows a spreadsheet leaves as nothing but commas, carry no data.
    if (isBlank(row)) return true;
    if (head === null) {
      head = readHeader(row.fields, lines.lineAt(row.start), file, issue);
      return onHeader(head);
    }
    const width = head.header.length;
    if (row.count > width) {
      let extra = false;
      for (let i = width; i < row.count && !extra; i++) extra = !row.blank(i);
      if (extra) {
        const rowLine = lines.lineAt(row.start);
        issue(
          "error",
          rowLine,
          width + 1,
          `${file} line ${rowLine} has ${row.count} fields but the header (line ${head.headerLine}) has ${width}; a value probably contains an unquoted comma`,
        );
      }
    } else if (row.count < width) {
      const rowLine = lines.lineAt(row.start);
      issue(
        "warning",
        rowLine,
        row.count + 1,
        `${file} line ${rowLine} has ${row.count} fields but the header has ${width}; the missing ones were read as empty`,
      );
    }
    onRow(row);
    return true;
  };
  if (reader === "auto" && regularQuoting(normalised)) scanCsv(normalised, row, take);
  else papaparseRows(normalised, file, lines, row, issue, take);
  if (head === null) issue("error", 0, 0, `${file}: the file is empty; expected a header line with column names`);
  return head;
}

/** The rows of any comma-separated text through papaparse's step callback, with its complaints about quotes. */
function papaparseRows(
  normalised: string,
  file: string,
  lines: LineIndex,
  row: CsvFieldsRow,
  issue: (severity: DataIssue["severity"], line: number, column: number, message: string) => void,
  take: (row: CsvFieldsRow) => boolean,
): void {
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
      row.reset(start);
      for (const field of result.data) row.push(field, 0, field.length);
      if (!take(row)) {
        stopped = true;
        parser.abort();
      }
    },
  });
}

function isBlank(row: CsvFieldsRow): boolean {
  for (let i = 0; i < row.count; i++) if (!row.blank(i)) return false;
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
        if (name !== "" && !(name in cells)) cells[name] = row.text(index);
      });
      rows.push({ line: row.line, cells });
    },
  );
  if (head === null) return { header: [], headerLine: 0, rows: [], issues };
  return { header: head.header, headerLine: head.headerLine, rows, issues };
}
