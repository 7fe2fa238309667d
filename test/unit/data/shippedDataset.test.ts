import { describe, expect, it } from "vitest";
import { parseDataset } from "../../../src/domain/parseDataset";
import { loadShippedDataset, SHIPPED_DATASET_META, SHIPPED_FILES } from "../../../src/domain/shippedDataset";
import { readFactsTable, statesNumber } from "./factsTable";

const dataset = loadShippedDataset();
const facts = readFactsTable();
const sourceIds = new Set(dataset.sources.map((s) => s.id));
const placesById = new Map(dataset.places.map((p) => [p.id, p]));

describe("the shipped zero-mileage dataset", () => {
  it("parses with no errors and no warnings", () => {
    const { dataset: parsed, issues } = parseDataset(SHIPPED_FILES, SHIPPED_DATASET_META);
    expect(issues.map((i) => i.message)).toEqual([]);
    expect(parsed?.id).toBe("zero-mileage");
  });

  it("has flows for 2019–2024 and none for 2025, which has no national total (U14)", () => {
    expect(dataset.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it("every flow cites at least one FACTS row and one source present in sources.csv", () => {
    for (const flow of dataset.flows) {
      expect(flow.facts.length, flow.id).toBeGreaterThan(0);
      expect(flow.sources.length, flow.id).toBeGreaterThan(0);
      for (const source of flow.sources) expect(sourceIds.has(source), `${flow.id}: ${source}`).toBe(true);
    }
  });

  it("every FACTS row cited anywhere exists in FACTS.md", () => {
    const cited = [
      ...dataset.flows.flatMap((f) => f.facts),
      ...dataset.context.flatMap((c) => c.facts),
      ...dataset.events.flatMap((e) => e.facts),
      ...dataset.assumptions.flatMap((a) => a.facts),
    ];
    expect(cited.filter((id) => !facts.has(id))).toEqual([]);
  });

  it("every place a flow names exists, and flows use only the four place kinds in order", () => {
    const rank = { origin: 0, exit: 1, transit: 2, market: 3 } as const;
    for (const flow of dataset.flows) {
      const from = placesById.get(flow.from);
      const to = placesById.get(flow.to);
      expect(from, flow.id).toBeDefined();
      expect(to, flow.id).toBeDefined();
      // Vehicles move outward: origin → exit → transit → market, or transit → transit/market.
      if (from && to) expect(rank[to.kind] >= rank[from.kind] && !(from.kind === "origin" && to.kind === "origin"), flow.id).toBe(true);
    }
  });

  it("every reported or derived flow's number appears in one of its FACTS rows", () => {
    const fixed = dataset.flows.filter((f) => f.basis !== "modelled");
    expect(fixed).toHaveLength(4);
    for (const flow of fixed) {
      expect(flow.facts.some((id) => statesNumber(facts.get(id) ?? "", flow.vehicles)), flow.id).toBe(true);
    }
  });

  it("every modelled flow starts from a national total its first FACTS row states", () => {
    for (const flow of dataset.flows.filter((f) => f.basis === "modelled")) {
      const national = Number(/used-car exports \(MOFCOM\/CADA\) (\d+)/.exec(flow.formula)?.[1] ?? NaN);
      const throughOrInflow = /^(\d{4}) used-car (throughput|inflow)/.test(flow.formula);
      if (throughOrInflow) continue; // computed from other modelled flows, checked in zeroMileageModel.test.ts
      expect(statesNumber(facts.get(flow.facts[0] ?? "") ?? "", national), flow.id).toBe(true);
    }
  });

  it("every context figure's value appears in one of its FACTS rows and its sources exist", () => {
    for (const figure of dataset.context) {
      expect(figure.facts.length, figure.id).toBeGreaterThan(0);
      expect(figure.facts.some((id) => statesNumber(facts.get(id) ?? "", figure.value)), figure.id).toBe(true);
      for (const source of figure.sources) expect(sourceIds.has(source), `${figure.id}: ${source}`).toBe(true);
    }
  });

  it("every event cites a FACTS row and an existing source", () => {
    expect(dataset.events.length).toBeGreaterThanOrEqual(15);
    for (const event of dataset.events) {
      expect(event.facts.length, event.id).toBeGreaterThan(0);
      expect(event.sources.length, event.id).toBeGreaterThan(0);
      for (const source of event.sources) expect(sourceIds.has(source), `${event.id}: ${source}`).toBe(true);
    }
  });

  it("Brazil and Colombia are places with no flows, and their notes say why", () => {
    for (const id of ["br", "co"]) {
      expect(dataset.flows.filter((f) => f.from === id || f.to === id)).toEqual([]);
      expect(placesById.get(id)?.note).toMatch(/used/i);
    }
    expect(placesById.get("br")?.note).toMatch(/banned since 1991/);
    expect(placesById.get("co")?.note).toMatch(/prohibited/);
  });

  it("Horgos leads to Kazakhstan, and Torugart and Irkeshtam to Kyrgyzstan", () => {
    const targets = (exit: string): string[] => [...new Set(dataset.flows.filter((f) => f.from === exit).map((f) => f.to))];
    expect(targets("horgos")).toEqual(["kz"]);
    expect(targets("torugart")).toEqual(["kg"]);
    expect(targets("irkeshtam")).toEqual(["kg"]);
  });

  it("years with only a national total go from China to 'Destinations not reported', and nowhere else", () => {
    for (const year of [2019, 2020, 2021, 2022]) {
      const flows = dataset.flows.filter((f) => f.year === year);
      expect(flows.map((f) => `${f.from}>${f.to}:${f.basis}`)).toEqual(["china>not-reported:reported"]);
    }
  });

  it("aggregates use country ZZ and real places a two-letter ISO code", () => {
    for (const id of ["other-provinces", "other-seaports", "other-destinations", "not-reported"]) expect(placesById.get(id)?.country).toBe("ZZ");
    expect(placesById.get("horgos")?.country).toBe("CN");
    expect(placesById.get("kg")?.country).toBe("KG");
  });
});
