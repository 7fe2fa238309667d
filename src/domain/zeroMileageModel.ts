// The zero-mileage dataset's routing model: turns the declared shares of assumptions.csv into the
// graph's flows (data/zero-mileage/flows.csv). Pure and fast, so the app can re-run it when a user
// edits one assumption. See data/README.md for every assumption, its reason and its FACTS rows.
//
// Structure, per year with a routed national total (2023, 2024):
//   national total N × lane share (× share within the lane) (× sea-port share) → border flows
//   exit throughput × origin share → domestic legs (origin → exit), largest-remainder rounded
//   transit inflow × onward share → re-exports; the rest of the inflow is absorbed at the transit node.
// Years with only a national total (2019–2022) carry one reported flow, China → "Destinations not
// reported": routes from later years are never projected back.
//
// Share groups: each group names its members; one member is "the rest" (1 − the others). If the
// declared members sum to more than 1, they are scaled down to sum to 1 and the rest gets 0; the
// formula says so. A negative value counts as 0.
import { flowId, type Assumption, type Flow } from "./types";

/** Id of the national aggregate origin (places.csv). */
export const NATIONAL_PLACE = "china";
/** Where flows of years without any routing go. */
export const NOT_REPORTED_PLACE = "not-reported";

export interface NationalTotal {
  year: number;
  vehicles: number;
  facts: readonly string[];
  sources: readonly string[];
}

/** China's used-car exports by year (MOFCOM/CADA); the same figures are the national rows of context.csv. */
export const NATIONAL_USED_CAR_EXPORTS: readonly NationalTotal[] = [
  { year: 2019, vehicles: 3000, facts: ["U1"], sources: ["hkcna-2025-07-04", "yicai-2025-09-08"] },
  { year: 2020, vehicles: 4300, facts: ["U2"], sources: ["ichongqing-2025-11-23"] },
  { year: 2021, vehicles: 15000, facts: ["U3"], sources: ["people-2024-02-29", "sinoauto-2022-11-15"] },
  { year: 2022, vehicles: 69000, facts: ["U4"], sources: ["people-2024-02-29"] },
  { year: 2023, vehicles: 275000, facts: ["U5"], sources: ["hkcna-2025-07-04", "ecn-mofcom"] },
  { year: 2024, vehicles: 436000, facts: ["U7"], sources: ["reuters-2025-06", "yicai-2025-09-08", "hkcna-2025-07-04"] },
];

/** Years whose national total is routed through the modelled lanes; the others are shown unrouted. */
export const ROUTED_YEARS: readonly number[] = [2023, 2024];

/** sources.csv ids behind each FACTS row the model cites. */
export const FACT_SOURCES: Readonly<Record<string, readonly string[]>> = {
  U1: ["hkcna-2025-07-04", "yicai-2025-09-08"],
  U2: ["ichongqing-2025-11-23"],
  U3: ["people-2024-02-29", "sinoauto-2022-11-15"],
  U4: ["people-2024-02-29"],
  U5: ["hkcna-2025-07-04", "ecn-mofcom"],
  U7: ["reuters-2025-06", "yicai-2025-09-08", "hkcna-2025-07-04"],
  U15: ["reuters-2025-06"],
  U16: ["people-2024-02-29"],
  U17: ["ichongqing-2025-11-23", "sowetan-2025-11-17"],
  P1: ["people-2022-12-06"],
  P2: ["allafrica-2019-07-30"],
  P6: ["reuters-2025-06"],
  R2: ["people-2025-05-29"],
  R3: ["people-2024-07-20"],
  R4: ["people-2023-09-21"],
  R5: ["people-2024-01-16"],
  R6: ["yes-hope-757"],
  R9: ["chinadaily-jiangsu-2023-11-24"],
  R10: ["greaterbayinsight"],
  X1: ["apnawatan"],
  X2: ["people-2025-06-14"],
  X4: ["people-2025-06-14"],
  X5: ["apnawatan"],
  X6: ["chinadaily-2023-11-21"],
  X7: ["peoplesdaily-de-2025-01-08"],
  X8: ["chinadaily-2023-12-30"],
  X12: ["guangzhou-govt"],
  X13: ["people-2024-03-20"],
  X15: [],
  K1: ["timesca-kg-imports"],
  K2: ["intellinews-2024-02-27"],
  K6: ["eurasianet-studium-2024-02-20"],
  K8: ["eurasianet-studium-2024-02-20"],
  K9: ["azatutyun-armenia"],
  K10: ["comtrade-armenia"],
  K11: ["comtrade-georgia"],
  K12: ["idfi-2025-07-30"],
  K13: ["nyt-2023-05-27"],
  D7: ["jiemian-2026-01-27"],
  D10: ["menafn-2024-01-04-mexico"],
  D12: ["timesca-kg-russia"],
  D14: ["shafaq-2025-07-26"],
  D15: ["asia-economy-2024-10-29"],
  ME1: ["menafn-petra-2024-01-04"],
  ME2: ["menafn-2026-01-26"],
  ME4: ["shafaq-2025-07-26"],
  LA1: ["istanbulpost-brazil"],
  LA2: ["procolombia"],
  LA3: ["autocosmos-2025-01-06"],
  LA4: [],
};

