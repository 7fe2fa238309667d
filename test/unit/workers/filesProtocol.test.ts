// The file tasks the page hands to a worker: bundles with hostile views, stored records, reserved place ids.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { encodeBundle } from "../../../src/io/bundle";
import { checkStoredMeta, readStoredData } from "../../../src/io/storedRecords";
import { handleFilesTask } from "../../../src/workers/filesProtocol";
import { edges, file, read } from "../io/helpers";

async function small() {
  const result = await read([file("e.csv", "origin,destination,volume,year\nAlmaty,Tashkent,5,2023\nTashkent,Almaty,2,2024\n")]);
  return { ...result.dataset!, id: "local:abc" };
}

const bundleTask = (text: string) => handleFilesTask({ type: "bundle", name: "b.json", bytes: strToU8(text) });

describe("bundles read in the worker", () => {
  it("a view state nested 5,000 deep is left out with a warning; the dataset and the other views are kept", async () => {
    // Written as text: JSON.stringify itself would overflow the stack on it.
    const deep = `${'{"x":'.repeat(5000)}{}${"}".repeat(5000)}`;
    const text = encodeBundle(await small(), [
      { name: "deep", state: { placeholder: true } },
      { name: "fine", state: { year: 2023 } },
    ]).replace('{\n    "placeholder": true\n   }', deep);
    expect(text).toContain('{"x":{"x":');
    const reply = bundleTask(text);
    expect(reply.type).toBe("bundle");
    const decoded = reply.type === "bundle" ? reply.result : null;
    expect(decoded?.ok).toBe(true);
    if (!decoded?.ok) return;
    expect(decoded.bundle.views.map((v) => v.name)).toEqual(["fine"]);
    expect(decoded.warnings.map((w) => w.message).join(" ")).toMatch(/"deep".*nested deeper/);
  });

  it("more than 200 views: the first 200 are kept, and the rest named", async () => {
    const views = Array.from({ length: 250 }, (_, i) => ({ name: `v${i}`, state: { year: 2023 } }));
    const reply = bundleTask(encodeBundle(await small(), views));
    const decoded = reply.type === "bundle" ? reply.result : null;
    expect(decoded?.ok && decoded.bundle.views.length).toBe(200);
    expect(decoded?.ok && decoded.warnings[0]!.message).toMatch(/holds 250 views; the first 200/);
  });

  it("a place called __proto__ in a bundle reaches no graph under that id", async () => {
    const dataset = await small();
    const renamed = JSON.parse(
      JSON.stringify(dataset).replaceAll('"Almaty"', '"__proto__"').replaceAll("Almaty>", "__proto__>").replaceAll(">Almaty", ">__proto__"),
    );
    const reply = bundleTask(encodeBundle(renamed));
    const decoded = reply.type === "bundle" ? reply.result : null;
    expect(decoded?.ok).toBe(true);
    if (!decoded?.ok) return;
    expect(decoded.bundle.dataset.places.map((p) => p.id)).toContain("id-__proto__");
    expect(edges(decoded.bundle.dataset).sort()).toEqual(
      edges(dataset)
        .map((e) => e.replaceAll("Almaty", "__proto__"))
        .sort(),
    );
    expect(({} as Record<string, unknown>).previous).toBeUndefined();
  });

  it("a ZIP is unpacked by the same task runner", () => {
    const reply = handleFilesTask({ type: "unzip", name: "x.zip", bytes: zipSync({ "a.csv": strToU8("a,b\n") }) });
    expect(reply.type === "unzip" && reply.result.ok && reply.result.files.map((f) => f.name)).toEqual(["a.csv"]);
  });
});

describe("stored records", () => {
  const meta = {
    id: "local:abc",
    name: "Trade",
    savedAt: "2026-12-01T10:00:00.000Z",
    format: "edge list CSV",
    places: 2,
    flows: 2,
    years: [2023],
    views: 0,
  };
  it("a meta record with a field of the wrong type is refused with what is wrong (a number savedAt threw at start-up)", () => {
    expect(checkStoredMeta(meta)).toEqual({ ok: true, meta });
    expect(checkStoredMeta({ ...meta, savedAt: 17 })).toEqual({ ok: false, id: "local:abc", problem: "its save time is not a date" });
    expect(checkStoredMeta({ ...meta, years: "2023" })).toMatchObject({ ok: false, problem: "its years are not a list of years" });
    expect(checkStoredMeta({ ...meta, places: -1 })).toMatchObject({ ok: false });
    expect(checkStoredMeta(null)).toEqual({ ok: false, id: null, problem: "not a record" });
    expect(checkStoredMeta({ name: "x" })).toMatchObject({ ok: false, id: null });
  });

  it("stored data is validated like a bundle: bad JSON, a damaged dataset or another dataset's data are refused", async () => {
    const dataset = await small();
    const good = readStoredData("local:abc", { id: "local:abc", json: JSON.stringify({ dataset, views: [] }) });
    expect(good.ok && edges(good.dataset)).toEqual(edges(dataset));
    expect(readStoredData("local:abc", { id: "local:abc", json: "{oops" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not valid JSON/),
    });
    const damaged = { ...dataset, flows: [{ ...dataset.flows[0], volume: "many" }] };
    expect(readStoredData("local:abc", { json: JSON.stringify({ dataset: damaged }) })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/damaged/),
    });
    expect(readStoredData("local:other", { json: JSON.stringify({ dataset }) })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/another dataset/),
    });
    expect(readStoredData("local:abc", { json: 42 })).toMatchObject({ ok: false, problem: "its data is missing" });
  });
});
