// The one reader of Reroute's own CSV format (shipped data and user imports): checks every file,
// reports each problem with file, line and column, and builds a Dataset only when nothing is wrong.
import { parseCsvTable, type CsvRow, type CsvTable } from "./csvTable";
import { MAX_VOLUME } from "./volumeRange";
import { contentHash } from "./contentHash";
import { LANE_IDS } from "./lanes";
import {
  BASES,
  PLACE_KINDS,
  RELIABILITIES,
  flowId,
  type Assumption,
  type Basis,
  type ContextFigure,
  type DataIssue,
  type Dataset,
  type Flow,
  type Place,
  type PlaceKind,
  type PolicyEvent,
  type Reliability,
  type Source,
} from "./types";

export interface DatasetFiles {
  places: string;
  flows: string;
  sources?: string;
  context?: string;
  events?: string;
  assumptions?: string;
}

export interface ParseDatasetResult {
  dataset: Dataset | null;
  issues: DataIssue[];
}

interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

export const DATASET_COLUMNS = {
  places: { required: ["id", "name", "kind", "country", "lat", "lon"], optional: ["lane", "native_name", "note", "aggregate"] },
  flows: {
    required: ["from", "to", "year", "vehicles", "basis"],
    optional: ["usd", "mode", "facts", "sources", "formula", "note"],
  },
  sources: { required: ["id", "publisher", "title"], optional: ["date", "url", "reliability"] },
  context: {
    required: ["id", "year", "measure", "value", "unit"],
    optional: ["place", "from", "to", "reporter", "period", "facts", "sources", "note", "bound", "formula"],
  },
  events: { required: ["id", "date", "title"], optional: ["summary", "facts", "sources"] },
  assumptions: { required: ["id", "label", "value", "unit", "min", "max"], optional: ["reason", "facts"] },
} as const satisfies Record<string, ColumnSpec>;

/** Modes a flow usually has; others are accepted with a warning (a typo is likelier than a new mode). */
export const KNOWN_MODES = ["road", "rail", "sea", "air", "mixed", "unknown"] as const;

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

type NumberResult = { ok: true; value: number } | { ok: false; problem: string };

