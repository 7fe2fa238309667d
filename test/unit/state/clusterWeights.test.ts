import { describe, expect, it } from "vitest";
import { placeWeights } from "../../../src/state/clusterWeights";
import { FlowColumnsBuilder, keepFlowColumns, materialiseFlows } from "../../../src/domain/flowColumns";
import type { Flow, Place } from "../../../src/domain/types";

const place = (id: string): Place => ({ id, name: id, kind: "market", lat: 0, lon: 0 }) as Place;
const flow = (from: string, to: string, year: number, volume: number, usd?: number): Flow =>
  ({ id: `${from}>${to}@${year}/road`, from, to, year, volume, usd, mode: "road", basis: "reported", facts: [] }) as unknown as Flow;

describe("placeWeights", () => {
  const places = ["A", "B", "C", "D"].map(place);
  // A→B 10 (2023) and 5 (2024), B→C 4 (2024), C→A 0 (no weight), D has no flow.
  const flows = [flow("A", "B", 2023, 10, 100), flow("A", "B", 2024, 5), flow("B", "C", 2024, 4, 40), flow("C", "A", 2024, 0)];

  it("sums every year's inflow and outflow of each place, in the measure in view", () => {
    expect(placeWeights(flows, "vehicles", places)).toEqual(
      new Map([
        ["A", 15],
        ["B", 19],
        ["C", 4],
      ]),
    );
    expect(placeWeights(flows, "usd", places)).toEqual(
      new Map([
        ["A", 100],
        ["B", 140],
        ["C", 40],
      ]),
    );
  });

  it("gives the same from the typed columns the flows were made from", () => {
    const builder = new FlowColumnsBuilder();
    const index = new Map(places.map((p, i) => [p.id, i]));
    const none = builder.listCode("", () => []);
    const noText = builder.textCode("");
    for (const f of flows)
      builder.push(
        index.get(f.from)!,
        index.get(f.to)!,
        f.year,
        f.volume,
        f.usd ?? null,
        builder.modeCode("road"),
        "reported",
        none,
        none,
        noText,
        noText,
      );
    const columns = builder.build();
    const made = materialiseFlows(columns, places);
    keepFlowColumns(made, columns, places);
    expect(placeWeights(made, "vehicles", places)).toEqual(
      new Map([
        ["A", 15],
        ["B", 19],
        ["C", 4],
      ]),
    );
    expect(placeWeights(made, "usd", places)).toEqual(
      new Map([
        ["A", 100],
        ["B", 140],
        ["C", 40],
      ]),
    );
  });
});
