// Seeded fuzzing of importFiles: malformed inputs must end in a result (never a throw), and lightly
// mutated valid files must import to the same graph as the data they were written from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACE_KINDS, type Dataset } from "../../../src/domain/types";
import { importFilesSync, type ImportResult } from "../../../src/io/import/importFiles";
import { edges, OPTIONS, utf8 } from "./helpers";

const SEED = 20240611;
const MALFORMED_RUNS = 1200;
const MUTATED_RUNS = 1200;

/** What every result must satisfy, whatever the input. */
function checkResult(result: ImportResult): void {
  expect(["ok", "needs-input", "failed"]).toContain(result.status);
  if (result.status === "ok") checkDataset(result.dataset);
  if (result.status === "failed") {
    expect(result.dataset).toBeNull();
    expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
  }
  if (result.status === "needs-input") expect(result.needs).toBeDefined();
}

function checkDataset(dataset: Dataset | null): void {
  expect(dataset).not.toBeNull();
  if (!dataset) return;
  const ids = new Set(dataset.places.map((p) => p.id));
  expect(ids.size).toBe(dataset.places.length);
  for (const place of dataset.places) {
    expect(place.id).not.toMatch(/[\s>@/;]/);
    expect(PLACE_KINDS).toContain(place.kind);
    expect(place.country).toMatch(/^[A-Z]{2}$/);
    expect((place.lat === null) === (place.lon === null)).toBe(true);
    if (place.lat !== null && place.lon !== null) {
      expect(Math.abs(place.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(place.lon)).toBeLessThanOrEqual(180);
    }
  }
  const flowIds = new Set<string>();
  for (const flow of dataset.flows) {
    expect(ids.has(flow.from) && ids.has(flow.to)).toBe(true);
    expect(Number.isFinite(flow.volume) && flow.volume >= 0).toBe(true);
    expect(flow.year >= 1900 && flow.year <= 2100).toBe(true);
    flowIds.add(flow.id);
  }
  expect(flowIds.size).toBe(dataset.flows.length);
  expect(dataset.years).toEqual([...new Set(dataset.flows.map((f) => f.year))].sort((a, b) => a - b));
}

const VALID_SAMPLES: [string, string][] = [
  ["edges.csv", 'origin,destination,volume,year\nGermany,Poland,10,2022\nPoland,Lithuania,"1,234",2023\n'],
  ["comtrade.csv", "refYear,flowCode,reporterISO,partnerISO,qty,primaryValue\n2022,X,DEU,POL,5,1000\n2022,M,DEU,FRA,3,10\n"],
  [
    "g.gexf",
    '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>',
  ],
  [
    "g.graphml",
    '<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">3</data></edge></graph></graphml>',
  ],
  [
    "g.json",
    '{"nodes":[{"key":"a"},{"key":"b","attributes":{"lat":1,"lon":2}}],"edges":[{"source":"a","target":"b","attributes":{"weight":4}}]}',
  ],
  ["places.csv", "id,name,kind,country,lat,lon\na,A,origin,DE,1,2\nb,B,market,PL,3,4\n"],
];

const NUMBERS = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-1",
  "-0",
  "0x10",
  "1,2,3",
  "١٢٣",
  "",
  " ",
  "1e-400",
  "9".repeat(400),
  "1.2.3",
  "null",
  "\u0000",
];

