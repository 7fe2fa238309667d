import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { describeBinary, describeZip } from "../../../../src/io/import/sniff";
import { file, read, utf16le, utf8 } from "../helpers";

const PNG = Uint8Array.from(Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));

describe("files that are not text", () => {
  it("names images, PDFs, old Excel files, gzip and NUL-holding files; text and UTF-16 pass", () => {
    expect(describeBinary(PNG)).toMatch(/^a PNG image/);
    expect(describeBinary(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toMatch(/^a JPEG image/);
    expect(describeBinary(utf8("%PDF-1.4\n"))).toMatch(/^a PDF document/);
    expect(describeBinary(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/old-style Excel.*save the sheet as CSV/);
    expect(describeBinary(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toMatch(/gzip/);
    expect(describeBinary(Uint8Array.from([0x41, 0, 0x42, 0x2c]))).toMatch(/binary file/);
    expect(describeBinary(utf8("from,to,volume\nA,B,1\n"))).toBeNull();
    expect(describeBinary(utf16le("from,to\r\nA,B\r\n"))).toBeNull();
    expect(describeBinary(new Uint8Array(0))).toBeNull();
  });

  it("tells office documents from data archives by their entries", () => {
    expect(describeZip(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"], "trade.xlsx")).toMatch(
      /^an Excel workbook.*save the sheet as CSV/,
    );
    expect(describeZip(["mimetype", "content.xml", "styles.xml"], "trade.ods")).toMatch(/^an OpenDocument spreadsheet/);
    expect(describeZip(["places.csv", "flows.csv", "sources.csv"], "export.zip")).toBeNull();
  });

  it("importFiles says what a non-text or empty file is instead of how it failed as a table", async () => {
    const xlsx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") });
    for (const [name, bytes, expected] of [
      ["image.csv", PNG, "image.csv is a PNG image, not a table or a graph"],
      ["trade.xlsx", xlsx, "trade.xlsx is an Excel workbook"],
      ["empty.csv", new Uint8Array(0), "empty.csv is empty (0 bytes)"],
      ["blank.csv", utf8("\r\n\r\n"), "blank.csv is empty (only blank lines)"],
      ["records.json", utf8('[{"from":"A","to":"B"}]'), "records.json is a JSON file that is not a graph"],
    ] as const) {
      const result = await read([file(name, bytes)]);
      expect(result.status).toBe("failed");
      const error = result.issues.find((issue) => issue.severity === "error")!.message;
      expect(error.startsWith(expected)).toBe(true);
      expect(result.summary.fixed.join(" ")).not.toMatch(/Windows-1252/);
    }
  });
});
