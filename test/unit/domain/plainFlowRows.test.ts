import { describe, expect, it } from "vitest";
import { scanCsv } from "../../../src/domain/csvScan";
import { CsvFieldsRow, LineIndex } from "../../../src/domain/csvTable";
import { FlowColumnsBuilder } from "../../../src/domain/flowColumns";
import { parseDataset, splitList, type DatasetFiles } from "../../../src/domain/parseDataset";
import { PlainFlowRows } from "../../../src/domain/plainFlowRows";
import { StringIndex } from "../../../src/domain/stringIndex";

const META = { id: "t", name: "T" };

const PLACES = ["id,name,kind,country,lat,lon", "a,A,origin,CN,1,2", "b,B,exit,CN,3,4", "c,C,market,KZ,,"].join("\n");
const SOURCES = ["id,publisher,title", "s1,P,T", "s2,P,T"].join("\n");

/** The rows of a comma-separated text, each kept. */
function rows(text: string): CsvFieldsRow[] {
  const out: CsvFieldsRow[] = [];
  scanCsv(text, new CsvFieldsRow(new LineIndex(text)), (row) => {
    out.push(row.copy());
    return true;
  });
  return out;
}

describe("PlainFlowRows", () => {
  // Columns of "from,to,year,vehicles,usd,mode,basis,formula,sources,facts,note".
  const columns = { from: 0, to: 1, year: 2, vehicles: 3, usd: 4, mode: 5, basis: 6, formula: 7, sources: 8, facts: 9, note: 10 };
  const setUp = () => {
    const places = new StringIndex();
    for (const id of ["a", "b", "c"]) places.add(id);
    const builder = new FlowColumnsBuilder(4);
    builder.modeCode("road"); // 0
    builder.modeCode("ferry"); // 1: not a usual mode
    builder.modeCode("unknown"); // 2
    builder.textCode(""); // 0
    builder.textCode("x × 2"); // 1
    builder.listCode("s1", splitList); // 0
    builder.listCode("", splitList); // 1
    builder.listCode("s1; s9", splitList); // 2: names an unknown source
    const listUnknown = [false, false, true];
    return { builder, reader: new PlainFlowRows(builder, places, 3, columns, ["road", "unknown"], listUnknown) };
  };

  it("appends a plainly right row whose strings are all known, cells trimmed, with its duplicate key and start", () => {
    const { builder, reader } = setUp();
    const keys: number[] = [];
    const starts: number[] = [];
    const text = "a,b,2024,15,,road,reported,,s1,,\n c\u00a0, a ,1900,0,123456789012345,,modelled,x × 2,, s1 ,\n";
    for (const row of rows(text)) expect(reader.read(row, keys, starts)).toBe(true);
    const c = builder.build();
    expect(c.length).toBe(2);
    expect([...c.from, ...c.to]).toEqual([0, 2, 1, 0]);
    expect([...c.year]).toEqual([2024, 1900]);
    expect([...c.volume]).toEqual([15, 0]);
    expect([...c.usd]).toEqual([NaN, 123456789012345]);
    // An empty mode is "unknown"; bases by their index in BASES (reported 0, modelled 2).
    expect([...c.mode]).toEqual([0, 2]);
    expect([...c.basis]).toEqual([0, 2]);
    expect([...c.formula, ...c.note]).toEqual([0, 1, 0, 0]);
    expect([...c.sources, ...c.facts]).toEqual([0, 1, 1, 0]);
    // ((from × 3 + to) × 256 + year − 1900) × 1024 + mode
    expect(keys).toEqual([((0 * 3 + 1) * 256 + 124) * 1024 + 0, ((2 * 3 + 0) * 256 + 0) * 1024 + 2]);
    expect(starts).toEqual([0, 33]);
  });

  it("leaves to the full check, changing nothing, every row that needs a message or holds a string not seen yet", () => {
    const { builder, reader } = setUp();
    const keys: number[] = [];
    const starts: number[] = [];
    const refused = [
      "d,b,2024,15,,road,reported,,s1,,", // unknown place
      ",b,2024,15,,road,reported,,s1,,", // no origin
      "a,a,2024,15,,road,reported,,s1,,", // to itself
      "a,b,24,15,,road,reported,,s1,,", // not four digits
      "a,b,2101,15,,road,reported,,s1,,", // out of range
      "a,b,2024,1.5,,road,reported,,s1,,", // not plain digits (the full check reads it)
      "a,b,2024,1234567890123456,,road,reported,,s1,,", // 16 digits
      "a,b,2024,15,-1,road,reported,,s1,,",
      "a,b,2024,15,,ferry,reported,,s1,,", // an unusual mode earns a warning
      "a,b,2024,15,,sea,reported,,s1,,", // a mode not seen yet
      "a,b,2024,15,,road,Reported,,s1,,",
      "a,b,2024,15,,road,modelled,,s1,,", // no formula
      "a,b,2024,15,,road,derived,,s1,,",
      "a,b,2024,15,,road,reported,new text,s1,,",
      "a,b,2024,15,,road,reported,,s1; s9,,", // an unknown source
      "a,b,2024,15,,road,reported,,s2,,", // a list not seen yet
      "a,b,2024,15,,road,reported,,s1,U1,",
      "a,b,2024,15,,road,reported,,s1,,a note",
    ];
    for (const row of rows(refused.join("\n"))) expect(reader.read(row, keys, starts), row.fields.join(",")).toBe(false);
    expect(builder.length).toBe(0);
    expect(keys).toEqual([]);
    expect(starts).toEqual([]);
  });
});

