// The built-in scenarios on the shipped data and its model: volume conserved (or lost, and said why),
// checks re-run and broken ones named.
import { describe, expect, it } from "vitest";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import { ZERO_MILEAGE_SCENARIOS, builtInScenario } from "../../../src/domain/zeroMileageScenarios";
import { profileFlowModel } from "../../../src/state/assumptionModel";
import { brokenIn, customScenario, ledgerText, runScenario, scenarioEvents, scenarioLedger } from "../../../src/state/scenarioRun";

const ds = loadShippedDataset();
const v = (flows: { from: string; to: string; year: number; volume: number }[], from: string, to: string, year: number) =>
  flows.filter((f) => f.from === from && f.to === to && f.year === year).reduce((s, f) => s + f.volume, 0);
const fmt = (x: number) => Math.round(x).toLocaleString("en-GB");
const run = (id: string, edits: Record<string, number> = {}) => runScenario(ds, edits, builtInScenario(id)!, profileFlowModel);

describe("built-in scenarios on the shipped data", () => {
  it("every built-in scenario applies without warnings and every rule matches something in 2023 and 2024", () => {
    for (const s of ZERO_MILEAGE_SCENARIOS) {
      const r = runScenario(ds, {}, s, profileFlowModel);
      expect(r.warnings, s.id).toEqual([]);
      for (const e of r.effects) if (e.year >= 2023) expect(e.matched, `${s.id} rule ${e.rule} ${e.year}`).toBeGreaterThan(0);
    }
  });

  it("all but the 180-day rule conserve volume in every year (what enters the network is unchanged)", () => {
    for (const s of ZERO_MILEAGE_SCENARIOS.filter((x) => x.id !== "p8-180-day-rule")) {
      const r = runScenario(ds, {}, s, profileFlowModel);
      for (const year of ds.years) {
        const l = scenarioLedger(r, ds, year);
        expect(Math.abs(l.lost), `${s.id} ${year}`).toBeLessThan(1e-6);
        expect(l.residualAfter, `${s.id} ${year}`).toBeLessThan(1e-6);
        expect(l.absorbedAfter).toBeCloseTo(l.absorbedBefore, 6);
      }
    }
  });

  it("Horgos closed: no flow touches Horgos; its 2024 throughput (436,000 × 0.5 × 0.6 = 130,800) now leaves by the other land exits", () => {
    const r = run("horgos-closed");
    expect(r.flows.some((f) => f.year >= 2023 && (f.from === "horgos" || f.to === "horgos"))).toBe(false);
    const exits = ["alashankou", "torugart", "irkeshtam", "chengdu-rail"];
    const out = (flows: typeof r.flows) =>
      exits.reduce((s, e) => s + flows.filter((f) => f.year === 2024 && f.from === e).reduce((a, f) => a + f.volume, 0), 0);
    expect(out(r.flows) - out(r.baseline)).toBeCloseTo(130_800, 6);
    // Each supplier keeps to the exits it already uses: Chengdu rail still takes cars from Sichuan only.
    expect(r.flows.filter((f) => f.year === 2024 && f.to === "chengdu-rail").map((f) => f.from)).toEqual(["sichuan"]);
  });

  it("Kyrgyz transit halves (K14): Kyrgyzstan → Russia × 0.475; the rest stays in Kyrgyzstan", () => {
    const r = run("kyrgyz-transit-halves");
    const before = v(r.baseline, "kg", "ru", 2024);
    expect(v(r.flows, "kg", "ru", 2024)).toBeCloseTo(before * 0.475, 6);
    const l = scenarioLedger(r, ds, 2024);
    expect(l.absorbedChanges.find((c) => c.place === "kg")!.after - l.absorbedChanges.find((c) => c.place === "kg")!.before).toBeCloseTo(
      before * 0.525,
      6,
    );
  });

  it("the 180-day rule (P8): 90% of every routed year's exports leave the data, the reason is given, and the border reconciliation breaks by name", () => {
    const r = run("p8-180-day-rule");
    for (const year of [2023, 2024]) {
      const l = scenarioLedger(r, ds, year);
      expect(l.lost).toBeCloseTo(0.9 * l.generatedBefore, 6);
      expect(ledgerText(l, r.scenario, fmt, (id) => id)[0]).toContain(
        "no longer enter the network. These cars are no longer exported as used cars",
      );
    }
    // 436,000 up to the model's rounding of each domestic leg.
    expect(Math.abs(scenarioLedger(r, ds, 2024).generatedBefore - 436_000)).toBeLessThan(10);
    expect(
      r.broken.some((m) =>
        /^2024: flows crossing China.s border add up to 43,600(\.\d)? vehicles, not the national used-car exports of 436,000 \(-90.0%\)/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(r.broken.some((m) => m.startsWith("Tianjin 2023:"))).toBe(true);
    expect(scenarioEvents(r.scenario, ds.events).map((e) => e.id)).toContain("p8-180-day-rule");
  });

  it("Russia's recycling fee (RU7) is four assumption edits, on top of the user's own: kz.ru 0.7 × 0.5, kg.ru (edited to 0.8) × 0.5", () => {
    const r = run("russia-recycling-fee-power", { "kg.ru": 0.8 });
    expect(r.assumptions).toMatchObject({ "kz.ru": 0.35, "kg.ru": 0.4, "ae.ru": 0.15, "am.ru": 0.25 });
    const kgIn = r.flows.filter((f) => f.year === 2024 && f.to === "kg").reduce((s, f) => s + f.volume, 0);
    expect(v(r.flows, "kg", "ru", 2024)).toBe(Math.round(kgIn * 0.4));
    expect(v(r.baseline, "kg", "ru", 2024)).toBe(Math.round(kgIn * 0.8));
  });

  it("Syria stops used imports (ME6): Jordan → Syria goes, the same volume joins Jordan → Iraq (a hop of the data, ME5)", () => {
    const r = run("syria-stops-used-imports");
    const before = v(r.baseline, "jo", "sy", 2024);
    const iraqBefore = v(r.baseline, "jo", "iq", 2024);
    expect(before).toBeGreaterThan(0);
    expect(iraqBefore).toBeGreaterThan(0);
    expect(v(r.flows, "jo", "sy", 2024)).toBe(0);
    expect(v(r.flows, "jo", "iq", 2024)).toBeCloseTo(iraqBefore + before, 9);
    expect(r.created).not.toContain("jo>iq@2024/unknown");
  });

  it("a rule naming a place the data lacks is skipped with a warning; an unknown assumption likewise", () => {
    const s = {
      ...builtInScenario("kyrgyz-transit-halves")!,
      rules: [{ kind: "scale" as const, from: "atlantis", to: "ru", factor: 0.5, remainder: "stay" as const }],
      assumptions: [{ id: "nope", scale: 2 }],
    };
    const r = runScenario(ds, {}, s, profileFlowModel);
    expect(r.warnings).toEqual([
      "This data has no assumption “nope”: that edit is not applied.",
      "A rule names “atlantis”, not a place of this data: that rule is skipped.",
    ]);
    expect(r.flows).toEqual(r.baseline);
  });
});

describe("brokenIn and customScenario", () => {
  it("keeps the broken checks of one year: those that start with it or name it after a space and before a colon", () => {
    const broken = [
      "2024 border total off",
      "Bound for Kazakhstan 2024: too high",
      "2023 border total off",
      "Bound 20245: no",
      "Bound x2024: no",
    ];
    expect(brokenIn({ broken }, 2024)).toEqual(["2024 border total off", "Bound for Kazakhstan 2024: too high"]);
    expect(brokenIn({ broken }, 2022)).toEqual([]);
  });
  it("starts a written scenario with no rules, for every year", () => {
    const s = customScenario("custom");
    expect([s.id, s.name, s.rules, s.years, s.assumptions]).toEqual(["custom", "My scenario", [], null, []]);
  });
});
