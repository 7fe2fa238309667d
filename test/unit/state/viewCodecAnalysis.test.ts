import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { builtInScenario } from "../../../src/domain/zeroMileageScenarios";
import { encodeStory, decodeStory, decodeView, encodeView, type LinkContext } from "../../../src/state/viewCodec";
import { defaultViewState, type ViewState } from "../../../src/state/viewState";

const ctx: LinkContext = {
  datasetId: "zero-mileage",
  datasetHash: "abcdef0123456789ffff",
  defaultYear: 2024,
  years: [2019, 2020, 2021, 2022, 2023, 2024],
  placeIds: new Set(["sichuan", "horgos", "kz", "ru", "kg"]),
};
const base = () => defaultViewState(ctx.datasetId, ctx.datasetHash, 2024);
const pack = (o: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(o));

describe("links with a comparison, a scenario and an analysis view", () => {
  it("round-trip: compare year, a built-in scenario edited by the user, Over time of a hop stacked by origin", () => {
    const scenario = {
      ...builtInScenario("horgos-closed")!,
      rules: [{ kind: "close" as const, place: "horgos", alternatives: ["kg"], weights: { kg: 2 } }],
    };
    const state: ViewState = {
      ...base(),
      compareYear: 2023,
      scenario,
      analysis: {
        view: "over-time",
        seriesTarget: { kind: "flow", from: "horgos", to: "kz", mode: "road" },
        stack: "origin",
        sankeyOf: "place",
        scenarioMap: "flows",
      },
    };
    const r = decodeView(encodeView(state, 2024), ctx);
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.state.compareYear).toBe(2023);
    expect(r.state.scenario).toEqual(scenario);
    expect(r.state.analysis).toEqual(state.analysis);
  });

  it("the default view still encodes to nothing (no analysis fields added)", () => {
    expect(encodeView(base(), 2024)).toBe("");
  });

  it("old links (version 1 and 2, before these fields) decode to no comparison, no scenario, no view open", () => {
    for (const v of [1, 2]) {
      const r = decodeView(pack({ v, year: 2023 }), ctx);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.state.compareYear).toBeNull();
        expect(r.state.scenario).toBeNull();
        expect(r.state.analysis).toEqual({ view: null, seriesTarget: null, stack: "none", sankeyOf: "trace", scenarioMap: "change" });
      }
    }
  });

  it("refuses a damaged scenario or view, and says which part", () => {
    const bad = (o: object) => decodeView(pack({ v: 2, ...o }), ctx);
    expect(bad({ compareYear: "soon" })).toMatchObject({ ok: false, reason: expect.stringContaining("compareYear") });
    expect(bad({ scenario: { id: "x", name: "X", rules: [{ kind: "scale", factor: "half" }] } })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("scenario"),
    });
    expect(bad({ analysis: { view: "pie-chart" } })).toMatchObject({ ok: false, reason: expect.stringContaining("analysis view") });
    expect(bad({ analysis: { stack: "diagonal" } })).toMatchObject({ ok: false, reason: expect.stringContaining("stacking") });
  });

  it("warns, and falls back, when the compared year or the series' place is not in the data", () => {
    const r = decodeView(
      pack({ v: 2, compareYear: 2031, analysis: { view: "over-time", seriesTarget: { kind: "place", id: "atlantis" } } }),
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([
      "The data has no flows for 2031, the year compared with.",
      "The place “atlantis” shown over time is not in the data open now.",
    ]);
    expect(r.state.analysis.seriesTarget).toBeNull();
    expect(r.state.analysis.view).toBe("over-time");
  });

  it("a story (presentation) keeps each step's scenario and comparison", () => {
    const steps = [
      { title: "Before", caption: "", state: { ...base(), compareYear: 2023 } },
      {
        title: "Horgos closed",
        caption: "",
        state: {
          ...base(),
          scenario: builtInScenario("horgos-closed")!,
          analysis: {
            view: "scenarios" as const,
            seriesTarget: null,
            stack: "none" as const,
            sankeyOf: "trace" as const,
            scenarioMap: "change" as const,
          },
        },
      },
    ];
    const r = decodeStory(encodeStory(steps, 2024), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.steps[0]!.state.compareYear).toBe(2023);
    expect(r.steps[1]!.state.scenario?.id).toBe("horgos-closed");
    expect(r.steps[1]!.state.analysis.view).toBe("scenarios");
  });
});