/** Fast reading and the full check (papaparse, every row checked in full) on the same files. */
function expectSameAsFullCheck(files: DatasetFiles): ReturnType<typeof parseDataset> {
  for (const flows of ["columns", "objects"] as const) {
    const fast = parseDataset(files, META, { flows });
    const full = parseDataset(files, META, { flows, fullCheck: true });
    expect(fast).toEqual(full);
  }
  return parseDataset(files, META, { flows: "columns" });
}

describe("parseDataset reads flows as its full check does", () => {
  it("on a small mixed file: byte order mark, CRLF, blank lines, quoted fields, spaces, a new text after known ones", () => {
    const flows = [
      "\uFEFFfrom,to,year,vehicles,usd,mode,basis,formula,sources,facts,note",
      "a,b,2024,10,,road,reported,,s1,U1,",
      "",
      "a,c,2024,5,70,road,modelled,10 × 0.5,s1;s2,U1,",
      '"a",b,2023,7,,road,reported,,s1,U1,"quoted, with a comma"',
      "  ,,,",
      " b , c ,2024,3,,,reported,,s1,U1,",
      'b,c,2023,4,,road,derived,"10 × 0.5",s1,"U1",',
      "a,b,2023,9,,rail,reported,,s1,U1,",
    ].join("\r\n");
    const result = expectSameAsFullCheck({ places: PLACES, flows, sources: SOURCES });
    expect(result.dataset).not.toBeNull();
    expect(result.columns?.length).toBe(6);
    expect(result.columns?.texts).toEqual(["", "10 × 0.5", "quoted, with a comma"]);
  });

  it("on files with errors: unknown ids, a duplicate, bad numbers and quotes never closed", () => {
    const flows = [
      "from,to,year,vehicles,usd,mode,basis,formula,sources,facts,note",
      "a,b,2024,10,,road,reported,,s1,,",
      "a,x,2024,10,,road,reported,,s1,,",
      "a,b,2024,10,,road,reported,,s1,,",
      "a,c,2024,1 000,,road,reported,,s9,,",
      "x,c,2024,10,,road,reported,,s1,,",
    ].join("\n");
    const result = expectSameAsFullCheck({ places: PLACES, flows, sources: SOURCES });
    expect(result.dataset).toBeNull();
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.column])).toEqual([
      ["error", 3, 2],
      ["error", 4, 0],
      ["error", 5, 4],
      ["warning", 5, 9],
    ]);
    expect(result.issues[0]?.message).toContain('unknown place id "x"; places.csv has no place with this id (also on line 6)');
    expectSameAsFullCheck({ places: PLACES, flows: `${flows}\na,"b,2024`, sources: SOURCES });
  });

  it("on random files of right, odd and wrong rows", () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const cells: string[][] = [
      ["a", "b", "c", " a", "c\u00a0", "x", "", '"b"'],
      ["a", "b", "c", "b ", "y", ""],
      ["2024", "2023", "1900", "2100", "2101", "24", "20x4", " 2024", ""],
      ["10", "0", "5", "007", "1.5", "1e3", "-3", "1,000", "", "123456789012345", "1234567890123456"],
      ["", "", "70", "2.5", "x"],
      ["road", "rail", "", "sea", "Road", "ferry", " road"],
      ["reported", "reported", "derived", "modelled", "Reported", ""],
      ["", "10 × 0.5", "sum", '"a, b"', "  sum  "],
      ["s1", "s1;s2", "s2", "", "s9", "s1; s9", '" s1 "'],
      ["U1", "", "U1;U2", "U2"],
      ["", "", "n", '"two\nlines"'],
    ];
    // Every hop, year and mode once, for the files that keep to cells that earn no error (their columns are compared too).
    const unique: string[][] = [];
    for (const from of ["a", "b", "c"])
      for (const to of ["a", "b", "c"])
        for (const year of ["2024", "2023", "1900"])
          for (const mode of ["road", "rail", ""]) if (from !== to) unique.push([from, to, year, mode]);
    let clean = 0;
    for (let file = 0; file < 150; file++) {
      const tidy = file % 2 === 0;
      const hops = [...unique].sort(() => random() - 0.5);
      const lines = ["from,to,year,vehicles,usd,mode,basis,formula,sources,facts,note"];
      for (let i = 0; i < 40; i++) {
        const odd = tidy ? 1 : random();
        if (odd < 0.05) lines.push(pick(["", "  ", ",,,"]));
        else if (odd < 0.1 && lines.length > 1) lines.push(pick(lines.slice(1)));
        else {
          const row = cells.map((options, column) => pick(tidy ? options.slice(0, column === 3 || column === 8 ? 3 : 2) : options));
          if (tidy) {
            const [from, to, year, mode] = hops[i]!;
            Object.assign(row, { 0: pick([from, ` ${from}`, `"${from}"`]), 1: pick([to, `${to}\u00a0`]), 2: year, 5: mode });
          }
          lines.push(row.join(","));
        }
      }
      const result = expectSameAsFullCheck({ places: PLACES, flows: lines.join(random() < 0.3 ? "\r\n" : "\n"), sources: SOURCES });
      if (result.columns) clean++;
    }
    expect(clean).toBeGreaterThan(50);
  });
});

describe("StringIndex", () => {
  it("numbers strings in the order added and finds them by a range of another string", () => {
    const index = new StringIndex();
    expect(index.add("road")).toBe(0);
    expect(index.add("")).toBe(1);
    expect(index.add("rail")).toBe(2);
    expect(index.add("road")).toBe(0);
    expect(index.size).toBe(3);
    expect(index.getRange("by road,", 3, 7)).toBe(0);
    expect(index.getRange("by road,", 3, 3)).toBe(1);
    expect(index.getRange("by roads", 3, 8)).toBe(-1);
    expect(index.get("rai")).toBe(-1);
    expect(index.key(2)).toBe("rail");
  });

  it("keeps finding every string as it grows", () => {
    const index = new StringIndex();
    for (let i = 0; i < 5000; i++) expect(index.add(`id${i}`)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(index.getRange(`[id${i}]`, 1, 1 + `id${i}`.length)).toBe(i);
    expect(index.get("id5000")).toBe(-1);
  });
});
