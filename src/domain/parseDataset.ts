// The one reader of Reroute's own CSV format (shipped data and user imports): checks every file,
// reports each problem with file, line and column, and builds a Dataset only when nothing is wrong.
import { streamCsvTable, type CsvFieldsRow } from "./csvTable";
import { FlowColumnsBuilder, materialiseFlows, type FlowColumns } from "./flowColumns";
import { PlainFlowRows } from "./plainFlowRows";
import { StringIndex } from "./stringIndex";
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
  /** With the option flows: "columns", the flows (and `dataset.flows` is empty). */
  columns?: FlowColumns;
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

type CsvRow = CsvFieldsRow;

/** A column resolved once from the header: 0-based index (-1 when absent), 1-based number, name. */
interface Col {
  index: number;
  column: number;
  name: string;
}

/**
 * One file's table plus the helpers that turn its cells into typed values or issues. Cells are read by
 * column index, without a copy per cell; with `stream`, rows go to its handler as they are read (nothing
 * kept per row), else they are kept in `rows`.
 */
class TableReader {
  header: string[] = [];
  headerLine = 0;
  ok = false;
  readonly rows: CsvRow[] = [];
  private readonly cols = new Map<string, Col>();

  constructor(
    readonly file: string,
    text: string,
    spec: ColumnSpec,
    private readonly issues: DataIssue[],
    stream?: (reader: TableReader) => (row: CsvRow) => void,
    csvReader: "auto" | "papaparse" = "auto",
  ) {
    let onRow: ((row: CsvRow) => void) | null = null;
    streamCsvTable(
      text,
      file,
      issues,
      (head) => {
        this.header = head.header;
        this.headerLine = head.headerLine;
        this.ok = this.checkHeader(spec);
        if (this.ok && stream) onRow = stream(this);
        return true;
      },
      (row) => {
        if (!this.ok) return;
        if (onRow) onRow(row);
        else this.rows.push(row.copy());
      },
      csvReader,
    );
  }

