// A node table beside an edge file: one row per place (an id, and a name, coordinates — lat/lon, latitude/
// longitude, geographic x/y — or a country, and other attributes), as R, pandas, Excel and Gephi's "Nodes"
// export write them. It is joined to the edge file by the column whose values the edges use.
import type { DatasetBuilder, PlaceInput } from "../builder";
import { readDelimited } from "../delimited";
import { parseCoordinate } from "../numbers";
import { cleanLabel } from "../text";
import { guessColumnMapping, headerKey } from "./edgeList";

const ID = ["id", "code", "key", "node", "nodeid", "geoid", "fips", "iso", "iso2", "iso3", "abbr", "abbreviation"];
const NAME = ["name", "label", "title", "placename", "nodename", "fullname", "countryname", "statename", "cityname"];
const LAT = ["lat", "latitude"];
const LON = ["lon", "lng", "long", "longitude"];
const COUNTRY = ["country", "countrycode", "iso", "iso2", "iso3", "isoa2", "isoa3", "iso3166", "cc"];
const KIND = ["kind", "type"];
/** How many other columns are carried into a place's note ("Region: South; Population: 4200000"). */
const MAX_ATTRIBUTES = 6;

export interface NodeTable {
  file: string;
  header: string[];
  rows: { fields: string[]; line: number }[];
  delimiter: string;
}

export interface NodeJoin {
  /** The node-table column whose values the edges use. */
  idColumn: string;
  /** Edge refs found in the table. */
  matched: number;
  /** Distinct refs the edge file uses. */
  total: number;
  /** Edge refs the table does not list (first ones). */
  unmatched: string[];
  unmatchedCount: number;
  /** Node rows no edge uses (left out of the graph). */
  unused: number;
  /** Ids the table lists more than once (the first row is used). */
  duplicates: string[];
}

const find = (keys: readonly string[], names: readonly string[]): number => {
  for (const name of names) {
    const index = keys.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
};

/** Whether a table's header is a node table's: no origin and destination, and a name, coordinates or a country. */
export function isNodeTable(header: readonly string[]): boolean {
  if (header.length < 2) return false;
  const guess = guessColumnMapping(header);
  if (guess.origin !== undefined && guess.destination !== undefined) return false;
  const keys = header.map(headerKey);
  const has = (names: readonly string[]) => find(keys, names) >= 0;
  return has(NAME) || (has(LAT) && has(LON)) || (keys.includes("x") && keys.includes("y")) || has(COUNTRY);
}

export function readNodeTable(
  text: string,
  file: string,
  delimiter: string,
): NodeTable & { issues: ReturnType<typeof readDelimited>["issues"] } {
  const table = readDelimited(text, { file, delimiter });
  return { file, header: table.header, rows: table.data, delimiter, issues: table.issues };
}

/** A join key: trimmed, lower case, and digits without their leading zeros (Excel drops them: "01" is "1"). */
function joinKey(value: string): string {
  const text = value.trim().toLowerCase();
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, "") : text;
}

/** The column that lists the most of `refs` (ties: an id-like header, then the leftmost), and the join it gives. */
export function joinNodeTable(table: NodeTable, refs: readonly string[]): NodeJoin & { byRef: Map<string, number> } {
  const keys = table.header.map(headerKey);
  const wanted = new Map<string, string[]>();
  for (const ref of refs) {
    const key = joinKey(ref);
    const list = wanted.get(key);
    if (list) list.push(ref);
    else wanted.set(key, [ref]);
  }
  let best = -1;
  let bestScore = -1;
  table.header.forEach((_, column) => {
    if (LAT.includes(keys[column] ?? "") || LON.includes(keys[column] ?? "")) return;
    const seen = new Set<string>();
    for (const row of table.rows) {
      const key = joinKey(row.fields[column] ?? "");
      if (wanted.has(key)) seen.add(key);
    }
    const score = seen.size * 4 + (ID.includes(keys[column] ?? "") ? 2 : 0) + (column === 0 ? 1 : 0);
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  });
  const byRef = new Map<string, number>();
  const firstRow = new Map<string, number>();
  const duplicates: string[] = [];
  let unused = 0;
  table.rows.forEach((row, index) => {
    const value = (row.fields[best] ?? "").trim();
    const key = joinKey(value);
    if (firstRow.has(key)) {
      if (value !== "" && !duplicates.includes(value)) duplicates.push(value);
      return;
    }
    firstRow.set(key, index);
    const matches = wanted.get(key);
    if (!matches) unused++;
    else for (const ref of matches) byRef.set(ref, index);
  });
  const unmatched = refs.filter((ref) => !byRef.has(ref));
  return {
    idColumn: table.header[best] ?? "",
    matched: byRef.size,
    total: refs.length,
    unmatched: unmatched.slice(0, 10),
    unmatchedCount: unmatched.length,
    unused,
    duplicates,
    byRef,
  };
}

