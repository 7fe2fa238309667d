// The data model of Reroute: places, flows and the provenance around them.
// Pure types and constants: no DOM, no sigma. Every other layer builds on these.
import type { Fact } from "./facts";

export const PLACE_KINDS = ["origin", "exit", "transit", "market"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const BASES = ["reported", "derived", "modelled"] as const;
/** reported: a published figure; derived: arithmetic on figures of the same measure; modelled: an estimate from assumptions. */
export type Basis = (typeof BASES)[number];

export const RELIABILITIES = ["H", "M", "L"] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/** A node of the trade graph. `country` is ISO 3166-1 alpha-2, or "ZZ" for aggregates ("Other destinations"). */
export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string;
  /** null when the file gives no coordinates (imported data); the layouts then place it. */
  lat: number | null;
  lon: number | null;
  /** Lane id (e.g. "central-asia"), "" for places shared by every lane (origins, most exits). */
  lane: string;
  nativeName: string;
  note: string;
  /** True for a place that stands for several (Other provinces, Other destinations), whatever its country. */
  aggregate?: boolean;
}

/** One hop of one year: an edge of the graph. Its volume is in the dataset's unit (vehicles for the shipped data). */
export interface Flow {
  /** Stable key: `${from}>${to}@${year}/${mode}`. */
  id: string;
  from: string;
  to: string;
  year: number;
  volume: number;
  /** US dollars where known, else null. */
  usd: number | null;
  /** Transport mode: road, rail, sea, mixed, unknown. */
  mode: string;
  basis: Basis;
  /** FACTS.md row ids the numbers rest on, e.g. ["U7", "X2"]. */
  facts: string[];
  /** sources.csv ids. */
  sources: string[];
  /** For modelled/derived rows: the formula in words and numbers. */
  formula: string;
  note: string;
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
  reliability: Reliability | "";
}

/**
 * A figure on another measure or period (all-vehicle throughput, new-car exports, mirror statistics).
 * Context, never summed into the graph. Tied to a place (`place`) or a hop (`from`,`to`).
 */
export interface ContextFigure {
  id: string;
  place: string;
  from: string;
  to: string;
  year: number;
  reporter: string;
  period: string;
  measure: string;
  value: number;
  unit: string;
  facts: string[];
  sources: string[];
  note: string;
  /**
   * Whether the figure bounds modelled used-car volumes, as the file states it: "upper", "lower" or
   * "none". Absent: inferred from the measure (reconcile.BOUND_RULES).
   */
  bound?: "upper" | "lower" | "none";
  /** For a figure derived from others (e.g. from a growth rate): the arithmetic in words and numbers. */
  formula?: string;
}

export interface PolicyEvent {
  id: string;
  /** ISO date (YYYY-MM or YYYY-MM-DD). */
  date: string;
  year: number;
  title: string;
  summary: string;
  facts: string[];
  sources: string[];
}

/** A declared share or figure that modelled flows are computed from (assumptions.csv). */
export interface Assumption {
  id: string;
  label: string;
  value: number;
  /** "share" (0..1) or "vehicles". */
  unit: string;
  min: number;
  max: number;
  reason: string;
  facts: string[];
}

/** Id of the dataset shipped with Reroute (data/zero-mileage): views, titles and captions that are about it test this. */
export const SHIPPED_DATASET_ID = "zero-mileage";

export interface Dataset {
  id: string;
  name: string;
  places: Place[];
  flows: Flow[];
  sources: Source[];
  context: ContextFigure[];
  events: PolicyEvent[];
  assumptions: Assumption[];
  /** The facts the flows, figures and events cite (facts.csv), when the dataset ships them. */
  facts?: Fact[];
  /** Sorted distinct years that have flows. */
  years: number[];
  /** Content hash (hex) of the files the dataset was built from: links made on other data can say so. */
  hash: string;
  /**
   * What one unit of a flow's volume (its `vehicles` field) counts, as shown after a number: "vehicles"
   * (the shipped data; also when absent), "US$" for a trade value, or a word taken from the file ("units").
   */
  unit?: string;
  /**
   * The files give no time: every flow carries one placeholder year (`years` has that one year) that is
   * never shown — no Year control, no year in titles, captions or file names.
   */
  timeless?: boolean;
  /** Edges have no direction (an undirected graph): `from`/`to` is only the order the file lists them. */
  undirected?: boolean;
  /** The file gives no weights: each flow's volume counts its edges (1 for a simple graph). */
  unweighted?: boolean;
}

/** A problem found while reading a file; line and column are 1-based (0 when not applicable). */
export interface DataIssue {
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  message: string;
}

export function flowId(from: string, to: string, year: number, mode: string): string {
  return `${from}>${to}@${year}/${mode}`;
}

/** A place that stands for several: flagged in places.csv, or country ZZ. */
export function isAggregatePlace(place: Pick<Place, "country" | "aggregate">): boolean {
  return place.aggregate === true || place.country === "ZZ";
}
