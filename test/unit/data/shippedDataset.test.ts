import { describe, expect, it } from "vitest";
import { parseDataset } from "../../../src/domain/parseDataset";
import { loadShippedDataset, SHIPPED_DATASET_META, SHIPPED_FILES } from "../../../src/domain/shippedDataset";
import { numbersIn, readFacts, readFactsTable, statesNumber } from "./factsTable";

const dataset = loadShippedDataset();
const facts = readFactsTable();
const factRows = readFacts();
const sourceIds = new Set(dataset.sources.map((s) => s.id));
const placesById = new Map(dataset.places.map((p) => [p.id, p]));

describe("the shipped zero-mileage dataset", () => {
  it("parses with no errors and no warnings", () => {
    const { dataset: parsed, issues } = parseDataset(SHIPPED_FILES, SHIPPED_DATASET_META);
    expect(issues.map((i) => i.message)).toEqual([]);
    expect(parsed?.id).toBe("zero-mileage");
  });

  it("has flows for 2019–2024 and none for 2025, which has no national used-car count (U14; U18 is an expectation)", () => {
    expect(dataset.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(dataset.context.filter((c) => c.year === 2025).length).toBeGreaterThanOrEqual(20);
    expect(dataset.events.filter((e) => e.year === 2025).map((e) => e.id)).toEqual(
      expect.arrayContaining(["p8-180-day-rule", "p13-ev-licences", "ru6-fee-2025", "ru7-fee-power", "k16-kg-ev-quota", "k17-kg-legalised", "me6-syria-ban"]),
    );
  });

  it("every flow cites at least one FACTS row and one source present in sources.csv", () => {
    for (const flow of dataset.flows) {
      expect(flow.facts.length, flow.id).toBeGreaterThan(0);
      expect(flow.sources.length, flow.id).toBeGreaterThan(0);
      for (const source of flow.sources) expect(sourceIds.has(source), `${flow.id}: ${source}`).toBe(true);
    }
  });

  it("every fact id cited by a flow, context figure, event or assumption is in the repository's facts.csv", () => {
    const cited = [
      ...dataset.flows.flatMap((f) => f.facts.map((id) => [`flow ${f.id}`, id])),
      ...dataset.context.flatMap((c) => c.facts.map((id) => [`context ${c.id}`, id])),
      ...dataset.events.flatMap((e) => e.facts.map((id) => [`event ${e.id}`, id])),
      ...dataset.assumptions.flatMap((a) => a.facts.map((id) => [`assumption ${a.id}`, id])),
    ];
    expect(cited.length).toBeGreaterThan(500);
    expect(cited.filter(([, id]) => !facts.has(id ?? ""))).toEqual([]);
    expect(dataset.facts?.length).toBe(factRows.size);
  });

  it("every source a fact cites is in sources.csv, and every source is cited by a fact", () => {
    const citedByFacts = new Set([...factRows.values()].flatMap((f) => f.sources));
    expect([...citedByFacts].filter((id) => !sourceIds.has(id))).toEqual([]);
    expect([...sourceIds].filter((id) => !citedByFacts.has(id))).toEqual([]);
  });

  it("every source address is exactly one the facts give, in a fact that cites that source", () => {
    for (const source of dataset.sources.filter((s) => s.url !== "")) {
      const citing = [...factRows.values()].filter((f) => f.sources.includes(source.id));
      expect(citing.some((f) => f.citedAs.includes(source.url)), `${source.id}: ${source.url}`).toBe(true);
    }
  });

  it("a flow's, figure's or event's sources belong to the facts it cites", () => {
    const sourcesOf = (ids: readonly string[]) => new Set(ids.flatMap((id) => factRows.get(id)?.sources ?? []));
    for (const item of [...dataset.flows, ...dataset.context, ...dataset.events]) {
      const allowed = sourcesOf(item.facts);
      expect(item.sources.filter((s) => !allowed.has(s)), item.id).toEqual([]);
    }
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
      expect(flow.facts.some((id) => statesNumber(facts.get(id) ?? "", flow.volume)), flow.id).toBe(true);
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

  it("every context figure's value is stated by one of its facts, or derived by a formula from numbers they state", () => {
    for (const figure of dataset.context) {
      expect(figure.facts.length, figure.id).toBeGreaterThan(0);
      for (const source of figure.sources) expect(sourceIds.has(source), `${figure.id}: ${source}`).toBe(true);
      const text = figure.facts.map((id) => facts.get(id) ?? "").join(" | ");
      if (figure.formula === undefined) {
        expect(statesNumber(text, figure.value), figure.id).toBe(true);
        continue;
      }
      // "23,000 ÷ (1 + 962%) = 2166": every input is stated by a fact; the value is the result as the facts round it.
      const [inputs = "", result = ""] = figure.formula.split(" = ");
      const stated = (x: number) => [1, 1e6, 1e9].some((scale) => statesNumber(text, x * scale));
      for (const input of numbersIn(inputs.replace(/\(1 [+−] /g, "(")).filter((_, i) => i % 2 === 0)) {
        expect(stated(input), `${figure.id}: ${input}`).toBe(true);
      }
      const computed = Number(result.replace(/,/g, ""));
      expect(Math.abs(computed - figure.value) / figure.value, `${figure.id}: ${figure.formula}`).toBeLessThan(0.01);
      expect(figure.note, figure.id).toMatch(/DERIVED/);
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

  it("no used-car flow enters a country that bars used-vehicle imports (LA1, LA2, LA5, LA6), and the notes say why", () => {
    for (const id of ["br", "co", "cl", "mx"]) {
      expect(dataset.flows.filter((f) => f.from === id || f.to === id), id).toEqual([]);
      expect(placesById.get(id)?.note, id).toMatch(/used/i);
    }
    expect(placesById.get("br")?.note).toMatch(/banned since 1991/);
    expect(placesById.get("co")?.note).toMatch(/prohibited/);
    expect(placesById.get("cl")?.note).toMatch(/LA5/);
    expect(placesById.get("mx")?.note).toMatch(/LA6/);
  });

  it("no rail flow enters Kyrgyzstan before 2025 (RL1): Chengdu's charters run via Kazakhstan (R3)", () => {
    expect(dataset.flows.filter((f) => f.to === "kg" && f.mode === "rail" && f.year < 2025)).toEqual([]);
    const chengdu = dataset.flows.filter((f) => f.from === "chengdu-rail");
    expect(chengdu.map((f) => `${f.to}/${f.mode}/${f.year}`)).toEqual(["kz/rail/2023", "kz/rail/2024"]);
    expect(chengdu.every((f) => f.facts.includes("RL1"))).toBe(true);
  });

  it("China reaches Russia directly by sea (P2), the UAE sends on to Iraq and Iran (D16), Jordan to Iraq and Syria (ME5)", () => {
    const hops = new Set(dataset.flows.filter((f) => f.year === 2024).map((f) => `${f.from}>${f.to}`));
    for (const hop of ["nansha>ru", "tianjin-port>ru", "other-seaports>ru", "ae>iq", "ae>ir", "jo>iq", "jo>sy"]) expect(hops.has(hop), hop).toBe(true);
  });

  it("Georgia is a market with no onward flow (K11, K12)", () => {
    expect(placesById.get("ge")?.kind).toBe("market");
    expect(dataset.flows.filter((f) => f.from === "ge")).toEqual([]);
  });

  it("describes Zarqa's clearances and re-exports as separate categories (ME5), never one as part of the other", () => {
    const texts = [...dataset.places.map((p) => p.note), ...dataset.context.map((c) => c.note), ...dataset.assumptions.map((a) => a.reason)];
    expect(texts.filter((t) => /re-?exported 47,087 of 74,000|47,087 of (the )?74,000/.test(t))).toEqual([]);
    expect(placesById.get("jo")?.note).toMatch(/separate category/);
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

  it("aggregates are flagged; Chinese aggregates are country CN, the others ZZ; real places have a two-letter ISO code", () => {
    for (const id of ["other-provinces", "other-seaports"]) expect([placesById.get(id)?.country, placesById.get(id)?.aggregate], id).toEqual(["CN", true]);
    for (const id of ["other-destinations", "not-reported"]) expect([placesById.get(id)?.country, placesById.get(id)?.aggregate], id).toEqual(["ZZ", true]);
    expect(dataset.places.filter((p) => p.kind === "origin" || p.kind === "exit").every((p) => p.country === "CN")).toBe(true);
    expect(placesById.get("horgos")?.aggregate).toBeUndefined();
    expect(placesById.get("kg")?.country).toBe("KG");
  });

  it("names Sichuan as drawn (at its centroid) and says Torugart's figures are the port's", () => {
    expect(placesById.get("sichuan")?.name).toBe("Sichuan");
    expect(placesById.get("sichuan")?.note).toMatch(/centroid; Chengdu.*~130 km east/);
    expect(placesById.get("torugart")?.note).toMatch(/figures are the port's/);
  });
});
