import { describe, expect, it } from "vitest";
import { reroute } from "../../../src/analysis/reroute";
import { ledgerOf } from "../../../src/analysis/volumeLedger";
import type { RerouteRule } from "../../../src/domain/scenario";
import type { Flow } from "../../../src/domain/types";
import { flow, place } from "../state/analysisFixture";

// U (origin) supplies three exits: H 60, A 30, B 10. H → K 60, A → K 30, B → G 10; K sends 45 on to R (absorbs 45).
const places = [
  place("u", "origin"),
  place("h", "exit"),
  place("a", "exit"),
  place("b", "exit"),
  place("k", "transit"),
  place("g", "transit"),
  place("r", "market"),
];
const base: Flow[] = [
  flow("u", "h", 2024, 60),
  flow("u", "a", 2024, 30),
  flow("u", "b", 2024, 10),
  flow("h", "k", 2024, 60),
  flow("a", "k", 2024, 30),
  flow("b", "g", 2024, 10),
  flow("k", "r", 2024, 45),
];
const opts = { label: "Test", facts: ["F1"], years: null };
const run = (rules: RerouteRule[], flows = base) => reroute(flows, places, rules, opts);
const v = (flows: Flow[], from: string, to: string) =>
  flows.filter((f) => f.from === from && f.to === to).reduce((s, f) => s + f.volume, 0);
const generated = (flows: Flow[]) => ledgerOf(base, flows, places, 2024);

describe("reroute: close a place", () => {
  const r = run([{ kind: "close", place: "h", alternatives: ["a", "b"], weights: null }]);

  it("H's 60 goes to A and B in proportion to their throughput (30 : 10): A 30 + 45 = 75, B 10 + 15 = 25", () => {
    expect(v(r.flows, "u", "a")).toBeCloseTo(75, 9);
    expect(v(r.flows, "u", "b")).toBeCloseTo(25, 9);
    expect(r.flows.some((f) => f.from === "h" || f.to === "h")).toBe(false);
    expect(r.removed.sort()).toEqual(["h>k@2024/road", "u>h@2024/road"]);
  });

  it("downstream follows as well-mixed pools: A → K 75, B → G 25, K's inflow 75 of 90 so K → R 45 × 75/90 = 37.5", () => {
    expect(v(r.flows, "a", "k")).toBeCloseTo(75, 9);
    expect(v(r.flows, "b", "g")).toBeCloseTo(25, 9);
    expect(v(r.flows, "k", "r")).toBeCloseTo(37.5, 9);
  });

  it("conserves volume: 100 enter before and after; absorbed 37.5 at K, 37.5 at R, 25 at G", () => {
    const l = generated(r.flows);
    expect(l.generatedAfter).toBeCloseTo(100, 9);
    expect(l.lost).toBeCloseTo(0, 9);
    expect(l.absorbedAfter).toBeCloseTo(100, 9);
    expect(l.residualAfter).toBeCloseTo(0, 9);
    expect(Object.fromEntries(l.absorbedChanges.map((c) => [c.place, c.after]))).toEqual({ k: 37.5, r: 37.5, g: 25 });
  });

  it("user-set weights (A 1 : B 3): A +15, B +45", () => {
    const w = run([{ kind: "close", place: "h", alternatives: ["a", "b"], weights: { a: 1, b: 3 } }]);
    expect(v(w.flows, "u", "a")).toBeCloseTo(45, 9);
    expect(v(w.flows, "u", "b")).toBeCloseTo(55, 9);
  });

  it("a supplier that uses none of the alternatives sends to all of them, on new hops", () => {
    const flows = [...base, flow("v", "h", 2024, 20)];
    const w = reroute(
      flows,
      [...places, place("v", "origin")],
      [{ kind: "close", place: "h", alternatives: ["a", "b"], weights: null }],
      opts,
    );
    expect(v(w.flows, "v", "a")).toBeCloseTo(15, 9);
    expect(v(w.flows, "v", "b")).toBeCloseTo(5, 9);
    expect(w.created.sort()).toEqual(["v>a@2024/road", "v>b@2024/road"]);
    expect(w.flows.find((f) => f.id === "v>a@2024/road")!.note).toContain("a hop the data does not have");
  });
});

describe("reroute: scale a hop", () => {
  it("K → R × 0.5, the rest stays in K: K → R 22.5, K absorbs 67.5, nothing lost", () => {
    const r = run([{ kind: "scale", from: "k", to: "r", factor: 0.5, remainder: "stay" }]);
    expect(v(r.flows, "k", "r")).toBeCloseTo(22.5, 9);
    const l = generated(r.flows);
    expect(l.lost).toBeCloseTo(0, 9);
    expect(l.absorbedChanges.find((c) => c.place === "k")).toMatchObject({ before: 45, after: 67.5 });
    expect(r.effects[0]).toMatchObject({ matched: 1, removed: 22.5, added: 0 });
  });

  it("K → R stops and its 45 go to G instead (a new hop K → G)", () => {
    const r = run([{ kind: "scale", from: "k", to: "r", factor: 0, remainder: { redirect: "g" } }]);
    expect(v(r.flows, "k", "r")).toBe(0);
    expect(v(r.flows, "k", "g")).toBeCloseTo(45, 9);
    expect(r.created).toEqual(["k>g@2024/road"]);
    expect(generated(r.flows).lost).toBeCloseTo(0, 9);
  });

  it("with neither end named the rule scales what enters the network, once: every flow × 0.1, 90 lost", () => {
    const r = run([{ kind: "scale", from: null, to: null, factor: 0.1, remainder: "stay" }]);
    expect(v(r.flows, "u", "h")).toBeCloseTo(6, 9);
    expect(v(r.flows, "h", "k")).toBeCloseTo(6, 9);
    expect(v(r.flows, "k", "r")).toBeCloseTo(4.5, 9);
    expect(generated(r.flows).lost).toBeCloseTo(90, 9);
  });

  it("changed flows say what changed them, and their US$ scale with them", () => {
    const flows = base.map((f) => (f.id === "k>r@2024/road" ? { ...f, usd: 900 } : f));
    const r = run([{ kind: "scale", from: "k", to: "r", factor: 0.5, remainder: "stay" }], flows);
    const kr = r.flows.find((f) => f.id === "k>r@2024/road")!;
    expect(kr).toMatchObject({ volume: 22.5, usd: 450, basis: "modelled" });
    expect(kr.formula).toBe("45 × 0.5 [Test] = 22.5");
    expect(kr.facts).toContain("F1");
  });

  it("only the years asked for change", () => {
    const flows = [...base, flow("k", "r", 2023, 10), flow("u", "k", 2023, 10)];
    const r = reroute(flows, places, [{ kind: "scale", from: "k", to: "r", factor: 0, remainder: "stay" }], { ...opts, years: [2024] });
    expect(r.flows.find((f) => f.id === "k>r@2023/road")!.volume).toBe(10);
    expect(r.flows.some((f) => f.id === "k>r@2024/road")).toBe(false);
  });
});
