// ZIP archives are opened as a stream with caps checked as bytes arrive: a bomb, an archive of too many
// entries or one cut short ends quickly with a message; a real export opens as before.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { expandZip, ZIP_CAPS } from "../../../../src/io/import/unzip";

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

describe("expandZip", () => {
  it("opens the files of an archive, leaving folders and __MACOSX/ out", () => {
    const zip = zipSync({
      "data/flows.csv": strToU8("origin,destination,volume\nA,B,1\n"),
      "data/": new Uint8Array(0),
      "__MACOSX/x": strToU8("junk"),
    });
    const r = expandZip(zip, "export.zip");
    expect(r.ok && r.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ["flows.csv", "origin,destination,volume\nA,B,1\n"],
    ]);
  });

  // 20 MB of zeros deflate to about 20 KB: a thousandfold.
  let bomb: Uint8Array | null = null;
  const zeros = () =>
    (bomb ??= zipSync({ "a.csv": new Uint8Array(20 * 1024 * 1024), "b.csv": new Uint8Array(20 * 1024 * 1024) }, { level: 1 }));

  it("stops a ZIP bomb at the ratio cap, whatever the entries declare", () => {
    const r = expandZip(zeros(), "bomb.zip");
    expect(!r.ok && r.message).toMatch(/more than 200 times its size/);
  }, 30_000);

  it("stops at the total size cap as the bytes arrive", () => {
    const { value, ms } = timed(() => expandZip(zeros(), "big.zip", { ...ZIP_CAPS, totalBytes: 8 * 1024 * 1024, ratioFloor: Infinity }));
    expect(!value.ok && value.message).toMatch(/unpacks to more than 8 MB/);
    // Stopped within a slice of the cap, not after inflating all 40 MB.
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it("caps the number of entries", () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.csv`] = strToU8("a,b\n");
    const r = expandZip(zipSync(many), "many.zip", { ...ZIP_CAPS, entries: 20 });
    expect(!r.ok && r.message).toMatch(/more than 20 entries/);
  });

  it("says when an archive is cut short, not a ZIP, an office document or empty", () => {
    const zip = zipSync({ "flows.csv": strToU8("origin,destination,volume\n".repeat(5000)) });
    const cut = expandZip(zip.subarray(0, Math.floor(zip.length / 2)), "cut.zip");
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.message).toMatch(/cut short|not a readable ZIP/);
    const junk = expandZip(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), "junk.zip");
    expect(junk.ok).toBe(false);
    const xlsx = expandZip(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), "trade.xlsx");
    expect(!xlsx.ok && xlsx.message).toMatch(/^trade.xlsx is an Excel workbook/);
    const empty = expandZip(zipSync({ "folder/": new Uint8Array(0) }), "empty.zip");
    expect(!empty.ok && empty.message).toBe("empty.zip holds no file");
  });
});
