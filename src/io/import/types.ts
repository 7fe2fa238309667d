// The contract of the importer: what goes in (bytes + options) and what comes out (a dataset, or what is missing).
import type { FlowColumns } from "../../domain/flowColumns";
import type { DataIssue, Dataset } from "../../domain/types";

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** Which header names (as written in the file, case-insensitive) hold which field of an edge list. */
export interface ColumnMapping {
  origin: string;
  destination: string;
  /** Without a volume column, each row counts as 1. */
  volume?: string;
  year?: string;
  originLat?: string;
  originLon?: string;
  destinationLat?: string;
  destinationLon?: string;
  /**
   * Headers of year (or year-month) columns of a wide table, read as the time axis: one flow per row and
   * year, the cell its volume. When set, `volume` and `year` are not used.
   */
  wideYears?: string[];
}

/** The one-column fields of a ColumnMapping. */
export type ColumnField = Exclude<keyof ColumnMapping, "wideYears">;

/** The DOMParser constructor to read XML with (the browser's by default; @xmldom/xmldom in Node). */
export type DomParserConstructor = new () => { parseFromString(text: string, type: string): Document };

export interface ImportOptions {
  /** Needed when the edge-list headers were not recognised (result.needs.kind === "column-mapping"). */
  columnMapping?: ColumnMapping;
  /** Reporter country (name or ISO code) for a Comtrade table without a reporter column. */
  reporter?: string;
  domParser?: DomParserConstructor;
  /** Year given to flows when the files have none; defaults to the current year. */
  defaultYear?: number;
  /** Dataset id and name; derived from the file names when absent. */
  id?: string;
  name?: string;
  /** Called with 0..1 while large files are read. */
  onProgress?: (fraction: number) => void;
  /**
   * Reroute CSV only: give the flows as typed columns (`result.columns`, `dataset.flows` left empty), for
   * the import worker, which transfers them to the page instead of cloning a million objects.
   */
  flowColumns?: boolean;
}

export interface ImportSummary {
  places: number;
  flows: number;
  years: number[];
  /** Encoding(s) the bytes were read as, e.g. "UTF-8", "Windows-1252". */
  encoding: string;
  delimiter?: string;
  /** Repairs made on the way, in words: "3 duplicate rows summed", "converted from Windows-1252". */
  fixed: string[];
  selfLoops: number;
  /** Names of aggregate partners ("World", "EU-27") whose rows were left out of the graph. */
  aggregates: string[];
  /** Place references that no place list declares; their rows were left out. */
  unknownRefs: string[];
  rejectedRows: number;
  validRows: number;
  /** Places without coordinates in the file that were put at their country's centroid. */
  placedByCountry: number;
  withoutCoordinates: number;
  /** Each node table's join in words: "nodes.csv: 288 of 291 ids matched (column Code); 3 unmatched: …". */
  joins?: string[];
  /** A wide table's year columns in words: "5 year columns: 2010–2014 → years". */
  timeAxis?: string;
  /** Numeric columns kept as attributes, not summed as volumes ("Average", "Rank"). */
  attributes?: string[];
}

export type ImportNeeds =
  | {
      kind: "column-mapping";
      headers: string[];
      guess: Partial<ColumnMapping>;
      /** Node tables that will be joined to the flows by the ids of the origin and destination columns. */
      nodeFiles?: string[];
    }
  | { kind: "reporter"; candidates: string[] };

export interface ImportResult {
  status: "ok" | "needs-input" | "failed";
  /** Human name of the recognised format, e.g. "flowmap.blue pair", "GEXF 1.2". */
  format: string;
  dataset: Dataset | null;
  summary: ImportSummary;
  issues: DataIssue[];
  needs?: ImportNeeds;
  /** With the option flowColumns (Reroute CSV): the flows, by column; `dataset.flows` is then empty. */
  columns?: FlowColumns;
}

export function emptySummary(): ImportSummary {
  return {
    places: 0,
    flows: 0,
    years: [],
    encoding: "",
    fixed: [],
    selfLoops: 0,
    aggregates: [],
    unknownRefs: [],
    rejectedRows: 0,
    validRows: 0,
    placedByCountry: 0,
    withoutCoordinates: 0,
  };
}

/** What opening a Reroute bundle reads as: its dataset, counted like any import, with the bundle's warnings. */
export function bundleImportResult(bundle: { version: number; dataset: Dataset }, warnings: DataIssue[]): ImportResult {
  const { dataset } = bundle;
  return {
    status: "ok",
    format: `Reroute bundle (version ${bundle.version})`,
    dataset,
    summary: {
      ...emptySummary(),
      places: dataset.places.length,
      flows: dataset.flows.length,
      years: dataset.years,
      encoding: "UTF-8",
      validRows: dataset.flows.length,
      withoutCoordinates: dataset.places.filter((p) => p.lat === null || p.lon === null).length,
    },
    issues: warnings,
  };
}