/** Plain decimal numbers only ("12345", "12345.6", "-3", "1.5e5"); separators get a message saying what to write. */
export function parsePlainNumber(raw: string): NumberResult {
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw)) {
    const value = Number(raw);
    if (Number.isFinite(value)) return { ok: true, value };
    return { ok: false, problem: `"${raw}" is too large to be a number` };
  }
  const compact = raw.replace(/[\s,'\u00a0\u202f]/g, "");
  if (/^[+-]?\d{1,3}([,'\s\u00a0\u202f]\d{3})+(\.\d+)?$/.test(raw)) {
    return { ok: false, problem: `"${raw}" uses a thousands separator; write the number without it (${compact})` };
  }
  if (/^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(raw)) {
    return { ok: false, problem: `"${raw}" uses dots as thousands separators; write the number without them (${raw.replace(/\./g, "")})` };
  }
  if (/^[+-]?\d+,\d+$/.test(raw)) {
    return { ok: false, problem: `"${raw}" uses a decimal comma; write a dot instead (${raw.replace(",", ".")})` };
  }
  return { ok: false, problem: `"${raw}" is not a number; expected a plain number such as 12345 or 12345.6` };
}

/** Splits a ";"-separated list cell ("U7; X2") into trimmed, non-empty items. */
export function splitList(raw: string): string[] {
  return raw
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Where a value was read, for messages that list every occurrence. */
interface Occurrence {
  line: number;
  column: number;
  columnName: string;
}

/** One file's table plus the helpers that turn its cells into typed values or issues. */
class TableReader {
  readonly table: CsvTable;
  readonly ok: boolean;

  constructor(
    readonly file: string,
    text: string,
    spec: ColumnSpec,
    private readonly issues: DataIssue[],
  ) {
    this.table = parseCsvTable(text, file);
    issues.push(...this.table.issues);
    const header = this.table.header;
    let ok = header.length > 0;
    if (header.length > 0) {
      const known = [...spec.required, ...spec.optional];
      for (const name of spec.required) {
        if (!header.includes(name)) {
          ok = false;
          this.fileIssue(
            "error",
            `missing column "${name}"; the header must name the columns ${spec.required.join(", ")} (optional: ${spec.optional.join(", ")})`,
          );
        }
      }
      header.forEach((name, index) => {
        if (name !== "" && !known.includes(name)) {
          issues.push({
            severity: "warning",
            file,
            line: this.table.headerLine,
            column: index + 1,
            message: `${file} line ${this.table.headerLine}, column ${index + 1}: column "${name}" is not part of the format and is ignored (known columns: ${known.join(", ")})`,
          });
        }
      });
    }
    this.ok = ok;
  }

  get rows(): CsvRow[] {
    return this.table.rows;
  }

  has(name: string): boolean {
    return this.table.header.includes(name);
  }

  /** 1-based column index of a header name, 0 when the file has no such column. */
  column(name: string): number {
    return this.table.header.indexOf(name) + 1;
  }

  fileIssue(severity: DataIssue["severity"], message: string): void {
    this.issues.push({ severity, file: this.file, line: 0, column: 0, message: `${this.file}: ${message}` });
  }

  at(row: CsvRow, name: string): Occurrence {
    return { line: row.line, column: this.column(name), columnName: name };
  }

  issueAt(severity: DataIssue["severity"], where: Occurrence, message: string): void {
    const place = where.column > 0 ? `line ${where.line}, column ${where.column} ("${where.columnName}")` : `line ${where.line}`;
    this.issues.push({ severity, file: this.file, line: where.line, column: where.column, message: `${this.file} ${place}: ${message}` });
  }

  error(row: CsvRow, name: string, message: string): void {
    this.issueAt("error", this.at(row, name), message);
  }

  warn(row: CsvRow, name: string, message: string): void {
    this.issueAt("warning", this.at(row, name), message);
  }

  text(row: CsvRow, name: string): string {
    return row.cells[name] ?? "";
  }

  /** A cell that must not be empty; returns null (after reporting) when it is. */
  required(row: CsvRow, name: string, what: string): string | null {
    const value = this.text(row, name);
    if (value === "") {
      this.error(row, name, `${what} is empty`);
      return null;
    }
    return value;
  }

  number(row: CsvRow, name: string, what: string, check: { min?: number; max?: number; integer?: boolean } = {}): number | null {
    const raw = this.required(row, name, what);
    if (raw === null) return null;
    return this.checkNumber(row, name, raw, check);
  }

  optionalNumber(row: CsvRow, name: string, check: { min?: number; max?: number } = {}): number | null | undefined {
    const raw = this.text(row, name);
    if (raw === "") return null;
    const value = this.checkNumber(row, name, raw, check);
    return value === null ? undefined : value;
  }

  private checkNumber(row: CsvRow, name: string, raw: string, check: { min?: number; max?: number; integer?: boolean }): number | null {
    const parsed = parsePlainNumber(raw);
    if (!parsed.ok) {
      this.error(row, name, parsed.problem);
      return null;
    }
    const { value } = parsed;
    if (check.integer && !Number.isInteger(value)) {
      this.error(row, name, `"${raw}" is not a whole number`);
      return null;
    }
    if (check.min !== undefined && value < check.min) {
      this.error(row, name, `${raw} is below the smallest allowed value, ${check.min}`);
      return null;
    }
    if (check.max !== undefined && value > check.max) {
      this.error(row, name, `${raw} is above the largest allowed value, ${check.max}`);
      return null;
    }
    return value === 0 ? 0 : value; // "-0" is 0
  }

  year(row: CsvRow, name: string): number | null {
    const raw = this.required(row, name, "the year");
    if (raw === null) return null;
    if (!/^\d{4}$/.test(raw)) {
      this.error(row, name, `"${raw}" is not a year; expected four digits between ${YEAR_MIN} and ${YEAR_MAX}, e.g. 2024`);
      return null;
    }
    const value = Number(raw);
    if (value < YEAR_MIN || value > YEAR_MAX) {
      this.error(row, name, `${raw} is outside the years this app handles (${YEAR_MIN}–${YEAR_MAX})`);
      return null;
    }
    return value;
  }

  oneOf<T extends string>(row: CsvRow, name: string, what: string, allowed: readonly T[]): T | null {
    const raw = this.text(row, name);
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const hint = (allowed as readonly string[]).find((option) => option.toLowerCase() === raw.toLowerCase());
    const shown = allowed.map((option) => (option === "" ? '"" (empty)' : option)).join(", ");
    this.error(
      row,
      name,
      `${raw === "" ? "empty" : `"${raw}"`} is not a ${what}; expected one of ${shown}${hint !== undefined ? ` (did you mean "${hint}"?)` : ""}`,
    );
    return null;
  }

  /** Reports a second row with the same id, naming the first one's line. */
  uniqueId(row: CsvRow, name: string, seen: Map<string, number>, what: string): string | null {
    const id = this.required(row, name, `the ${what} id`);
    if (id === null) return null;
    const first = seen.get(id);
    if (first !== undefined) {
      this.error(row, name, `${what} id "${id}" is used twice (first on line ${first}); ids must be unique`);
      return null;
    }
    seen.set(id, row.line);
    return id;
  }
}

/** Collects references to ids, to report each unknown id once with every line it appears on. */
class References {
  private readonly byId = new Map<string, { reader: TableReader; where: Occurrence[] }>();

  add(reader: TableReader, id: string, where: Occurrence): void {
    const key = `${reader.file}\u0000${id}`;
    const entry = this.byId.get(key) ?? { reader, where: [] };
    entry.where.push(where);
    this.byId.set(key, entry);
  }

  report(known: ReadonlySet<string>, severity: DataIssue["severity"], describe: (id: string) => string): void {
    const knownLower = new Map([...known].map((id) => [id.toLowerCase(), id]));
    for (const [key, { reader, where }] of this.byId) {
      const id = key.slice(key.indexOf("\u0000") + 1);
      if (known.has(id)) continue;
      const [first, ...rest] = where;
      if (first === undefined) continue;
      const also = rest.length > 0 ? ` (also on line${rest.length > 1 ? "s" : ""} ${rest.map((w) => w.line).join(", ")})` : "";
      const near = knownLower.get(id.toLowerCase());
      const hint = near !== undefined ? `; did you mean "${near}"?` : "";
      reader.issueAt(severity, first, `${describe(id)}${also}${hint}`);
    }
  }
}

const FILE_ORDER = ["places.csv", "flows.csv", "sources.csv", "context.csv", "events.csv", "assumptions.csv"];

const FORBIDDEN_ID = /[\s>@/;]/;

function readPlaces(reader: TableReader): Place[] {
  const places: Place[] = [];
  const seen = new Map<string, number>();
  for (const row of reader.rows) {
    const id = reader.uniqueId(row, "id", seen, "place");
    if (id !== null && FORBIDDEN_ID.test(id)) {
      reader.error(row, "id", `place id "${id}" may not contain spaces or the characters > @ / ;`);
    }
    const name = reader.required(row, "name", "the place name");
    const kind = reader.oneOf<PlaceKind>(row, "kind", "place kind", PLACE_KINDS);
    const country = reader.text(row, "country");
    const countryOk = /^[A-Z]{2}$/.test(country);
    if (!countryOk) {
      const upper = country.toUpperCase();
      reader.error(
        row,
        "country",
        `${country === "" ? "empty" : `"${country}"`} is not a country code; expected two capital letters (ISO 3166-1 alpha-2, or ZZ for aggregates)${/^[A-Z]{2}$/.test(upper) ? ` — did you mean "${upper}"?` : ""}`,
      );
    }
    const latRaw = reader.text(row, "lat");
    const lonRaw = reader.text(row, "lon");
    let lat: number | null | undefined = null;
    let lon: number | null | undefined = null;
    if (latRaw === "" && lonRaw !== "") {
      reader.error(row, "lat", "lat is empty but lon is given; give both coordinates or neither");
      lat = undefined;
    } else if (lonRaw === "" && latRaw !== "") {
      reader.error(row, "lon", "lon is empty but lat is given; give both coordinates or neither");
      lon = undefined;
    } else {
      lat = reader.optionalNumber(row, "lat", { min: -90, max: 90 });
      lon = reader.optionalNumber(row, "lon", { min: -180, max: 180 });
    }
    const lane = reader.text(row, "lane");
    if (lane !== "" && !LANE_IDS.has(lane)) {
      reader.warn(
        row,
        "lane",
        `"${lane}" is not a known lane (${[...LANE_IDS].join(", ")}); the place is kept but its lane has no label or colour`,
      );
    }
    if (id === null || name === null || kind === null || !countryOk || lat === undefined || lon === undefined) continue;
    const aggregate = reader.text(row, "aggregate").toLowerCase();
    if (aggregate !== "" && aggregate !== "yes" && aggregate !== "no")
      reader.warn(row, "aggregate", `"${aggregate}" is not yes or no; the place is taken as a single place`);
    places.push({ id, name, kind, country, lat, lon, lane, nativeName: reader.text(row, "native_name"), note: reader.text(row, "note") });
    if (aggregate === "yes") places[places.length - 1]!.aggregate = true;
  }
  return places;
}

function readFlows(reader: TableReader, placeRefs: References, sourceRefs: References): Flow[] {
  const flows: Flow[] = [];
  const seen = new Map<string, number>();
  for (const row of reader.rows) {
    const from = reader.required(row, "from", "the origin place id");
    const to = reader.required(row, "to", "the destination place id");
    if (from !== null) placeRefs.add(reader, from, reader.at(row, "from"));
    if (to !== null) placeRefs.add(reader, to, reader.at(row, "to"));
    if (from !== null && from === to) reader.error(row, "to", `the flow goes from "${from}" to itself; from and to must differ`);
    const year = reader.year(row, "year");
    const vehicles = reader.number(row, "vehicles", "the number of vehicles", { min: 0, max: MAX_VOLUME });
    const usd = reader.optionalNumber(row, "usd", { min: 0, max: MAX_VOLUME });
    const mode = reader.text(row, "mode") || "unknown";
    if (!(KNOWN_MODES as readonly string[]).includes(mode)) {
      reader.warn(row, "mode", `"${mode}" is not a usual transport mode (${KNOWN_MODES.join(", ")}); kept as written`);
    }
    const basis = reader.oneOf<Basis>(row, "basis", "basis", BASES);
    const formula = reader.text(row, "formula");
    if (basis === "modelled" && formula === "") {
      reader.error(
        row,
        reader.has("formula") ? "formula" : "basis",
        'a modelled flow needs a formula saying how it was estimated (e.g. "436000 × assumed share 0.35")',
      );
    } else if (basis === "derived" && formula === "") {
      reader.warn(
        row,
        reader.has("formula") ? "formula" : "basis",
        "a derived flow should give the arithmetic it was derived by in the formula column",
      );
    }
    const sources = splitList(reader.text(row, "sources"));
    for (const source of sources) sourceRefs.add(reader, source, reader.at(row, "sources"));

    if (from === null || to === null || from === to || year === null || vehicles === null || usd === undefined || basis === null) continue;
    const id = flowId(from, to, year, mode);
    const first = seen.get(id);
    if (first !== undefined) {
      reader.issueAt(
        "error",
        { line: row.line, column: 0, columnName: "" },
        `duplicate flow ${from} → ${to} in ${year} by ${mode} (first on line ${first}); give each hop, year and mode once`,
      );
      continue;
    }
    seen.set(id, row.line);
    flows.push({
      id,
      from,
      to,
      year,
      vehicles,
      usd,
      mode,
      basis,
      facts: splitList(reader.text(row, "facts")),
      sources,
      formula,
      note: reader.text(row, "note"),
    });
  }
  return flows;
}

function readSources(reader: TableReader): Source[] {
  const sources: Source[] = [];
  const seen = new Map<string, number>();
  const reliabilities = [...RELIABILITIES, ""] as const;
  for (const row of reader.rows) {
    const id = reader.uniqueId(row, "id", seen, "source");
    const publisher = reader.required(row, "publisher", "the publisher");
    const title = reader.required(row, "title", "the title");
    const reliability = reader.oneOf<Reliability | "">(row, "reliability", "reliability", reliabilities);
    const url = reader.text(row, "url");
    // Links are rendered in the app: only web addresses, never javascript: or data: URLs.
    const urlOk = url === "" || /^https?:\/\/\S+$/i.test(url);
    if (!urlOk) reader.error(row, "url", `"${url}" is not a web address; expected one starting with http:// or https://`);
    if (id === null || publisher === null || title === null || reliability === null || !urlOk) continue;
    sources.push({ id, publisher, title, date: reader.text(row, "date"), url, reliability });
  }
  return sources;
}

function readContext(reader: TableReader, placeRefs: References, sourceRefs: References): ContextFigure[] {
  const figures: ContextFigure[] = [];
  if (!reader.has("place") && !(reader.has("from") && reader.has("to"))) {
    reader.fileIssue("error", 'missing column "place" (or both "from" and "to"); each figure must be tied to a place or a hop');
    return figures;
  }
  const seen = new Map<string, number>();
  for (const row of reader.rows) {
    const id = reader.uniqueId(row, "id", seen, "context figure");
    const place = reader.text(row, "place");
    const from = reader.text(row, "from");
    const to = reader.text(row, "to");
    let tieOk = true;
    if (place !== "" && (from !== "" || to !== "")) {
      reader.error(row, "place", "give either a place or a hop (from and to), not both");
      tieOk = false;
    } else if (place === "" && (from === "" || to === "")) {
      const column = reader.has("place") && from === "" && to === "" ? "place" : from === "" ? "from" : "to";
      reader.error(row, column, "the figure is tied to nothing; give a place, or both from and to");
      tieOk = false;
    }
    if (place !== "") placeRefs.add(reader, place, reader.at(row, "place"));
    if (from !== "") placeRefs.add(reader, from, reader.at(row, "from"));
    if (to !== "") placeRefs.add(reader, to, reader.at(row, "to"));
    const year = reader.year(row, "year");
    const measure = reader.required(row, "measure", "the measure");
    const value = reader.number(row, "value", "the value");
    const unit = reader.required(row, "unit", "the unit");
    const sources = splitList(reader.text(row, "sources"));
    for (const source of sources) sourceRefs.add(reader, source, reader.at(row, "sources"));
    const bound = reader.text(row, "bound").toLowerCase();
    if (bound !== "" && bound !== "upper" && bound !== "lower" && bound !== "none") {
      reader.error(row, "bound", `"${bound}" is not a bound; expected upper, lower, none or empty (inferred from the measure)`);
      continue;
    }
    if (id === null || !tieOk || year === null || measure === null || value === null || unit === null) continue;
    const formula = reader.text(row, "formula");
    figures.push({
      ...(bound === "" ? {} : { bound: bound as "upper" | "lower" | "none" }),
      ...(formula === "" ? {} : { formula }),
      id,
      place,
      from,
      to,
      year,
      reporter: reader.text(row, "reporter"),
      period: reader.text(row, "period"),
      measure,
      value,
      unit,
      facts: splitList(reader.text(row, "facts")),
      sources,
      note: reader.text(row, "note"),
    });
  }
  return figures;
}

function readEvents(reader: TableReader, sourceRefs: References): PolicyEvent[] {
  const events: PolicyEvent[] = [];
  const seen = new Map<string, number>();
  for (const row of reader.rows) {
    const id = reader.uniqueId(row, "id", seen, "event");
    const date = reader.required(row, "date", "the date");
    let year: number | null = null;
    if (date !== null) {
      const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
      const month = match ? Number(match[2]) : 0;
      const day = match?.[3] === undefined ? 1 : Number(match[3]);
      if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
        reader.error(row, "date", `"${date}" is not a date; expected YYYY-MM or YYYY-MM-DD, e.g. 2025-11-14`);
      } else if (Number(match[1]) < YEAR_MIN || Number(match[1]) > YEAR_MAX) {
        reader.error(row, "date", `${date} is outside the years this app handles (${YEAR_MIN}–${YEAR_MAX})`);
      } else {
        year = Number(match[1]);
      }
    }
    const title = reader.required(row, "title", "the title");
    const sources = splitList(reader.text(row, "sources"));
    for (const source of sources) sourceRefs.add(reader, source, reader.at(row, "sources"));
    if (id === null || date === null || year === null || title === null) continue;
    events.push({ id, date, year, title, summary: reader.text(row, "summary"), facts: splitList(reader.text(row, "facts")), sources });
  }
  return events;
}

function readAssumptions(reader: TableReader): Assumption[] {
  const assumptions: Assumption[] = [];
  const seen = new Map<string, number>();
  for (const row of reader.rows) {
    const id = reader.uniqueId(row, "id", seen, "assumption");
    const label = reader.required(row, "label", "the label");
    const unit = reader.required(row, "unit", "the unit");
    const bounds = unit === "share" ? { min: 0, max: 1 } : {};
    const value = reader.number(row, "value", "the value", bounds);
    const min = reader.number(row, "min", "the minimum", bounds);
    const max = reader.number(row, "max", "the maximum", bounds);
    if (unit !== null && unit !== "share" && unit !== "vehicles") {
      reader.warn(row, "unit", `"${unit}" is neither "share" nor "vehicles"; kept as written`);
    }
    let rangeOk = true;
    if (value !== null && min !== null && max !== null && !(min <= value && value <= max)) {
      reader.error(row, "value", `${value} is not between min ${min} and max ${max}`);
      rangeOk = false;
    }
    if (id === null || label === null || unit === null || value === null || min === null || max === null || !rangeOk) continue;
    assumptions.push({ id, label, value, unit, min, max, reason: reader.text(row, "reason"), facts: splitList(reader.text(row, "facts")) });
  }
  return assumptions;
}

/** Parses and validates a dataset in Reroute's CSV format; `dataset` is null when any error was found. */
export function parseDataset(files: DatasetFiles, meta: { id: string; name: string }): ParseDatasetResult {
  const issues: DataIssue[] = [];
  const placeRefs = new References();
  const sourceRefs = new References();

  const placesReader = new TableReader("places.csv", files.places, DATASET_COLUMNS.places, issues);
  const places = placesReader.ok ? readPlaces(placesReader) : [];

  const flowsReader = new TableReader("flows.csv", files.flows, DATASET_COLUMNS.flows, issues);
  const flows = flowsReader.ok ? readFlows(flowsReader, placeRefs, sourceRefs) : [];

  let sources: Source[] = [];
  let sourcesRead = false;
  if (files.sources !== undefined) {
    const reader = new TableReader("sources.csv", files.sources, DATASET_COLUMNS.sources, issues);
    if (reader.ok) {
      sources = readSources(reader);
      sourcesRead = true;
    }
  }
  let context: ContextFigure[] = [];
  if (files.context !== undefined) {
    const reader = new TableReader("context.csv", files.context, DATASET_COLUMNS.context, issues);
    if (reader.ok) context = readContext(reader, placeRefs, sourceRefs);
  }
  let events: PolicyEvent[] = [];
  if (files.events !== undefined) {
    const reader = new TableReader("events.csv", files.events, DATASET_COLUMNS.events, issues);
    if (reader.ok) events = readEvents(reader, sourceRefs);
  }
  let assumptions: Assumption[] = [];
  if (files.assumptions !== undefined) {
    const reader = new TableReader("assumptions.csv", files.assumptions, DATASET_COLUMNS.assumptions, issues);
    if (reader.ok) assumptions = readAssumptions(reader);
  }

  // Place references are only checkable when places.csv itself could be read.
  if (placesReader.ok) {
    const known = new Set(places.map((place) => place.id));
    // Ids of rows that had other errors are still "known", so one bad place row doesn't cascade.
    for (const row of placesReader.rows) {
      const id = placesReader.text(row, "id");
      if (id !== "") known.add(id);
    }
    placeRefs.report(known, "error", (id) => `unknown place id "${id}"; places.csv has no place with this id`);
  }
  // Without sources.csv there is nothing to check source ids against, so they are taken as given.
  if (sourcesRead) {
    sourceRefs.report(
      new Set(sources.map((source) => source.id)),
      "warning",
      (id) => `unknown source id "${id}"; sources.csv has no source with this id`,
    );
  }

  // Files in reading order, then by position, so a long list reads top to bottom.
  issues.sort((a, b) => FILE_ORDER.indexOf(a.file) - FILE_ORDER.indexOf(b.file) || a.line - b.line || a.column - b.column);

  const hash = contentHash([
    files.places,
    files.flows,
    files.sources ?? "",
    files.context ?? "",
    files.events ?? "",
    files.assumptions ?? "",
  ]);
  if (issues.some((issue) => issue.severity === "error")) return { dataset: null, issues };

  const years = [...new Set(flows.map((flow) => flow.year))].sort((a, b) => a - b);
  return {
    dataset: { id: meta.id, name: meta.name, places, flows, sources, context, events, assumptions, years, hash },
    issues,
  };
}
