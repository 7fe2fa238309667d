// Files that are not text: recognised by their first bytes, so the message says what the file is
// ("a PNG image", "an Excel workbook") rather than how it failed to parse as a table.

import { utf32Order } from "./decode";

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

const SAVE_AS_CSV = "open it in Excel or LibreOffice and save the sheet as CSV (File › Save As), then import the CSV";

/** What a ZIP archive is, from the names of its entries: office documents are not data archives. */
export function describeZip(entryNames: readonly string[], fileName = ""): string | null {
  const names = entryNames.map((name) => name.replace(/^\/+/, ""));
  if (names.some((name) => name.startsWith("xl/")) || /\.xls[xmb]$/i.test(fileName))
    return `an Excel workbook, not a CSV file: ${SAVE_AS_CSV}`;
  if (names.includes("mimetype") && (names.includes("content.xml") || /\.ods$/i.test(fileName))) {
    return `an OpenDocument spreadsheet, not a CSV file: ${SAVE_AS_CSV}`;
  }
  if (names.some((name) => name.startsWith("word/") || name.startsWith("ppt/"))) return "a Word or PowerPoint document, not a data file";
  return null;
}

/** A sentence fragment saying what kind of non-text file `bytes` hold ("a PNG image, not …"), or null for text. */
export function describeBinary(bytes: Uint8Array, fileName = ""): string | null {
  if (bytes.length === 0) return null;
  // UTF-16 and UTF-32 text have many NUL bytes: it is text.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || utf32Order(bytes) !== null) return null;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "a PNG image, not a table or a graph";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image, not a table or a graph";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "a GIF image, not a table or a graph";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "a PDF document, not a table or a graph: export its table as CSV first";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return `an old-style Excel (.xls) or Office file, not a CSV file: ${SAVE_AS_CSV}`;
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip-compressed file: unpack it first, then import what it holds";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return describeZip([], fileName) ?? "a ZIP archive that could not be opened here";
  }
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return "a binary file, not text (it holds NUL bytes): not a table or a graph";
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  return controls > head.length / 10 ? "a binary file, not text: not a table or a graph" : null;
}
