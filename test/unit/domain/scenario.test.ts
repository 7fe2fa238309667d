import { describe, expect, it } from "vitest";
import { describeRules, parseScenario } from "../../../src/domain/scenario";
import { ZERO_MILEAGE_SCENARIOS } from "../../../src/domain/zeroMileageScenarios";

const names: Record<string, string> = {
  horgos: "Horgos",
  kg: "Kyrgyzstan",
  ru: "Russia",
  jo: "Jordan",
  sy: "Syria",
  iq: "Iraq",
  alashankou: "Alashankou",
  torugart: "Torugart",
  irkeshtam: "Irkeshtam",
  "chengdu-rail": "Chengdu rail port",
};
const nameOf = (id: string) => names[id] ?? id;

describe("parseScenario", () => {
  it("every built-in scenario reads back as itself (through JSON, as in a link)", () => {
    for (const s of ZERO_MILEAGE_SCENARIOS) {
      const r = parseScenario(JSON.parse(JSON.stringify(s)));
      expect(r.ok, s.id).toBe(true);
      if (r.ok) expect(r.scenario).toEqual(s);
    }
  });

  it("refuses what is not a scenario, with the field named", () => {
    expect(parseScenario(null)).toMatchObject({ ok: false });
    expect(parseScenario({ id: "x" })).toMatchObject({ ok: false, reason: expect.stringContaining("name") });
    const bad = { id: "x", name: "X", rules: [{ kind: "scale", from: "a", to: "b", factor: -1 }] };
    expect(parseScenario(bad)).toMatchObject({ ok: false, reason: expect.stringContaining("factor") });
    expect(parseScenario({ id: "x", name: "X", rules: [{ kind: "explode" }] })).toMatchObject({ ok: false });
    expect(parseScenario({ id: "x", name: "X", assumptions: [{ id: "__proto__", set: 1 }] })).toMatchObject({ ok: false });
    const polluted = JSON.parse(
      '{"id":"x","name":"X","rules":[{"kind":"close","place":"h","alternatives":["a"],"weights":{"__proto__":1}}]}',
    );
    expect(parseScenario(polluted)).toMatchObject({ ok: false, reason: expect.stringContaining("weights") });
  });

  it("fills defaults for a short user-written scenario and strips control characters", () => {
    const r = parseScenario({ id: "custom", name: "Mine\u0007", rules: [{ kind: "scale", from: "kg", to: "ru", factor: 0.5 }] });
    expect(r).toMatchObject({
      ok: true,
      scenario: { name: "Mine ", years: null, facts: [], assumptions: [], rules: [{ remainder: "stay" }] },
    });
  });
});

describe("describeRules", () => {
  const byId = (id: string) => ZERO_MILEAGE_SCENARIOS.find((s) => s.id === id)!;
  it("states each rule in words", () => {
    expect(describeRules(byId("horgos-closed"), nameOf, (a) => a)).toEqual([
      "Horgos closed: what it handled goes through Alashankou, Torugart, Irkeshtam and Chengdu rail port in proportion to their own volume.",
    ]);
    expect(describeRules(byId("kyrgyz-transit-halves"), nameOf, (a) => a)).toEqual([
      "Kyrgyzstan → Russia: × 0.475 (−52.5%); the rest stays in Kyrgyzstan.",
    ]);
    expect(describeRules(byId("syria-stops-used-imports"), nameOf, (a) => a)).toEqual([
      "Jordan → Syria: stops; the rest goes to Iraq instead.",
    ]);
    expect(describeRules(byId("p8-180-day-rule"), nameOf, (a) => a)[0]).toBe(
      "everything exported (flows leaving origins): × 0.1 (−90%); the rest stays where it was sent from (at an origin: not exported).",
    );
    expect(describeRules(byId("russia-recycling-fee-power"), nameOf, (a) => `[${a}]`)[0]).toBe("[kz.ru]: × 0.5.");
  });
});
