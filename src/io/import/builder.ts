// Collects places and flows from any import format and turns them into a Dataset that satisfies
// types.ts: sanitised unique ids, inferred kinds, countries and centroids, summed repeats, and notes.
import { flowId, PLACE_KINDS, type DataIssue, type Dataset, type Flow, type Place, type PlaceKind } from "../../domain/types";
import { safePlaceId } from "../../domain/safeKeys";
import { checkedVolume, MAX_VOLUME } from "../../domain/volumeRange";
import { lookupCountry } from "../countries";
import { isAggregate } from "./aggregates";
import { cleanLabel, toPlaceId } from "./text";
import { emptySummary, type ImportSummary } from "./types";

export interface PlaceInput {
  name?: string;
  lat?: number | null;
  lon?: number | null;
  country?: string;
  kind?: string;
  lane?: string;
  nativeName?: string;
  note?: string;
}

export interface FlowInput {
  from: string;
  to: string;
  /** null: the file gives no year (the default year is used). */
  year: number | null;
  volume: number;
  usd?: number | null;
  mode?: string;
  file: string;
  line: number;
  /** The raw row, to tell exact duplicate rows from repeated pairs. */
  signature?: string;
  /** An edge without direction: A–B and B–A are the same pair. */
  undirected?: boolean;
}

interface PlaceEntry extends PlaceInput {
  ref: string;
  /** Whether the name came from the file rather than from the ref. */
  named?: boolean;
  outFlows: number;
  inFlows: number;
}

interface FlowEntry {
  from: string;
  to: string;
  year: number | null;
  mode: string;
  volume: number;
  usd: number | null;
  /** 32-bit hashes of the raw rows summed into this flow (a collision only mislabels a repeat as a duplicate). */
  signatures: number | Set<number> | undefined;
}

const nf = new Intl.NumberFormat("en-GB");

