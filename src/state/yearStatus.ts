// What a year of the data is: reported national totals only, modelled routes, or reported figures
// without any used-car route (2025 for the shipped data). One place for the plain words the banner,
// the legend, the About panel and every export caption use, so they never disagree. Pure.
import { NATIONAL_PLACE_ID, NATIONAL_TOTAL_MEASURE } from "../domain/reconcile";
import type { Dataset } from "../domain/types";

export type YearKind = "modelled" | "reported" | "context-only" | "empty";

export interface YearStatus {
  year: number;
  kind: YearKind;
  /** National used-car total of the year (a reported figure), null when none. */
  nationalTotal: number | null;
  /** Flows by basis in the year. */
  modelledFlows: number;
  reportedFlows: number;
  /** Context figures of the year tied to a hop between two places (vehicles). */
  contextHops: number;
  /** One or two plain sentences: what the year's picture is. */
  statement: string;
}

/** Years a user can look at: years with flows and years with reported figures (context) or events. */
export function dataYears(dataset: Pick<Dataset, "years" | "context" | "events">): number[] {
  const years = new Set(dataset.years);
  for (const figure of dataset.context) years.add(figure.year);
  for (const event of dataset.events) years.add(event.year);
  if (dataset.years.length) {
    // Only years at or after the first year with flows: an event years before the data starts is not a year of the data.
    const first = dataset.years[0]!;
    for (const year of [...years]) if (year < first) years.delete(year);
  }
  return [...years].sort((a, b) => a - b);
}

const fmt = (n: number): string => n.toLocaleString("en-GB");

/** The year's kind and its statement; the dataset's own figures give the numbers. */
export function yearStatus(dataset: Pick<Dataset, "flows" | "context" | "id">, year: number): YearStatus {
  const flows = dataset.flows.filter((f) => f.year === year);
  const modelledFlows = flows.filter((f) => f.basis === "modelled").length;
  const reportedFlows = flows.length - modelledFlows;
  const national =
    dataset.context.find(
      (c) => c.year === year && c.place === NATIONAL_PLACE_ID && c.measure === NATIONAL_TOTAL_MEASURE && c.period === "year",
    )?.value ?? null;
  const contextHops = dataset.context.filter((c) => c.year === year && c.from !== "" && c.to !== "" && c.unit === "vehicles").length;
  const kind: YearKind = modelledFlows > 0 ? "modelled" : reportedFlows > 0 ? "reported" : contextHops > 0 ? "context-only" : "empty";
  const total = national === null ? "" : ` (${fmt(national)} vehicles in ${year}, a reported figure)`;
  let statement: string;
  switch (kind) {
    case "modelled":
      statement =
        `Every ${year} route is a modelled estimate: it splits the reported national used-car total${total} by declared shares. ` +
        "The routes add up to that total, and none exceeds a reported all-vehicle figure at the same place (an upper bound).";
      break;
    case "reported":
      statement = `${year} shows reported figures only${total}; no source gives their routes.`;
      break;
    case "context-only":
      statement = `Used-car routes for ${year} are not published, so none are drawn. ${year} shows what is reported: all-vehicle figures between places (the context layer) and the year's policy events.`;
      break;
    default:
      statement = `The data has nothing for ${year}.`;
  }
  return { year, kind, nationalTotal: national, modelledFlows, reportedFlows, contextHops, statement };
}