/** Whether every x/y pair of the table fits the globe (then x is longitude, y latitude). */
function geographicXY(table: NodeTable, x: number, y: number): boolean {
  let any = false;
  for (const row of table.rows) {
    const xs = (row.fields[x] ?? "").trim();
    const ys = (row.fields[y] ?? "").trim();
    if (xs === "" && ys === "") continue;
    const lon = parseCoordinate(xs, 180, table.delimiter === ";");
    const lat = parseCoordinate(ys, 90, table.delimiter === ";");
    if (lon === null || lat === null) return false;
    any = true;
  }
  return any;
}

/** Gives the builder what the table says about each joined place; ids are never read as country codes. */
export function applyNodeTable(table: NodeTable, join: NodeJoin & { byRef: Map<string, number> }, builder: DatasetBuilder): void {
  const keys = table.header.map(headerKey);
  const idColumn = table.header.indexOf(join.idColumn);
  const name = find(
    keys,
    NAME.filter((n) => keys.indexOf(n) !== idColumn),
  );
  let lat = find(keys, LAT);
  let lon = find(keys, LON);
  if ((lat < 0 || lon < 0) && keys.includes("x") && keys.includes("y")) {
    const x = keys.indexOf("x");
    const y = keys.indexOf("y");
    if (geographicXY(table, x, y)) {
      lat = y;
      lon = x;
      builder.fixed.push(`${table.file}: x/y read as longitude/latitude (every pair fits the globe)`);
    } else builder.fixed.push(`${table.file}: x/y are layout positions, not longitude/latitude: ignored`);
  }
  const country = find(
    keys,
    COUNTRY.filter((n) => keys.indexOf(n) !== idColumn),
  );
  const kind = find(keys, KIND);
  const used = new Set([idColumn, name, lat, lon, country, kind, keys.indexOf("x"), keys.indexOf("y")]);
  const attributes = table.header.map((_, i) => i).filter((i) => !used.has(i) && (table.header[i] ?? "").trim() !== "");
  const decimalComma = table.delimiter === ";";
  let badCoordinates = 0;
  for (const [ref, index] of join.byRef) {
    const row = table.rows[index];
    if (!row) continue;
    const cell = (column: number): string => (column < 0 ? "" : (row.fields[column] ?? "").trim());
    const input: PlaceInput = {};
    if (name >= 0 && cell(name) !== "") input.name = cell(name);
    if (lat >= 0 && lon >= 0 && (cell(lat) !== "" || cell(lon) !== "")) {
      input.lat = parseCoordinate(cell(lat), 90, decimalComma);
      input.lon = parseCoordinate(cell(lon), 180, decimalComma);
      if (input.lat === null || input.lon === null) {
        badCoordinates++;
        if (badCoordinates <= 5)
          builder.warn(
            table.file,
            row.line,
            (input.lat === null ? lat : lon) + 1,
            `${table.file} line ${row.line}: "${input.lat === null ? cell(lat) : cell(lon)}" is not a valid coordinate; the place is kept without coordinates`,
          );
      }
    }
    if (country >= 0 && cell(country) !== "") input.country = cell(country);
    if (kind >= 0 && cell(kind) !== "") input.kind = cell(kind).toLowerCase();
    const note = attributes
      .filter((column) => cell(column) !== "")
      .slice(0, MAX_ATTRIBUTES)
      .map((column) => `${cleanLabel(table.header[column] ?? "")}: ${cleanLabel(cell(column))}`)
      .join("; ");
    if (note !== "") input.note = note;
    builder.describePlace(ref, input);
  }
}

/** The join in words: "nodes.csv: 288 of 291 ids matched (column Code); 3 unmatched: 98, 99, 100". */
export function describeJoin(file: string, join: NodeJoin): string {
  let text = `${file}: ${join.matched} of ${join.total} ids matched (column ${join.idColumn})`;
  if (join.unmatchedCount > 0)
    text += `; ${join.unmatchedCount} unmatched: ${join.unmatched.join(", ")}${join.unmatchedCount > join.unmatched.length ? ", …" : ""}`;
  if (join.unused > 0) text += `; ${join.unused} node row${join.unused === 1 ? "" : "s"} without flows left out`;
  return text;
}
