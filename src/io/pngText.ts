// Text metadata in a PNG (iTXt chunks, UTF-8): title, description, sources, creation time travel with
// the image into reports and slide decks. Inserted right after IHDR, each chunk with its CRC-32.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An iTXt chunk: keyword (Latin-1, 1–79 chars), uncompressed UTF-8 text. */
export function itxtChunk(keyword: string, text: string): Uint8Array {
  const key = keyword.replace(/[^\x20-\x7e]/g, "").slice(0, 79) || "Comment";
  const enc = new TextEncoder();
  const k = enc.encode(key);
  const body = enc.encode(text.replace(/\0/g, ""));
  const data = new Uint8Array(k.length + 5 + body.length);
  data.set(k, 0);
  // NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set([0, 0, 0, 0, 0], k.length);
  data.set(body, k.length + 5);
  return chunk("iTXt", data);
}

/** The PNG with text chunks inserted after IHDR; throws when the bytes are not a PNG. */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error("pngText.withPngText: not a PNG");
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(8);
  const chunks = Object.entries(entries)
    .filter(([, v]) => v)
    .map(([k, v]) => itxtChunk(k, v));
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** The iTXt entries of a PNG (for tests and for reading an exported image back). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Record<string, string> = {};
  const dec = new TextDecoder();
  for (let at = 8; at + 12 <= png.length;) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === "iTXt") {
      const data = png.subarray(at + 8, at + 8 + len);
      const nul = data.indexOf(0);
      // Skip flag, method, and the two NUL-terminated fields after the keyword.
      let p = nul + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      out[dec.decode(data.subarray(0, nul))] = dec.decode(data.subarray(p));
    }
    if (type === "IEND") break;
    at += 12 + len;
  }
  return out;
}
