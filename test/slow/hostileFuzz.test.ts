// The hostile-input fuzz run (the "slow" project, run by npm test): at least 1,000 hostile files per import
// format and 1,000 hostile links, seeded. After each one: Object.prototype as it was, no uncaught error, no
// import step over 500 ms, a result that is a valid dataset (or a message), the data open before untouched
// and the saved views in storage all still there. The counts and the slowest step are printed for the notes.
import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import LZString from "lz-string";
import { afterAll, describe, expect, it } from "vitest";
import { buildYearGraph } from "../../src/domain/buildYearGraph";
import { isReservedKey } from "../../src/domain/safeKeys";
import { loadShippedDataset } from "../../src/domain/shippedDataset";
import { PLACE_KINDS, type Dataset } from "../../src/domain/types";
import { MAX_VOLUME } from "../../src/domain/volumeRange";
import { encodeBundle } from "../../src/io/bundle";
import { importFilesSync, type ImportResult } from "../../src/io/import/importFiles";
import type { ImportFile } from "../../src/io/import/types";
import { createSavedViewsStore, type ViewStorage } from "../../src/state/savedViewsStore";
import { decodeStory, decodeView, type LinkContext } from "../../src/state/viewCodec";
import { defaultViewState } from "../../src/state/viewState";
import { ownUrl } from "../../src/state/ownAddress";
import { handleFilesTask } from "../../src/workers/filesProtocol";
import { OPTIONS } from "../unit/io/helpers";

const RUNS = 1000;
const TASK_LIMIT_MS = 500;

// ---- what must hold after every input -------------------------------------------------------------

function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const d = Object.getOwnPropertyDescriptor(Object.prototype, name)!;
      return `${name}:${typeof (d.value ?? d.get)}:${String((d.value ?? d.get) as unknown).length}`;
    })
    .join("|");
}
const PROTOTYPE = prototypeSnapshot();

/** The data open before the fuzz: deep-frozen, so any import that touched it would throw. */
const shipped = loadShippedDataset();
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};
deepFreeze(shipped);
const SHIPPED_FLOWS = JSON.stringify(shipped.flows);

class FakeStorage implements ViewStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}
const storage = new FakeStorage();
const ctx: LinkContext = { datasetId: shipped.id, datasetHash: shipped.hash, defaultYear: 2024 };
let viewCount = 0;
const newId = () => `view-${++viewCount}`;
{
  const store = createSavedViewsStore(() => storage);
  store.load(ctx, newId);
  const views = [2020, 2022, 2024].map((year, i) => {
    const state = defaultViewState(shipped.id, shipped.hash, year);
    return { id: `saved-${i}`, name: `Saved ${i}`, caption: "", savedAt: "2026-12-01", state };
  });
  store.save(views, 2024);
}
const SAVED = storage.getItem("reroute:views:v1");

const stats = new Map<string, { tried: number; ok: number; failed: number; needs: number; slowestMs: number }>();
function tally(format: string, result: ImportResult | null, ms: number): void {
  const s = stats.get(format) ?? { tried: 0, ok: 0, failed: 0, needs: 0, slowestMs: 0 };
  s.tried++;
  if (result?.status === "ok") s.ok++;
  else if (result?.status === "needs-input") s.needs++;
  else if (result?.status === "failed") s.failed++;
  s.slowestMs = Math.max(s.slowestMs, ms);
  stats.set(format, s);
}

function checkDataset(dataset: Dataset): void {
  const ids = new Set(dataset.places.map((p) => p.id));
  expect(ids.size).toBe(dataset.places.length);
  for (const place of dataset.places) {
    expect(isReservedKey(place.id)).toBe(false);
    expect(PLACE_KINDS).toContain(place.kind);
  }
  let total = 0;
  for (const flow of dataset.flows) {
    expect(ids.has(flow.from) && ids.has(flow.to)).toBe(true);
    expect(flow.volume >= 0 && flow.volume <= MAX_VOLUME && !Object.is(flow.volume, -0)).toBe(true);
    total += flow.volume;
  }
  expect(Number.isFinite(total)).toBe(true);
  for (const year of dataset.years) buildYearGraph(dataset, year);
}

/**
 * Everything that must hold after one input. The time of a step is the CPU time this thread spent on it
 * (process.cpuUsage), not the wall clock: on a machine shared by many jobs the clock measures the others.
 */
