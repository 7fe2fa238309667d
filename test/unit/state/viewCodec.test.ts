import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeStory, decodeView, encodeStory, encodeView, viewFromJson, type LinkContext } from "../../../src/state/viewCodec";
import { defaultViewState, type ViewState } from "../../../src/state/viewState";

const ctx: LinkContext = {
  datasetId: "zero-mileage",
  datasetHash: "abcdef0123456789ffff",
  defaultYear: 2024,
  years: [2019, 2020, 2021, 2022, 2023, 2024],
  placeIds: new Set(["sichuan", "horgos", "kz", "ru"]),
  flowIds: new Set(["horgos>kz@2024/road"]),
  assumptionIds: new Set(["horgos-share-2024", "ca-lane-2024"]),
};
const base = () => defaultViewState(ctx.datasetId, ctx.datasetHash, 2024);
const { hover: _hover, ...noHover } = base();
void _hover;

const stateArb: fc.Arbitrary<ViewState> = fc
  .record({
    year: fc.integer({ min: 2019, max: 2024 }),
    measure: fc.constantFrom("vehicles", "usd" as const),
    scale: fc.constantFrom("linear", "sqrt", "log" as const),
    minWidth: fc.integer({ min: 0, max: 5 }),
    extra: fc.integer({ min: 0, max: 30 }),
    nodeSizeBy: fc.constantFrom("throughput", "intake", "outflow" as const),
    perYearScale: fc.boolean(),
    minVolume: fc.integer({ min: 0, max: 100000 }),
    topN: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    hiddenLanes: fc.uniqueArray(fc.constantFrom("central-asia", "middle-east", "caucasus"), { maxLength: 3 }),
    hiddenKinds: fc.uniqueArray(fc.constantFrom("origin", "exit", "transit", "market" as const), { maxLength: 4 }),
    hiddenBases: fc.uniqueArray(fc.constantFrom("reported", "derived", "modelled" as const), { maxLength: 3 }),
    layout: fc.constantFrom("geo", "chain", "force" as const),
    flowBudget: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
    assumption: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    selection: fc.constantFrom(null, { type: "node", id: "kz" } as const, { type: "edge", id: "horgos>kz@2024/road" } as const),
    origin: fc.constantFrom(null, "sichuan"),
    destination: fc.constantFrom(null, "ru"),
    chain: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    camera: fc.option(
      fc.record({
        x: fc.double({ min: -2, max: 2, noNaN: true }),
        y: fc.double({ min: -2, max: 2, noNaN: true }),
        ratio: fc.double({ min: 0.05, max: 4, noNaN: true }),
        angle: fc.constant(0),
      }),
      { nil: null },
    ),
    contextLayer: fc.boolean(),
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    title: fc.string({ maxLength: 40 }).map((t) => t.replace(/[\u0000-\u001f\u007f]/g, "")),
  })
  .map((r) => {
    const s = base();
    s.year = r.year;
    s.weighting = {
      measure: r.measure,
      scale: r.scale,
      minWidth: r.minWidth,
      maxWidth: r.minWidth + r.extra,
      nodeSizeBy: r.nodeSizeBy,
      perYearScale: r.perYearScale,
    };
    s.filters = {
      ...s.filters,
      minVolume: r.minVolume,
      topN: r.topN,
      hiddenLanes: r.hiddenLanes,
      hiddenKinds: r.hiddenKinds,
      hiddenBases: r.hiddenBases,
    };
    s.layout = r.layout;
    s.flowBudget = r.flowBudget;
    s.assumptions = r.assumption === undefined ? {} : { "horgos-share-2024": r.assumption };
    s.selection = r.selection;
    s.trace = { origin: r.origin, destination: r.destination, chain: r.chain, through: null };
    // +0 turns -0 into 0, as JSON does.
    s.camera = r.camera
      ? { x: Number(r.camera.x.toFixed(5)) + 0, y: Number(r.camera.y.toFixed(5)) + 0, ratio: Number(r.camera.ratio.toFixed(5)), angle: 0 }
      : null;
    s.title = r.title;
    s.contextLayer = r.contextLayer;
    return s;
  });

