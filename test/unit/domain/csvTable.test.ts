import { describe, expect, it } from "vitest";
import { regularQuoting } from "../../../src/domain/csvScan";
import { parseCsvTable, streamCsvTable } from "../../../src/domain/csvTable";
import type { DataIssue } from "../../../src/domain/types";

const lines = (table: ReturnType<typeof parseCsvTable>): number[] => table.rows.map((row) => row.line);

describe("parseCsvTable", () => {
  it("parseCsvTable(text, file) gives trimmed lower-case header names and rows keyed by them", () => {
    const table = parseCsvTable(" ID , Name \na, Alpha \nb,Beta\n", "x.csv");
    expect(table.header).toEqual(["id", "name"]);
    expect(table.headerLine).toBe(1);
    expect(table.rows).toEqual([
      { line: 2, cells: { id: "a", name: "Alpha" } },
      { line: 3, cells: { id: "b", name: "Beta" } },
    ]);
    expect(table.issues).toEqual([]);
  });

  it("a UTF-8 byte order mark does not become part of the first column name", () => {
    const table = parseCsvTable("\uFEFFid,name\na,Alpha\n", "x.csv");
    expect(table.header).toEqual(["id", "name"]);
    expect(table.rows[0]?.cells.id).toBe("a");
  });

  it("CRLF, LF and CR-only line breaks give the same rows and line numbers", () => {
    const lf = parseCsvTable("id,name\na,Alpha\nb,Beta\n", "x.csv");
    const crlf = parseCsvTable("id,name\r\na,Alpha\r\nb,Beta\r\n", "x.csv");
    const cr = parseCsvTable("id,name\ra,Alpha\rb,Beta\r", "x.csv");
    expect(crlf.rows).toEqual(lf.rows);
    expect(cr.rows).toEqual(lf.rows);
    expect(lines(cr)).toEqual([2, 3]);
    expect(cr.rows[1]?.cells.name).toBe("Beta");
  });

  it("a quoted field containing a line break shifts the following rows' line numbers by one", () => {
    const text = 'id,note\na,"first\nsecond"\nb,plain\nc,"x\r\ny\r\nz"\nd,last\n';
    const table = parseCsvTable(text, "x.csv");
    expect(lines(table)).toEqual([2, 4, 5, 8]);
    expect(table.rows[0]?.cells.note).toBe("first\nsecond");
    expect(table.rows[2]?.cells.note).toBe("x\ny\nz");
  });

  it("blank lines, whitespace-only lines and trailing blank lines are skipped without moving line numbers", () => {
    const table = parseCsvTable("\nid,name\n\na,Alpha\n   \nb,Beta\n,\n\n\n", "x.csv");
    expect(table.headerLine).toBe(2);
    expect(lines(table)).toEqual([4, 6]);
    expect(table.issues).toEqual([]);
  });

  it("a row with more non-empty fields than the header is an error at its line", () => {
    const table = parseCsvTable("id,name\na,Alpha,extra\n", "x.csv");
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]).toMatchObject({ severity: "error", file: "x.csv", line: 2, column: 3 });
    expect(table.issues[0]?.message).toContain("x.csv line 2 has 3 fields but the header (line 1) has 2");
  });

  it("a row with fewer fields than the header is a warning and the missing cells read as empty", () => {
    const table = parseCsvTable("id,name,note\na,Alpha\n", "x.csv");
    expect(table.rows[0]?.cells).toEqual({ id: "a", name: "Alpha", note: "" });
    expect(table.issues.map((issue) => [issue.severity, issue.line, issue.column])).toEqual([["warning", 2, 3]]);
  });

  it("an unclosed quote is an error naming the line where the row starts", () => {
    const table = parseCsvTable('id,name\na,Alpha\nb,"Beta\nc,Gamma\n', "x.csv");
    const errors = table.issues.filter((issue) => issue.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toContain("never closed");
  });

  it("a header naming a column twice is an error at the second occurrence", () => {
    const table = parseCsvTable("id,name,ID\na,b,c\n", "x.csv");
    expect(table.issues).toEqual([
      expect.objectContaining({ severity: "error", line: 1, column: 3, message: expect.stringContaining('"id" twice (columns 1 and 3)') }),
    ]);
  });

  it("an empty or blank-only file is an error and gives no header", () => {
    for (const text of ["", "\n\n", "\uFEFF"]) {
      const table = parseCsvTable(text, "x.csv");
      expect(table.header).toEqual([]);
      expect(table.rows).toEqual([]);
      expect(table.issues.map((issue) => issue.severity)).toEqual(["error"]);
    }
  });

  it("a quoted comma stays inside its field", () => {
    const table = parseCsvTable('id,name\na,"Almaty, KZ"\n', "x.csv");
    expect(table.rows[0]?.cells.name).toBe("Almaty, KZ");
    expect(table.issues).toEqual([]);
  });
});

/** What streamCsvTable hands over (header, rows with start and fields, issues) with either reader. */
function stream(text: string, reader: "auto" | "papaparse") {
  const issues: DataIssue[] = [];
  const rows: [number, number, string[], string[]][] = [];
  const head = streamCsvTable(
    text,
    "x.csv",
    issues,
    () => true,
    (row) => rows.push([row.start, row.line, row.fields, row.fields.map((_, i) => row.text(i))]),
    reader,
  );
  return { head, rows, issues };
}

describe("streamCsvTable", () => {
  it("streamCsvTable gives the same header, rows, lines and issues as papaparse on random texts", () => {
    // A seeded walk over the pieces that make CSV hard: quotes (doubled, unclosed, misplaced), line breaks
    // of every kind, blank rows, white space (also no-break space), a byte order mark and wide rows.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pieces = ["a", "b", "id", " ", ",", ",", '"', '""', "\n", "\n", "\r\n", "\r", "\u00a0", "x y", "é", "霍"];
    let irregular = 0;
    for (let n = 0; n < 3000; n++) {
      let text = random() < 0.1 ? "\uFEFF" : "";
      const length = Math.floor(random() * 24);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      if (!regularQuoting(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"))) irregular++;
      expect(stream(text, "auto"), JSON.stringify(text)).toEqual(stream(text, "papaparse"));
    }
    // Both readers were exercised.
    expect(irregular).toBeGreaterThan(300);
    expect(irregular).toBeLessThan(2700);
  });
});
