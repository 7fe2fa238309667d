// What a tooltip or details panel says about a place or a flow, as plain data (the UI renders it).
import type { ContextFigure, Dataset, Flow, Place, Source } from "../domain/types";
import type { Measure } from "./viewState";
import { volumeOf } from "./visibleFlows";

export interface PlaceSummary {
  place: Place;
  year: number;
  /** false for data without time: its year is a placeholder, not to be shown. */
  dated: boolean;
  inflow: number;
  outflow: number;
  inCount: number;
  outCount: number;
  /** Volume by basis over in- and outflows. */
  byBasis: Record<string, number>;
  sources: Source[];
  facts: string[];
  context: ContextFigure[];
}

export interface FlowSummary {
  flow: Flow;
  from: Place | undefined;
  to: Place | undefined;
  sources: Source[];
  context: ContextFigure[];
  /** false for data without time: its year is a placeholder, not to be shown. */
  dated: boolean;
  /** The edge has no direction (an undirected graph): "A – B", not "A → B". */
  undirected: boolean;
}

function sourcesOf(dataset: Dataset, ids: Iterable<string>): Source[] {
  const wanted = new Set(ids);
  return dataset.sources.filter((s) => wanted.has(s.id));
}

export function placeSummary(dataset: Dataset, flows: Flow[], placeId: string, year: number, measure: Measure): PlaceSummary | null {
  const place = dataset.places.find((p) => p.id === placeId);
  if (!place) return null;
  let inflow = 0,
    outflow = 0,
    inCount = 0,
    outCount = 0;
  const byBasis: Record<string, number> = {};
  const sourceIds = new Set<string>();
  const facts = new Set<string>();
  for (const f of flows) {
    if (f.year !== year || (f.from !== placeId && f.to !== placeId)) continue;
    const v = volumeOf(f, measure) ?? 0;
    if (f.to === placeId) {
      inflow += v;
      inCount++;
    }
    if (f.from === placeId) {
      outflow += v;
      outCount++;
    }
    byBasis[f.basis] = (byBasis[f.basis] ?? 0) + v;
    f.sources.forEach((s) => sourceIds.add(s));
    f.facts.forEach((s) => facts.add(s));
  }
  const context = dataset.context.filter((c) => c.year === year && (c.place === placeId || c.from === placeId || c.to === placeId));
  return {
    place,
    year,
    dated: !dataset.timeless,
    inflow,
    outflow,
    inCount,
    outCount,
    byBasis,
    sources: sourcesOf(dataset, sourceIds),
    facts: [...facts],
    context,
  };
}

export function flowSummary(dataset: Dataset, flows: Flow[], flowId: string): FlowSummary | null {
  const flow = flows.find((f) => f.id === flowId);
  if (!flow) return null;
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const context = dataset.context.filter((c) => c.year === flow.year && c.from === flow.from && c.to === flow.to);
  return {
    flow,
    from: places.get(flow.from),
    to: places.get(flow.to),
    sources: sourcesOf(dataset, flow.sources),
    context,
    dated: !dataset.timeless,
    undirected: dataset.undirected === true,
  };
}
