import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { decodeBundle, encodeBundle, looksLikeBundle, validateDataset } from "../../../src/io/bundle";
import { bundleImportResult } from "../../../src/io/import/types";
import { edges, file, read } from "./helpers";

const shipped = loadShippedDataset();

async function small() {
  const result = await read([file("e.csv", "from,to,volume,year\nAlmaty,Tashkent,5,2023\nTashkent,Almaty,2,2024\n")]);
  return result.dataset!;
}

describe("encodeBundle / decodeBundle", () => {
  it("round-trips the shipped dataset and its views to an equal dataset", () => {
    const views = [{ name: "Central Asia", state: { year: 2023 } }];
    const text = encodeBundle(shipped, views, "2025-01-01T00:00:00.000Z");
    expect(looksLikeBundle(text)).toBe(true);
    const decoded = decodeBundle(text);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.bundle.dataset).toEqual(shipped);
    expect(decoded.bundle.views).toEqual(views);
    expect(decoded.bundle.exported).toBe("2025-01-01T00:00:00.000Z");
  });

  it("round-trips an imported dataset (places without coordinates) to the same graph", async () => {
    const dataset = await small();
    const decoded = decodeBundle(encodeBundle(dataset));
    expect(decoded.ok && edges(decoded.bundle.dataset)).toEqual(edges(dataset));
    expect(decoded.ok && decoded.bundle.dataset.years).toEqual([2023, 2024]);
  });

  it("keeps an undirected, unweighted graph without time as such", async () => {
    const json = JSON.stringify({ directed: false, nodes: [{ id: "a" }, { id: "b" }], links: [{ source: "a", target: "b" }] });
    const dataset = (await read([file("g.json", json)], { defaultYear: undefined })).dataset!;
    const decoded = decodeBundle(encodeBundle(dataset));
    const back = decoded.ok ? decoded.bundle.dataset : null;
    expect([back?.timeless, back?.undirected, back?.unweighted]).toEqual([true, true, true]);
  });

  it("says what is wrong with a file that is not JSON, not a bundle, or from a newer Reroute", () => {
    const notJson = decodeBundle("{ nope", "x.json");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.issues[0]!.message).toMatch(/not valid JSON/);
    expect(!notJson.ok && notJson.issues[0]!.file).toBe("x.json");
    const other = decodeBundle(JSON.stringify({ format: "something", version: 1 }));
    expect(!other.ok && other.issues.map((i) => i.message)).toEqual(['bundle.format: should be "reroute-bundle"']);
    const newer = decodeBundle(JSON.stringify({ format: "reroute-bundle", version: 99, dataset: {} }));
    expect(!newer.ok && newer.issues[0]!.message).toMatch(/newer than this Reroute reads/);
  });

  it("rejects datasets with wrong field types, unknown place references, bad ids and out-of-range values, naming the path", async () => {
    const dataset = structuredClone(await small());
    (dataset.places[0] as unknown as Record<string, unknown>).lat = 123;
    (dataset.flows[0] as unknown as Record<string, unknown>).volume = "5";
    dataset.flows[1]!.to = "nowhere";
    const decoded = decodeBundle(encodeBundle(dataset));
    expect(decoded.ok).toBe(false);
    const messages = decoded.ok ? [] : decoded.issues.map((i) => i.message);
    expect(messages).toContain("dataset.places[0].lat: 123 is outside -90..90");
    expect(messages).toContain("dataset.flows[0].volume: should be a finite number");
    expect(messages).toContain('dataset.flows[1].to: "nowhere" is not a place of the dataset');
    expect(messages.some((m) => m.startsWith("dataset.flows[1].id:"))).toBe(true);
  });

  it("rejects a dataset without flows and keeps only well-formed views, with a warning for the others", async () => {
    const empty = { ...(await small()), flows: [] };
    expect(validateDataset(empty).issues.map((i) => i.message)).toEqual(["dataset.flows: has no flow: nothing to draw"]);
    const text = JSON.stringify({
      format: "reroute-bundle",
      version: 1,
      dataset: await small(),
      views: [{ name: "ok", state: {} }, { name: 3 }, "x"],
    });
    const decoded = decodeBundle(text);
    expect(decoded.ok && decoded.bundle.views).toEqual([{ name: "ok", state: {} }]);
    expect(decoded.ok && decoded.warnings.length).toBe(2);
  });

  it("drops unknown keys, so nothing from the file rides along into the app", async () => {
    const dataset = { ...(await small()), extra: "<script>" } as unknown;
    const { dataset: out } = validateDataset(dataset);
    expect(out && Object.keys(out)).not.toContain("extra");
  });

  it("looksLikeBundle only answers for JSON objects that name the format", () => {
    expect(looksLikeBundle('  {"format": "reroute-bundle"}')).toBe(true);
    expect(looksLikeBundle("from,to\nreroute-bundle,x\n")).toBe(false);
    expect(looksLikeBundle('{"nodes": []}')).toBe(false);
  });
});

describe("bundleImportResult", () => {
  it("counts a bundle's dataset like an import: places, flows, years, places without coordinates", async () => {
    const dataset = await small();
    const warning = { severity: "warning" as const, file: "b.json", line: 0, column: 0, message: "old" };
    const r = bundleImportResult({ version: 1, dataset }, [warning]);
    expect(r.status).toBe("ok");
    expect(r.format).toBe("Reroute bundle (version 1)");
    expect(r.dataset).toBe(dataset);
    expect(r.issues).toEqual([warning]);
    expect([r.summary.places, r.summary.flows, r.summary.validRows, r.summary.years, r.summary.encoding]).toEqual([
      2,
      2,
      2,
      [2023, 2024],
      "UTF-8",
    ]);
    expect(r.summary.withoutCoordinates).toBe(2);
  });
});
