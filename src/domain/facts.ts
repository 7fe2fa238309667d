// The facts a dataset rests on (data/zero-mileage/facts.csv): one row per fact id cited by flows,
// context figures, events and assumptions, with its figure, period, places, sources and — where the
// research notes give one — the source's own sentence. Pure: parsing, lookup and number matching.
import { parseCsvTable } from "./csvTable";
import type { DataIssue, Reliability } from "./types";

export interface Fact {
  /** Fact id as cited everywhere, e.g. "U7", "X2". */
  id: string;
  /** What the fact is about and what it measures. */
  what: string;
  /** The figure as the research notes state it (numbers, bounds, units in words). */
  figure: string;
  /** vehicles, %, US$, policy, … */
  unit: string;
  period: string;
  /** places.csv ids the fact is about. */
  places: string[];
  /** sources.csv ids. */
  sources: string[];
  /** The source's own sentence, where one was recorded; "" otherwise. */
  quote: string;
  reliability: Reliability | "";
  /** The citation as the research notes give it (publisher, title, date, address). */
  citedAs: string;
}

export const FACT_COLUMNS = ["id", "what", "figure", "unit", "period", "place", "sources", "quote", "reliability", "cited_as"] as const;

const splitList = (text: string): string[] =>
  text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Reads facts.csv; issues name the file, line and column. */
export function parseFacts(text: string, file = "facts.csv"): { facts: Fact[]; issues: DataIssue[] } {
  const table = parseCsvTable(text, file);
  const issues: DataIssue[] = [...table.issues];
  for (const name of FACT_COLUMNS) {
    if (!table.header.includes(name)) {
      issues.push({ severity: "error", file, line: table.headerLine, column: 0, message: `missing column "${name}"` });
    }
  }
  if (issues.some((issue) => issue.severity === "error")) return { facts: [], issues };
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = (name: (typeof FACT_COLUMNS)[number]): string => (row.cells[name] ?? "").trim();
    const id = cell("id");
    const column = table.header.indexOf("id") + 1;
    if (!/^[A-Z]{1,2}\d{1,2}$/.test(id)) {
      issues.push({
        severity: "error",
        file,
        line: row.line,
        column,
        message: `"${id}" is not a fact id (one or two capitals and a number, e.g. U7)`,
      });
      continue;
    }
    if (seen.has(id)) {
      issues.push({ severity: "error", file, line: row.line, column, message: `fact id "${id}" appears twice` });
      continue;
    }
    seen.add(id);
    const reliability = cell("reliability");
    facts.push({
      id,
      what: cell("what"),
      figure: cell("figure"),
      unit: cell("unit"),
      period: cell("period"),
      places: splitList(cell("place")),
      sources: splitList(cell("sources")),
      quote: cell("quote"),
      reliability: /^[HML]$/.test(reliability) ? (reliability as Reliability) : "",
      citedAs: cell("cited_as"),
    });
  }
  return { facts, issues };
}

/**
 * Every number a text states, in the forms the facts use: 275,000 / 275000 / 275k / 1.06M / 0.3万 /
 * 3.3% / 51 770 (a space as thousands separator) / 70,8 тысячи. Each is returned as written and scaled.
 */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  const normalised = text.replace(/(?<!\d)(\d{1,3}) (?=\d{3}(?!\d))/g, "$1");
  for (const match of normalised.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万|k\b|M\b|bn\b|тысяч[иа]?|млрд)?/g)) {
    const raw = (match[1] ?? "").replace(/,(?=\d{3}(?!\d))/g, "");
    const cleaned = raw.replace(/,$/, "");
    const decimalComma = /^\d+,\d{1,2}$/.test(cleaned) ? cleaned.replace(",", ".") : cleaned;
    const value = Number(decimalComma);
    if (!Number.isFinite(value)) continue;
    const unit = match[2] ?? "";
    const multiplier =
      unit === "万"
        ? 1e4
        : unit === "k" || unit.startsWith("тысяч")
          ? 1e3
          : unit === "M"
            ? 1e6
            : unit === "bn" || unit === "млрд"
              ? 1e9
              : 1;
    found.push(value, Math.round(value * multiplier * 1e6) / 1e6);
  }
  return found;
}

/** True when the text states `value` (to within 0.5, so "≈392,000" states 392000 but not 392001). */
export function statesNumber(text: string, value: number): boolean {
  return numbersIn(text).some((n) => Math.abs(n - value) < 0.5);
}

/** The text a fact's numbers are looked up in: its figure, period, what it measures and its quote. */
export function factText(fact: Fact): string {
  return [fact.figure, fact.period, fact.what, fact.quote].join(" | ");
}

/** True when one of the cited facts states the number. */
export function someFactStates(facts: ReadonlyMap<string, Fact>, ids: readonly string[], value: number): boolean {
  return ids.some((id) => {
    const fact = facts.get(id);
    return fact !== undefined && statesNumber(factText(fact), value);
  });
}

/** Fact id → the sources.csv ids behind it. */
export function factSources(facts: readonly Fact[]): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const fact of facts) out[fact.id] = fact.sources;
  return out;
}
