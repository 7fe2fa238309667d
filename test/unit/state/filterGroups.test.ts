import { describe, expect, it } from "vitest";
import type { Flow, Place } from "../../../src/domain/types";
import { filterGroups } from "../../../src/state/filterGroups";

const place = (id: string, lane: string) => ({ id, lane }) as Place;
const flow = (mode: string) => ({ mode }) as Flow;

describe("filterGroups", () => {
  const groups = filterGroups({
    places: [place("a", "central-asia"), place("b", ""), place("c", "central-asia")],
    flows: [flow("rail"), flow("road"), flow("constructor"), flow("rail")],
  });
  const byKey = new Map(groups.map((g) => [g.key, g]));
  it("lists the groups in panel order", () => {
    expect(groups.map((g) => g.legend)).toEqual(["Lanes", "Place kinds", "Transport modes", "Basis", "Regions"]);
  });
  it("offers only the lanes the places use, and always 'other'", () => {
    expect(byKey.get("hiddenLanes")!.items.map((i) => i.value)).toEqual(["central-asia", "other"]);
    expect(byKey.get("hiddenLanes")!.items[0]).toEqual({ value: "central-asia", label: "Central Asia", suffix: " lane" });
  });
  it("offers the flows' modes once each, sorted, a mode from a file shown as written", () => {
    expect(byKey.get("hiddenModes")!.items.map((i) => i.label)).toEqual(["constructor", "Rail", "Road"]);
  });
  it("names every kind and basis without the word 'Origin'", () => {
    const labels = [...byKey.get("hiddenKinds")!.items, ...byKey.get("hiddenBases")!.items].map((i) => i.label);
    expect(labels).toEqual([
      "Provinces and cities",
      "Exit points",
      "Transit places",
      "Markets",
      "Reported figures",
      "Derived figures",
      "Modelled estimates",
    ]);
    expect(labels.some((l) => /^origin$/i.test(l))).toBe(false);
  });
});
