// The facts the shipped data cites, read from the repository's own data/zero-mileage/facts.csv — the
// same file the app bundles and the generator reads. Nothing here looks outside the repository.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { factText, parseFacts, type Fact } from "../../../src/domain/facts";

export { numbersIn, statesNumber } from "../../../src/domain/facts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const FACTS_PATH = resolve(REPO_ROOT, "data/zero-mileage/facts.csv");

/** Fact id → the parsed row. Throws when facts.csv has an error. */
export function readFacts(path: string = FACTS_PATH): Map<string, Fact> {
  const { facts, issues } = parseFacts(readFileSync(path, "utf8"));
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) throw new Error(`facts.csv: ${errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`);
  return new Map(facts.map((fact) => [fact.id, fact]));
}

/** Fact id → the text its numbers are looked up in (figure, period, what, quote). */
export function readFactsTable(path: string = FACTS_PATH): Map<string, string> {
  return new Map([...readFacts(path)].map(([id, fact]) => [id, factText(fact)]));
}
