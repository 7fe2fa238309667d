// Bytes to text: UTF-32 first (by BOM or layout), then BOMs (UTF-8, UTF-16 LE/BE), then strict UTF-8, else Windows-1252,
// which is what "Latin-1" files from spreadsheets on Windows almost always are.

export interface DecodedText {
  text: string;
  /** "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" or "Windows-1252". */
  encoding: string;
}

/** "UTF-32LE" / "UTF-32BE" when the bytes are UTF-32 (by BOM, or by the zero bytes of Latin text), else null. */
export function utf32Order(bytes: Uint8Array): "UTF-32LE" | "UTF-32BE" | null {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return "UTF-32LE";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "UTF-32BE";
  if (bytes.length < 8 || bytes.length % 4 !== 0) return null;
  // Without a BOM: every one of the first code points below U+10000 and not NUL, laid out LE or BE.
  const n = Math.min(bytes.length, 256);
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 4) {
    const [c0, c1, c2, c3] = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]];
    if (!(c2 === 0 && c3 === 0 && (c0 !== 0 || c1 !== 0))) le = false;
    if (!(c0 === 0 && c1 === 0 && (c2 !== 0 || c3 !== 0))) be = false;
  }
  return le ? "UTF-32LE" : be ? "UTF-32BE" : null;
}

/** UTF-32 bytes to text (TextDecoder does not know UTF-32); invalid code points become U+FFFD. */
export function decodeUtf32(bytes: Uint8Array, order: "UTF-32LE" | "UTF-32BE"): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = order === "UTF-32LE";
  const parts: string[] = [];
  let chunk: number[] = [];
  let start = 0;
  const bomAt = view.byteLength >= 4 ? view.getUint32(0, little) : 0;
  if (bomAt === 0xfeff) start = 4;
  for (let i = start; i + 4 <= view.byteLength; i += 4) {
    const code = view.getUint32(i, little);
    chunk.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const utf32 = utf32Order(bytes);
  if (utf32 !== null) return { text: decodeUtf32(bytes, utf32), encoding: utf32 };
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 (BOM)" };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

// 0x80–0x9F of Windows-1252 (the rest is Latin-1). Written out because Node's TextDecoder("windows-1252")
// decodes as plain Latin-1 and would turn "š" (0x9A) into a control character.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  const codes = new Uint16Array(chunk);
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? (HIGH[byte - 0x80] as number) : byte;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join("");
}
