// The Sources view's data: every fact with its quote and sources, every source with the facts that cite
// it, and which flows, context figures, events and assumptions use each fact. Search over all their
// words. Pure and memoised by the caller (built once per dataset).
import type { Fact } from "../domain/facts";
import type { Dataset, Source } from "../domain/types";

export interface FactUse {
  /** Flow ids (all years) that cite the fact. */
  flows: string[];
  context: string[];
  events: string[];
  assumptions: string[];
}

export interface FactEntry {
  fact: Fact;
  sources: Source[];
  uses: FactUse;
  /** Lower-cased words searched. */
  haystack: string;
}

export interface SourceEntry {
  source: Source;
  /** Fact ids citing the source. */
  facts: string[];
  haystack: string;
}

export interface SourcesIndex {
  facts: FactEntry[];
  sources: SourceEntry[];
  /** Fact id → entry. */
  byFact: Map<string, FactEntry>;
}

const fold = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Builds the index; facts without a facts table are gathered from what the data cites (no quote, no figure). */
export function buildSourcesIndex(
  dataset: Pick<Dataset, "facts" | "sources" | "flows" | "context" | "events" | "assumptions">,
): SourcesIndex {
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const uses = new Map<string, FactUse>();
  const use = (id: string): FactUse => {
    let u = uses.get(id);
    if (!u) uses.set(id, (u = { flows: [], context: [], events: [], assumptions: [] }));
    return u;
  };
  for (const f of dataset.flows) for (const id of f.facts) use(id).flows.push(f.id);
  for (const c of dataset.context) for (const id of c.facts) use(id).context.push(c.id);
  for (const e of dataset.events) for (const id of e.facts) use(id).events.push(e.id);
  for (const a of dataset.assumptions) for (const id of a.facts) use(id).assumptions.push(a.id);

  const facts: Fact[] = dataset.facts?.length
    ? dataset.facts
    : [...uses.keys()].sort().map((id) => ({
        id,
        what: "",
        figure: "",
        unit: "",
        period: "",
        places: [],
        sources: [],
        quote: "",
        reliability: "",
        citedAs: "",
      }));
  const factEntries: FactEntry[] = facts.map((fact) => {
    const sources = fact.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => s !== undefined);
    const words = [
      fact.id,
      fact.what,
      fact.figure,
      fact.period,
      fact.quote,
      fact.citedAs,
      ...sources.flatMap((s) => [s.publisher, s.title, s.date]),
    ];
    return {
      fact,
      sources,
      uses: uses.get(fact.id) ?? { flows: [], context: [], events: [], assumptions: [] },
      haystack: fold(words.join(" \u0001 ")),
    };
  });
  const citing = new Map<string, string[]>();
  for (const entry of factEntries) for (const s of entry.fact.sources) citing.set(s, [...(citing.get(s) ?? []), entry.fact.id]);
  const sourceEntries: SourceEntry[] = dataset.sources.map((source) => ({
    source,
    facts: citing.get(source.id) ?? [],
    haystack: fold([source.id, source.publisher, source.title, source.date, source.url].join(" \u0001 ")),
  }));
  return { facts: factEntries, sources: sourceEntries, byFact: new Map(factEntries.map((e) => [e.fact.id, e])) };
}

/**
 * Facts and sources matching every word of the query (case- and accent-insensitive); a fact id typed
 * alone ("K19") matches that fact exactly. An empty query matches everything.
 */
export function searchSources(index: SourcesIndex, query: string): { facts: FactEntry[]; sources: SourceEntry[] } {
  const q = fold(query.trim());
  if (q === "") return { facts: index.facts, sources: index.sources };
  const exact = index.facts.filter((e) => fold(e.fact.id) === q);
  if (exact.length) return { facts: exact, sources: index.sources.filter((s) => s.facts.some((id) => fold(id) === q)) };
  const words = q.split(/\s+/);
  const hit = (haystack: string) => words.every((w) => haystack.includes(w));
  return { facts: index.facts.filter((e) => hit(e.haystack)), sources: index.sources.filter((s) => hit(s.haystack)) };
}

/** The facts a flow, place or figure cites, in the order given, as entries (unknown ids skipped). */
export function factEntriesFor(index: SourcesIndex, ids: readonly string[]): FactEntry[] {
  return [...new Set(ids)].map((id) => index.byFact.get(id)).filter((e): e is FactEntry => e !== undefined);
}
