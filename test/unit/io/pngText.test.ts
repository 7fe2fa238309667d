import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { crc32, readPngText, withPngText } from "../../../src/io/pngText";

const tiny = () => {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
};

describe("withPngText(png, entries) adds iTXt metadata", () => {
  it("crc32 matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("keeps the PNG decodable (pngjs checks every CRC) and reads the UTF-8 text back", () => {
    const entries = { Title: "China's used-car exports, 2024", Source: "Reuters; 新华社", "Creation Time": "2026-11-28T12:00:00Z" };
    const out = withPngText(tiny(), entries);
    const decoded = PNG.sync.read(Buffer.from(out), { checkCRC: true } as never);
    expect([decoded.width, decoded.height]).toEqual([2, 2]);
    expect(readPngText(out)).toEqual(entries);
  });

  it("skips empty entries and refuses bytes that are not a PNG", () => {
    expect(readPngText(withPngText(tiny(), { Title: "x", Description: "" }))).toEqual({ Title: "x" });
    expect(() => withPngText(new Uint8Array(40), { Title: "x" })).toThrow(/not a PNG/);
  });
});
