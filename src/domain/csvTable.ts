// Reads one CSV file into trimmed, lower-cased header names and rows keyed by them,
// keeping each row's physical line so that every message can point at the file.
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

export function parseCsvTable(text: string, file: string): CsvTable {
  const issues: DataIssue[] = [];
  const issue = (severity: DataIssue["severity"], line: number, column: number, message: string): void => {
    issues.push({ severity, file, line, column, message });
  };

  // One line break everywhere, so papaparse and our line counter agree on what a line is.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

  const records: { start: number; fields: string[]; errors: Papa.ParseError[] }[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(normalised, {
    delimiter: ",",
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    step(result) {
      records.push({ start: previousCursor, fields: result.data, errors: result.errors });
      previousCursor = result.meta.cursor;
    },
  });

  // Line numbers come from counting line breaks before each row's first character, incrementally.
  let line = 1;
  let scanned = 0;
  const lineAt = (offset: number): number => {
    for (; scanned < offset && scanned < normalised.length; scanned++) {
      if (normalised.charCodeAt(scanned) === 10) line++;
    }
    return line;
  };

  let header: string[] | null = null;
  let headerLine = 0;
  const rows: CsvRow[] = [];
  for (const record of records) {
    const rowLine = lineAt(record.start);
    for (const error of record.errors) {
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
    if (record.fields.every((field) => field.trim() === "")) continue;

    if (header === null) {
      header = record.fields.map((name) => name.trim().toLowerCase());
      headerLine = rowLine;
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
      continue;
    }

    // No prototype: a column named "constructor" or "__proto__" is a column like any other.
    const cells = Object.create(null) as Record<string, string>;
    header.forEach((name, index) => {
      if (name !== "" && !(name in cells)) cells[name] = (record.fields[index] ?? "").trim();
    });
    const extra = record.fields.slice(header.length);
    if (extra.some((field) => field.trim() !== "")) {
      issue(
        "error",
        rowLine,
        header.length + 1,
        `${file} line ${rowLine} has ${record.fields.length} fields but the header (line ${headerLine}) has ${header.length}; a value probably contains an unquoted comma`,
      );
    } else if (record.fields.length < header.length) {
      issue(
        "warning",
        rowLine,
        record.fields.length + 1,
        `${file} line ${rowLine} has ${record.fields.length} fields but the header has ${header.length}; the missing ones were read as empty`,
      );
    }
    rows.push({ line: rowLine, cells });
  }

  if (header === null) {
    issue("error", 0, 0, `${file}: the file is empty; expected a header line with column names`);
    return { header: [], headerLine: 0, rows: [], issues };
  }
  return { header, headerLine, rows, issues };
}
