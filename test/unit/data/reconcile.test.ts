import { describe, expect, it } from "vitest";
import { borderCrossing, checkBounds, reconcileBorderTotals } from "../../../src/domain/reconcile";
import { loadShippedDataset } from "../../../src/domain/shippedDataset";
import type { ContextFigure, Flow, Place } from "../../../src/domain/types";
import { factSources } from "../../../src/domain/facts";
import { modelFlows } from "../../../src/domain/zeroMileageModel";

const place = (id: string, kind: Place["kind"]): Place => ({ id, name: id.toUpperCase(), kind, country: "ZZ", lat: null, lon: null, lane: "", nativeName: "", note: "" });
const flow = (from: string, to: string, year: number, vehicles: number): Flow => ({
  id: `${from}>${to}@${year}/road`, from, to, year, volume: vehicles, usd: null, mode: "road", basis: "modelled", facts: ["X1"], sources: ["s"], formula: "f", note: "",
});
const figure = (id: string, tie: { place?: string; from?: string; to?: string }, year: number, period: string, measure: string, value: number): ContextFigure => ({
  id, place: tie.place ?? "", from: tie.from ?? "", to: tie.to ?? "", year, reporter: "r", period, measure, value, unit: "vehicles", facts: ["X1"], sources: [], note: "",
});

// A tiny network: province → port → transit → market, plus the national aggregate.
const places = [place("china", "origin"), place("prov", "origin"), place("port", "exit"), place("kz", "transit"), place("ru", "market")];
const placesById = new Map(places.map((p) => [p.id, p]));

describe("reconcile.borderCrossing", () => {
  it("is true from an origin or exit to a transit or market place, false for domestic legs and re-exports", () => {
    expect(borderCrossing({ from: "port", to: "kz" }, placesById)).toBe(true);
    expect(borderCrossing({ from: "prov", to: "ru" }, placesById)).toBe(true);
    expect(borderCrossing({ from: "prov", to: "port" }, placesById)).toBe(false);
    expect(borderCrossing({ from: "kz", to: "ru" }, placesById)).toBe(false);
    expect(borderCrossing({ from: "nowhere", to: "ru" }, placesById)).toBe(false);
  });
});

describe("reconcile.reconcileBorderTotals", () => {
  const flows = [flow("prov", "port", 2023, 100), flow("port", "kz", 2023, 100), flow("kz", "ru", 2023, 60), flow("china", "ru", 2022, 50)];
  const context = [figure("n23", { place: "china" }, 2023, "year", "used-car exports", 101), figure("n22", { place: "china" }, 2022, "year", "used-car exports", 40)];

  it("counts only border-crossing vehicles and compares them with the national total of the context", () => {
    const rows = reconcileBorderTotals({ places, flows, context });
    expect(rows.map((r) => [r.year, r.crossing, r.national, r.ok, r.contextId])).toEqual([
      [2022, 50, 40, false, "n22"], // 25% over
      [2023, 100, 101, true, "n23"], // 100 vs 101: −0.99%
    ]);
    expect(rows[1]?.relGap).toBeCloseTo(-1 / 101, 12);
  });

  it("prefers totals passed by the caller, and is not ok for a year without any", () => {
    const rows = reconcileBorderTotals({ places, flows, context: [] }, new Map([[2023, 100]]));
    expect(rows.map((r) => [r.year, r.national, r.relGap, r.ok])).toEqual([
      [2022, null, null, false],
      [2023, 100, 0, true],
    ]);
  });
});

describe("reconcile.checkBounds", () => {
  const flows = [flow("prov", "port", 2023, 100), flow("port", "kz", 2023, 100), flow("kz", "ru", 2023, 60)];

  it("flags a modelled volume above a full-year all-vehicle figure and says why", () => {
    const checks = checkBounds({ places, flows, context: [figure("p", { place: "port" }, 2023, "year", "all-vehicle exports", 90)] });
    expect(checks.map((c) => [c.contextId, c.kind, c.modelled, c.bound, c.ok])).toEqual([["p", "upper", 100, 90, false]]);
    expect(checks[0]?.message).toMatch(/more than the all-vehicle exports/);
  });

  it("sums every border flow into a country for a hop from the national place", () => {
    const context = [figure("h", { from: "china", to: "kz" }, 2023, "year", "all-vehicle imports from China", 100)];
    expect(checkBounds({ places, flows, context }).map((c) => [c.modelled, c.ok])).toEqual([[100, true]]);
  });

  it("uses partial-year used-car figures as lower bounds of the full-year outflow", () => {
    const context = [figure("l", { place: "prov" }, 2023, "Jan–Aug", "used-car exports", 120)];
    const [check] = checkBounds({ places, flows, context });
    expect([check?.kind, check?.modelled, check?.ok]).toEqual(["lower", 100, false]);
  });

  it("skips partial-year all-vehicle figures, other measures, years without flows and places nothing passes", () => {
    const context = [
      figure("a", { place: "port" }, 2023, "Jan–Nov", "all-vehicle exports", 1),
      figure("b", { from: "kz", to: "ru" }, 2023, "year", "recorded re-exports (all vehicles)", 1),
      figure("c", { place: "port" }, 2025, "year", "all-vehicle exports", 1),
      figure("d", { place: "china" }, 2023, "year", "all-vehicle exports", 1),
    ];
    expect(checkBounds({ places, flows, context })).toEqual([]);
  });
});

