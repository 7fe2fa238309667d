// The zero-mileage dataset's routing model: turns the declared shares of assumptions.csv into the
// graph's flows (data/zero-mileage/flows.csv). Pure and fast, so the app can re-run it when a user
// edits one assumption. See data/README.md for every assumption, its reason and its facts.
//
// Structure, per year with a routed national total (2023, 2024):
//   national total N × lane share (× share within the lane) (× sea-port share) → border flows
//   exit throughput × origin share → domestic legs (origin → exit), largest-remainder rounded
//   transit inflow × onward share → re-exports; the rest of the inflow is absorbed at the transit node.
// Years with only a national total (2019–2022) carry one reported flow, China → "Destinations not
// reported": routes from later years are never projected back. The routes and share groups are in
// zeroMileageRoutes.ts; the share arithmetic in shareGroups.ts.
import { formatNumber, largestRemainder, product, resolveShareGroup, termOf, type Term } from "./shareGroups";
import { flowId, type Assumption, type Flow } from "./types";
import {
  centralAsiaGroup,
  LAND_EXITS,
  LAND_SUPPLY_GROUP,
  laneGroup,
  NATIONAL_PLACE,
  NATIONAL_USED_CAR_EXPORTS,
  NOT_REPORTED_PLACE,
  ONWARD_GROUPS,
  OTHER_SEAPORT_SUPPLY_GROUP,
  ROUTED_YEARS,
  SEA_LANES,
  SEA_PORT_GROUP,
  seaLaneGroups,
  SINGLE_SUPPLIER,
} from "./zeroMileageRoutes";

export { formatNumber, largestRemainder, resolveShareGroup, type ShareGroup, type ShareMember } from "./shareGroups";
export {
  modelAssumptionIds,
  NATIONAL_PLACE,
  NATIONAL_USED_CAR_EXPORTS,
  NOT_REPORTED_PLACE,
  ROUTED_YEARS,
  type NationalTotal,
} from "./zeroMileageRoutes";

/** Fact id → sources.csv ids (from facts.csv); flows cite the sources of the facts they rest on. */
export type FactSources = Readonly<Record<string, readonly string[]>>;

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function sourcesOf(facts: readonly string[], factSources: FactSources): string[] {
  return unique(facts.flatMap((fact) => factSources[fact] ?? []));
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

function finish(draft: Draft, factSources: FactSources): Flow {
  const exact = product(draft.terms);
  const vehicles = draft.vehicles ?? Math.round(exact);
  const facts = unique(draft.terms.flatMap((term) => term.facts));
  return {
    id: flowId(draft.from, draft.to, draft.year, draft.mode),
    from: draft.from,
    to: draft.to,
    year: draft.year,
    volume: vehicles,
    usd: null,
    mode: draft.mode,
    basis: "modelled",
    facts,
    sources: sourcesOf(facts, factSources),
    formula: `${draft.terms.map((term) => term.text).join(" × ")} = ${formatNumber(exact)}`,
    note: draft.note,
  };
}

/**
 * The assumption ids each flow of `modelFlows` depends on (directly or through the exit throughput or
 * transit inflow it is computed from), keyed by flow id. Reported rows depend on none.
 */
export function flowDependencies(assumptions: readonly Assumption[], factSources: FactSources = {}): Map<string, string[]> {
  return run(assumptions, factSources).dependencies;
}

/** The zero-mileage graph's flows: reported rows for 2019–2022, modelled rows for 2023–2024. */
export function modelFlows(assumptions: readonly Assumption[], factSources: FactSources): Flow[] {
  return run(assumptions, factSources).flows;
}

const SAME_MIX = "Every sea port is assumed to ship the same destination mix.";
const SEA_NOTES: Readonly<Record<string, string>> = {
  "": `Modelled: no source ties Chinese sea ports to used-car destinations. ${SAME_MIX}`,
  other: `What no source routes: used cars went to >140 countries, mainly Central Asia, Africa and Southeast Asia (U16). ${SAME_MIX}`,
  "russia-direct": `Modelled volume on a reported route: the first used-car batch sailed to St Petersburg in July 2019 (P2). ${SAME_MIX}`,
};

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

function run(assumptions: readonly Assumption[], factSources: FactSources): { flows: Flow[]; dependencies: Map<string, string[]> } {
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const flows: Flow[] = [];
  const dependencies = new Map<string, string[]>();
  const emit = (draft: Draft, extraDeps: readonly string[] = []): Flow => {
    const flow = finish(draft, factSources);
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
        volume: national.vehicles,
        usd: null,
        mode: "unknown",
        basis: "reported",
        facts: [...national.facts],
        sources: sourcesOf(national.facts, factSources),
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
          note: land.note ?? "Modelled: no source gives used-car volumes by crossing; the assumption shares are in assumptions.csv.",
        },
      });
    }
    const laneGroups = seaLaneGroups(year);
    for (const port of SEA_PORT_GROUP.members) {
      for (const lane of SEA_LANES) {
        const laneGroupDef = laneGroups[lane];
        if (laneGroupDef === undefined) continue;
        const within = resolveShareGroup(laneGroupDef, byId);
        for (const member of laneGroupDef.members) {
          const terms = [nTerm, termOf(lanes, lane)];
          if (laneGroupDef.members.length > 1) terms.push(termOf(within, member.key));
          terms.push(termOf(ports, port.key));
          border.push({
            exit: port.key,
            draft: { from: port.key, to: member.key, year, mode: "sea", terms, note: SEA_NOTES[lane] ?? SEA_NOTES[""]! },
          });
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
      const throughput = outs.reduce((total, out) => total + out.flow.volume, 0);
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
      const inflow = ins.reduce((total, inn) => total + inn.flow.volume, 0);
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
