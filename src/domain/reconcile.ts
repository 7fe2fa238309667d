// Checks that a dataset's used-car flows agree with the figures they must respect:
// - the flows crossing China's border in a year add up to that year's national used-car exports;
// - no modelled used-car volume through a place or hop exceeds an all-vehicle figure there (upper
//   bounds), and none falls short of a partial-year used-car figure there (lower bounds).
// Both also tell the UI which figure breaks, and why, after a user edits an assumption.
import type { ContextFigure, Dataset, Flow, Place } from "./types";

/** Id of the national aggregate place that carries national totals and country-level hops. */
export const NATIONAL_PLACE_ID = "china";
/** The context measure of the national totals. */
export const NATIONAL_TOTAL_MEASURE = "used-car exports";
/** Default relative tolerance of the border reconciliation (1%). */
export const RECONCILE_TOLERANCE = 0.01;

/** A flow crosses China's border when it leaves an origin or exit for a transit or market place. */
export function borderCrossing(flow: Pick<Flow, "from" | "to">, placesById: ReadonlyMap<string, Place>): boolean {
  const from = placesById.get(flow.from);
  const to = placesById.get(flow.to);
  if (from === undefined || to === undefined) return false;
  return (from.kind === "origin" || from.kind === "exit") && (to.kind === "transit" || to.kind === "market");
}

export interface BorderTotal {
  year: number;
  /** Vehicles on border-crossing flows. */
  crossing: number;
  /** National used-car exports, null when the year has none. */
  national: number | null;
  /** (crossing − national) / national; null without a national total. */
  relGap: number | null;
  ok: boolean;
  /** The context row the national total came from, "" when given by the caller or missing. */
  contextId: string;
}

/** National totals by year from the context rows (measure "used-car exports", place "china", full year). */
export function nationalTotalsFromContext(context: readonly ContextFigure[]): Map<number, { value: number; contextId: string }> {
  const totals = new Map<number, { value: number; contextId: string }>();
  for (const figure of context) {
    if (figure.place === NATIONAL_PLACE_ID && figure.measure === NATIONAL_TOTAL_MEASURE && figure.period === "year") {
      totals.set(figure.year, { value: figure.value, contextId: figure.id });
    }
  }
  return totals;
}

/**
 * Per year with flows: border-crossing vehicles against the national total (from `nationalTotals`
 * when given, else from the dataset's context). A year without a national total is not ok.
 */
export function reconcileBorderTotals(
  dataset: Pick<Dataset, "places" | "flows" | "context">,
  nationalTotals?: ReadonlyMap<number, number>,
  tolerance: number = RECONCILE_TOLERANCE,
): BorderTotal[] {
  const placesById = new Map(dataset.places.map((place) => [place.id, place]));
  const fromContext = nationalTotalsFromContext(dataset.context);
  const crossing = new Map<number, number>();
  for (const flow of dataset.flows) {
    const sum = crossing.get(flow.year) ?? 0;
    crossing.set(flow.year, sum + (borderCrossing(flow, placesById) ? flow.volume : 0));
  }
  return [...crossing.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const given = nationalTotals?.get(year);
      const national = given ?? fromContext.get(year)?.value ?? null;
      const contextId = given === undefined ? (fromContext.get(year)?.contextId ?? "") : "";
      const total = crossing.get(year) ?? 0;
      const relGap = national === null || national === 0 ? null : (total - national) / national;
      return { year, crossing: total, national, relGap, ok: relGap !== null && Math.abs(relGap) <= tolerance, contextId };
    });
}

/** How a context measure bounds modelled used-car volumes, and which side of the place it is compared with. */
export interface BoundRule {
  kind: "upper" | "lower";
  /** in: vehicles arriving; out: vehicles leaving; through: the larger of the two. */
  side: "in" | "out" | "through";
}

/**
 * Measures that bound used cars. Upper: full-year all-vehicle figures (used cars are a subset of
 * all vehicles). Lower: used-car figures for part of a year, or for one company, at a place other
 * than the national aggregate (the full year of the whole place cannot be smaller). Other measures
 * (mirror figures, new-car exports, partial-year all-vehicle counts) are context only.
 */
export const BOUND_RULES: Readonly<Record<string, BoundRule>> = {
  "all-vehicle exports": { kind: "upper", side: "out" },
  "all-vehicle throughput": { kind: "upper", side: "through" },
  "all-vehicle imports from China": { kind: "upper", side: "in" },
  "all-vehicle clearances": { kind: "upper", side: "in" },
  "all-vehicle re-exports": { kind: "upper", side: "out" },
  "used-car exports": { kind: "lower", side: "out" },
};

