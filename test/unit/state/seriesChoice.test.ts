import { describe, expect, it } from "vitest";
import { seriesChoice, seriesTargetOf } from "../../../src/state/seriesChoice";

const lanes = [
  { id: "central-asia", label: "Central Asia" },
  { id: "middle-east", label: "Middle East" },
];
const nameOf = (id: string) => id.toUpperCase();

describe("seriesChoice", () => {
  it("offers follow, the dataset and the lanes present; following is chosen without a target", () => {
    const c = seriesChoice(null, lanes, new Set(["middle-east"]), nameOf);
    expect(c.options).toEqual([
      ["follow", "The selection (else the whole dataset)"],
      ["dataset", "The whole dataset"],
      ["lane:middle-east", "Lane: Middle East"],
    ]);
    expect(c.value).toBe("follow");
  });
  it("adds the place or hop set in the view and chooses it", () => {
    expect(seriesChoice({ kind: "place", id: "kz" }, lanes, new Set(), nameOf)).toEqual({
      options: [
        ["follow", "The selection (else the whole dataset)"],
        ["dataset", "The whole dataset"],
        ["place:kz", "KZ"],
      ],
      value: "place:kz",
    });
    const hop = seriesChoice({ kind: "flow", from: "cn", to: "kz", mode: "rail" }, lanes, new Set(), nameOf);
    expect(hop.options.at(-1)).toEqual(["flow:cn>kz>rail", "CN → KZ"]);
    expect(hop.value).toBe("flow:cn>kz>rail");
  });
  it("chooses the dataset or a lane by value", () => {
    expect(seriesChoice({ kind: "dataset" }, lanes, new Set(), nameOf).value).toBe("dataset");
    expect(seriesChoice({ kind: "lane", id: "central-asia" }, lanes, new Set(["central-asia"]), nameOf).value).toBe("lane:central-asia");
  });
});

describe("seriesTargetOf", () => {
  it("reads follow, dataset and lanes, and keeps the view's place or hop for its own option", () => {
    const place = { kind: "place" as const, id: "kz" };
    expect(seriesTargetOf("follow", place)).toBeNull();
    expect(seriesTargetOf("dataset", place)).toEqual({ kind: "dataset" });
    expect(seriesTargetOf("lane:central-asia", null)).toEqual({ kind: "lane", id: "central-asia" });
    expect(seriesTargetOf("place:kz", place)).toBe(place);
  });
});