function after(format: string, run: () => ImportResult | null): void {
  const start = process.cpuUsage();
  let result: ImportResult | null = null;
  expect(() => (result = run())).not.toThrow();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  tally(format, result, ms);
  expect(ms, `${format}: one import step took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(TASK_LIMIT_MS);
  expect(prototypeSnapshot()).toBe(PROTOTYPE);
  expect(({} as Record<string, unknown>).previous).toBeUndefined();
  const r = result as ImportResult | null;
  if (r?.status === "ok") checkDataset(r.dataset!);
  if (r?.status === "failed") expect(r.issues.some((i) => i.severity === "error")).toBe(true);
  // The data open before and the saved views are as they were.
  expect(JSON.stringify(shipped.flows)).toBe(SHIPPED_FLOWS);
  expect(storage.getItem("reroute:views:v1")).toBe(SAVED);
}

// ---- hostile material -----------------------------------------------------------------------------

const RESERVED = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf"];
const NUMBERS = ["1e308", "-1e308", "1e16", "-0", "NaN", "Infinity", "9".repeat(400), "0x10", "1,234", "1.234,5", "", "-5", "1e-400"];
const TEXT = [
  ...RESERVED,
  "<script>alert(1)</script>",
  '"',
  '""',
  "\u202e\u0000\u0007",
  "a\nb",
  "&amp;&",
  "x".repeat(5000),
  "Zürich",
  "🚗",
  "id-__proto__",
];
const token = fc.oneof(fc.constantFrom(...TEXT), fc.constantFrom(...NUMBERS), fc.string({ maxLength: 8 }));
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RESERVED, "A", "B", "C") }, { weight: 1, arbitrary: token });
const volume = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1000 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
);
const csvCell = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const xmlAttr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const file = (fileName: string, text: string): ImportFile => ({ name: fileName, bytes: strToU8(text) });

/** Cut, byte-flipped or left whole: a quarter of the files are damaged after they are built. */
const damage = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), fc.integer({ min: 0, max: 255 }));
function damaged(files: ImportFile[], [how, at, byte]: [number, number, number]): ImportFile[] {
  if (how !== 0) return files;
  return files.map((f, i) => {
    if (i !== 0 || f.bytes.length === 0) return f;
    const bytes = f.bytes.slice(0, at % 2 === 0 ? f.bytes.length : (at % f.bytes.length) + 1);
    bytes[at % bytes.length] = byte;
    return { name: f.name, bytes };
  });
}

const rerouteCsv = fc
  .tuple(
    fc.array(fc.tuple(name, token, fc.constantFrom(...PLACE_KINDS, ...RESERVED), fc.constantFrom("CN", "KZ", "zz", "__proto__"), name), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.array(fc.tuple(name, name, volume, fc.constantFrom("2023", "2024", "1e308", "")), { maxLength: 8 }),
    fc.constantFrom("", ",__proto__", ",constructor"),
  )
  .map(([places, flows, extra]) => [
    file(
      "places.csv",
      `id,name,kind,country,lat,lon,lane${extra}\n${places.map(([id, n, k, c, lane]) => [id, n, k, c, "10", "20", lane].map(csvCell).join(",") + (extra ? ",x" : "")).join("\n")}\n`,
    ),
    file(
      "flows.csv",
      `from,to,year,vehicles,basis${extra}\n${flows.map(([a, b, v, y]) => [a, b, y, v, "reported"].map(csvCell).join(",") + (extra ? ",y" : "")).join("\n")}\n`,
    ),
  ]);

const edgeList = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.array(token, { maxLength: 3 }).map((extra) => ["origin", "destination", "volume", "year", ...extra]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(fc.constantFrom("origin", "destination", "volume", "year"), token), { minLength: 1, maxLength: 6 }),
      },
    ),
    fc.array(fc.tuple(name, name, volume, fc.constantFrom("2023", "2024", "1e308", ""), fc.array(token, { maxLength: 3 })), {
      maxLength: 8,
    }),
  )
  .map(([header, rows]) => [
    file(
      "edges.csv",
      [header.map(csvCell).join(","), ...rows.map(([a, b, v, y, rest]) => [a, b, v, y, ...rest].map(csvCell).join(","))].join("\n"),
    ),
  ]);

const flowmap = fc
  .tuple(fc.array(fc.tuple(name, token), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(name, name, volume), { maxLength: 8 }))
  .map(([locations, flows]) => [
    file("locations.csv", `id,name,lat,lon\n${locations.map(([id, n]) => [id, n, "45", "70"].map(csvCell).join(",")).join("\n")}\n`),
    file("flows.csv", `origin,dest,count\n${flows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`),
  ]);

const attributes = fc.dictionary(
  fc.oneof(fc.constantFrom(...RESERVED, "lane", "kind", "weight", "label", "year"), fc.string({ maxLength: 5 })),
  fc.oneof(token, fc.double(), fc.jsonValue({ maxDepth: 3 })),
  { maxKeys: 5 },
);
const graphologyJson = fc
  .tuple(fc.array(fc.tuple(name, attributes), { maxLength: 6 }), fc.array(fc.tuple(name, name, attributes), { maxLength: 8 }))
  .map(([nodes, edges]) => {
    // JSON text written by hand so "__proto__" keys stay own keys in the file, as an attacker would write them.
    const obj = (a: Record<string, unknown>) =>
      `{${Object.entries(a)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`)
        .join(",")},"__proto__":{"previous":1}}`;
    return [
      file(
        "g.json",
        `{"nodes":[${nodes.map(([k, a]) => `{"key":${JSON.stringify(k)},"attributes":${obj(a)}}`).join(",")}],"edges":[${edges.map(([s, t, a]) => `{"source":${JSON.stringify(s)},"target":${JSON.stringify(t)},"attributes":${obj(a)}}`).join(",")}]}`,
      ),
    ];
  });
const nodeLinkJson = fc
  .tuple(fc.array(fc.tuple(name, attributes), { maxLength: 6 }), fc.array(fc.tuple(name, name, attributes), { maxLength: 8 }), fc.boolean())
  .map(([nodes, links, directed]) => [
    file(
      "n.json",
      JSON.stringify({
        directed,
        nodes: nodes.map(([id, a]) => ({ ...a, id })),
        links: links.map(([source, target, a]) => ({ ...a, source, target })),
      }).replace('"nodes":[', '"__proto__":{"previous":1},"nodes":['),
    ),
  ]);

const xmlShape = fc.tuple(
  fc.array(fc.tuple(name, token), { maxLength: 6 }),
  fc.array(fc.tuple(name, name, volume, token), { maxLength: 8 }),
  fc.constantFrom("", "<!-- pad -->".repeat(7000), "<gexf ".repeat(3000), '<!DOCTYPE x [<!ENTITY a "b">]>'),
);
const gexf = xmlShape.map(([nodes, edges, prefix]) => [
  file(
    "g.gexf",
    `${prefix}<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><attributes class="node"><attribute id="__proto__" title="constructor" type="string"/><attribute id="lane" title="lane" type="string"/></attributes><nodes>${nodes.map(([id, lane]) => `<node id="${xmlAttr(id)}" label="${xmlAttr(id)}"><attvalues><attvalue for="lane" value="${xmlAttr(lane)}"/><attvalue for="__proto__" value="x"/></attvalues></node>`).join("")}</nodes><edges>${edges.map(([s, t, w], i) => `<edge id="${i}" source="${xmlAttr(s)}" target="${xmlAttr(t)}" weight="${xmlAttr(w)}"/>`).join("")}</edges></graph></gexf>`,
  ),
]);
const graphml = xmlShape.map(([nodes, edges, prefix]) => [
  file(
    "g.graphml",
    `${prefix}<graphml><key id="__proto__" for="node" attr.name="constructor" attr.type="string"/><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed">${nodes.map(([id, lane]) => `<node id="${xmlAttr(id)}"><data key="__proto__">${xmlAttr(lane)}</data></node>`).join("")}${edges.map(([s, t, w]) => `<edge source="${xmlAttr(s)}" target="${xmlAttr(t)}"><data key="w">${xmlAttr(w)}</data></edge>`).join("")}</graph></graphml>`,
  ),
]);

const formats: [string, fc.Arbitrary<ImportFile[]>][] = [
  ["Reroute CSV", rerouteCsv],
  ["edge list", edgeList],
  ["flowmap pair", flowmap],
  ["graphology JSON", graphologyJson],
  ["node-link JSON", nodeLinkJson],
  ["GEXF", gexf],
  ["GraphML", graphml],
];

describe("hostile input fuzz", () => {
  for (const [format, arbitrary] of formats) {
    it(`${RUNS} hostile ${format} files`, () => {
      fc.assert(
        fc.property(arbitrary, damage, (files, how) => after(format, () => importFilesSync(damaged(files, how), OPTIONS))),
        { numRuns: RUNS, seed: 18, endOnFailure: true },
      );
      expect(stats.get(format)!.tried).toBe(RUNS);
    }, 240_000);
  }

  it(`${RUNS} hostile ZIP archives (bombs, cut, flipped, many entries, hostile files inside)`, () => {
    const bomb = zipSync({ "a.csv": new Uint8Array(4 * 1024 * 1024) }, { level: 1 });
    fc.assert(
      fc.property(fc.oneof(edgeList, gexf, graphologyJson), fc.integer({ min: 0, max: 4 }), damage, (inner, kind, how) => {
        const entries: Record<string, Uint8Array> = {};
        inner.forEach((f, i) => (entries[`${i}/${f.name}`] = f.bytes));
        if (kind === 1) for (let i = 0; i < 30; i++) entries[`many/${i}.csv`] = strToU8("a,b\n1,2\n");
        let whole: Uint8Array = kind === 2 ? bomb : zipSync(entries);
        if (kind === 3) whole = whole.subarray(0, Math.max(4, whole.length >> 1));
        const zip = damaged([{ name: "x.zip", bytes: whole }], how)[0]!.bytes;
        after("ZIP", () => {
          const reply = handleFilesTask({ type: "unzip", name: "x.zip", bytes: zip });
          if (reply.type !== "unzip") throw new Error(reply.type);
          return reply.result.ok ? importFilesSync(reply.result.files, OPTIONS) : null;
        });
      }),
      { numRuns: RUNS, seed: 18, endOnFailure: true },
    );
  }, 240_000);

  it(`${RUNS} hostile Reroute bundles (reserved ids, huge numbers, deep and many views)`, () => {
    const base = JSON.parse(encodeBundle({ ...shipped, id: "local:x" })) as { dataset: Dataset; views: unknown[] };
    const small = { ...base, dataset: { ...base.dataset, flows: base.dataset.flows.slice(0, 20) } };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(...RESERVED),
        fc.constantFrom(...NUMBERS),
        damage,
        (kind, word, number, how) => {
          let text = JSON.stringify(small);
          if (kind === 0)
            text = text
              .replaceAll(`"${small.dataset.places[0]!.id}"`, JSON.stringify(word))
              .replaceAll(`${small.dataset.places[0]!.id}>`, `${word}>`);
          if (kind === 1) text = text.replace(/"vehicles":\d+/, `"vehicles":${/^-?[\d.e]+$/.test(number) ? number : "1e308"}`);
          if (kind === 2)
            text = text.replace('"views":[]', `"views":[{"name":"deep","state":${'{"x":'.repeat(3000)}{}${"}".repeat(3000)}}]`);
          if (kind === 3)
            text = text.replace(
              '"views":[]',
              `"views":[${Array.from({ length: 250 }, (_, i) => `{"name":"v${i}","state":{"year":2024}}`).join(",")}]`,
            );
          if (kind === 4) text = text.replace('"format":"reroute-bundle"', `"format":"reroute-bundle","__proto__":{"previous":1}`);
          const [f] = damaged([file("b.json", text)], how);
          after("bundle", () => {
            const reply = handleFilesTask({ type: "bundle", name: "b.json", bytes: f!.bytes });
            if (reply.type === "bundle" && reply.result?.ok) checkDataset(reply.result.bundle.dataset);
            return null;
          });
        },
      ),
      { numRuns: RUNS, seed: 18, endOnFailure: true },
    );
  }, 240_000);

  it(`${RUNS} hostile links (view and story payloads, hostile keys, odd paths)`, () => {
    const pack = (text: string) => LZString.compressToEncodedURIComponent(text);
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(...RESERVED),
        fc.string({ maxLength: 20 }),
        fc.constantFrom("/", "//evil.example/", "///x/", "/\\\\evil/"),
        (json, word, junk, path) => {
          const payloads = [
            pack(
              JSON.stringify({
                v: 2,
                selection: { type: "node", id: word },
                assumptions: { [word]: 1 },
                filters: { hiddenLanes: [word] },
              }).replace("{", `{"__proto__":{"previous":1},`),
            ),
            pack(JSON.stringify(json)),
            pack(`{"steps":[{"t":${JSON.stringify(word)},"s":${JSON.stringify(json)}}]}`),
            junk,
          ];
          after("link", () => {
            for (const text of payloads) {
              decodeView(text, ctx);
              decodeStory(text, ctx);
            }
            const u = new URL(`https://reroute.example${path}index.html?embed=1#v=${payloads[0]}`);
            expect(new URL(ownUrl(u, "#v=1")).origin).toBe("https://reroute.example");
            return null;
          });
        },
      ),
      { numRuns: RUNS, seed: 18, endOnFailure: true },
    );
  }, 240_000);
});

afterAll(() => {
  const lines = [...stats].map(
    ([format, s]) =>
      `${format.padEnd(16)} tried ${s.tried}, ok ${s.ok}, failed with a message ${s.failed}, asked ${s.needs}, slowest ${s.slowestMs.toFixed(0)} ms`,
  );
  console.log(`hostile fuzz:\n${lines.join("\n")}`);
});
