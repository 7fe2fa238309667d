import { describe, expect, it } from "vitest";
import { laneSwatches } from "../../../src/state/legendSwatches";

describe("laneSwatches", () => {
  it("gives each lane drawn its full and modelled colours as drawn, in legend order", () => {
    const edges = [
      { lane: "other", modelled: false, color: "#ffd92f" },
      { lane: "central-asia", modelled: true, color: "#e89f67" },
      { lane: "central-asia", modelled: false, color: "#d95f02" },
      { lane: "zz-imported", modelled: false, color: "#ffd92f" },
      { lane: "domestic", modelled: true, color: "#ba9a93" },
    ];
    expect(laneSwatches(edges, ["domestic", "central-asia", "other"])).toEqual([
      { lane: "domestic", full: null, modelled: "#ba9a93" },
      { lane: "central-asia", full: "#d95f02", modelled: "#e89f67" },
      { lane: "other", full: "#ffd92f", modelled: null },
      { lane: "zz-imported", full: "#ffd92f", modelled: null },
    ]);
  });
  it("is empty when nothing is drawn", () => {
    expect(laneSwatches([], ["domestic"])).toEqual([]);
  });
});
