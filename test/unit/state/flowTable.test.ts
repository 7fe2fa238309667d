import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { flowRows, flowTableCaption, nextSort, sortFlowRows } from "../../../src/state/flowTable";

const place = (id: string, name: string): Place => ({
  id,
  name,
  kind: "market",
  country: "CN",
  lat: 0,
  lon: 0,
  lane: "",
  nativeName: "",
  note: "",
});
const flow = (from: string, to: string, vehicles: number, usd: number | null, extra: Partial<Flow> = {}): Flow => ({
  id: `${from}>${to}@2024/road`,
  from,
  to,
  year: 2024,
  volume: vehicles,
  usd,
  mode: "road",
  basis: "reported",
  facts: [],
  sources: ["s1", "s2"],
  formula: "",
  note: "",
  ...extra,
});
const places = new Map([place("hg", "Horgos"), place("kz", "Kazakhstan"), place("ru", "Russia")].map((p) => [p.id, p]));
const rows = flowRows([flow("hg", "kz", 300, null), flow("kz", "ru", 100, 5), flow("hg", "ru", 200, 9, { mode: "sea" })], places);

describe("flow table rows", () => {
  it("name places and join sources", () => {
    expect(rows[0]).toEqual({
      id: "hg>kz@2024/road",
      from: "Horgos",
      to: "Kazakhstan",
      year: 2024,
      vehicles: 300,
      usd: null,
      mode: "road",
      basis: "reported",
      sources: "s1, s2",
    });
  });
  it("sort by vehicles descending: 300, 200, 100", () => {
    expect(sortFlowRows(rows, { column: "vehicles", direction: "descending" }).map((r) => r.vehicles)).toEqual([300, 200, 100]);
  });
  it("sort by destination name ascending: Kazakhstan, Russia (two, by id)", () => {
    expect(sortFlowRows(rows, { column: "to", direction: "ascending" }).map((r) => r.id)).toEqual([
      "hg>kz@2024/road",
      "hg>ru@2024/road",
      "kz>ru@2024/road",
    ]);
  });
  it("keep unknown US$ last in both directions", () => {
    expect(sortFlowRows(rows, { column: "usd", direction: "ascending" }).map((r) => r.usd)).toEqual([5, 9, null]);
    expect(sortFlowRows(rows, { column: "usd", direction: "descending" }).map((r) => r.usd)).toEqual([9, 5, null]);
  });
  it("a click on the sorted column flips it; a new number column starts descending, a new text column ascending", () => {
    expect(nextSort({ column: "from", direction: "ascending" }, "from")).toEqual({ column: "from", direction: "descending" });
    expect(nextSort({ column: "from", direction: "ascending" }, "year")).toEqual({ column: "year", direction: "descending" });
    expect(nextSort({ column: "year", direction: "ascending" }, "mode")).toEqual({ column: "mode", direction: "ascending" });
  });
});

describe("flowTableCaption", () => {
  const name = (c: string) => c.toUpperCase();
  it("counts the flows, names the year and what the filters hide, and says the sort", () => {
    expect(flowTableCaption(3, 2024, 2, { column: "vehicles", direction: "descending" }, name)).toBe(
      "3 flows shown in 2024 (2 hidden by filters), sorted by VEHICLES descending",
    );
    expect(flowTableCaption(1, null, 0, { column: "from", direction: "ascending" }, name)).toBe("1 flow shown, sorted by FROM ascending");
  });
});
