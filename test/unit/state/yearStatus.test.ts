import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import type { ContextFigure, Flow, PolicyEvent } from "../../../src/domain/types";
import { dataYears, yearStatus } from "../../../src/state/yearStatus";

const flow = (year: number, basis: Flow["basis"]): Flow => ({
  id: `a>b@${year}/road`,
  from: "a",
  to: "b",
  year,
  volume: 1,
  usd: null,
  mode: "road",
  basis,
  facts: [],
  sources: [],
  formula: "",
  note: "",
});
const figure = (year: number, tie: Partial<ContextFigure>, extra: Partial<ContextFigure> = {}): ContextFigure => ({
  id: `c${year}${tie.place ?? tie.to ?? ""}`,
  place: "",
  from: "",
  to: "",
  year,
  reporter: "",
  period: "year",
  measure: "m",
  value: 10,
  unit: "vehicles",
  facts: [],
  sources: [],
  note: "",
  ...tie,
  ...extra,
});
const event = (date: string): PolicyEvent => ({
  id: date,
  date,
  year: Number(date.slice(0, 4)),
  title: "t",
  summary: "",
  facts: [],
  sources: [],
});

describe("yearStatus.dataYears", () => {
  it("adds years with reported figures or events after the first year with flows, never before it", () => {
    const years = dataYears({
      years: [2021, 2022],
      context: [figure(2023, { from: "a", to: "b" })],
      events: [event("2019-04"), event("2024-01")],
    });
    expect(years).toEqual([2021, 2022, 2023, 2024]);
  });

  it("is 2019–2025 for the shipped data: 2025 is a year of the data without flows", () => {
    const dataset = loadShippedDataset();
    expect(dataYears(dataset)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(dataset.years).not.toContain(2025);
  });
});

describe("yearStatus.yearStatus", () => {
  const context = [figure(2023, { place: "china" }, { measure: "used-car exports", value: 275000 }), figure(2025, { from: "a", to: "b" })];
  const data = { id: "x", flows: [flow(2022, "reported"), flow(2023, "modelled"), flow(2023, "reported")], context };

  it("calls a year with modelled flows a modelled estimate and names the reported national total", () => {
    const s = yearStatus(data, 2023);
    expect([s.kind, s.modelledFlows, s.reportedFlows, s.nationalTotal]).toEqual(["modelled", 1, 1, 275000]);
    expect(s.statement).toMatch(
      /^Every 2023 route is a modelled estimate: it splits the reported national used-car total \(275,000 vehicles in 2023, a reported figure\)/,
    );
    expect(s.statement).toMatch(/upper bound/);
  });

  it("says plainly that a year with only context figures has no published used-car routes", () => {
    const s = yearStatus(data, 2025);
    expect([s.kind, s.contextHops]).toEqual(["context-only", 1]);
    expect(s.statement).toBe(
      "Used-car routes for 2025 are not published, so none are drawn. 2025 shows what is reported: all-vehicle figures between places (the context layer) and the year's policy events.",
    );
    expect(yearStatus(data, 2022).kind).toBe("reported");
    expect(yearStatus(data, 2030).kind).toBe("empty");
  });

  it("on the shipped data: 2024 modelled on 436,000; 2021 reported; 2025 context only", () => {
    const dataset = loadShippedDataset();
    expect(yearStatus(dataset, 2024).nationalTotal).toBe(436000);
    expect(yearStatus(dataset, 2024).kind).toBe("modelled");
    expect(yearStatus(dataset, 2021).kind).toBe("reported");
    expect(yearStatus(dataset, 2025).kind).toBe("context-only");
    expect(yearStatus(dataset, 2025).contextHops).toBeGreaterThanOrEqual(10);
  });
});
