// The common flows.csv row, read straight from the file's text: a row whose places, year, numbers, mode,
// basis and texts are all plainly right and already known is appended to the columns with no string made
// for any of its cells. Anything else (a new text, an unknown id, a number that needs a closer look, any
// row that earns a message) is left to parseDataset's full check, which reads it as before: so the
// columns, the codes of their string tables and every message are the same as with the full check alone.
import { isTrimmedSpace } from "./csvScan";
import type { CsvFieldsRow } from "./csvTable";
import type { FlowColumnsBuilder } from "./flowColumns";
import type { StringIndex } from "./stringIndex";
import { BASES } from "./types";

/** 0-based columns of flows.csv (-1 when the file has none). */
export interface FlowRowColumns {
  from: number;
  to: number;
  year: number;
  vehicles: number;
  usd: number;
  mode: number;
  basis: number;
  formula: number;
  sources: number;
  facts: number;
  note: number;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
const DERIVED = BASES.indexOf("derived");
const MODELLED = BASES.indexOf("modelled");

export class PlainFlowRows {
  /** The trimmed range of the last cell() call. */
  private src = "";
  private a = 0;
  private b = 0;
  /** Per mode code: whether the mode is a usual one (undefined: not looked at yet). */
  private readonly modeKnown: (boolean | undefined)[] = [];

  constructor(
    private readonly builder: FlowColumnsBuilder,
    private readonly places: StringIndex,
    private readonly nPlaces: number,
    private readonly columns: FlowRowColumns,
    private readonly knownModes: readonly string[],
    /** Per sources list code: whether it names a source sources.csv lacks (undefined: not checked yet). */
    private readonly listUnknown: readonly (boolean | undefined)[],
  ) {}

  /** Points src/a/b at column `i` of the row, trimmed as String.prototype.trim would. */
  private cell(row: CsvFieldsRow, i: number): void {
    if (i < 0 || i >= row.count) {
      this.a = this.b = 0;
      return;
    }
    const src = row.src[i]!;
    let a = row.from[i]!,
      b = row.to[i]!;
    while (a < b && isTrimmedSpace(src.charCodeAt(a))) a++;
    while (b > a && isTrimmedSpace(src.charCodeAt(b - 1))) b--;
    this.src = src;
    this.a = a;
    this.b = b;
  }

  /** The cell as a whole number of 1 to 15 plain digits (below MAX_VOLUME), else -1. */
  private digits(): number {
    const { src, a, b } = this;
    if (b === a || b - a > 15) return -1;
    let value = 0;
    for (let i = a; i < b; i++) {
      const d = src.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  }

  /** The cell's index in BASES, written exactly, else -1. */
  private basis(): number {
    const { src, a, b } = this;
    for (let k = 0; k < BASES.length; k++) {
      const name = BASES[k]!;
      if (name.length !== b - a) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++) same = name.charCodeAt(i) === src.charCodeAt(a + i);
      if (same) return k;
    }
    return -1;
  }

  private knownMode(code: number): boolean {
    let known = this.modeKnown[code];
    if (known === undefined) this.modeKnown[code] = known = this.knownModes.includes(this.builder.modeName(code));
    return known;
  }

  /**
   * Appends the row (and its duplicate key and start) when it needs no message and every string in it is
   * known; false, having changed nothing, otherwise.
   */
  read(row: CsvFieldsRow, keys: number[], starts: number[]): boolean {
    const c = this.columns;
    const builder = this.builder;
    this.cell(row, c.from);
    if (this.a === this.b) return false;
    const from = this.places.getRange(this.src, this.a, this.b);
    this.cell(row, c.to);
    if (from < 0 || this.a === this.b) return false;
    const to = this.places.getRange(this.src, this.a, this.b);
    if (to < 0 || to === from) return false;
    this.cell(row, c.year);
    const year = this.b - this.a === 4 ? this.digits() : -1;
    if (year < YEAR_MIN || year > YEAR_MAX) return false;
    this.cell(row, c.vehicles);
    const vehicles = this.digits();
    if (vehicles < 0) return false;
    this.cell(row, c.usd);
    const usd = this.a === this.b ? NaN : this.digits();
    if (usd < 0) return false;
    this.cell(row, c.mode);
    const mode = this.a === this.b ? builder.findMode("unknown", 0, 7) : builder.findMode(this.src, this.a, this.b);
    if (mode < 0 || mode >= 1024 || !this.knownMode(mode)) return false;
    this.cell(row, c.basis);
    const basis = this.basis();
    if (basis < 0) return false;
    this.cell(row, c.formula);
    if (this.a === this.b && (basis === MODELLED || basis === DERIVED)) return false;
    const formula = builder.findText(this.src, this.a, this.b);
    if (formula < 0) return false;
    this.cell(row, c.sources);
    const sources = builder.findList(this.src, this.a, this.b);
    if (sources < 0 || this.listUnknown[sources] !== false) return false;
    this.cell(row, c.facts);
    const facts = builder.findList(this.src, this.a, this.b);
    if (facts < 0) return false;
    this.cell(row, c.note);
    const note = builder.findText(this.src, this.a, this.b);
    if (note < 0) return false;
    keys.push(((from * this.nPlaces + to) * 256 + (year - YEAR_MIN)) * 1024 + mode);
    starts.push(row.start);
    builder.pushCodes(from, to, year, vehicles, usd, mode, basis, facts, sources, formula, note);
    return true;
  }
}
