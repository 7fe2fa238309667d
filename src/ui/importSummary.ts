// What the import dialog says about a result, as plain data: figures, what was fixed, and the problems
// (file, line, column). Pure, so the wording is tested without a DOM.
import type { DataIssue } from "../domain/types";
import type { ImportResult } from "../io/import/types";

export const MAX_LISTED_PROBLEMS = 200;

export interface SummaryRow {
  label: string;
  value: string;
}

export interface ImportSummaryView {
  title: string;
  rows: SummaryRow[];
  /** Repairs and notes, one sentence each. */
  fixed: string[];
  /** "file, line L, column C: message" — at most MAX_LISTED_PROBLEMS. */
  problems: { severity: DataIssue["severity"]; text: string }[];
  problemCount: number;
  errorCount: number;
  /** Rows (flows) that will be imported. */
  validRows: number;
}

const nf = new Intl.NumberFormat("en-GB");
const plural = (n: number, one: string, many = `${one}s`) => `${nf.format(n)} ${n === 1 ? one : many}`;

export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "none";
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  if (sorted.length > 3 && contiguous) return `${sorted.length} (${sorted[0]}–${sorted[sorted.length - 1]})`;
  return `${sorted.length} (${sorted.join(", ")})`;
}

/** Where a problem is: "flows.csv, line 12, column 3"; parts that are 0 or empty are left out. */
export function issueText(issue: DataIssue): string {
  // Some readers already start the message with where it is ("flows.csv line 5, column 3: …").
  if (issue.file !== "" && issue.message.startsWith(issue.file)) return issue.message;
  const where = [issue.file, issue.line > 0 ? `line ${issue.line}` : "", issue.column > 0 ? `column ${issue.column}` : ""].filter(
    (part) => part !== "",
  );
  return where.length > 0 ? `${where.join(", ")}: ${issue.message}` : issue.message;
}

export function issueLines(issues: readonly DataIssue[], max = MAX_LISTED_PROBLEMS): string[] {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return sorted.slice(0, max).map(issueText);
}

export function summaryView(result: ImportResult, extra: { views?: number } = {}): ImportSummaryView {
  const s = result.summary;
  const rows: SummaryRow[] = [{ label: "Recognised as", value: result.format || "unknown" }];
  if (result.dataset) rows.push({ label: "Name", value: result.dataset.name });
  rows.push(
    { label: "Places", value: nf.format(s.places) },
    { label: "Flows", value: nf.format(s.flows) },
    { label: "Years", value: result.dataset?.timeless ? "none: the files give no time (no Year control)" : yearsText(s.years) },
  );
  if (s.timeAxis) rows.push({ label: "Time axis", value: s.timeAxis });
  for (const join of s.joins ?? []) rows.push({ label: "Node table", value: join });
  if (s.attributes && s.attributes.length > 0) rows.push({ label: "Attributes (not summed)", value: s.attributes.join(", ") });
  if (result.dataset?.undirected) rows.push({ label: "Edges", value: "undirected (no arrows)" });
  if (result.dataset?.unweighted) rows.push({ label: "Weights", value: "none: each flow counts its edges" });
  if (s.encoding) rows.push({ label: "Encoding", value: s.encoding });
  if (s.delimiter) rows.push({ label: "Delimiter", value: s.delimiter });
  if (s.rejectedRows > 0) rows.push({ label: "Rows left out", value: nf.format(s.rejectedRows) });
  if (extra.views !== undefined) rows.push({ label: "Saved views", value: nf.format(extra.views) });

  const fixed = [...s.fixed];
  if (s.selfLoops > 0) fixed.push(`${plural(s.selfLoops, "self-loop")} (a place trading with itself) kept in the data, not drawn as hops`);
  if (s.aggregates.length > 0) fixed.push(`Aggregate partners flagged and left out of the graph: ${s.aggregates.join(", ")}`);
  if (s.unknownRefs.length > 0) {
    const shown = s.unknownRefs.slice(0, 20).join(", ");
    fixed.push(
      `Rows naming places no place list declares were left out: ${shown}${s.unknownRefs.length > 20 ? ` and ${nf.format(s.unknownRefs.length - 20)} more` : ""}`,
    );
  }
  if (s.placedByCountry > 0) fixed.push(`${plural(s.placedByCountry, "place")} without coordinates placed at their country's centroid`);
  if (s.places > 0 && s.withoutCoordinates >= s.places) {
    fixed.push(
      "No place has coordinates or a country name or code that Reroute knows: the graph opens in the chain layout (columns by role)",
    );
  } else if (s.withoutCoordinates > 0) {
    fixed.push(
      `${plural(s.withoutCoordinates, "place")} without coordinates (and no known country) drawn by the chain layout below the map`,
    );
  }

  const problems = [...result.issues]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((issue) => ({ severity: issue.severity, text: issueText(issue) }));
  const title =
    result.status === "ok"
      ? "Check the data before it replaces the current graph"
      : result.status === "failed"
        ? "These files could not be imported"
        : "The importer needs to know more";
  return {
    title,
    rows,
    fixed,
    problems,
    problemCount: result.issues.length,
    errorCount: result.issues.filter((issue) => issue.severity === "error").length,
    validRows: result.status === "ok" && result.dataset ? (s.validRows > 0 ? s.validRows : result.dataset.flows.length) : 0,
  };
}

/** "Import 1,234 valid rows" — the confirm button's name. */
export function confirmLabel(validRows: number): string {
  return `Import ${nf.format(validRows)} valid ${validRows === 1 ? "row" : "rows"}`;
}
