// Writes data/zero-mileage/flows.csv from assumptions.csv with the routing model (npm run data).
// Thin on purpose: the model is src/domain/zeroMileageModel.ts; this file only reads and writes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { factSources, parseFacts } from "../src/domain/facts";
import { parseDataset } from "../src/domain/parseDataset";
import type { Flow } from "../src/domain/types";
import { modelFlows } from "../src/domain/zeroMileageModel";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "zero-mileage");

/** RFC 4180 cell: quoted when it holds a comma, quote or line break. */
function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function flowsToCsv(flows: readonly Flow[]): string {
  const header = ["from", "to", "year", "vehicles", "usd", "mode", "basis", "facts", "sources", "formula", "note"];
  const lines = flows.map((f) =>
    [f.from, f.to, f.year, f.volume, f.usd, f.mode, f.basis, f.facts.join(";"), f.sources.join(";"), f.formula, f.note].map(cell).join(","),
  );
  return [header.join(","), ...lines].join("\n") + "\n";
}

function main(): void {
  const read = (name: string): string => readFileSync(join(DIR, name), "utf8");
  // The dataset parser validates assumptions.csv (ranges, ids); an empty flows table stands in for the one we write.
  const { dataset, issues } = parseDataset(
    { places: read("places.csv"), flows: "from,to,year,vehicles,basis\n", assumptions: read("assumptions.csv") },
    { id: "zero-mileage", name: "assumptions check" },
  );
  const errors = issues.filter((issue) => issue.severity === "error");
  if (dataset === null || errors.length > 0) {
    throw new Error(`generate-flows: assumptions.csv has errors:\n${errors.map((e) => e.message).join("\n")}`);
  }
  // Flows cite the sources of the facts they rest on, as facts.csv gives them.
  const facts = parseFacts(read("facts.csv"));
  const factErrors = facts.issues.filter((issue) => issue.severity === "error");
  if (factErrors.length > 0)
    throw new Error(`generate-flows: facts.csv has errors:\n${factErrors.map((e) => `line ${e.line}: ${e.message}`).join("\n")}`);
  const flows = modelFlows(dataset.assumptions, factSources(facts.facts));
  writeFileSync(join(DIR, "flows.csv"), flowsToCsv(flows));
  const years = [...new Set(flows.map((f) => f.year))];
  console.log(`generate-flows: wrote ${flows.length} flows for ${years.join(", ")} to data/zero-mileage/flows.csv`);
}

main();
