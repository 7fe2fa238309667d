import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { flowDependencies } from "../../../src/domain/zeroMileageModel";
import { mergeAssumptions } from "../../../src/datasets/zeroMileage/model";
import { assumptionChecks, profileFlowModel } from "../../../src/state/assumptionModel";
import { createDeriver } from "../../../src/state/derived";
import { resetAssumptions, setAssumption } from "../../../src/state/producers";
import { defaultViewState } from "../../../src/state/viewState";

const ds = loadShippedDataset();
const horgos = ds.assumptions.find((a) => a.id === "ca.horgos.2024")!;

describe("edited assumptions through the deriver", () => {
  it("without edits the deriver keeps the dataset's own flows", () => {
    const derive = createDeriver(profileFlowModel);
    expect(derive(ds, defaultViewState()).flows).toBe(ds.flows);
  });
  it("the model on the declared values reproduces flows.csv, flow for flow", () => {
    const byId = new Map(ds.flows.map((f) => [f.id, f.volume]));
    const modelled = profileFlowModel(ds, {});
    expect(modelled.map((f) => [f.id, f.volume]).sort()).toEqual([...byId.entries()].sort());
  });
  it("raising the Horgos share of 2024 from 0.6 to 0.65 (its group still sums below 1) changes exactly the flows that depend on it, and Horgos' outflow grows", () => {
    const derive = createDeriver(profileFlowModel);
    const base = derive(ds, defaultViewState()).flows;
    const state = setAssumption(horgos.id, 0.65, horgos.value)(defaultViewState());
    const edited = derive(ds, state).flows;
    const deps = flowDependencies(ds.assumptions);
    const before = new Map(base.map((f) => [f.id, f.volume]));
    const changed = edited.filter((f) => before.get(f.id) !== f.volume).map((f) => f.id);
    expect(changed.length).toBeGreaterThan(0);
    for (const id of changed) expect(deps.get(id), id).toContain(horgos.id);
    // No 2023 flow depends on a 2024 share.
    expect(changed.every((id) => id.includes("@2024/"))).toBe(true);
    const out = (flows: typeof base) => flows.filter((f) => f.year === 2024 && f.from === "horgos").reduce((s, f) => s + f.volume, 0);
    expect(out(edited)).toBeGreaterThan(out(base));
    // The trade still adds up: 2024 border crossings stay at the national total.
    expect(assumptionChecks(ds, edited).border.every((b) => b.ok)).toBe(true);
  });
  it("an edit set back to the declared value, or Reset assumptions, restores the dataset's flows", () => {
    const derive = createDeriver(profileFlowModel);
    let s = setAssumption(horgos.id, 0.75, horgos.value)(defaultViewState());
    s = setAssumption(horgos.id, horgos.value, horgos.value)(s);
    expect(s.assumptions).toEqual({});
    expect(derive(ds, s).flows).toBe(ds.flows);
    s = resetAssumptions()(setAssumption(horgos.id, 0.5, horgos.value)(s));
    expect(derive(ds, s).flows).toBe(ds.flows);
  });
  it("mergeAssumptions replaces only the edited values", () => {
    const merged = mergeAssumptions(ds.assumptions, { [horgos.id]: 0.7 });
    expect(merged.find((a) => a.id === horgos.id)!.value).toBe(0.7);
    expect(merged.filter((a, i) => a !== ds.assumptions[i])).toHaveLength(1);
  });
  it("data without the model's assumptions keeps its flows", () => {
    const imported = { ...ds, assumptions: [] };
    expect(profileFlowModel(imported, { x: 1 })).toBe(imported.flows);
  });
});

describe("assumptionChecks", () => {
  it("hold on the shipped flows", () => {
    expect(assumptionChecks(ds, ds.flows).failures).toEqual([]);
  });
  it("name the bound that breaks when too many cars are routed through Torugart in 2023", () => {
    // 275,000 × 0.8 (Central Asia) × 0.3 / 1.05 (the lane's exit shares 0.6 + 0.3 + 0.1 + 0.05 are scaled to 1)
    // ≈ 62,857 used cars through Torugart, more than the 40,000 vehicles of all kinds expected there (X6).
    const checks = assumptionChecks(ds, profileFlowModel(ds, { "lane.central-asia.2023": 0.8, "ca.torugart.2023": 0.3 }));
    const torugart = checks.bounds.find((c) => c.place === "torugart" && c.year === 2023 && c.kind === "upper")!;
    expect(torugart).toMatchObject({ ok: false, bound: 40000, modelled: 62857 });
    expect(checks.failures.map((f) => f.message)).toContain(torugart.message);
    expect(torugart.message).toMatch(/Torugart \(Kizilsu port\) 2023: 62857 used cars modelled, more than/);
    // The border total still reconciles: only the routing moved.
    expect(checks.failures.filter((f) => f.kind === "border")).toEqual([]);
  });
});
