// A single table of flows: origin, destination, volume, optional year and coordinates.
// Headers are recognised by common names; otherwise the caller asks the user for a ColumnMapping.
import type { DatasetBuilder } from "../builder";
import { scanDelimited } from "../delimited";
import { dotsGroupThousands, parseCoordinate, parseVolume } from "../numbers";
import { yearOf } from "../text";
import type { ColumnField, ColumnMapping } from "../types";
import { isMissingCell, yearColumns, type YearColumn } from "../wideYears";

/** Header name as a comparison key: lower case, letters and digits only ("Origin_Lat" → "originlat"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const ORIGIN = [
  "origin",
  "source",
  "from",
  "exporter",
  "orig",
  "src",
  "o",
  "start",
  "sender",
  "originid",
  "sourceid",
  "fromid",
  "origincountry",
  "exportercountry",
  "fromcountry",
  "origine",
  "origen",
  "herkunft",
  "exportateur",
  "exportador",
];
const DESTINATION = [
  "destination",
  "dest",
  "target",
  "to",
  "importer",
  "dst",
  "d",
  "end",
  "receiver",
  "destid",
  "destinationid",
  "targetid",
  "toid",
  "destinationcountry",
  "destcountry",
  "importercountry",
  "tocountry",
  "destino",
  "ziel",
  "importateur",
  "importador",
];
const VOLUME = [
  "volume",
  "value",
  "count",
  "weight",
  "quantity",
  "qty",
  "flow",
  "flows",
  "amount",
  "vehicles",
  "trips",
  "total",
  "n",
  "units",
  "magnitude",
];
const YEAR = ["year", "time", "period", "date", "yr", "refyear"];
const ORIGIN_PREFIX = "(origin|source|from|orig|o|src|exporter|start)";
const DESTINATION_PREFIX = "(destination|dest|target|to|d|dst|importer|end)";
/** Volume headers with a qualifier: "trade_value_usd", "value (US$)", "export_value", "netweight_kg". */
const VOLUME_PATTERN =
  /^(trade|export|import|primary|net|total|flow)?(value|volume|quantity|qty|count|weight|amount)(usd|us|eur|kg|tonnes|t)?$/;
const LAT = "(lat|latitude)";
const LON = "(lon|lng|long|longitude)";

function coordinatePattern(prefix: string, axis: string): RegExp {
  return new RegExp(`^(${prefix}${axis}|${axis}${prefix})$`);
}

/** The mapping these headers suggest; only fields that were recognised are set. */
export function guessColumnMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const keys = headers.map(headerKey);
  const find = (names: readonly string[]): string | undefined => {
    for (const name of names) {
      const index = keys.indexOf(name);
      if (index >= 0) return headers[index];
    }
    return undefined;
  };
  const match = (pattern: RegExp): string | undefined => {
    const index = keys.findIndex((key) => pattern.test(key));
    return index >= 0 ? headers[index] : undefined;
  };
  const guess: Partial<ColumnMapping> = {};
  const set = (key: ColumnField, value: string | undefined): void => {
    if (value !== undefined) guess[key] = value;
  };
  set("origin", find(ORIGIN));
  set("destination", find(DESTINATION));
  set("volume", find(VOLUME) ?? match(VOLUME_PATTERN));
  set("year", find(YEAR));
  set("originLat", match(coordinatePattern(ORIGIN_PREFIX, LAT)));
  set("originLon", match(coordinatePattern(ORIGIN_PREFIX, LON)));
  set("destinationLat", match(coordinatePattern(DESTINATION_PREFIX, LAT)));
  set("destinationLon", match(coordinatePattern(DESTINATION_PREFIX, LON)));
  // A wide table: its year columns are the volumes; a "Total" beside them is their sum, not a volume.
  const years = yearColumns(headers);
  if (years.length > 0 && guess.year === undefined) {
    guess.wideYears = years.map((column) => column.header);
    delete guess.volume;
  }
  return guess;
}

export type ResolvedColumns = Record<ColumnField, number> & {
  /** The year columns of a wide table (empty for a long one). */
  wide: YearColumn[];
};

export type ResolvedMapping = { ok: true; columns: ResolvedColumns } | { ok: false; missing: string[] };

