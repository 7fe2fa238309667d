import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { buildSourcesIndex, factEntriesFor, searchSources } from "../../../src/state/sourcesIndex";

const dataset = loadShippedDataset();
const index = buildSourcesIndex(dataset);

describe("sourcesIndex", () => {
  it("lists every fact of facts.csv and every source of sources.csv", () => {
    expect(index.facts).toHaveLength(dataset.facts?.length ?? -1);
    expect(index.sources).toHaveLength(dataset.sources.length);
  });

  it("resolves a fact's sources and lists the flows, figures, events and assumptions that use it", () => {
    const rl1 = index.byFact.get("RL1");
    expect(rl1?.sources.map((s) => s.id)).toEqual(["anewz-2024-12", "trend-2024-12"]);
    expect(rl1?.uses.flows).toEqual(expect.arrayContaining(["chengdu-rail>kz@2023/rail", "chengdu-rail>kz@2024/rail"]));
    expect(rl1?.uses.events).toEqual(["rl1-railway"]);
    expect(rl1?.uses.assumptions).toEqual(["ca.chengdu-rail.2023", "ca.chengdu-rail.2024"]);
    const k19 = index.byFact.get("K19");
    expect(k19?.uses.context.sort()).toEqual(["cn-uz-2023-exporter", "cn-uz-2023-importer"]);
    expect(k19?.fact.quote).toBe("China delivered 83,800 passenger cars to Uzbekistan");
  });

  it("finds a fact by its id alone, and by words of its quote, figure or source, ignoring case and accents", () => {
    expect(searchSources(index, "k19").facts.map((e) => e.fact.id)).toEqual(["K19"]);
    expect(searchSources(index, "k19").sources.map((s) => s.source.id)).toEqual(["trend-2024-02-12"]);
    expect(searchSources(index, "PROHIBE vehiculos usados").facts.map((e) => e.fact.id)).toEqual(["LA5"]);
    expect(searchSources(index, "Zarqa re-exports Iraq").facts.map((e) => e.fact.id)).toEqual(["ME5"]);
    expect(searchSources(index, "Shafaq").sources.map((s) => s.source.id)).toEqual(["shafaq-2025-07-26"]);
    expect(searchSources(index, "no such words anywhere").facts).toEqual([]);
    expect(searchSources(index, "  ").facts).toHaveLength(index.facts.length);
  });

  it("each source lists the facts that cite it", () => {
    const shafaq = index.sources.find((s) => s.source.id === "shafaq-2025-07-26");
    expect(shafaq?.facts).toEqual(["D14", "ME4"]);
  });

  it("gives a flow's facts as entries in the order cited, skipping unknown ids", () => {
    expect(factEntriesFor(index, ["U7", "nope", "U7", "R3"]).map((e) => e.fact.id)).toEqual(["U7", "R3"]);
  });

  it("without a facts table, gathers the cited ids so the view still lists them", () => {
    const bare = buildSourcesIndex({ ...dataset, facts: undefined });
    expect(bare.facts.map((e) => e.fact.id)).toContain("U7");
    expect(bare.byFact.get("U7")?.uses.flows.length).toBeGreaterThan(0);
  });
});
