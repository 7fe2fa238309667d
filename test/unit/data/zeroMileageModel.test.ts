import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import type { Assumption, Flow } from "../../../src/domain/types";
import {
  flowDependencies,
  formatNumber,
  largestRemainder,
  modelAssumptionIds,
  modelFlows,
  resolveShareGroup,
} from "../../../src/domain/zeroMileageModel";
import { reconcileBorderTotals } from "../../../src/domain/reconcile";
import { factSources } from "../../../src/domain/facts";

const dataset = loadShippedDataset();
const assumptions = dataset.assumptions;
const sources = factSources(dataset.facts ?? []);

function edited(id: string, value: number): Assumption[] {
  return assumptions.map((a) => (a.id === id ? { ...a, value } : a));
}
function byId(flows: readonly Flow[]): Map<string, Flow> {
  return new Map(flows.map((f) => [f.id, f]));
}
function changedIds(before: readonly Flow[], after: readonly Flow[]): string[] {
  const old = byId(before);
  return after.filter((f) => old.get(f.id)?.volume !== f.volume).map((f) => f.id).sort();
}

/** Checks a formula's arithmetic: each [rest: 1 − a − b] bracket, then the product of each term's last number. */
function formulaArithmetic(formula: string): { product: number; result: number } {
  for (const match of formula.matchAll(/(\d+(?:\.\d+)?) \[rest: ([^\]]+)\]/g)) {
    const parts = (match[2] ?? "").split(" − ").map(Number);
    const [first = NaN, ...others] = parts;
    expect(Math.abs(first - others.reduce((s, x) => s + x, 0) - Number(match[1])), formula).toBeLessThan(1e-6);
  }
  const [lhs = "", rhs = ""] = formula.replace(/\s*\[[^\]]*\]/g, "").split(" = ");
  const product = lhs
    .split(" × ")
    .map((term) => Number(/(\d+(?:\.\d+)?)\s*$/.exec(term.trim())?.[1] ?? NaN))
    .reduce((p, x) => p * x, 1);
  return { product, result: Number(rhs) };
}

