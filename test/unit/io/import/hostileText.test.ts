// Hostile text: inputs built to make a regular expression, a dialog or a sum blow up, and files whose
// kind is only clear from their content. Each ends quickly, with a message that says what the file is.
import { describe, expect, it } from "vitest";
import { gexfVersion } from "../../../../src/io/import/formats/xmlGraph";
import { repairXml } from "../../../../src/io/import/xml";
import { xmlRoot, xmlRootName } from "../../../../src/io/import/xmlRoot";
import { decodeBytes } from "../../../../src/io/import/decode";
import { MAX_MAPPING_COLUMNS } from "../../../../src/io/import/importFiles";
import { MAX_VOLUME } from "../../../../src/domain/volumeRange";
import { formatCompact, formatUsd, formatVolume } from "../../../../src/state/volumeUnit";
import { edges, file, read } from "../helpers";

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

describe("XML scans are linear", () => {
  it('"<gexf ".repeat(70000) is read in well under a second (it took 11 s)', () => {
    const text = "<gexf ".repeat(70000);
    const version = timed(() => gexfVersion(text));
    expect(version.value).toBe("GEXF 1.3");
    expect(version.ms).toBeLessThan(500);
    const repaired = timed(() => repairXml(`${text} viz:x="1"`));
    expect(repaired.ms).toBeLessThan(500);
  });

  it("an unclosed comment repeated, and a root tag that never closes, stay linear", () => {
    for (const text of ["<!--".repeat(100000), `<gexf${' version="1.2"'.repeat(50000)}`, `<?xml${" a".repeat(200000)}`]) {
      const { ms } = timed(() => [xmlRoot(text), gexfVersion(text), repairXml(`${text} q:a="1"`)]);
      expect(ms).toBeLessThan(500);
    }
  });

  it("finds the root after a long prolog, comments and a DOCTYPE with an internal subset", () => {
    const prolog = `<?xml version="1.0"?>\n<!-- ${"x".repeat(70 * 1024)} -->\n<!DOCTYPE gexf [ <!ENTITY a "b"> ]>\n`;
    expect(xmlRootName(`${prolog}<gexf version="1.2">`)).toBe("gexf");
    expect(gexfVersion(`${prolog}<gexf version="1.2">`)).toBe("GEXF 1.2");
    expect(xmlRootName("<g:GraphML>")).toBe("graphml");
    expect(xmlRootName("<!-- never closed")).toBe("");
  });
});

describe("classification by content", () => {
  it("a GEXF with more than 64 KB before its root is read as GEXF", async () => {
    const gexf = `<?xml version="1.0"?>\n<!-- ${"padding ".repeat(10 * 1024)} -->\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>`;
    const r = await read([file("late-root.gexf", gexf)]);
    expect(r.status).toBe("ok");
    expect(r.format).toBe("GEXF 1.3");
    expect(edges(r.dataset)).toEqual(["A>B@2024=2"]);
  });

  it("empty only when it is: white space before a table, and one enormous line, are not empty", async () => {
    const padded = await read([file("padded.csv", `${" ".repeat(10000)}\n${"\n".repeat(5000)}origin,destination,volume\nA,B,1\n`)]);
    expect(padded.status).toBe("ok");
    const blank = await read([file("blank.csv", `${" \n".repeat(5000)}`)]);
    expect(blank.status).toBe("failed");
    expect(blank.issues.map((i) => i.message).join(" ")).toContain("empty");
    // One 8 MB line of text (a 1 GB one-line file, scaled down): a table with one column, never "empty".
    const line = "x".repeat(8 * 1024 * 1024);
    const big = await read([file("one-line.csv", line)]);
    expect(big.status).toBe("failed");
    const message = big.issues.map((i) => i.message).join(" ");
    expect(message).not.toContain("empty");
    expect(message).toContain("1 column");
  });

  it("a very wide first line gets a message, not a column chooser with every column", async () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const { value: r, ms } = timed(() => read([file("wide.csv", `${wide}\n${wide}\n`)]));
    const result = await r;
    expect(ms).toBeLessThan(3000);
    expect(result.status).toBe("failed");
    expect(result.needs).toBeUndefined();
    expect(result.issues.at(-1)?.message).toContain(`100,000 columns`);
    expect(result.issues.at(-1)?.message).toContain(`${MAX_MAPPING_COLUMNS}`);
  });

  it("UTF-32 files (with and without a BOM, either byte order) are read as text", async () => {
    const text = "origin,destination,volume\nZürich,Łódź,3\n";
    const encode = (little: boolean, bom: boolean) => {
      const points = [...(bom ? "\ufeff" : ""), ...text].map((c) => c.codePointAt(0)!);
      const bytes = new Uint8Array(points.length * 4);
      const view = new DataView(bytes.buffer);
      points.forEach((p, i) => view.setUint32(i * 4, p, little));
      return bytes;
    };
    for (const [little, bom] of [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      expect(decodeBytes(encode(little, bom)).text).toBe(text);
      const r = await read([file("utf32.csv", encode(little, bom))]);
      expect(r.status).toBe("ok");
      expect(r.summary.encoding).toBe(little ? "UTF-32LE" : "UTF-32BE");
      expect(edges(r.dataset)).toEqual(["Zürich>Łódź@2024=3"]);
    }
  });
});