/** A member of a share group: `assumption` names its assumptions.csv row, null for "the rest". */
export interface ShareMember {
  key: string;
  assumption: string | null;
  /** Words for the rest member's share in formulas (declared members use their assumption's label). */
  restLabel?: string;
  /** FACTS rows behind the rest member itself (it also rests on its group's declared members). */
  restFacts?: readonly string[];
}

export interface ShareGroup {
  id: string;
  members: readonly ShareMember[];
}

const rest = (key: string, restLabel: string, restFacts: readonly string[] = []): ShareMember => ({
  key,
  assumption: null,
  restLabel,
  restFacts,
});
const declared = (key: string, assumption: string): ShareMember => ({ key, assumption });

/** Lane keys of the national split; "other" (the rest) goes to "Other destinations". */
function laneGroup(year: number): ShareGroup {
  return {
    id: `lane.${year}`,
    members: [
      declared("central-asia", `lane.central-asia.${year}`),
      declared("middle-east", `lane.middle-east.${year}`),
      declared("latin-america", `lane.latin-america.${year}`),
      declared("caucasus", `lane.caucasus.${year}`),
      rest("other", `share of ${year} used-car exports to other destinations`, ["U16"]),
    ],
  };
}

/** Central Asia lane: land exits; Alashankou takes the rest. */
function centralAsiaGroup(year: number): ShareGroup {
  return {
    id: `ca.${year}`,
    members: [
      declared("horgos", `ca.horgos.${year}`),
      declared("torugart", `ca.torugart.${year}`),
      declared("irkeshtam", `ca.irkeshtam.${year}`),
      declared("chengdu-rail", `ca.chengdu-rail.${year}`),
      rest("alashankou", `Alashankou share of the ${year} Central Asia lane`, ["X5"]),
    ],
  };
}

/** Each land exit and the first foreign node it leads to, with the mode the facts give. */
export const LAND_EXITS: readonly { exit: string; to: string; mode: string }[] = [
  { exit: "horgos", to: "kz", mode: "road" }, // X4: self-driven across to Zharkent
  { exit: "torugart", to: "kg", mode: "road" },
  { exit: "irkeshtam", to: "kg", mode: "road" },
  { exit: "chengdu-rail", to: "kg", mode: "rail" }, // R3
  { exit: "alashankou", to: "kz", mode: "unknown" },
];

export const SEA_PORT_GROUP: ShareGroup = {
  id: "sea",
  members: [
    declared("tianjin-port", "sea.tianjin-port"),
    declared("nansha", "sea.nansha"),
    rest("other-seaports", "other sea ports' share of used cars leaving by sea", ["R9", "X15"]),
  ],
};