describe("view links", () => {
  it("the default view encodes to an empty hash", () => {
    expect(encodeView(base())).toBe("");
  });

  it("round-trips any valid view (property test, 300 random views)", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const text = encodeView(s);
        const back = text ? decodeView(text, ctx) : { ok: true as const, state: base(), warnings: [] };
        expect(back.ok).toBe(true);
        if (back.ok) {
          const { hover: _h, ...rest } = back.state;
          const { hover: _h2, ...want } = s;
          expect(rest).toEqual(want);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("carries the context layer when it is on, and refuses a link whose context layer is not true or false", () => {
    const s = base();
    expect(encodeView(s)).toBe("");
    s.contextLayer = true;
    const text = encodeView(s);
    expect(JSON.parse(LZString.decompressFromEncodedURIComponent(text))).toMatchObject({ contextLayer: true });
    const back = decodeView(text, ctx);
    expect(back.ok && back.state.contextLayer).toBe(true);
    const bad = decodeView(LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, contextLayer: "yes" })), ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/contextLayer/);
  });

  it("a link is short: a year and a hidden lane fit in well under 200 characters", () => {
    const s = base();
    s.year = 2023;
    s.filters.hiddenLanes = ["middle-east"];
    expect(encodeView(s).length).toBeLessThan(200);
  });

  it("migrates a version-1 link (camera as an object, no flow budget: every flow drawn)", () => {
    const v1 = { v: 1, year: 2023, camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 } };
    const r = decodeView(LZString.compressToEncodedURIComponent(JSON.stringify(v1)), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.year).toBe(2023);
    expect(r.state.camera).toEqual({ x: 0.4, y: 0.6, ratio: 0.5, angle: 0 });
    expect(r.state.flowBudget).toBeNull();
    expect(r.warnings.join(" ")).toMatch(/older version/);
  });

  it("rejects garbage with a reason", () => {
    const cases: [string, RegExp][] = [
      ["", /no view/],
      ["<script>alert(1)</script>", /characters/],
      ["N4Ig", /damaged|cut short/],
      [LZString.compressToEncodedURIComponent("not json"), /not valid JSON/],
      [LZString.compressToEncodedURIComponent(JSON.stringify({ v: 99, year: 2024 })), /newer version/],
      [LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, year: "2024" })), /year is not a year/],
      [LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, layout: "spiral" })), /layout/],
      [LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, camera: [0, 0, -1, 0] })), /camera/],
      [LZString.compressToEncodedURIComponent(JSON.stringify([1, 2])), /not an object/],
    ];
    for (const [text, reason] of cases) {
      const r = decodeView(text, ctx);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it("warns when the link was made on another version of the data or on imported data", () => {
    const s = base();
    s.year = 2023;
    const other = decodeView(encodeView({ ...s, datasetHash: "0000000000000000aaaa" }), ctx);
    expect(other.ok && other.warnings.join(" ")).toMatch(/another version of the data/);
    const local = decodeView(encodeView({ ...s, datasetId: "local:1234" }), ctx);
    expect(local.ok && local.warnings.join(" ")).toMatch(/imported data .* you need that file/);
    expect(local.ok && local.madeOn).toEqual({ datasetId: "local:1234", hash: "abcdef0123456789" });
    expect(other.ok && other.madeOn).toEqual({ datasetId: "zero-mileage", hash: "0000000000000000" });
  });

  it("drops ids the data does not have, with a warning, and ignores __proto__ keys", () => {
    const payload = JSON.parse(
      '{"v":2,"selection":{"type":"node","id":"atlantis"},"trace":{"origin":"atlantis"},"__proto__":{"polluted":true},"assumptions":{"nope":1}}',
    );
    const r = viewFromJson(payload, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.selection).toBeNull();
    expect(r.state.trace.origin).toBeNull();
    expect(r.state.assumptions).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.warnings.length).toBeGreaterThanOrEqual(3);
  });

  it("never throws on 2,000 mangled links (cut, bit-flipped, random, garbage JSON, huge numbers, __proto__ keys), and each ends in a state or a reason", () => {
    const valid: string[] = [];
    fc.assert(
      fc.property(stateArb, (s) => {
        const t = encodeView(s);
        if (t) valid.push(t);
      }),
      { numRuns: 50, seed: 7 },
    );
    const pack = (text: string) => LZString.compressToEncodedURIComponent(text);
    const hostile = [
      '{"v":2,"__proto__":{"year":1999,"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      '{"v":2,"assumptions":{"__proto__":5,"constructor":1,"prototype":2,"horgos-share-2024":0.5}}',
      '{"v":2,"filters":{"__proto__":{"minVolume":5},"hiddenKinds":["__proto__"]},"trace":{"__proto__":{"origin":"kz"}}}',
      '{"v":2,"selection":{"type":"node","id":"__proto__"},"trace":{"origin":"constructor"}}',
      '{"v":1,"camera":{"__proto__":{"x":1}}}',
      '{"steps":[{"t":"a","c":"b","s":{"v":2,"__proto__":{"v":99}}}],"__proto__":{"steps":1}}',
    ];
    const huge = [
      '{"v":2,"year":1e308,"camera":[1e308,-1e308,1e-320,0]}',
      '{"v":2,"filters":{"minVolume":1e400,"topN":9007199254740993}}',
      '{"v":9007199254740993}',
      '{"v":2,"flowBudget":-0,"weighting":{"minWidth":-1e-320,"maxWidth":1e999}}',
      `{"v":2,"filters":{"hiddenLanes":[${Array.from({ length: 5000 }, (_, i) => `"l${i}"`).join(",")}]}}`,
      `{"v":2,"title":"${"x".repeat(10000)}"}`,
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
    ];
    let n = 0,
      ok = 0,
      rejected = 0;
    const mangle = fc.tuple(
      fc.constantFrom(...valid),
      fc.integer({ min: 0, max: 9 }),
      fc.nat(),
      fc.string({ maxLength: 30 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(mangle, ([text, how, at, junk, json]) => {
        const i = at % Math.max(1, text.length);
        const mangled = [
          text.slice(0, i), // truncated
          text.slice(0, i) + junk + text.slice(i), // junk inserted
          text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << (at % 7)) || 65) + text.slice(i + 1), // bit-flipped
          junk, // a random string
          pack(`{"v":2,"year":${"9".repeat(400)},"camera":[1e309,0,1,0]}`.slice(0, i % 80) + junk), // valid-compressed garbage JSON
          pack(JSON.stringify({ v: 2, filters: { hiddenLanes: "x".repeat(i) } }) + junk),
          pack(hostile[at % hostile.length]!), // prototype-pollution keys
          pack(huge[at % huge.length]!), // huge numbers and lengths
          pack(JSON.stringify(json)), // any JSON value
          pack(JSON.stringify({ v: 2, ...(typeof json === "object" && json !== null && !Array.isArray(json) ? json : { year: json }) })), // a version and random fields
        ][how]!;
        n++;
        let r;
        expect(() => (r = decodeView(mangled, ctx))).not.toThrow();
        if (r!.ok) {
          ok++;
          // Whatever is accepted is a valid view: it encodes and reads back.
          const again = encodeView(r!.state);
          if (again) expect(decodeView(again, ctx).ok).toBe(true);
        } else {
          rejected++;
          expect(r!.reason).toMatch(/\w/);
        }
        expect(() => decodeStory(mangled, ctx)).not.toThrow();
      }),
      { numRuns: 2000, seed: 2026 },
    );
    expect(n).toBe(2000);
    expect(ok + rejected).toBe(2000);
    // Nothing leaked into every object's prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("year");
    console.log(`mangled links: ${n} decoded without throwing (${ok} read as a view, ${rejected} rejected with a reason)`);
    // A fuzz run: 3.6–5.7 s on 2 cores under load, so it gets its own limit rather than vitest's 5 s default.
  }, 60_000);

  it("a link can only ever yield plain data: hostile keys end as warnings, never as properties", () => {
    const r = decodeView(
      LZString.compressToEncodedURIComponent(
        '{"v":2,"assumptions":{"__proto__":{"x":1},"constructor":3,"horgos-share-2024":0.5},"title":"<img src=x onerror=alert(1)>"}',
      ),
      ctx,
    );
    expect(r.ok).toBe(false); // an object is not a number: the whole link is refused
    const s = decodeView(
      LZString.compressToEncodedURIComponent('{"v":2,"assumptions":{"constructor":3,"horgos-share-2024":0.5},"title":"<b>t</b>"}'),
      ctx,
    );
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(Object.keys(s.state.assumptions)).toEqual(["horgos-share-2024"]);
    expect(Object.getPrototypeOf(s.state.assumptions)).toBe(Object.prototype);
    expect(s.state.title).toBe("<b>t</b>"); // kept as text; the UI shows it with textContent
    expect(s.warnings.join(" ")).toMatch(/constructor/);
  });

  it("carries where a force layout left the places, only with the force layout, and checks them", () => {
    const s = base();
    s.layout = "force";
    const r = decodeView(encodeView(s, 2024, [1.234, -5.66, 300, 150.04]), ctx);
    expect(r.ok && r.positions).toEqual([1.2, -5.7, 300, 150]);
    const geo = decodeView(encodeView({ ...s, layout: "geo", year: 2023 }, 2024, [1, 2]), ctx);
    expect(geo.ok && geo.positions).toBeNull();
    const pack = (o: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(o));
    for (const p of [[1, 2, 3], ["1", 2], [1e99, 0], { x: 1 }]) {
      const bad = decodeView(pack({ v: 2, layout: "force", p }), ctx);
      expect(bad.ok, JSON.stringify(p)).toBe(false);
      if (!bad.ok) expect(bad.reason).toMatch(/positions/);
    }
  });

  it("a story keeps its steps, titles and captions in order", () => {
    const a = base();
    a.year = 2022;
    const b = base();
    b.year = 2023;
    b.trace.origin = "sichuan";
    const text = encodeStory([
      { title: "Before", caption: "2022", state: a },
      { title: "After", caption: "Horgos", state: b },
    ]);
    const r = decodeStory(text, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.steps.map((s) => [s.title, s.caption, s.state.year])).toEqual([
      ["Before", "2022", 2022],
      ["After", "Horgos", 2023],
    ]);
    expect(r.steps[1]!.state.trace.origin).toBe("sichuan");
    const f = base();
    f.layout = "force";
    const arranged = decodeStory(
      encodeStory([
        { title: "Arranged", caption: "", state: f, positions: [1, 2, 3, 4] },
        { title: "Map", caption: "", state: a, positions: [1, 2] },
      ]),
      ctx,
    );
    expect(arranged.ok && arranged.steps.map((s) => s.positions)).toEqual([[1, 2, 3, 4], null]);
  });

  void noHover;
});
