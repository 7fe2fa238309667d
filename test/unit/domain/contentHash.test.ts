import { describe, expect, it } from "vitest";
import { contentHash, fnv1a64, withContentHashMemo } from "../../../src/domain/contentHash";

/** FNV-1a 64 of the texts' UTF-8 bytes, each followed by 0xFF, with BigInt. */
function reference(texts: string[]): string {
  let h = 0xcbf29ce484222325n;
  for (const text of texts) {
    for (const byte of [...new TextEncoder().encode(text), 0xff]) {
      h ^= BigInt(byte);
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
  }
  return h.toString(16).padStart(16, "0");
}

describe("contentHash", () => {
  it("fnv1a64 matches the published FNV-1a 64 test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("fnv1a64 agrees with a BigInt reference on non-ASCII text", () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) {
        h ^= BigInt(byte);
        h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return h.toString(16).padStart(16, "0");
    };
    for (const text of ["霍尔果斯 Horgos", "Алматы", "id,name\r\nkz,Kazakhstan\n", "\uFEFF€"]) {
      expect(fnv1a64(text)).toBe(reference(text));
    }
  });

  it("contentHash(texts) is deterministic 16-digit hex", () => {
    const texts = ["id,name\n", "from,to\n"];
    expect(contentHash(texts)).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(texts)).toBe(contentHash([...texts]));
  });

  it("contentHash separates the texts, so moving a character between files changes the hash", () => {
    expect(contentHash(["ab", ""])).not.toBe(contentHash(["a", "b"]));
    expect(contentHash(["ab"])).not.toBe(contentHash(["ab", ""]));
    expect(contentHash(["a", "b"])).not.toBe(contentHash(["b", "a"]));
  });

  it("reads long texts in slices without cutting a surrogate pair, and lone surrogates as U+FFFD", () => {
    const long = `${"a".repeat(65535)}😀${"é".repeat(70000)}\ud800x${"霍".repeat(3)}\udc00`;
    expect(contentHash([long, long.slice(1)])).toBe(reference([long, long.slice(1)]));
    expect(contentHash(["\ud83d", "\ude00"])).toBe(reference(["\ud83d", "\ude00"]));
  });

  it("with a memo, a hash that starts with the texts of an earlier one gives what it gives without", () => {
    const [a, b, c] = ["id,name\nx,X\n", "from,to\nx,y\n", "id,title\n"];
    const cases: string[][] = [[a, b, c], [a, b, c, "", ""], [a, b], [a, c], [b, a], [], [a, b, c, ""]];
    const memoised = withContentHashMemo(() => cases.map((texts) => contentHash(texts)));
    expect(memoised).toEqual(cases.map((texts) => reference(texts)));
    expect(memoised[1]).not.toBe(memoised[0]);
  });
});