const malformed: fc.Arbitrary<{ name: string; bytes: Uint8Array }[]> = fc.oneof(
  // Random bytes under a CSV, XML or JSON name.
  fc
    .tuple(fc.constantFrom("x.csv", "x.gexf", "x.graphml", "x.json", "x"), fc.uint8Array({ maxLength: 600 }))
    .map(([name, bytes]) => [{ name, bytes }]),
  // Truncations of valid files.
  fc
    .tuple(fc.constantFrom(...VALID_SAMPLES), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([[name, text], cut]) => [{ name, bytes: utf8(text.slice(0, Math.floor(text.length * cut))) }]),
  // Byte flips in valid files.
  fc
    .tuple(
      fc.constantFrom(...VALID_SAMPLES),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    )
    .map(([[name, text], flips]) => {
      const bytes = utf8(text);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return [{ name, bytes }];
    }),
  // Wrong or shuffled headers over plausible rows.
  fc
    .tuple(
      fc.array(
        fc.constantFrom("origin", "dest", "count", "year", "id", "lat", "lon", "kind", "Partner", "Trade Flow", "reporterISO", "", "x"),
        { minLength: 1, maxLength: 6 },
      ),
      fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }), { maxLength: 6 }),
    )
    .map(([header, rows]) => [{ name: "t.csv", bytes: utf8([header.join(","), ...rows.map((row) => row.join(","))].join("\n")) }]),
  // Edge lists with hostile numbers.
  fc
    .array(
      fc.tuple(
        fc.constantFrom("A", "B", "World", "", "A\u0000"),
        fc.constantFrom("B", "C", "EU-27"),
        fc.constantFrom(...NUMBERS),
        fc.constantFrom("2020", "0", "99999", "", "2020-13-45"),
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((rows) => [
      { name: "e.csv", bytes: utf8(["from,to,volume,year", ...rows.map((row) => row.map((cell) => `"${cell}"`).join(","))].join("\n")) },
    ]),
  // Deeply nested or oversized XML.
  fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom("gexf", "graphml")).map(([depth, root]) => [
    {
      name: `deep.${root}`,
      bytes: utf8(
        `<${root}><graph>${"<node id='n'>".repeat(depth)}${"</node>".repeat(depth)}<edge source="n" target="m" weight="1e999"/></graph></${root}>`,
      ),
    },
  ]),
  // Hostile JSON: wrong shapes, prototype keys, huge numbers.
  fc
    .constantFrom(
      '{"nodes":{},"edges":[]}',
      '{"nodes":[{"key":"__proto__","attributes":{"__proto__":{"x":1}}}],"edges":[{"source":"__proto__","target":"constructor","attributes":{"weight":1e308}}]}',
      '{"nodes":[null,1,"a",{"key":{}}],"edges":[null,{"source":[],"target":"a"}]}',
      "[1,2,3]",
      '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"a","attributes":{"weight":"NaN","year":"1e3"}}]}',
    )
    .map((text) => [{ name: "g.json", bytes: utf8(text) }]),
  // Several unrelated files at once.
  fc
    .array(fc.tuple(fc.constantFrom(...VALID_SAMPLES), fc.uint8Array({ maxLength: 50 })), { minLength: 2, maxLength: 4 })
    .map((files) => files.map(([[name, text], noise], i) => ({ name: `${i}-${name}`, bytes: new Uint8Array([...utf8(text), ...noise]) }))),
);

// A valid edge list as data: rows of (origin, destination, volume, year).
const NAMES = ["Hamburg", "Kaunas, LT", 'Port "Q"', "Poti", "Almaty", "Zürich", "A;B", "Khorgos", "Ürümqi", "Tab\tPort"];
const row = fc.tuple(
  fc.constantFrom(...NAMES),
  fc.constantFrom(...NAMES),
  fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 2),
  fc.integer({ min: 2000, max: 2030 }),
);
const table = fc.array(row, { minLength: 1, maxLength: 25 });

interface Variant {
  delimiter: "," | ";" | "\t";
  bom: boolean;
  newline: "\n" | "\r\n" | "\r";
  order: number[];
  blankAfter: number[];
  quoteAll: boolean;
  trailingEmpty: boolean;
  format: "edges" | "flowmap" | "reroute";
}

const variant: fc.Arbitrary<Variant> = fc.record({
  delimiter: fc.constantFrom(",", ";", "\t"),
  bom: fc.boolean(),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  blankAfter: fc.array(fc.nat(30), { maxLength: 3 }),
  quoteAll: fc.boolean(),
  trailingEmpty: fc.boolean(),
  format: fc.constantFrom("edges", "flowmap", "reroute"),
});

function writeTable(header: string[], rows: string[][], v: Variant): string {
  const field = (cell: string): string =>
    v.quoteAll || cell.includes(v.delimiter) || /["\r\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const lines = [header, ...rows].map((cells) =>
    v.order
      .filter((i) => i < cells.length)
      .concat(cells.map((_, i) => i).filter((i) => !v.order.includes(i)))
      .map((i) => field(cells[i] ?? ""))
      .join(v.delimiter),
  );
  for (const at of v.blankAfter) lines.splice(Math.min(at, lines.length), 0, "");
  if (lines[0] === "") lines.shift();
  let text = lines.join(v.newline) + v.newline;
  if (v.trailingEmpty) text += v.delimiter.repeat(header.length - 1) + v.newline + v.newline;
  return (v.bom ? "\uFEFF" : "") + text;
}

