import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import type { ContextFigure, Place } from "../../../src/domain/types";
import { contextLayer, describeContextFigure } from "../../../src/state/contextLayer";

const place = (id: string): Place => ({
  id,
  name: id,
  kind: "market",
  country: "ZZ",
  lat: null,
  lon: null,
  lane: "",
  nativeName: "",
  note: "",
});
const fig = (id: string, tie: Partial<ContextFigure>, value: number, extra: Partial<ContextFigure> = {}): ContextFigure => ({
  id,
  place: "",
  from: "",
  to: "",
  year: 2025,
  reporter: "r",
  period: "year",
  measure: "m",
  value,
  unit: "vehicles",
  facts: [],
  sources: [],
  note: "",
  ...tie,
  ...extra,
});

describe("contextLayer", () => {
  const places = ["china", "kz", "ru", "horgos"].map(place);

  it("groups a year's figures in vehicles by hop, keeps each one, and never adds them: width is the largest", () => {
    const layer = contextLayer(
      {
        places,
        context: [
          fig("a", { from: "china", to: "kz" }, 147404),
          fig("b", { from: "china", to: "kz" }, 36348),
          fig("c", { from: "kz", to: "ru" }, 5.1, { unit: "%" }),
          fig("d", { from: "china", to: "atlantis" }, 9),
          fig("e", { place: "horgos" }, 450000),
          fig("f", { from: "china", to: "ru" }, 1, { year: 2024 }),
        ],
      },
      2025,
    );
    expect(layer.hops.map((h) => [h.id, h.widthValue, h.figures.map((f) => f.id)])).toEqual([
      ["context:china>kz@2025", 147404, ["a", "b"]],
    ]);
    expect(layer.places.map((p) => [p.place, p.figures.map((f) => f.id)])).toEqual([["horgos", ["e"]]]);
  });

  it("for the shipped 2025: the UAE, Mexico, Russia, Kazakhstan, Uzbekistan, Iraq, and Jordan's re-exports to Iraq and Syria", () => {
    const layer = contextLayer(loadShippedDataset(), 2025);
    const hops = layer.hops.map((h) => `${h.from}>${h.to}`);
    for (const hop of ["china>ae", "china>mx", "china>ru", "china>kz", "china>uz", "china>iq", "jo>iq", "jo>sy", "kg>ru"])
      expect(hops, hop).toContain(hop);
    expect(layer.hops.find((h) => h.to === "ae")?.widthValue).toBe(572000);
    expect(layer.places.find((p) => p.place === "horgos")?.figures[0]?.value).toBe(450000);
  });

  it("describes a figure with its period, measure and reporter", () => {
    expect(
      describeContextFigure(fig("x", { place: "horgos" }, 450000, { measure: "all-vehicle exports", reporter: "Horgos Customs" })),
    ).toBe("450,000 vehicles (year; all-vehicle exports; Horgos Customs)");
  });
});
