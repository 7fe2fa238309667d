// Built-in what-if scenarios for the zero-mileage data: each tied to a policy event and the FACTS rows it
// rests on (data/zero-mileage/facts.csv), stated in words. Where no source measures an effect, the number
// is an assumption and the summary says so; a user can change every number on screen.
import type { Scenario } from "./scenario";

/** The other western land crossings (LAND_EXITS of the model) that Horgos's cars could use. */
export const HORGOS_ALTERNATIVES = ["alashankou", "torugart", "irkeshtam", "chengdu-rail"];

export const ZERO_MILEAGE_SCENARIOS: readonly Scenario[] = [
  {
    id: "horgos-closed",
    name: "Horgos closed",
    summary:
      "What if the Horgos crossing closed? Horgos carried over half of Xinjiang's vehicle exports in 2023 (X1) and a record ~421,000 vehicles of all kinds in 2024 (X2). Each supplier's cars go through the other western land crossings it already uses instead, in proportion to what each crossing carries (or as you set); from there they go on as that crossing's own cars do. No volume is lost.",
    event: "",
    facts: ["X1", "X2", "X4", "X5"],
    years: null,
    assumptions: [],
    rules: [{ kind: "close", place: "horgos", alternatives: [...HORGOS_ALTERNATIVES], weights: null }],
    lossReason: "",
  },
  {
    id: "kyrgyz-transit-halves",
    name: "Kyrgyz transit to Russia halves",
    summary:
      "Transit of new passenger cars through Kyrgyzstan to Russia fell to 32,500 in Jan–Oct 2025, −52.5% on a year before (K14; new cars of any origin, Autostat). Applied to the used cars on the same hop: Kyrgyzstan → Russia × 0.475. The cars not sent on stay in Kyrgyzstan, as the model treats the rest of a transit country's inflow; no volume is lost.",
    event: "",
    facts: ["K14", "K15", "K1", "K2"],
    years: null,
    assumptions: [],
    rules: [{ kind: "scale", from: "kg", to: "ru", factor: 0.475, remainder: "stay" }],
    lossReason: "",
  },
  {
    id: "p8-180-day-rule",
    name: "China's 180-day rule ends zero-mileage exports",
    summary:
      "From 1 Jan 2026 a car registered 180 days or less before export needs its maker's after-sales confirmation naming the export country, else no export licence (P8). If that ends zero-mileage exports, the used-car exports that were zero-mileage go: about 90% in 2024 (U8, a CADA consultant's estimate). Every origin's exports × 0.1; the routes keep their shares.",
    event: "p8-180-day-rule",
    facts: ["P8", "U8", "U9"],
    years: null,
    assumptions: [],
    rules: [{ kind: "scale", from: null, to: null, factor: 0.1, remainder: "stay" }],
    lossReason:
      "These cars are no longer exported as used cars: they may leave as new-car exports (another measure) or be sold in China, which this data does not follow. The border totals then fall short of the reported national used-car exports, which the reconciliation names.",
  },
  {
    id: "russia-recycling-fee-power",
    name: "Russia's recycling fee by engine power",
    summary:
      "From 1 Dec 2025 Russia's recycling fee depends on engine power; the low rate remains only for personal imports of cars up to 160 hp (RU7), after steps in 2023–25 (RU4, RU6). No source measures the effect on re-exports: this scenario assumes that Kazakhstan, Kyrgyzstan, the UAE and Armenia each send half as large a share of their used-car inflow on to Russia (edit the factor); the rest stays in the transit country. No volume is lost.",
    event: "",
    facts: ["RU7", "RU6", "RU4"],
    years: null,
    assumptions: [
      { id: "kz.ru", scale: 0.5 },
      { id: "kg.ru", scale: 0.5 },
      { id: "ae.ru", scale: 0.5 },
      { id: "am.ru", scale: 0.5 },
    ],
    rules: [],
    lossReason: "",
  },
  {
    id: "syria-stops-used-imports",
    name: "Syria stops used-car imports",
    summary:
      "From 29 Jun 2025 Syria stops used-car imports (Decision 462; new cars up to 2 years old still allowed) (ME6). Jordan's Zarqa Free Zone re-exported mainly to Iraq (28,435 of 45,417 in about H1 2025), then Syria (ME5): the used cars Jordan sent on to Syria go to Iraq instead. Choose “stay” to keep them in Jordan. No volume is lost.",
    event: "",
    facts: ["ME6", "ME5", "ME2"],
    years: null,
    assumptions: [],
    rules: [{ kind: "scale", from: "jo", to: "sy", factor: 0, remainder: { redirect: "iq" } }],
    lossReason: "",
  },
];

export function builtInScenario(id: string): Scenario | undefined {
  return ZERO_MILEAGE_SCENARIOS.find((s) => s.id === id);
}