function files(rows: [string, string, number, number][], v: Variant): { name: string; bytes: Uint8Array }[] {
  const ids = new Map(NAMES.map((name, i) => [name, `p${i}`]));
  const volume = (n: number): string => (v.delimiter === ";" ? String(n).replace(".", ",") : String(n));
  if (v.format === "edges") {
    return [
      {
        name: "e.csv",
        bytes: utf8(
          writeTable(
            ["origin", "destination", "volume", "year"],
            rows.map(([a, b, n, y]) => [a, b, volume(n), String(y)]),
            v,
          ),
        ),
      },
    ];
  }
  if (v.format === "flowmap") {
    return [
      {
        name: "locations.csv",
        bytes: utf8(
          writeTable(
            ["id", "name", "lat", "lon"],
            NAMES.map((name, i) => [`p${i}`, name, String(10 + i), String(20 + i)]),
            v,
          ),
        ),
      },
      {
        name: "flows.csv",
        bytes: utf8(
          writeTable(
            ["origin", "dest", "count", "time"],
            rows.map(([a, b, n, y]) => [ids.get(a) ?? "", ids.get(b) ?? "", volume(n), String(y)]),
            v,
          ),
        ),
      },
    ];
  }
  // Reroute's own format: one flow per hop and year, no self-loops.
  const sums = new Map<string, [string, string, number, number]>();
  for (const [a, b, n, y] of rows) {
    if (a === b) continue;
    const key = `${a}\u0000${b}\u0000${y}`;
    const sum = sums.get(key);
    if (sum) sum[2] += n;
    else sums.set(key, [a, b, n, y]);
  }
  const flowRows = [...sums.values()].map(([a, b, n, y]) => [ids.get(a) ?? "", ids.get(b) ?? "", String(y), volume(n), "reported"]);
  return [
    {
      name: "places.csv",
      bytes: utf8(
        writeTable(
          ["id", "name", "kind", "country", "lat", "lon"],
          NAMES.map((name, i) => [`p${i}`, name, "transit", "ZZ", "1", "2"]),
          v,
        ),
      ),
    },
    {
      name: "flows.csv",
      bytes: utf8(
        writeTable(
          ["from", "to", "year", "vehicles", "basis"],
          flowRows.length > 0 ? flowRows : [["p0", "p1", "2020", "1", "reported"]],
          v,
        ),
      ),
    },
  ];
}

/** The graph the rows describe: volumes summed per origin, destination and year. */
function expected(rows: [string, string, number, number][], label: (name: string) => string): string[] {
  const sums = new Map<string, number>();
  for (const [a, b, n, y] of rows) {
    const key = `${label(a)}>${label(b)}@${y}`;
    sums.set(key, (sums.get(key) ?? 0) + n);
  }
  return [...sums].map(([key, n]) => `${key}=${n}`).sort();
}

describe("importFiles fuzzing", () => {
  it(`ends every one of ${MALFORMED_RUNS} malformed inputs in a dataset, a question or errors, never a throw`, () => {
    let statuses = { ok: 0, "needs-input": 0, failed: 0 };
    fc.assert(
      fc.property(malformed, (input) => {
        const result = importFilesSync(input, OPTIONS);
        checkResult(result);
        statuses = { ...statuses, [result.status]: statuses[result.status] + 1 };
      }),
      { seed: SEED, numRuns: MALFORMED_RUNS },
    );
    // The generator must reach every outcome, or it tests less than it claims.
    expect(statuses.ok).toBeGreaterThan(50);
    expect(statuses.failed).toBeGreaterThan(50);
    expect(statuses["needs-input"]).toBeGreaterThan(10);
  }, 60_000); // 1,200 imports: seconds on a loaded machine, more than the 5 s default

  it(`imports ${MUTATED_RUNS} lightly mutated valid files to the graph they were written from`, () => {
    fc.assert(
      fc.property(table, variant, (rows, v) => {
        const result = importFilesSync(files(rows, v), OPTIONS);
        expect(result.status, JSON.stringify(result.issues.slice(0, 3))).toBe("ok");
        checkDataset(result.dataset);
        // The importer turns tabs in labels into spaces; Reroute's own format keeps labels as written.
        const want = expected(rows, v.format === "reroute" ? (name) => name : (name) => name.replace(/\t/g, " "));
        const got = edges(result.dataset);
        if (v.format === "reroute") {
          const self = (line: string) => /^(.*)>\1@/.test(line);
          expect(got).toEqual(
            want.filter((line) => !self(line)).length > 0 ? want.filter((line) => !self(line)) : ["Hamburg>Kaunas, LT@2020=1"],
          );
        } else {
          expect(got).toEqual(want);
        }
      }),
      { seed: SEED, numRuns: MUTATED_RUNS },
    );
  }, 60_000); // 1,200 imports: seconds on a loaded machine, more than the 5 s default
});
