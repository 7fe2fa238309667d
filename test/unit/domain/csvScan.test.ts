import { describe, expect, it } from "vitest";
import { isTrimmedSpace, regularQuoting, scanCsv } from "../../../src/domain/csvScan";
import { CsvFieldsRow, LineIndex } from "../../../src/domain/csvTable";

/** Every row scanCsv gives: its start and its fields as written. */
function scan(text: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  scanCsv(text, new CsvFieldsRow(new LineIndex(text)), (row) => {
    out.push([row.start, row.fields]);
    return true;
  });
  return out;
}

describe("scanCsv (the reader of regularly quoted text)", () => {
  it("cuts rows at line breaks and fields at commas, giving each row's start offset", () => {
    expect(scan("a,b\nc,,d\n")).toEqual([
      [0, ["a", "b"]],
      [4, ["c", "", "d"]],
    ]);
    // No line break at the end: the last row still counts; a comma at the very end is one more empty field.
    expect(scan("a\nb,")).toEqual([
      [0, ["a"]],
      [2, ["b", ""]],
    ]);
    expect(scan("\n\nx")).toEqual([
      [0, [""]],
      [1, [""]],
      [2, ["x"]],
    ]);
    expect(scan("")).toEqual([]);
  });

  it("reads quoted fields with commas, line breaks and doubled quotes inside, and quotes inside plain fields as they are", () => {
    expect(scan('"a,b","x\ny",q""\n""""\n')).toEqual([
      [0, ["a,b", "x\ny", 'q""']],
      [16, ['"']],
    ]);
    expect(scan('a"b,"",c')).toEqual([[0, ['a"b', "", "c"]]]);
  });

  it("regularQuoting is false for a quote never closed or followed by anything but a comma or a line break", () => {
    expect(regularQuoting('a,b\n"x",y\nz"q",w')).toBe(true);
    expect(regularQuoting("no quotes at all")).toBe(true);
    expect(regularQuoting('a,"never closed\n')).toBe(false);
    expect(regularQuoting('a,"x"y\n')).toBe(false);
    expect(regularQuoting('a,"x" ,y\n')).toBe(false);
    expect(regularQuoting('"x"""')).toBe(true);
    expect(regularQuoting('"x""')).toBe(false);
  });

  it("trims exactly the characters String.prototype.trim trims", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(isTrimmedSpace(c), `U+${c.toString(16)}`).toBe(`a${ch}`.trim() === "a");
    }
  });
});