  private checkHeader(spec: ColumnSpec): boolean {
    const { header, file, issues } = this;
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
            line: this.headerLine,
            column: index + 1,
            message: `${file} line ${this.headerLine}, column ${index + 1}: column "${name}" is not part of the format and is ignored (known columns: ${known.join(", ")})`,
          });
        }
      });
    }
    return ok;
  }

  has(name: string): boolean {
    return this.header.includes(name);
  }

  /** A header name resolved to its column once (the first column of that name). */
  col(name: string | Col): Col {
    if (typeof name !== "string") return name;
    let col = this.cols.get(name);
    if (!col) {
      const index = this.header.indexOf(name);
      col = { index, column: index + 1, name };
      this.cols.set(name, col);
    }
    return col;
  }

  /** 1-based column index of a header name, 0 when the file has no such column. */
  column(name: string): number {
    return this.col(name).column;
  }

  fileIssue(severity: DataIssue["severity"], message: string): void {
    this.issues.push({ severity, file: this.file, line: 0, column: 0, message: `${this.file}: ${message}` });
  }

  at(row: CsvRow, name: string | Col): Occurrence {
    const col = this.col(name);
    return { line: row.line, column: col.column, columnName: col.name };
  }

  issueAt(severity: DataIssue["severity"], where: Occurrence, message: string): void {
    const place = where.column > 0 ? `line ${where.line}, column ${where.column} ("${where.columnName}")` : `line ${where.line}`;
    this.issues.push({ severity, file: this.file, line: where.line, column: where.column, message: `${this.file} ${place}: ${message}` });
  }

  error(row: CsvRow, name: string | Col, message: string): void {
    this.issueAt("error", this.at(row, name), message);
  }

  warn(row: CsvRow, name: string | Col, message: string): void {
    this.issueAt("warning", this.at(row, name), message);
  }

  text(row: CsvRow, name: string | Col): string {
    return row.text(this.col(name).index);
  }

  /** A cell that must not be empty; returns null (after reporting) when it is. */
  required(row: CsvRow, name: string | Col, what: string): string | null {
    const value = this.text(row, name);
    if (value === "") {
      this.error(row, name, `${what} is empty`);
      return null;
    }
    return value;
  }

  number(row: CsvRow, name: string | Col, what: string, check: { min?: number; max?: number; integer?: boolean } = {}): number | null {
    const raw = this.required(row, name, what);
    if (raw === null) return null;
    return this.checkNumber(row, name, raw, check);
  }

  optionalNumber(row: CsvRow, name: string | Col, check: { min?: number; max?: number } = {}): number | null | undefined {
    const raw = this.text(row, name);
    if (raw === "") return null;
    const value = this.checkNumber(row, name, raw, check);
    return value === null ? undefined : value;
  }

  private checkNumber(
    row: CsvRow,
    name: string | Col,
    raw: string,
    check: { min?: number; max?: number; integer?: boolean },
  ): number | null {
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

  year(row: CsvRow, name: string | Col): number | null {
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

  oneOf<T extends string>(row: CsvRow, name: string | Col, what: string, allowed: readonly T[]): T | null {
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

/**
 * Checks references to ids against the known ones as they are read, and remembers only the unknown ones,
 * to report each once with every line it appears on. With no known set (the file that defines the ids
 * could not be read) nothing is checked.
 */
class References {
  private readonly unknown = new Map<string, { reader: TableReader; where: Occurrence[] }>();

  constructor(private readonly known: ReadonlySet<string> | null) {}

  /** Whether an id needs no report: known, or nothing to check against. */
  knows(id: string): boolean {
    return this.known === null || this.known.has(id);
  }

  add(reader: TableReader, id: string, row: CsvRow, column: string | Col): void {
    if (this.known === null || this.known.has(id)) return;
    const key = `${reader.file}\u0000${id}`;
    let entry = this.unknown.get(key);
    if (!entry) {
      entry = { reader, where: [] };
      this.unknown.set(key, entry);
    }
    entry.where.push(reader.at(row, column));
  }

  report(severity: DataIssue["severity"], describe: (id: string) => string): void {
    if (this.known === null || this.unknown.size === 0) return;
    const knownLower = new Map([...this.known].map((id) => [id.toLowerCase(), id]));
    for (const [key, { reader, where }] of this.unknown) {
      const id = key.slice(key.indexOf("\u0000") + 1);
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

/** Whole numbers written as plain digits ("12345"), the common case, read without a regular expression. */
function plainDigits(raw: string): boolean {
  if (raw.length === 0 || raw.length > 15) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads flows.csv as papaparse streams it: columns resolved once, each row checked and appended to typed
 * columns (no object per flow), references checked against the known ids as read (only unknown ones are
 * remembered). Duplicates are found after the read by sorting one number per flow (place indexes, year and
 * mode), so no key string or map entry is made per flow. Null when the header is unusable.
 */
function readFlows(
  text: string,
  issues: DataIssue[],
  places: readonly Place[],
  placeRefs: References,
  sourceRefs: References,
  fullCheck: boolean,
): FlowColumns | null {
  const placeIndex = new Map<string, number>();
  places.forEach((place, i) => placeIndex.set(place.id, i));
  const placeIds = new StringIndex();
  for (const place of places) placeIds.add(place.id);
  // Room for one flow per line after the header, so that the columns never grow (nor are copied to fit).
  let breaks = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks++;
  const builder = new FlowColumnsBuilder(breaks + (text.endsWith("\n") ? 0 : 1) - 1);
  const nPlaces = Math.max(1, places.length);
  const numericKeys = nPlaces * nPlaces * 256 * 1024 < Number.MAX_SAFE_INTEGER;
  // Per flow pushed: its duplicate key and where its row starts (for "first on line N").
  const keys: number[] = [];
  const starts: number[] = [];
  // Rows whose places are unknown (an error anyway), or keys past a double's integer range: by id text.
  const seenById = new Map<string, number>();
  // Per distinct sources cell: whether it names an id sources.csv lacks (checked once per cell text).
  const listUnknown: boolean[] = [];
  const lines: { of: ((offset: number) => number) | null } = { of: null };
  const csvReader = fullCheck ? "papaparse" : "auto";
  const reader = new TableReader(
    "flows.csv",
    text,
    DATASET_COLUMNS.flows,
    issues,
    (reader) => {
      const FROM = reader.col("from"),
        TO = reader.col("to"),
        YEAR = reader.col("year"),
        VEHICLES = reader.col("vehicles"),
        USD = reader.col("usd"),
        MODE = reader.col("mode"),
        BASIS = reader.col("basis"),
        FORMULA = reader.col("formula"),
        SOURCES = reader.col("sources"),
        FACTS = reader.col("facts"),
        NOTE = reader.col("note");
      const formulaColumn = reader.has("formula") ? FORMULA : BASIS;
      const knownModes = KNOWN_MODES as readonly string[];
      const volumeRange = { min: 0, max: MAX_VOLUME };
      // Most rows are read from the text with no string per cell; the rest get the full check below.
      const plain =
        !fullCheck && numericKeys && placeIds.size === places.length
          ? new PlainFlowRows(
              builder,
              placeIds,
              nPlaces,
              {
                from: FROM.index,
                to: TO.index,
                year: YEAR.index,
                vehicles: VEHICLES.index,
                usd: USD.index,
                mode: MODE.index,
                basis: BASIS.index,
                formula: FORMULA.index,
                sources: SOURCES.index,
                facts: FACTS.index,
                note: NOTE.index,
              },
              knownModes,
              listUnknown,
            )
          : null;
      return (row) => {
        lines.of ??= (offset) => row.lineAt(offset);
        if (plain !== null && plain.read(row, keys, starts)) return;
        const from = reader.required(row, FROM, "the origin place id");
        const to = reader.required(row, TO, "the destination place id");
        const fromIndex = from === null ? undefined : placeIndex.get(from);
        const toIndex = to === null ? undefined : placeIndex.get(to);
        if (from !== null && fromIndex === undefined) placeRefs.add(reader, from, row, FROM);
        if (to !== null && toIndex === undefined) placeRefs.add(reader, to, row, TO);
        if (from !== null && from === to) reader.error(row, TO, `the flow goes from "${from}" to itself; from and to must differ`);
        const yearRaw = reader.text(row, YEAR);
        const yearFast = yearRaw.length === 4 && plainDigits(yearRaw) ? Number(yearRaw) : NaN;
        const year = yearFast >= YEAR_MIN && yearFast <= YEAR_MAX ? yearFast : reader.year(row, YEAR);
        // Up to 15 plain digits (plainDigits) is below MAX_VOLUME (1e15): read at once; the rest checked in full.
        const vehiclesRaw = reader.text(row, VEHICLES);
        const vehicles = plainDigits(vehiclesRaw)
          ? Number(vehiclesRaw)
          : reader.number(row, VEHICLES, "the number of vehicles", volumeRange);
        const usdRaw = reader.text(row, USD);
        const usd = usdRaw === "" ? null : plainDigits(usdRaw) ? Number(usdRaw) : reader.optionalNumber(row, USD, volumeRange);
        const mode = reader.text(row, MODE) || "unknown";
        if (!knownModes.includes(mode)) {
          reader.warn(row, MODE, `"${mode}" is not a usual transport mode (${KNOWN_MODES.join(", ")}); kept as written`);
        }
        const basis = reader.oneOf<Basis>(row, BASIS, "basis", BASES);
        const formula = reader.text(row, FORMULA);
        if (basis === "modelled" && formula === "") {
          reader.error(
            row,
            formulaColumn,
            'a modelled flow needs a formula saying how it was estimated (e.g. "436000 × assumed share 0.35")',
          );
        } else if (basis === "derived" && formula === "") {
          reader.warn(row, formulaColumn, "a derived flow should give the arithmetic it was derived by in the formula column");
        }
        const sourcesCode = builder.listCode(reader.text(row, SOURCES), splitList);
        let unknownSource = listUnknown[sourcesCode];
        if (unknownSource === undefined) {
          unknownSource = builder.list(sourcesCode).some((source) => !sourceRefs.knows(source));
          listUnknown[sourcesCode] = unknownSource;
        }
        if (unknownSource) for (const source of builder.list(sourcesCode)) sourceRefs.add(reader, source, row, SOURCES);

        if (from === null || to === null || from === to || year === null || vehicles === null || usd === undefined || basis === null)
          return;
        const modeCode = builder.modeCode(mode);
        if (fromIndex === undefined || toIndex === undefined || !numericKeys || modeCode >= 1024) {
          const id = flowId(from, to, year, mode);
          const first = seenById.get(id);
          if (first === undefined) seenById.set(id, row.start);
          else
            reader.issueAt(
              "error",
              { line: row.line, column: 0, columnName: "" },
              `duplicate flow ${from} → ${to} in ${year} by ${mode} (first on line ${row.lineAt(first)}); give each hop, year and mode once`,
            );
          // Rows naming unknown places are reported (placeRefs) and leave no flow.
          if (fromIndex === undefined || toIndex === undefined) return;
        }
        keys.push(((fromIndex * nPlaces + toIndex) * 256 + (year - YEAR_MIN)) * 1024 + modeCode);
        starts.push(row.start);
        builder.push(
          fromIndex,
          toIndex,
          year,
          vehicles,
          usd,
          modeCode,
          basis,
          builder.listCode(reader.text(row, FACTS), splitList),
          sourcesCode,
          builder.textCode(formula),
          builder.textCode(reader.text(row, NOTE)),
        );
      };
    },
    csvReader,
  );
  if (!reader.ok) return null;
  const columns = builder.build();
  if (numericKeys && lines.of !== null) reportDuplicates(columns, places, keys, starts, lines.of, reader);
  return columns;
}

/** Duplicate flows (same hop, year and mode) found with a hash table of their keys; each later row is an error. */
function reportDuplicates(
  columns: FlowColumns,
  places: readonly Place[],
  keys: number[],
  starts: number[],
  lineOf: (offset: number) => number,
  reader: TableReader,
): void {
  let size = 64;
  while (size < 2 * keys.length) size *= 2;
  const mask = size - 1;
  /** Per slot: 1 + the first row with its key, 0 when empty (open addressing, linear probing). */
  const firstRow = new Int32Array(size);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Keys are whole numbers below 2^53: their low 32 bits mixed with the rest.
    let h = Math.imul((key >>> 0) ^ Math.imul((key / 0x100000000) | 0, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const row = firstRow[slot]!;
      if (row === 0) {
        firstRow[slot] = i + 1;
        break;
      }
      if (keys[row - 1] !== key) continue;
      const from = places[columns.from[i]!]!.id,
        to = places[columns.to[i]!]!.id;
      const mode = columns.modes[columns.mode[i]!]!;
      reader.issueAt(
        "error",
        { line: lineOf(starts[i]!), column: 0, columnName: "" },
        `duplicate flow ${from} → ${to} in ${columns.year[i]} by ${mode} (first on line ${lineOf(starts[row - 1]!)}); give each hop, year and mode once`,
      );
      break;
    }
  }
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
    if (place !== "") placeRefs.add(reader, place, row, "place");
    if (from !== "") placeRefs.add(reader, from, row, "from");
    if (to !== "") placeRefs.add(reader, to, row, "to");
    const year = reader.year(row, "year");
    const measure = reader.required(row, "measure", "the measure");
    const value = reader.number(row, "value", "the value");
    const unit = reader.required(row, "unit", "the unit");
    const sources = splitList(reader.text(row, "sources"));
    for (const source of sources) sourceRefs.add(reader, source, row, "sources");
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
    for (const source of sources) sourceRefs.add(reader, source, row, "sources");
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

export interface ParseDatasetOptions {
  /**
   * "columns": give the flows as typed columns (`columns`) and leave `dataset.flows` empty, for the import
   * worker, which transfers the columns to the page; default "objects": `dataset.flows` as Flow objects.
   */
  flows?: "objects" | "columns";
  /**
   * Read every file through papaparse and every flow row through the full check, as this parser did before
   * it read plain rows straight from the text: the reference the faster reading is tested against.
   */
  fullCheck?: boolean;
}

/** Parses and validates a dataset in Reroute's CSV format; `dataset` is null when any error was found. */
export function parseDataset(
  files: DatasetFiles,
  meta: { id: string; name: string },
  options: ParseDatasetOptions = {},
): ParseDatasetResult {
  const issues: DataIssue[] = [];

  const fullCheck = options.fullCheck === true;
  const csvReader = fullCheck ? "papaparse" : "auto";
  const placesReader = new TableReader("places.csv", files.places, DATASET_COLUMNS.places, issues, undefined, csvReader);
  const places = placesReader.ok ? readPlaces(placesReader) : [];
  // Place references are only checkable when places.csv itself could be read.
  let knownPlaces: Set<string> | null = null;
  if (placesReader.ok) {
    knownPlaces = new Set(places.map((place) => place.id));
    // Ids of rows that had other errors are still "known", so one bad place row doesn't cascade.
    for (const row of placesReader.rows) {
      const id = placesReader.text(row, "id");
      if (id !== "") knownPlaces.add(id);
    }
  }
  const placeRefs = new References(knownPlaces);

  // Sources before flows, so each flow's source ids are checked as it is read.
  let sources: Source[] = [];
  let sourcesRead = false;
  if (files.sources !== undefined) {
    const reader = new TableReader("sources.csv", files.sources, DATASET_COLUMNS.sources, issues, undefined, csvReader);
    if (reader.ok) {
      sources = readSources(reader);
      sourcesRead = true;
    }
  }
  // Without sources.csv there is nothing to check source ids against, so they are taken as given.
  const sourceRefs = new References(sourcesRead ? new Set(sources.map((source) => source.id)) : null);

  const columns = readFlows(files.flows, issues, places, placeRefs, sourceRefs, fullCheck);

  let context: ContextFigure[] = [];
  if (files.context !== undefined) {
    const reader = new TableReader("context.csv", files.context, DATASET_COLUMNS.context, issues, undefined, csvReader);
    if (reader.ok) context = readContext(reader, placeRefs, sourceRefs);
  }
  let events: PolicyEvent[] = [];
  if (files.events !== undefined) {
    const reader = new TableReader("events.csv", files.events, DATASET_COLUMNS.events, issues, undefined, csvReader);
    if (reader.ok) events = readEvents(reader, sourceRefs);
  }
  let assumptions: Assumption[] = [];
  if (files.assumptions !== undefined) {
    const reader = new TableReader("assumptions.csv", files.assumptions, DATASET_COLUMNS.assumptions, issues, undefined, csvReader);
    if (reader.ok) assumptions = readAssumptions(reader);
  }

  placeRefs.report("error", (id) => `unknown place id "${id}"; places.csv has no place with this id`);
  sourceRefs.report("warning", (id) => `unknown source id "${id}"; sources.csv has no source with this id`);

  // Files in reading order, then by position, so a long list reads top to bottom.
  const fileRank = (file: string) => FILE_ORDER.indexOf(file);
  issues.sort((a, b) => fileRank(a.file) - fileRank(b.file) || a.line - b.line || a.column - b.column);

  const hash = contentHash([
    files.places,
    files.flows,
    files.sources ?? "",
    files.context ?? "",
    files.events ?? "",
    files.assumptions ?? "",
  ]);
  if (columns === null || issues.some((issue) => issue.severity === "error")) return { dataset: null, issues };

  const yearSet = new Set<number>();
  for (let i = 0; i < columns.length; i++) yearSet.add(columns.year[i]!);
  const years = [...yearSet].sort((a, b) => a - b);
  const asColumns = options.flows === "columns";
  const flows: Flow[] = asColumns ? [] : materialiseFlows(columns, places);
  return {
    dataset: { id: meta.id, name: meta.name, places, flows, sources, context, events, assumptions, years, hash },
    issues,
    ...(asColumns ? { columns } : {}),
  };
}
