// The dataset shipped with the app: China's zero-mileage used-car exports (data/zero-mileage/).
// The files are bundled as text (vite's ?raw), so export and hashing see exactly what was parsed.
import placesCsv from "../../data/zero-mileage/places.csv?raw";
import flowsCsv from "../../data/zero-mileage/flows.csv?raw";
import sourcesCsv from "../../data/zero-mileage/sources.csv?raw";
import contextCsv from "../../data/zero-mileage/context.csv?raw";
import eventsCsv from "../../data/zero-mileage/events.csv?raw";
import assumptionsCsv from "../../data/zero-mileage/assumptions.csv?raw";
import factsCsv from "../../data/zero-mileage/facts.csv?raw";
import { parseFacts } from "./facts";
import { parseDataset, type DatasetFiles } from "./parseDataset";
import { SHIPPED_DATASET_ID, type Dataset } from "./types";

export const SHIPPED_DATASET_META = { id: SHIPPED_DATASET_ID, name: "China zero-mileage used-car exports" } as const;

/** The six files as shipped, keyed as parseDataset expects. */
export const SHIPPED_FILES: Required<DatasetFiles> = {
  places: placesCsv,
  flows: flowsCsv,
  sources: sourcesCsv,
  context: contextCsv,
  events: eventsCsv,
  assumptions: assumptionsCsv,
};

/** The facts every flow, figure, event and assumption of the shipped data cites (facts.csv). */
export const SHIPPED_FACTS_CSV: string = factsCsv;

/** Parses the shipped dataset and its facts; throws listing every error (a shipped file must never be broken). */
export function loadShippedDataset(): Dataset {
  const { dataset, issues } = parseDataset(SHIPPED_FILES, SHIPPED_DATASET_META);
  const facts = parseFacts(factsCsv);
  const errors = [...issues, ...facts.issues].filter((issue) => issue.severity === "error");
  if (dataset === null || errors.length > 0) {
    throw new Error(
      `shippedDataset.loadShippedDataset: the shipped dataset has ${errors.length} error(s):\n${errors.map((e) => e.message).join("\n")}`,
    );
  }
  return { ...dataset, facts: facts.facts };
}