/** Column indices (0-based, -1 when unmapped) of a mapping; names match case- and punctuation-insensitively. */
export function resolveColumnMapping(headers: readonly string[], mapping: Partial<ColumnMapping>): ResolvedMapping {
  const keys = headers.map(headerKey);
  const index = (name: string | undefined): number => {
    if (name === undefined || name === "") return -1;
    const exact = headers.indexOf(name);
    return exact >= 0 ? exact : keys.indexOf(headerKey(name));
  };
  const wide: YearColumn[] = [];
  const missing: string[] = [];
  if (mapping.wideYears !== undefined && mapping.wideYears.length > 0) {
    const all = yearColumns(headers);
    for (const name of mapping.wideYears) {
      const at = index(name);
      const column = all.find((c) => c.index === at);
      if (column) wide.push(column);
      else missing.push(`year column "${name}"`);
    }
  }
  const columns: ResolvedColumns = {
    wide,
    origin: index(mapping.origin),
    destination: index(mapping.destination),
    volume: index(mapping.volume),
    year: index(mapping.year),
    originLat: index(mapping.originLat),
    originLon: index(mapping.originLon),
    destinationLat: index(mapping.destinationLat),
    destinationLon: index(mapping.destinationLon),
  };
  for (const [field, name] of Object.entries(mapping)) {
    if (field === "wideYears" || typeof name !== "string") continue;
    if (name !== "" && columns[field as ColumnField] < 0) missing.push(`${field} → "${name}"`);
  }
  if (columns.origin < 0 && mapping.origin === undefined) missing.push("origin");
  if (columns.destination < 0 && mapping.destination === undefined) missing.push("destination");
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

/** Streams the rows of an edge list into the builder. */
export function importEdgeList(
  text: string,
  file: string,
  delimiter: string,
  columns: ResolvedColumns,
  builder: DatasetBuilder,
  onProgress?: (fraction: number) => void,
): void {
  const decimalComma = delimiter === ";";
  if (columns.wide.length > 0) return importWide(text, file, delimiter, columns, builder, onProgress);
  if (columns.volume < 0) builder.fixed.push("no volume column: every row counts 1");
  const cell = (fields: string[], index: number): string => (index < 0 ? "" : (fields[index] ?? "").trim());
  // How the volume column writes numbers, from its first rows: "12.000" is 12000 where others read "1.500.000".
  const sample: string[] = [];
  if (decimalComma && columns.volume >= 0)
    scanDelimited(text, { file, delimiter, maxRows: 5000 }, (fields) => sample.push(cell(fields, columns.volume)));
  const dotsAreThousands = decimalComma && dotsGroupThousands(sample);
  scanDelimited(text, onProgress ? { file, delimiter, onProgress } : { file, delimiter }, (fields, line) => {
    const from = cell(fields, columns.origin);
    const to = cell(fields, columns.destination);
    if (from === "") return builder.reject(file, line, columns.origin + 1, "the origin is empty");
    if (to === "") return builder.reject(file, line, columns.destination + 1, "the destination is empty");
    let volume = 1;
    if (columns.volume >= 0) {
      const parsed = parseVolume(cell(fields, columns.volume), decimalComma, dotsAreThousands);
      if (!parsed.ok) return builder.reject(file, line, columns.volume + 1, parsed.problem);
      if (parsed.note) builder.note(parsed.note);
      volume = parsed.value;
    }
    let year: number | null = null;
    if (columns.year >= 0) {
      const raw = cell(fields, columns.year);
      year = yearOf(raw);
      if (year === null)
        return builder.reject(
          file,
          line,
          columns.year + 1,
          raw === "" ? "the year is empty" : `"${raw}" is not a year between 1900 and 2100`,
        );
    }
    const accepted = builder.flow({ from, to, year, volume, file, line, signature: fields.join("\u0001") });
    if (accepted) describeEnds(fields, from, to, columns, builder, decimalComma);
  });
}

/** A wide table read long: one flow per row and year column; empty and NA cells are no flow. */
function importWide(
  text: string,
  file: string,
  delimiter: string,
  columns: ResolvedColumns,
  builder: DatasetBuilder,
  onProgress?: (fraction: number) => void,
): void {
  const decimalComma = delimiter === ";";
  const cell = (fields: string[], index: number): string => (index < 0 ? "" : (fields[index] ?? "").trim());
  const sample: string[] = [];
  if (decimalComma)
    scanDelimited(text, { file, delimiter, maxRows: 2000 }, (fields) => {
      for (const column of columns.wide) sample.push(cell(fields, column.index));
    });
  const dotsAreThousands = decimalComma && dotsGroupThousands(sample);
  let missing = 0;
  scanDelimited(text, onProgress ? { file, delimiter, onProgress } : { file, delimiter }, (fields, line) => {
    const from = cell(fields, columns.origin);
    const to = cell(fields, columns.destination);
    if (from === "") return builder.reject(file, line, columns.origin + 1, "the origin is empty");
    if (to === "") return builder.reject(file, line, columns.destination + 1, "the destination is empty");
    // Months of one year add up to that year's volume.
    const byYear = new Map<number, number>();
    for (const column of columns.wide) {
      const raw = cell(fields, column.index);
      if (isMissingCell(raw)) {
        missing++;
        continue;
      }
      const parsed = parseVolume(raw, decimalComma, dotsAreThousands);
      if (!parsed.ok) {
        builder.warn(
          file,
          line,
          column.index + 1,
          `${file} line ${line}, column ${column.index + 1} (${column.header}): ${parsed.problem}; that year of the row left out`,
        );
        continue;
      }
      if (parsed.note) builder.note(parsed.note);
      byYear.set(column.year, (byYear.get(column.year) ?? 0) + parsed.value);
    }
    let first = true;
    for (const [year, volume] of byYear) {
      const accepted = builder.flow({ from, to, year, volume, file, line, signature: `${fields.join("\u0001")}\u0002${year}` });
      if (!accepted) return;
      if (first) describeEnds(fields, from, to, columns, builder, decimalComma);
      first = false;
    }
  });
  if (missing > 0) builder.fixed.push(`${missing} empty or NA year cell${missing === 1 ? "" : "s"} read as no flow that year (not as 0)`);
}

function describeEnds(
  fields: string[],
  from: string,
  to: string,
  columns: ResolvedColumns,
  builder: DatasetBuilder,
  decimalComma: boolean,
): void {
  const cell = (index: number): string => (index < 0 ? "" : (fields[index] ?? "").trim());
  if (columns.originLat >= 0 && columns.originLon >= 0) {
    const lat = parseCoordinate(cell(columns.originLat), 90, decimalComma);
    const lon = parseCoordinate(cell(columns.originLon), 180, decimalComma);
    if (lat !== null && lon !== null) builder.describePlace(from, { lat, lon });
  }
  if (columns.destinationLat >= 0 && columns.destinationLon >= 0) {
    const lat = parseCoordinate(cell(columns.destinationLat), 90, decimalComma);
    const lon = parseCoordinate(cell(columns.destinationLon), 180, decimalComma);
    if (lat !== null && lon !== null) builder.describePlace(to, { lat, lon });
  }
}
