import { describe, expect, it } from "vitest";
import { LANES, flowLane } from "../../../src/domain/lanes";
import type { Place } from "../../../src/domain/types";

const place = (id: string, lane: string): Place => ({
  id,
  name: id,
  kind: "market",
  country: "ZZ",
  lat: null,
  lon: null,
  lane,
  nativeName: "",
  note: "",
});

describe("lanes", () => {
  it("LANES has the five lane ids in order, each with a label and a description", () => {
    expect(LANES.map((lane) => lane.id)).toEqual(["central-asia", "middle-east", "latin-america", "caucasus", "other"]);
    for (const lane of LANES) {
      expect(lane.label.length).toBeGreaterThan(0);
      expect(lane.description.length).toBeGreaterThan(0);
    }
  });

  it("flowLane(flow, placesById) is the destination's lane, else the origin's, else other", () => {
    const places = new Map(
      [place("cn", ""), place("horgos", ""), place("kz", "central-asia"), place("ae", "middle-east")].map((p) => [p.id, p]),
    );
    expect(flowLane({ from: "kz", to: "ae" }, places)).toBe("middle-east");
    expect(flowLane({ from: "kz", to: "horgos" }, places)).toBe("central-asia");
    expect(flowLane({ from: "cn", to: "horgos" }, places)).toBe("other");
    expect(flowLane({ from: "cn", to: "missing" }, places)).toBe("other");
  });
});