export interface BoundCheck {
  year: number;
  /** The place the figure is tied to, "" for a hop. */
  place: string;
  /** The hop the figure is tied to, "" for a place. */
  from: string;
  to: string;
  contextId: string;
  kind: "upper" | "lower";
  measure: string;
  bound: number;
  modelled: number;
  ok: boolean;
  message: string;
}

/**
 * The rule a figure is checked with: the file's own `bound` column when given ("none" → not a bound),
 * else the measure's rule. An explicit bound on a measure without a rule compares the place's inflow
 * (or the hop's flows) for an upper bound and its outflow for a lower bound.
 */
export function boundRule(figure: Pick<ContextFigure, "measure" | "bound">): BoundRule | undefined {
  const inferred = BOUND_RULES[figure.measure];
  if (figure.bound === undefined) return inferred;
  if (figure.bound === "none") return undefined;
  if (inferred?.kind === figure.bound) return inferred;
  return { kind: figure.bound, side: figure.bound === "upper" ? "in" : "out" };
}

function isFullYear(period: string): boolean {
  return period.startsWith("year");
}

/**
 * Compares used-car volumes in the flows with every context figure that bounds them (BOUND_RULES).
 * Place figures use the place's inflow, outflow or the larger of both; hop figures use the flows
 * from → to, and a hop from the national place ("china") sums every border-crossing flow into `to`.
 * Years without flows, and upper bounds where no flow passes, are skipped.
 */
export function checkBounds(dataset: Pick<Dataset, "places" | "flows" | "context">): BoundCheck[] {
  const placesById = new Map(dataset.places.map((place) => [place.id, place]));
  const name = (id: string): string => placesById.get(id)?.name ?? id;
  const years = new Set(dataset.flows.map((flow) => flow.year));
  const checks: BoundCheck[] = [];
  for (const figure of dataset.context) {
    const rule = boundRule(figure);
    if (rule === undefined || !years.has(figure.year) || figure.unit !== "vehicles") continue;
    // A partial-year figure bounds the year only when the file says so (bound = upper): a stricter check.
    if (rule.kind === "upper" && figure.bound !== "upper" && !isFullYear(figure.period)) continue;
    if (rule.kind === "lower" && (figure.place === NATIONAL_PLACE_ID || figure.place === "")) continue;
    const flows = dataset.flows.filter((flow) => flow.year === figure.year);
    let modelled: number;
    let passes: boolean;
    let where: string;
    if (figure.place !== "") {
      const inflow = flows.filter((f) => f.to === figure.place).reduce((s, f) => s + f.volume, 0);
      const outflow = flows.filter((f) => f.from === figure.place).reduce((s, f) => s + f.volume, 0);
      modelled = rule.side === "in" ? inflow : rule.side === "out" ? outflow : Math.max(inflow, outflow);
      passes = flows.some((f) => f.to === figure.place || f.from === figure.place);
      where = name(figure.place);
    } else {
      const onHop =
        figure.from === NATIONAL_PLACE_ID
          ? flows.filter((f) => f.to === figure.to && borderCrossing(f, placesById))
          : flows.filter((f) => f.from === figure.from && f.to === figure.to);
      modelled = onHop.reduce((s, f) => s + f.volume, 0);
      passes = onHop.length > 0;
      where = `${figure.from === NATIONAL_PLACE_ID ? "China" : name(figure.from)} → ${name(figure.to)}`;
    }
    if (rule.kind === "upper" && !passes) continue;
    const ok = rule.kind === "upper" ? modelled <= figure.value : modelled >= figure.value;
    const cited = figure.facts.length > 0 ? ` (${figure.facts.join(", ")})` : "";
    const figureText = `${figure.measure}, ${figure.period}, ${figure.value}${cited}`;
    const message =
      rule.kind === "upper"
        ? ok
          ? `${where} ${figure.year}: ${modelled} used cars modelled, within the ${figureText}.`
          : `${where} ${figure.year}: ${modelled} used cars modelled, more than the ${figureText}; used cars are part of all vehicles, so the shares that route cars here are too high.`
        : ok
          ? `${where} ${figure.year}: ${modelled} used cars modelled for the year, at least the ${figureText}.`
          : `${where} ${figure.year}: ${modelled} used cars modelled for the year, fewer than the ${figureText} already reported; the shares that route cars from here are too low.`;
    checks.push({
      year: figure.year,
      place: figure.place,
      from: figure.from,
      to: figure.to,
      contextId: figure.id,
      kind: rule.kind,
      measure: figure.measure,
      bound: figure.value,
      modelled,
      ok,
      message,
    });
  }
  return checks;
}