/** Destinations within each sea lane; "other" lane goes straight to the aggregate. */
export const SEA_LANE_GROUPS: Readonly<Record<string, ShareGroup>> = {
  "middle-east": {
    id: "me",
    members: [
      declared("ae", "me.ae"),
      declared("jo", "me.jo"),
      declared("sa", "me.sa"),
      rest("iq", "Iraq share of the Middle East lane", ["ME4"]),
    ],
  },
  "latin-america": { id: "la", members: [declared("mx", "la.mx"), rest("cl", "Chile share of the Latin America lane", ["LA3"])] },
  caucasus: { id: "cau", members: [declared("ge", "cau.ge"), rest("am", "Armenia share of the Caucasus lane", ["K10"])] },
  other: { id: "other", members: [rest("other-destinations", "")] },
};
const SEA_LANES = ["middle-east", "latin-america", "caucasus", "other"] as const;

/** Origin mix of each exit: who supplies the used cars that leave through it. */
export const LAND_SUPPLY_GROUP: ShareGroup = {
  id: "land",
  members: [
    declared("xinjiang", "land.xinjiang"),
    declared("sichuan", "land.sichuan"),
    declared("chongqing", "land.chongqing"),
    declared("zhejiang", "land.zhejiang"),
    declared("guangdong", "land.guangdong"),
    rest("other-provinces", "Other provinces' share of the used cars supplied to the Xinjiang land ports"),
  ],
};
export const OTHER_SEAPORT_SUPPLY_GROUP: ShareGroup = {
  id: "seaport",
  members: [
    declared("zhejiang", "seaport.zhejiang"),
    declared("jiangsu", "seaport.jiangsu"),
    declared("chongqing", "seaport.chongqing"),
    rest("other-provinces", "Other provinces' share of the used cars leaving other sea ports"),
  ],
};
/** Exits the facts tie to one province: the whole throughput comes from it. */
export const SINGLE_SUPPLIER: Readonly<Record<string, { origin: string; label: string; facts: readonly string[] }>> = {
  "chengdu-rail": {
    origin: "sichuan",
    label: "Sichuan share of Chengdu rail port supply 1 [fixed: Chengdu is in Sichuan, R3]",
    facts: ["R3"],
  },
  "tianjin-port": { origin: "tianjin", label: "Tianjin share of Tianjin port supply 1 [fixed: R4]", facts: ["R4"] },
  nansha: { origin: "guangdong", label: "Guangdong share of Nansha supply 1 [fixed: P2, R10]", facts: ["P2", "R10"] },
};

/** Re-exports from transit nodes: shares of the node's inflow; the rest is absorbed there. */
export const ONWARD_GROUPS: readonly { node: string; name: string; group: ShareGroup }[] = [
  { node: "kz", name: "Kazakhstan", group: { id: "kz", members: [declared("ru", "kz.ru"), declared("uz", "kz.uz"), rest("", "")] } },
  {
    node: "kg",
    name: "Kyrgyzstan",
    group: { id: "kg", members: [declared("ru", "kg.ru"), declared("uz", "kg.uz"), declared("tj", "kg.tj"), rest("", "")] },
  },
  { node: "ae", name: "the UAE", group: { id: "ae", members: [declared("ru", "ae.ru"), rest("", "")] } },
  { node: "jo", name: "Jordan", group: { id: "jo", members: [declared("sy", "jo.sy"), rest("", "")] } },
  { node: "am", name: "Armenia", group: { id: "am", members: [declared("ru", "am.ru"), rest("", "")] } },
];

/** Every assumption id the model reads. */
export function modelAssumptionIds(): string[] {
  const groups: ShareGroup[] = [
    ...ROUTED_YEARS.flatMap((year) => [laneGroup(year), centralAsiaGroup(year)]),
    SEA_PORT_GROUP,
    ...Object.values(SEA_LANE_GROUPS),
    LAND_SUPPLY_GROUP,
    OTHER_SEAPORT_SUPPLY_GROUP,
    ...ONWARD_GROUPS.map((onward) => onward.group),
  ];
  return groups.flatMap((group) => group.members.flatMap((member) => (member.assumption === null ? [] : [member.assumption])));
}

