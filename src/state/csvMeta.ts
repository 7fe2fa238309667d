// The header of a downloaded analysis table, in words: what view, unit, year(s), filters, scenario and
// the sources behind the figures. Pure; io/export/analysisCsv writes it.
import { LANES } from "../domain/lanes";
import type { Dataset, Flow } from "../domain/types";
import type { Filters } from "./viewState";
import type { Scenario } from "../domain/scenario";

export interface CsvMetaWords {
  /** "Over time — Horgos". */
  view: string;
  unit: string;
  /** "2024", "2023 → 2024", "2019–2025". */
  year: string;
  /** The filters in words ("none" when nothing is hidden). */
  filters: string;
  /** The scenario in words ("none"). */
  scenario: string;
  /** One line per source: "id — publisher, title, date, url". */
  sources: string[];
  /** Other lines worth keeping (method, notes). */
  notes: string[];
}

/** "none", or "hidden lanes: Caucasus; hidden bases: modelled; below 1,000 hidden; top 20 only". */
export function filtersInWords(filters: Filters): string {
  const label = (id: string) => LANES.find((l) => l.id === id)?.label ?? id;
  const parts: string[] = [];
  if (filters.hiddenLanes.length) parts.push(`hidden lanes: ${filters.hiddenLanes.map(label).join(", ")}`);
  if (filters.hiddenKinds.length) parts.push(`hidden place kinds: ${filters.hiddenKinds.join(", ")}`);
  if (filters.hiddenModes.length) parts.push(`hidden modes: ${filters.hiddenModes.join(", ")}`);
  if (filters.hiddenBases.length) parts.push(`hidden bases: ${filters.hiddenBases.join(", ")}`);
  if (filters.hiddenRegions.length) parts.push(`hidden regions: ${filters.hiddenRegions.join(", ")}`);
  if (filters.minVolume > 0) parts.push(`flows below ${filters.minVolume.toLocaleString("en-GB")} hidden`);
  if (filters.topN !== null) parts.push(`top ${filters.topN} flows only`);
  return parts.length ? parts.join("; ") : "none";
}

export function scenarioInWords(scenario: Scenario | null): string {
  if (!scenario) return "none";
  return `${scenario.name} — ${scenario.summary}${scenario.facts.length ? ` (facts: ${scenario.facts.join(", ")})` : ""}`;
}

/** One line per source cited by `flows` (and any extra ids), in the order of the dataset's sources. */
export function sourcesInWords(
  dataset: Pick<Dataset, "sources">,
  flows: readonly Pick<Flow, "sources">[],
  extra: readonly string[] = [],
): string[] {
  const cited = new Set([...flows.flatMap((f) => f.sources), ...extra]);
  return dataset.sources
    .filter((s) => cited.has(s.id))
    .map((s) => [s.id, [s.publisher, s.title ? `“${s.title}”` : "", s.date, s.url].filter(Boolean).join(", ")].join(" — "));
}
