// Writes a dataset (or some of its flows) in Reroute's own CSV format: places.csv, flows.csv, sources.csv.
// The files re-import through importFiles/parseDataset to the same graph.
import type { Dataset, Flow } from "../../domain/types";

export interface DatasetCsv {
  places: string;
  flows: string;
  sources: string;
  /** Flows from a place to itself, which Reroute's format does not allow: not written. */
  skippedSelfLoops: number;
}

/** One CSV field: quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: (string | number | null)[][]): string {
  return [header.join(","), ...rows.map((row) => row.map(csvField).join(","))].join("\n") + "\n";
}

/** `flows` defaults to every flow of the dataset; places and sources are always written in full. */
export function exportDatasetCsv(dataset: Dataset, flows: readonly Flow[] = dataset.flows): DatasetCsv {
  const kept = flows.filter((flow) => flow.from !== flow.to);
  return {
    places: csv(
      ["id", "name", "kind", "country", "lat", "lon", "lane", "native_name", "note"],
      dataset.places.map((p) => [p.id, p.name, p.kind, p.country, p.lat, p.lon, p.lane, p.nativeName, p.note]),
    ),
    flows: csv(
      ["from", "to", "year", "vehicles", "usd", "mode", "basis", "facts", "sources", "formula", "note"],
      kept.map((f) => [f.from, f.to, f.year, f.volume, f.usd, f.mode, f.basis, f.facts.join(";"), f.sources.join(";"), f.formula, f.note]),
    ),
    sources: csv(
      ["id", "publisher", "title", "date", "url", "reliability"],
      dataset.sources.map((s) => [s.id, s.publisher, s.title, s.date, s.url, s.reliability]),
    ),
    skippedSelfLoops: flows.length - kept.length,
  };
}
