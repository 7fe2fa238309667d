import { describe, expect, it } from "vitest";
import { scanDelimited } from "../../../../src/io/import/delimited";

describe("scanDelimited", () => {
  it("finds a big file's header from its beginning, with the line it is on, as a full read does", () => {
    const rows = "a;b;1\n".repeat(20000);
    const text = `\n\n"Origin" ; Dest;"Volume\nin units"\n${rows}`;
    expect(text.length).toBeGreaterThan(1 << 16);
    const head = scanDelimited(text, { file: "f.csv", delimiter: ";", headerOnly: true });
    expect(head).toEqual({ header: ["Origin", "Dest", "Volume\nin units"], headerLine: 3, issues: [], rows: 0 });
    const full = scanDelimited(text, { file: "f.csv", delimiter: ";" });
    expect(full.header).toEqual(head.header);
    expect(full.rows).toBe(20000);
  });

  it("reads on past the beginning when the header row is longer than it", () => {
    const names = Array.from({ length: 9000 }, (_, i) => `column ${i}`);
    const text = `${names.join(",")}\n${"1,".repeat(8999)}1\n`;
    const head = scanDelimited(text, { file: "f.csv", delimiter: ",", headerOnly: true });
    expect(head.header).toEqual(names);
    expect(head.headerLine).toBe(1);
  });

  it("reads on past the beginning when a quoted header cell is never closed there", () => {
    const text = `id,"note\n${"x".repeat(70000)}"\n1,2\n`;
    const head = scanDelimited(text, { file: "f.csv", delimiter: ",", headerOnly: true });
    expect(head.header).toEqual(["id", `note\n${"x".repeat(70000)}`]);
    expect(head.issues).toEqual([]);
  });
});