describe("reconcile on the shipped dataset", () => {
  const dataset = loadShippedDataset();

  it("border totals match the national used-car totals within 1% in every year 2019–2024", () => {
    const rows = reconcileBorderTotals(dataset);
    expect(rows.map((r) => [r.year, r.national])).toEqual([
      [2019, 3000], [2020, 4300], [2021, 15000], [2022, 69000], [2023, 275000], [2024, 436000],
    ]);
    for (const row of rows) expect(row.ok, String(row.year)).toBe(true);
  });

  it("every bound holds, and each check names the figure it uses: upper bounds are all-vehicle figures, including derived ones", () => {
    const checks = checkBounds(dataset);
    expect(checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([]);
    const byId = Object.fromEntries(checks.map((c) => [c.contextId, [c.kind, c.bound, c.modelled]]));
    expect(byId).toEqual({
      // Full-year all-vehicle exports or throughput at a crossing (X1, X2, X6, R3).
      "horgos-2023": ["upper", 304000, 90750],
      "horgos-2024": ["upper", 421000, 130800],
      "torugart-2023": ["upper", 40000, 22688],
      "chengdu-rail-2023": ["upper", 39000, 7563],
      // Importers' full-year figures (K1, K8): everything that reaches Kyrgyzstan and Uzbekistan.
      "cn-kg-2023-importer": ["upper", 79131, 37813],
      "kg-imports-2023": ["upper", 184789, 37813],
      "uz-from-china-2023": ["upper", 58076, 22688],
      // Zarqa: clearances bound what arrives, re-exports (a separate category) what leaves (ME1, ME5).
      "jo-cleared-2023": ["upper", 74000, 10312],
      "jo-reexports-2023": ["upper", 47087, 3609],
      // Derived from a growth rate (D14: >23,000 in H1 2025 at +962%): ≈2,166 in H1 2024, applied to the year.
      "jo-from-china-2024-h1": ["upper", 2166, 1635],
      // Iraq's H1 2024 figure (ME4), applied to the year, bounds the direct flow and the re-exports via Jordan and the UAE.
      "cn-iq-2024-h1": ["upper", 10000, 8568],
      // Derived from 2025 figures and their changes (D7: 572,000 − 241,700; D4: 632,341 at −42%).
      "cn-ae-2024-derived": ["upper", 330300, 54500],
      "cn-ru-2024-gacc-derived": ["upper", 1090000, 8720],
      // Chinese vehicles entering Russia by any route in 2024 (D6).
      "cn-ru-2024-morgulov": ["upper", 1100000, 172929],
      // Lower bounds: partial-year or one-company used-car figures (R4, R6, R9, R3).
      "tianjin-used-2023": ["lower", 11000, 18563],
      "zhejiang-yuantong-2024": ["lower", 14000, 42511],
      "jiangsu-zhangjiagang-2023": ["lower", 362, 6188],
      "sichuan-himore-2024": ["lower", 1000, 31610],
    });
  });

  it("the national used-car totals stay below the national all-vehicle exports of CAAM (T1) and customs (T2)", () => {
    const totals = new Map(dataset.context.filter((c) => c.place === "china" && c.measure === "used-car exports" && c.period === "year").map((c) => [c.year, c.value]));
    const allVehicles = dataset.context.filter((c) => c.place === "china" && /^all-vehicle exports \((CAAM|customs)/.test(c.measure) && c.unit === "vehicles");
    expect(allVehicles.map((c) => c.id).sort()).toEqual(["caam-2022", "caam-2023", "caam-2024", "caam-2025", "gacc-2023", "gacc-2024", "gacc-2025"]);
    for (const figure of allVehicles) {
      const used = totals.get(figure.year);
      if (used !== undefined) expect(used, figure.id).toBeLessThan(figure.value);
    }
  });

  it("an explicit bound column overrides the measure: none switches a bound off, upper makes a half-year figure bound the year", () => {
    const port = (extra: Partial<ContextFigure>) => ({ ...figure("p", { place: "port" }, 2023, "H1", "all-vehicle exports", 90), ...extra });
    expect(checkBounds({ places, flows: [flow("prov", "port", 2023, 100), flow("port", "kz", 2023, 100)], context: [port({})] })).toEqual([]);
    const strict = checkBounds({ places, flows: [flow("prov", "port", 2023, 100), flow("port", "kz", 2023, 100)], context: [port({ bound: "upper" })] });
    expect(strict.map((c) => [c.kind, c.modelled, c.ok])).toEqual([["upper", 100, false]]);
    const off = { ...figure("q", { place: "port" }, 2023, "year", "all-vehicle exports", 90), bound: "none" as const };
    expect(checkBounds({ places, flows: [flow("port", "kz", 2023, 100)], context: [off] })).toEqual([]);
    const inflow = { ...figure("r", { place: "kz" }, 2023, "year", "vehicles seen", 90), bound: "upper" as const };
    expect(checkBounds({ places, flows: [flow("port", "kz", 2023, 100)], context: [inflow] }).map((c) => [c.modelled, c.ok])).toEqual([[100, false]]);
  });

  it("names Torugart, the China → Kyrgyzstan mirror figure and Tianjin when the Central Asia lane takes 80%", () => {
    const values: Record<string, number> = { "lane.central-asia.2023": 0.8, "ca.horgos.2023": 0.5, "ca.torugart.2023": 0.3 };
    const assumptions = dataset.assumptions.map((a) => (values[a.id] === undefined ? a : { ...a, value: values[a.id] as number }));
    const broken = checkBounds({ ...dataset, flows: modelFlows(assumptions, factSources(dataset.facts ?? [])) }).filter((c) => !c.ok);
    expect(broken.map((c) => [c.contextId, c.kind])).toEqual([
      ["tianjin-used-2023", "lower"],
      ["torugart-2023", "upper"],
      ["cn-kg-2023-importer", "upper"],
    ]);
    const modelled = new Map(broken.map((c) => [c.contextId, c.modelled]));
    // Tianjin: 275000 × sea lanes (1 − 0.8 = 0.2) × 0.15 = 8250, summed over 10 rounded sea flows (±1).
    expect(Math.abs((modelled.get("tianjin-used-2023") ?? 0) - 8250)).toBeLessThanOrEqual(1);
    expect(modelled.get("torugart-2023")).toBe(66000); // 275000 × 0.8 × 0.3
    expect(modelled.get("cn-kg-2023-importer")).toBe(88000); // 275000 × 0.8 × (0.3 + 0.1): Chengdu's trains go via Kazakhstan
    expect(broken[0]?.message).toMatch(/fewer than the used-car exports, Jan–Aug, 11000 \(R4\) already reported/);
  });

  it("names the derived Jordan bound, and Iraq's through Jordan's re-exports, when Jordan's 2024 share goes back to its old 0.25", () => {
    const assumptions = dataset.assumptions.map((a) => (a.id === "me.jo.2024" ? { ...a, value: 0.25 } : a));
    const broken = checkBounds({ ...dataset, flows: modelFlows(assumptions, factSources(dataset.facts ?? [])) }).filter((c) => !c.ok);
    // Jordan: 436000 × 0.25 × 0.25 = 27250, summed over three rounded sea flows (27251). Iraq: 5450 direct + 27251 × 0.24 via Jordan + 2725 via the UAE.
    expect(broken.map((c) => [c.contextId, c.bound, c.modelled])).toEqual([
      ["cn-iq-2024-h1", 10000, 14716],
      ["jo-from-china-2024-h1", 2166, 27251],
    ]);
    expect(5450 + Math.round(27251 * 0.24) + 2725).toBe(14715); // ±1: the re-export is rounded from 27251 × 0.24 = 6540.24
    expect(broken[1]?.message).toMatch(/China → Jordan \(Zarqa Free Zone\) 2024: 27251 used cars modelled, more than the all-vehicle imports from China, H1, 2166 \(D14\)/);
  });
});