/** One factor of a formula: its value, its words (ending with the number), the assumptions and facts behind it. */
interface Term {
  value: number;
  text: string;
  assumptions: string[];
  facts: string[];
}

/** Numbers in formulas: at most 6 decimals, no float noise, no exponent. */
export function formatNumber(x: number): string {
  const rounded = Math.round(x * 1e6) / 1e6;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** A share group's members resolved against the assumptions: key → term. */
export function resolveShareGroup(group: ShareGroup, byId: ReadonlyMap<string, Assumption>): Map<string, Term> {
  const values = group.members.map((member) => {
    if (member.assumption === null) return null;
    const assumption = byId.get(member.assumption);
    if (assumption === undefined) throw new Error(`zeroMileageModel.modelFlows: assumption "${member.assumption}" is missing`);
    return { member, assumption, value: Math.max(0, assumption.value) };
  });
  const declaredOnes = values.filter((v): v is NonNullable<typeof v> => v !== null);
  const sum = declaredOnes.reduce((total, v) => total + v.value, 0);
  const scale = sum > 1 ? 1 / sum : 1;
  const terms = new Map<string, Term>();
  for (const v of declaredOnes) {
    const share = v.value * scale;
    const note = scale === 1 ? "" : ` [scaled: ${formatNumber(v.value)} / ${formatNumber(sum)}, the group sums to more than 1]`;
    terms.set(v.member.key, {
      value: share,
      text: `${v.assumption.label} ${formatNumber(share)}${note}`,
      assumptions: [v.assumption.id],
      facts: [...v.assumption.facts],
    });
  }
  const restMember = group.members.find((member) => member.assumption === null);
  if (restMember !== undefined) {
    const restShare = Math.max(0, 1 - sum);
    const how =
      sum > 1
        ? `[rest: none, the declared shares sum to ${formatNumber(sum)}]`
        : `[rest: ${["1", ...declaredOnes.map((v) => formatNumber(v.value))].join(" − ")}]`;
    terms.set(restMember.key, {
      value: restShare,
      text: `${restMember.restLabel ?? ""} ${formatNumber(restShare)} ${how}`,
      // The rest depends on every declared member of its group.
      assumptions: declaredOnes.map((v) => v.assumption.id),
      facts: [...(restMember.restFacts ?? []), ...declaredOnes.flatMap((v) => v.assumption.facts)],
    });
  }
  return terms;
}

function termOf(map: Map<string, Term>, key: string): Term {
  const term = map.get(key);
  if (term === undefined) throw new Error(`zeroMileageModel: no share for "${key}"`);
  return term;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function sourcesOf(facts: readonly string[]): string[] {
  return unique(facts.flatMap((fact) => FACT_SOURCES[fact] ?? []));
}

interface Draft {
  from: string;
  to: string;
  year: number;
  mode: string;
  terms: Term[];
  note: string;
  /** Set when the vehicles are fixed by largest-remainder rounding rather than Math.round. */
  vehicles?: number;
}

/** The product of the terms, cleaned to 6 decimals so the number a formula prints is the number rounded. */
function product(terms: readonly Term[]): number {
  return Math.round(terms.reduce((total, term) => total * term.value, 1) * 1e6) / 1e6;
}

function finish(draft: Draft): Flow {
  const exact = product(draft.terms);
  const vehicles = draft.vehicles ?? Math.round(exact);
  const facts = unique(draft.terms.flatMap((term) => term.facts));
  return {
    id: flowId(draft.from, draft.to, draft.year, draft.mode),
    from: draft.from,
    to: draft.to,
    year: draft.year,
    vehicles,
    usd: null,
    mode: draft.mode,
    basis: "modelled",
    facts,
    sources: sourcesOf(facts),
    formula: `${draft.terms.map((term) => term.text).join(" × ")} = ${formatNumber(exact)}`,
    note: draft.note,
  };
}

/** Integers that sum exactly to round(total): floors, then +1 to the largest remainders (ties: first listed). */
export function largestRemainder(exact: readonly number[], total: number): number[] {
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let missing = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (missing <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    missing--;
  }
  return result;
}

/**
 * The assumption ids each flow of `modelFlows` depends on (directly or through the exit throughput or
 * transit inflow it is computed from), keyed by flow id. Reported rows depend on none.
 */
export function flowDependencies(assumptions: readonly Assumption[]): Map<string, string[]> {
  return run(assumptions).dependencies;
}

/** The zero-mileage graph's flows: reported rows for 2019–2022, modelled rows for 2023–2024. */
export function modelFlows(assumptions: readonly Assumption[]): Flow[] {
  return run(assumptions).flows;
}

const NAMES: Readonly<Record<string, string>> = {
  horgos: "Horgos",
  alashankou: "Alashankou",
  torugart: "Torugart",
  irkeshtam: "Irkeshtam",
  "chengdu-rail": "Chengdu rail port",
  nansha: "Nansha",
  "tianjin-port": "Tianjin port",
  "other-seaports": "other sea ports",
};

function run(assumptions: readonly Assumption[]): { flows: Flow[]; dependencies: Map<string, string[]> } {
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const flows: Flow[] = [];
  const dependencies = new Map<string, string[]>();
  const emit = (draft: Draft, extraDeps: readonly string[] = []): Flow => {
    const flow = finish(draft);
    flows.push(flow);
    dependencies.set(flow.id, unique([...extraDeps, ...draft.terms.flatMap((term) => term.assumptions)]).sort());
    return flow;
  };

  for (const national of NATIONAL_USED_CAR_EXPORTS) {
    const { year } = national;
    if (!ROUTED_YEARS.includes(year)) {
      const flow: Flow = {
        id: flowId(NATIONAL_PLACE, NOT_REPORTED_PLACE, year, "unknown"),
        from: NATIONAL_PLACE,
        to: NOT_REPORTED_PLACE,
        year,
        vehicles: national.vehicles,
        usd: null,
        mode: "unknown",
        basis: "reported",
        facts: [...national.facts],
        sources: [...national.sources],
        formula: "",
        note: `National used-car exports in ${year}; no source gives their destinations, so none are modelled.`,
      };
      flows.push(flow);
      dependencies.set(flow.id, []);
      continue;
    }

    const nTerm: Term = {
      value: national.vehicles,
      text: `${year} used-car exports (MOFCOM/CADA) ${national.vehicles}`,
      assumptions: [],
      facts: [...national.facts],
    };
    const lanes = resolveShareGroup(laneGroup(year), byId);
    const centralAsia = resolveShareGroup(centralAsiaGroup(year), byId);
    const ports = resolveShareGroup(SEA_PORT_GROUP, byId);

    // Border flows: exit → first foreign node. Kept by exit (for domestic legs) and by receiver (for re-exports).
    const outOfExit = new Map<string, { flow: Flow; deps: string[] }[]>();
    const intoNode = new Map<string, { flow: Flow; deps: string[] }[]>();
    const border: { exit: string; draft: Draft }[] = [];
    for (const land of LAND_EXITS) {
      border.push({
        exit: land.exit,
        draft: {
          from: land.exit,
          to: land.to,
          year,
          mode: land.mode,
          terms: [nTerm, termOf(lanes, "central-asia"), termOf(centralAsia, land.exit)],
          note: "Modelled: no source gives used-car volumes by crossing; the assumption shares are in assumptions.csv.",
        },
      });
    }
    for (const port of SEA_PORT_GROUP.members) {
      for (const lane of SEA_LANES) {
        const laneGroupDef = SEA_LANE_GROUPS[lane];
        if (laneGroupDef === undefined) continue;
        const within = resolveShareGroup(laneGroupDef, byId);
        for (const member of laneGroupDef.members) {
          const terms = [nTerm, termOf(lanes, lane)];
          if (lane !== "other") terms.push(termOf(within, member.key));
          terms.push(termOf(ports, port.key));
          const note =
            lane === "latin-america"
              ? "Assumption: no source gives used-car volumes to Latin America. Every sea port is assumed to ship the same destination mix."
              : lane === "other"
                ? "What no source routes: used cars went to >140 countries, mainly Central Asia, Africa and Southeast Asia (U16). Every sea port is assumed to ship the same destination mix."
                : "Modelled: no source ties Chinese sea ports to used-car destinations, so every sea port is assumed to ship the same destination mix.";
          border.push({ exit: port.key, draft: { from: port.key, to: member.key, year, mode: "sea", terms, note } });
        }
      }
    }
    for (const { exit, draft } of border) {
      const deps = draft.terms.flatMap((term) => term.assumptions);
      const flow = emit(draft);
      const byExit = outOfExit.get(exit) ?? [];
      byExit.push({ flow, deps });
      outOfExit.set(exit, byExit);
      const byNode = intoNode.get(flow.to) ?? [];
      byNode.push({ flow, deps });
      intoNode.set(flow.to, byNode);
    }

    // Domestic legs: each exit's throughput split over its suppliers, rounded to sum exactly.
    const landSupply = resolveShareGroup(LAND_SUPPLY_GROUP, byId);
    const seaportSupply = resolveShareGroup(OTHER_SEAPORT_SUPPLY_GROUP, byId);
    for (const [exit, outs] of outOfExit) {
      const throughput = outs.reduce((total, out) => total + out.flow.vehicles, 0);
      const deps = unique(outs.flatMap((out) => out.deps));
      const tTerm: Term = {
        value: throughput,
        text: `${year} used-car throughput of ${NAMES[exit] ?? exit} (${outs.length === 1 ? "its one border flow" : `sum of its ${outs.length} border flows`}) ${throughput}`,
        assumptions: deps,
        facts: [...national.facts],
      };
      const single = SINGLE_SUPPLIER[exit];
      const supply: { origin: string; term: Term }[] = single
        ? [{ origin: single.origin, term: { value: 1, text: single.label, assumptions: [], facts: [...single.facts] } }]
        : (exit === "other-seaports" ? [...OTHER_SEAPORT_SUPPLY_GROUP.members] : [...LAND_SUPPLY_GROUP.members]).map((member) => ({
            origin: member.key,
            term: termOf(exit === "other-seaports" ? seaportSupply : landSupply, member.key),
          }));
      const rounded = largestRemainder(
        supply.map((s) => product([tTerm, s.term])),
        throughput,
      );
      // Legs are rounded jointly, so each depends on every share of its exit's supply group.
      const supplyDeps = unique(supply.flatMap((s) => s.term.assumptions));
      supply.forEach((s, i) => {
        emit(
          {
            from: s.origin,
            to: exit,
            year,
            mode: "unknown",
            terms: [tTerm, s.term],
            vehicles: rounded[i] ?? 0,
            note: "Domestic leg, modelled: no source gives provinces' used-car volumes by exit. Rounded so the legs sum to the exit's throughput.",
          },
          supplyDeps,
        );
      });
    }

    // Re-exports: transit inflow × onward share; the rest stays at the node.
    for (const onward of ONWARD_GROUPS) {
      const ins = intoNode.get(onward.node) ?? [];
      const inflow = ins.reduce((total, inn) => total + inn.flow.vehicles, 0);
      const deps = unique(ins.flatMap((inn) => inn.deps));
      const iTerm: Term = {
        value: inflow,
        text: `${year} used-car inflow to ${onward.name} (${ins.length === 1 ? "its one inflow" : `sum of its ${ins.length} inflows`}) ${inflow}`,
        assumptions: deps,
        facts: [...national.facts],
      };
      const shares = resolveShareGroup(onward.group, byId);
      for (const member of onward.group.members) {
        if (member.assumption === null) continue;
        emit({
          from: onward.node,
          to: member.key,
          year,
          mode: "unknown",
          terms: [iTerm, termOf(shares, member.key)],
          note: `Re-export, modelled; the rest of ${onward.name}'s inflow is taken to be absorbed there.`,
        });
      }
    }
  }
  return { flows, dependencies };
}