describe("zeroMileageModel.modelFlows", () => {
  it("re-run on assumptions.csv gives flows.csv row by row", () => {
    const rerun = modelFlows(assumptions, sources);
    expect(rerun).toHaveLength(dataset.flows.length);
    rerun.forEach((flow, i) => expect(dataset.flows[i], flow.id).toEqual(flow));
  });

  it("every modelled formula's arithmetic holds, and vehicles are its result rounded (±1 for rounded domestic legs)", () => {
    const modelled = dataset.flows.filter((f) => f.basis === "modelled");
    expect(modelled.length).toBe(142);
    for (const flow of modelled) {
      const { product, result } = formulaArithmetic(flow.formula);
      expect(Math.abs(product - result), flow.formula).toBeLessThan(1e-6 * Math.max(1, result));
      expect(Math.abs(flow.volume - result), flow.id).toBeLessThanOrEqual(flow.from === "china" ? 0 : 1);
      if (flow.note.startsWith("Domestic leg")) continue;
      expect(flow.volume, flow.id).toBe(Math.round(result));
    }
  });

  it("reads every assumption of assumptions.csv and nothing else", () => {
    expect(modelAssumptionIds().sort()).toEqual(assumptions.map((a) => a.id).sort());
  });

  it("the 2023 Horgos border flow is 275000 × 0.55 × 0.6 = 90750", () => {
    const flow = byId(dataset.flows).get("horgos>kz@2023/road");
    expect(flow?.volume).toBe(90750);
    expect(flow?.formula).toContain("275000 ×");
    expect(flow?.formula).toContain("= 90750");
  });

  it("every exit sends out exactly what its domestic legs bring in", () => {
    const exits = dataset.places.filter((p) => p.kind === "exit").map((p) => p.id);
    for (const year of [2023, 2024]) {
      for (const exit of exits) {
        const flows = dataset.flows.filter((f) => f.year === year);
        const inflow = flows.filter((f) => f.to === exit).reduce((s, f) => s + f.volume, 0);
        const outflow = flows.filter((f) => f.from === exit).reduce((s, f) => s + f.volume, 0);
        expect(inflow, `${exit} ${year}`).toBe(outflow);
      }
    }
  });

  it("a transit node never sends on more than it receives", () => {
    for (const year of [2023, 2024]) {
      for (const node of dataset.places.filter((p) => p.kind === "transit")) {
        const flows = dataset.flows.filter((f) => f.year === year);
        const inflow = flows.filter((f) => f.to === node.id).reduce((s, f) => s + f.volume, 0);
        const outflow = flows.filter((f) => f.from === node.id).reduce((s, f) => s + f.volume, 0);
        expect(outflow, `${node.id} ${year}`).toBeLessThanOrEqual(inflow);
      }
    }
  });

  it("editing the 2023 Horgos share to 0.5 changes exactly Horgos, Alashankou (the rest) and their 12 domestic legs", () => {
    const after = modelFlows(edited("ca.horgos.2023", 0.5), sources);
    const origins = ["xinjiang", "sichuan", "chongqing", "zhejiang", "guangdong", "other-provinces"];
    const expected = [
      "horgos>kz@2023/road",
      "alashankou>kz@2023/unknown",
      ...origins.map((o) => `${o}>horgos@2023/unknown`),
      ...origins.map((o) => `${o}>alashankou@2023/unknown`),
    ].sort();
    expect(changedIds(dataset.flows, after)).toEqual(expected);
    const flows = byId(after);
    expect(flows.get("horgos>kz@2023/road")?.volume).toBe(75625); // 275000 × 0.55 × 0.5
    expect(flows.get("alashankou>kz@2023/unknown")?.volume).toBe(30250); // 275000 × 0.55 × (1 − 0.5 − 0.15 − 0.1 − 0.05)
    expect(flows.get("other-provinces>horgos@2023/unknown")?.volume).toBe(30250); // 75625 × 0.4
    // Kazakhstan's inflow (Horgos + Alashankou + Chengdu rail) is unchanged, so its re-exports are too: (75625 + 30250 + 7563) × 0.7 = 79406.6.
    expect(flows.get("kz>ru@2023/unknown")?.volume).toBe(79407);
  });

  it("editing any assumption changes only flows flowDependencies lists for it, and every flow that uses it directly", () => {
    const deps = flowDependencies(assumptions, sources);
    for (const a of assumptions) {
      const value = a.value === a.min ? a.max : a.min;
      const after = modelFlows(edited(a.id, value), sources);
      const changed = changedIds(dataset.flows, after);
      const allowed = [...deps].filter(([, ids]) => ids.includes(a.id)).map(([id]) => id);
      expect(changed.filter((id) => !allowed.includes(id)), a.id).toEqual([]);
      const direct = dataset.flows.filter((f) => f.formula.includes(`${a.label} ${formatNumber(a.value)}`)).map((f) => f.id);
      expect(direct.length, a.id).toBeGreaterThan(0);
      expect(direct.filter((id) => !changed.includes(id)), a.id).toEqual([]);
    }
  });

  it("keeps the border total within 1% of the national total for any single assumption at its min or max", () => {
    for (const a of assumptions) {
      for (const value of [a.min, a.max]) {
        const flows = modelFlows(edited(a.id, value), sources);
        for (const row of reconcileBorderTotals({ ...dataset, flows })) expect(row.ok, `${a.id}=${value} ${row.year}`).toBe(true);
      }
    }
  });

  it("scales a share group that sums to more than 1 and gives its rest member 0", () => {
    const over = assumptions.map((a) =>
      a.id === "ca.horgos.2023" ? { ...a, value: 0.8 } : a.id === "ca.torugart.2023" ? { ...a, value: 0.3 } : a.id === "ca.irkeshtam.2023" ? { ...a, value: 0.25 } : a.id === "ca.chengdu-rail.2023" ? { ...a, value: 0.15 } : a,
    );
    const flows = byId(modelFlows(over, sources));
    // 0.8 + 0.3 + 0.25 + 0.15 = 1.5: Horgos gets 0.8 / 1.5 of 275000 × 0.55 = 80666.67.
    expect(flows.get("horgos>kz@2023/road")?.volume).toBe(80667);
    expect(flows.get("horgos>kz@2023/road")?.formula).toContain("[scaled: 0.8 / 1.5");
    expect(flows.get("alashankou>kz@2023/unknown")?.volume).toBe(0);
    expect(reconcileBorderTotals({ ...dataset, flows: [...flows.values()] }).every((r) => r.ok)).toBe(true);
  });

  it("throws naming the assumption when one is missing", () => {
    expect(() => modelFlows(assumptions.filter((a) => a.id !== "sea.nansha"), sources)).toThrow(/"sea\.nansha" is missing/);
  });
});

describe("zeroMileageModel helpers", () => {
  it("largestRemainder(exact, total) rounds to integers that sum to total, favouring the largest fractions", () => {
    expect(largestRemainder([13612.5, 9075, 13612.5, 9075, 9075, 36300], 90750)).toEqual([13613, 9075, 13612, 9075, 9075, 36300]);
    expect(largestRemainder([0.4, 0.3, 0.3], 1)).toEqual([1, 0, 0]);
  });

  it("resolveShareGroup gives the rest member 1 minus the declared shares", () => {
    const a = (id: string, value: number): Assumption => ({ id, label: id, value, unit: "share", min: 0, max: 1, reason: "", facts: ["X1"] });
    const terms = resolveShareGroup(
      { id: "g", members: [{ key: "a", assumption: "a" }, { key: "b", assumption: "b" }, { key: "r", assumption: null, restLabel: "rest" }] },
      new Map([["a", a("a", 0.25)], ["b", a("b", 0.5)]]),
    );
    expect(terms.get("r")?.value).toBeCloseTo(0.25, 12);
    expect(terms.get("r")?.text).toBe("rest 0.25 [rest: 1 − 0.25 − 0.5]");
    expect(terms.get("r")?.assumptions).toEqual(["a", "b"]);
  });
});