/** How far (km) from its country's centroid a place named like the country may lie and still be it (Moscow is ~3,400 km from Russia's). */
const NEAR_KM = 4500;

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** FNV-1a 32 over UTF-16 code units: a compact fingerprint of a row. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class DatasetBuilder {
  readonly issues: DataIssue[] = [];
  readonly fixed: string[] = [];
  private readonly places = new Map<string, PlaceEntry>();
  private declared = false;
  private readonly flows = new Map<string, FlowEntry>();
  private readonly aggregates = new Set<string>();
  private aggregateRows = 0;
  private readonly unknown = new Map<string, { file: string; line: number; count: number }>();
  private duplicateRows = 0;
  private repeatedPairs = 0;
  private rejected = 0;
  private valid = 0;
  private readonly notes = new Map<string, number>();
  /** What the volumes count ("vehicles", "US$", "units"); null until a format says. */
  private unit: string | null = null;
  private undirectedRows = 0;
  private rows = 0;
  private unweighted = false;
  /** Set when a node table describes the places: their ids are then never read as country codes. */
  private nodeTable = false;
  /** Headers of the origin and destination columns, to tell apart two places that share a name. */
  private sides: { origin: string; destination: string } | null = null;

  /** Says the volumes are edge counts (the file gives no weights). */
  setUnweighted(): void {
    this.unweighted = true;
    this.setUnit("edges");
  }

  /** Says a node table describes the places: ids stay ids (never country codes). */
  setNodeTable(): void {
    this.nodeTable = true;
  }

  /** Names the columns flows come from; with them, a name both sides use for different things stays two places. */
  setSides(origin: string, destination: string): void {
    this.sides = { origin, destination };
  }

  /** The place references flows use so far (origins and destinations), in order of appearance. */
  refs(): string[] {
    return [...this.places.keys()];
  }

  /** Says what the volumes of the flows read so far count; two files that disagree give "units". */
  setUnit(unit: string): void {
    this.unit = this.unit === null || this.unit === unit ? unit : "units";
  }

  /** Declares a place from a place list; from then on, flows may only reference declared places. */
  declarePlace(ref: string, input: PlaceInput): void {
    this.declared = true;
    const key = ref.trim();
    const name = cleanLabel(input.name ?? "") || cleanLabel(key);
    if (isAggregate(name)) {
      this.aggregates.add(name);
      return;
    }
    const existing = this.places.get(key);
    if (existing) Object.assign(existing, input, { name, named: true });
    else this.places.set(key, { ...input, name, named: true, ref: key, outFlows: 0, inFlows: 0 });
  }

  /** Counts a repair of some kind ("thousands" etc.) to be summarised once in `fixed`. */
  note(kind: string, count = 1): void {
    this.notes.set(kind, (this.notes.get(kind) ?? 0) + count);
  }

  /** A row left out because a value is unusable; `column` is 1-based (0 when not applicable). */
  reject(file: string, line: number, column: number, message: string): void {
    this.rejected++;
    const where = column > 0 ? `line ${line}, column ${column}` : `line ${line}`;
    this.issues.push({ severity: "warning", file, line, column, message: `${file} ${where}: ${message}; row left out` });
  }

  warn(file: string, line: number, column: number, message: string): void {
    this.issues.push({ severity: "warning", file, line, column, message });
  }

  error(file: string, line: number, column: number, message: string): void {
    this.issues.push({ severity: "error", file, line, column, message });
  }

  /** A row whose partner is an aggregate (World, EU-27): listed, not drawn. */
  aggregateRow(name: string): void {
    this.aggregates.add(cleanLabel(name));
    this.aggregateRows++;
  }

  /** Adds what a flow row says about a place (name, coordinates, country) without making a place list; first value wins. */
  describePlace(ref: string, input: PlaceInput): void {
    const place = this.touch(ref.trim());
    const target = place as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || value === null || value === "") continue;
      if (key === "name") {
        if (!place.named) {
          place.name = cleanLabel(String(value)) || place.name;
          place.named = true;
        }
      } else if (target[key] === undefined || target[key] === null) {
        target[key] = value;
      }
    }
  }

  /** Adds one flow row; false when it was left out (aggregate or unknown place). */
  flow(input: FlowInput): boolean {
    const from = input.from.trim();
    const to = input.to.trim();
    for (const ref of [from, to]) {
      if (!this.places.has(ref) && this.isAggregateRef(ref)) {
        this.aggregateRow(ref);
        return false;
      }
    }
    if (this.declared) {
      const missing = [from, to].filter((ref) => !this.places.has(ref));
      if (missing.length > 0) {
        for (const ref of missing) {
          const entry = this.unknown.get(ref);
          if (entry) entry.count++;
          else this.unknown.set(ref, { file: input.file, line: input.line, count: 1 });
        }
        return false;
      }
    }
    const mode = input.mode && input.mode.trim() !== "" ? cleanLabel(input.mode) : "unknown";
    this.rows++;
    if (input.undirected) this.undirectedRows++;
    // Without direction, B–A is the pair A–B read the other way: one flow, drawn as first listed.
    const [a, b] = input.undirected && to < from ? [to, from] : [from, to];
    const key = `${a}\u0000${b}\u0000${input.year ?? ""}\u0000${mode}`;
    const usd = input.usd ?? null;
    const signature = input.signature === undefined ? undefined : hash32(input.signature);
    const entry = this.flows.get(key);
    if (
      entry !== undefined &&
      (checkedVolume(entry.volume + input.volume) === null ||
        (usd !== null && entry.usd !== null && checkedVolume(entry.usd + usd) === null))
    ) {
      // Repeated rows summed past the range would make totals no scale can draw.
      this.reject(
        input.file,
        input.line,
        0,
        `added to the earlier rows of ${from} → ${to}, the volume exceeds the largest Reroute accepts (${MAX_VOLUME.toExponential()})`,
      );
      return false;
    }
    this.valid++;
    if (entry === undefined) {
      this.flows.set(key, { from, to, year: input.year, mode, volume: input.volume, usd, signatures: signature });
      this.touch(from).outFlows++;
      this.touch(to).inFlows++;
      return true;
    }
    entry.volume += input.volume;
    entry.usd = entry.usd === null ? usd : usd === null ? entry.usd : entry.usd + usd;
    if (signature === undefined) {
      this.repeatedPairs++;
      return true;
    }
    if (typeof entry.signatures === "number") entry.signatures = new Set([entry.signatures]);
    if (entry.signatures === undefined) entry.signatures = new Set();
    if (entry.signatures.has(signature)) this.duplicateRows++;
    else {
      this.repeatedPairs++;
      entry.signatures.add(signature);
    }
    return true;
  }

  private readonly aggregateRefs = new Map<string, boolean>();

  /** isAggregate, remembered per ref: big files repeat the same few hundred names. */
  private isAggregateRef(ref: string): boolean {
    let answer = this.aggregateRefs.get(ref);
    if (answer === undefined) {
      answer = isAggregate(ref);
      this.aggregateRefs.set(ref, answer);
    }
    return answer;
  }

  private touch(ref: string): PlaceEntry {
    let place = this.places.get(ref);
    if (!place) {
      place = { ref, name: cleanLabel(ref) || ref, outFlows: 0, inFlows: 0 };
      this.places.set(ref, place);
    }
    return place;
  }

  get flowCount(): number {
    return this.flows.size;
  }

  /** Builds the dataset; null (with an error) when no flow survived. */
  build(meta: { id: string; name: string; hash: string; defaultYear: number; yearGiven?: boolean }): {
    dataset: Dataset | null;
    summary: ImportSummary;
  } {
    const summary = emptySummary();
    const noteText: Record<string, (n: number) => string> = {
      thousands: (n) =>
        `${nf.format(n)} volume${n === 1 ? "" : "s"} with thousands separators read as whole numbers (e.g. "1,234" as 1234)`,
      "thousands-decimal-comma": (n) =>
        `${nf.format(n)} volume${n === 1 ? "" : "s"} with dots or spaces as thousands separators read as numbers (e.g. "1.234.567" as 1234567, "1.234,5" as 1234.5)`,
      "decimal-comma": (n) =>
        `${nf.format(n)} decimal comma${n === 1 ? "" : "s"} read as decimal point${n === 1 ? "" : "s"} (e.g. "1234,5" as 1234.5)`,
    };
    for (const [kind, count] of this.notes) this.fixed.push(noteText[kind]?.(count) ?? `${nf.format(count)} × ${kind}`);
    if (this.duplicateRows > 0)
      this.fixed.push(`${nf.format(this.duplicateRows)} duplicate row${this.duplicateRows === 1 ? "" : "s"} summed`);
    if (this.repeatedPairs > 0)
      this.fixed.push(
        `${nf.format(this.repeatedPairs)} repeated pair${this.repeatedPairs === 1 ? "" : "s"} (same origin, destination and year) summed`,
      );
    if (this.aggregateRows > 0) {
      this.fixed.push(
        `${nf.format(this.aggregateRows)} row${this.aggregateRows === 1 ? "" : "s"} with aggregates (${[...this.aggregates].slice(0, 5).join(", ")}) left out of the graph: they are totals, not places`,
      );
    }
    for (const [ref, { file, line, count }] of this.unknown) {
      this.warn(
        file,
        line,
        0,
        `${file} line ${line}: unknown place "${ref}" (not in the place list)${count > 1 ? `, in ${count} rows` : ""}; its rows were left out`,
      );
    }

    let yearless = 0;
    for (const flow of this.flows.values()) if (flow.year === null) yearless++;
    // No year means no year: the flows carry a placeholder that is never shown, unless the caller chose a year.
    const timeless = yearless > 0 && yearless === this.flows.size && meta.yearGiven !== true;
    if (timeless) this.fixed.push("no time column: the flows are not dated (no Year control)");
    else if (yearless > 0 && yearless === this.flows.size) this.fixed.push(`no year given: every flow dated ${meta.defaultYear}`);
    else if (yearless > 0)
      this.fixed.push(`${nf.format(yearless)} flow${yearless === 1 ? "" : "s"} without a year dated ${meta.defaultYear}`);

    const undirected = this.undirectedRows > 0 && this.undirectedRows === this.rows;
    if (undirected)
      this.fixed.push("undirected graph: its edges have no direction (no arrows; no origin or market colours from edge order)");
    else if (this.undirectedRows > 0)
      this.fixed.push(`${nf.format(this.undirectedRows)} undirected edge${this.undirectedRows === 1 ? "" : "s"} read as source → target`);
    const twoSided = undirected ? new Map<string, PlaceEntry>() : this.splitTwoSidedNames();

    // Ids: sanitised refs, never a reserved word of plain objects ("__proto__" → "id-__proto__"), made unique
    // in order of appearance. Names keep what the file wrote.
    const ids = new Map<string, string>();
    const destinationIds = new Map<string, string>();
    const used = new Set<string>();
    const places: Place[] = [];
    const addPlace = (entry: PlaceEntry, into: Map<string, string>) => {
      const base = safePlaceId(toPlaceId(entry.ref));
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      into.set(entry.ref, id);
      places.push(this.finishPlace(entry, id, summary, undirected));
    };
    for (const entry of this.places.values()) {
      addPlace(entry, ids);
      const other = twoSided.get(entry.ref);
      if (other) addPlace(other, destinationIds);
    }

    let selfLoops = 0;
    const flows: Flow[] = [];
    for (const entry of this.flows.values()) {
      const from = ids.get(entry.from) ?? safePlaceId(toPlaceId(entry.from));
      const to = destinationIds.get(entry.to) ?? ids.get(entry.to) ?? safePlaceId(toPlaceId(entry.to));
      if (from === to) selfLoops++;
      const year = entry.year ?? meta.defaultYear;
      flows.push({
        id: flowId(from, to, year, entry.mode),
        from,
        to,
        year,
        volume: entry.volume,
        usd: entry.usd,
        mode: entry.mode,
        basis: "reported",
        facts: [],
        sources: [],
        formula: "",
        note: "",
      });
    }
    if (selfLoops > 0)
      this.warn(
        "",
        0,
        0,
        `${nf.format(selfLoops)} self-loop${selfLoops === 1 ? "" : "s"} (a place trading with itself) kept; they are not drawn as hops`,
      );

    const years = [...new Set(flows.map((flow) => flow.year))].sort((a, b) => a - b);
    Object.assign(summary, {
      places: places.length,
      flows: flows.length,
      years,
      fixed: this.fixed,
      selfLoops,
      aggregates: [...this.aggregates],
      unknownRefs: [...this.unknown.keys()],
      rejectedRows: this.rejected,
      validRows: this.valid,
    });
    if (flows.length === 0) {
      this.error("", 0, 0, "no flow could be read from the files: nothing to draw");
      return { dataset: null, summary };
    }
    const dataset: Dataset = {
      id: meta.id,
      name: meta.name,
      places,
      flows,
      sources: [],
      context: [],
      events: [],
      assumptions: [],
      years,
      hash: meta.hash,
      unit: this.unit ?? "units",
      ...(timeless ? { timeless: true } : {}),
      ...(undirected ? { undirected: true } : {}),
      ...(this.unweighted ? { unweighted: true } : {}),
    };
    return { dataset, summary };
  }

  /**
   * In a table whose origins and destinations are different kinds of place (US states and countries), a name
   * both columns use ("Georgia") means two places. Found when the two sides otherwise share no name: at most
   * two names in common, each at most 5% of the smaller side of at least 10. Returns, by ref, the
   * destination-side twin; flows into the ref go to it. The origin side keeps the ref.
   */
  private splitTwoSidedNames(): Map<string, PlaceEntry> {
    const twins = new Map<string, PlaceEntry>();
    if (this.sides === null || this.declared || this.nodeTable) return twins;
    let origins = 0;
    let destinations = 0;
    const both: PlaceEntry[] = [];
    for (const place of this.places.values()) {
      if (place.outFlows > 0) origins++;
      if (place.inFlows > 0) destinations++;
      if (place.outFlows > 0 && place.inFlows > 0) both.push(place);
    }
    const smaller = Math.min(origins, destinations);
    if (both.length === 0 || both.length > 2 || smaller < 10 || both.length > Math.max(1, smaller * 0.05)) return twins;
    const { origin, destination } = this.sides;
    for (const place of both) {
      const name = place.name ?? place.ref;
      twins.set(place.ref, { ...place, name: `${name} (${destination})`, outFlows: 0, inFlows: place.inFlows });
      place.name = `${name} (${origin})`;
      place.inFlows = 0;
      this.fixed.push(
        `"${name}" is an origin (${origin}) and a destination (${destination}) in a table whose two sides share no other name: kept as two places`,
      );
    }
    return twins;
  }

  private finishPlace(entry: PlaceEntry, id: string, summary: ImportSummary, undirected = false): Place {
    const name = entry.name ?? entry.ref;
    const given =
      entry.country !== undefined && /^[A-Z]{2}$/.test(entry.country.trim().toUpperCase()) ? entry.country.trim().toUpperCase() : null;
    let lat = entry.lat ?? null;
    let lon = entry.lon ?? null;
    const located = lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon);
    // An id is read as a country code only to place a place the file does not locate: with coordinates,
    // "FRA" is as likely Frankfurt airport as France.
    // With a node table, ids are ids (a node "124" is not Canada) and a located place is not moved by its name.
    const byRef = this.nodeTable || (located && entry.named && name !== entry.ref) ? undefined : lookupCountry(entry.ref);
    // A located place is the country its name says only if it lies near it: the US state Georgia is not Georgia.
    const named = lookupCountry(name);
    const byName = named && located && kmBetween(lat ?? 0, lon ?? 0, named.lat, named.lon) > NEAR_KM ? undefined : named;
    const country = given !== null ? lookupCountry(given) : (lookupCountry(entry.country ?? "") ?? byName ?? byRef);
    if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      lat = null;
      lon = null;
      if (country) {
        lat = country.lat;
        lon = country.lon;
        summary.placedByCountry++;
      } else {
        summary.withoutCoordinates++;
      }
    }
    const kind: PlaceKind = (PLACE_KINDS as readonly string[]).includes(entry.kind ?? "")
      ? (entry.kind as PlaceKind)
      : undirected
        ? "transit"
        : entry.outFlows > 0 && entry.inFlows === 0
          ? "origin"
          : entry.inFlows > 0 && entry.outFlows === 0
            ? "market"
            : "transit";
    return {
      id,
      name,
      kind,
      country: given ?? country?.iso2 ?? "ZZ",
      lat,
      lon,
      lane: cleanLabel(entry.lane ?? ""),
      // A native name equal to the name would be shown twice ("Brazil Brazil").
      nativeName: cleanLabel(entry.nativeName ?? "") === name ? "" : cleanLabel(entry.nativeName ?? ""),
      note: cleanLabel(entry.note ?? ""),
    };
  }
}