describe("numbers", () => {
  it("volumes above the documented range are rejected with file, line and column; totals stay finite", async () => {
    const r = await read([file("big.csv", `origin,destination,volume\nA,B,1e308\nA,C,5\nA,D,1e16\nA,E,-0\n`)]);
    expect(r.status).toBe("ok");
    const rejected = r.issues.filter((i) => i.message.includes("largest volume"));
    expect(rejected.map((i) => [i.file, i.line, i.column])).toEqual([
      ["big.csv", 2, 3],
      ["big.csv", 4, 3],
    ]);
    expect(edges(r.dataset)).toEqual(["A>C@2024=5", "A>E@2024=0"]);
    const zero = r.dataset!.flows.find((f) => f.volume === 0)!;
    expect(Object.is(zero.volume, -0)).toBe(false);
  });

  it("Reroute CSV and graph weights keep to the same range", async () => {
    const places = "id,name,kind,country,lat,lon\nA,A,origin,CN,30,110\nB,B,market,KZ,45,70\n";
    const flows = `from,to,year,vehicles,basis\nA,B,2024,${MAX_VOLUME * 10},reported\n`;
    const r = await read([file("places.csv", places), file("flows.csv", flows)]);
    expect(r.status).toBe("failed");
    expect(r.issues.some((i) => i.file === "flows.csv" && i.line === 2 && i.column === 4)).toBe(true);
    const json = { nodes: [{ key: "a" }, { key: "b" }], edges: [{ source: "a", target: "b", attributes: { weight: 1e300 } }] };
    const g = await read([file("g.json", JSON.stringify(json))]);
    expect(g.status).toBe("failed");
    expect(g.issues.some((i) => i.message.includes("largest volume"))).toBe(true);
  });

  it("repeated rows are not summed past the range", async () => {
    const r = await read([file("sum.csv", `origin,destination,volume\nA,B,${MAX_VOLUME}\nA,B,${MAX_VOLUME}\n`)]);
    expect(r.dataset!.flows[0]!.volume).toBe(MAX_VOLUME);
    expect(r.issues.some((i) => i.line === 3 && i.message.includes("exceeds the largest"))).toBe(true);
  });

  it("-0 is shown as 0 and non-finite numbers never print as ∞ or NaN", () => {
    expect(formatVolume(-0, "vehicles")).toBe("0 vehicles");
    expect(formatCompact(-0, "units")).toBe("0");
    expect(formatUsd(-0)).toBe("US$0");
    for (const bad of [Infinity, -Infinity, NaN]) {
      for (const text of [formatVolume(bad, "units"), formatCompact(bad, "units"), formatUsd(bad)]) expect(text).not.toMatch(/∞|NaN/);
    }
  });
});
