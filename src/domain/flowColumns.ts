// Flows held as columns: typed arrays (places by index, year, volumes, mode and basis codes, text-table
// indexes) plus tables of the distinct strings and lists. Built while a file is read (no object per flow),
// moved from the import worker to the page by transfer (no structured clone of a million objects), stored
// as is, and turned into Flow objects only where the app needs them (in slices, see materialiseFlows).
import { StringIndex } from "./stringIndex";
import { BASES, type Basis, type Flow, type Place } from "./types";

export interface FlowColumns {
  length: number;
  /** Index into the dataset's places. */
  from: Uint32Array;
  to: Uint32Array;
  year: Uint16Array;
  volume: Float64Array;
  /** NaN where the file gives no value. */
  usd: Float64Array;
  /** Index into `modes`. */
  mode: Uint16Array;
  /** Index into BASES. */
  basis: Uint8Array;
  /** Index into `lists` (the facts and sources cells, split). */
  facts: Uint32Array;
  sources: Uint32Array;
  /** Index into `texts`. */
  formula: Uint32Array;
  note: Uint32Array;
  modes: string[];
  lists: string[][];
  texts: string[];
}

/** The typed arrays of a FlowColumns, for a postMessage transfer list. */
export function columnBuffers(c: FlowColumns): ArrayBuffer[] {
  return [c.from, c.to, c.year, c.volume, c.usd, c.mode, c.basis, c.facts, c.sources, c.formula, c.note].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

type Growable = Uint32Array | Uint16Array | Uint8Array | Float64Array;

function grow<T extends Growable>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Appends flows one at a time; strings and lists are interned, so equal cells share one value. */
export class FlowColumnsBuilder {
  private n = 0;
  private capacity: number;
  private from: Uint32Array;
  private to: Uint32Array;
  private year: Uint16Array;
  private volume: Float64Array;
  private usd: Float64Array;
  private mode: Uint16Array;
  private basis: Uint8Array;
  private facts: Uint32Array;
  private sources: Uint32Array;
  private formula: Uint32Array;
  private note: Uint32Array;
  private readonly modes: string[] = [];
  private readonly modeIndex = new StringIndex();
  private readonly lists: string[][] = [];
  /** Keyed by the list cell's text. */
  private readonly listIndex = new StringIndex();
  private readonly texts: string[] = [];
  private readonly textIndex = new StringIndex();

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    const c = this.capacity;
    this.from = new Uint32Array(c);
    this.to = new Uint32Array(c);
    this.year = new Uint16Array(c);
    this.volume = new Float64Array(c);
    this.usd = new Float64Array(c);
    this.mode = new Uint16Array(c);
    this.basis = new Uint8Array(c);
    this.facts = new Uint32Array(c);
    this.sources = new Uint32Array(c);
    this.formula = new Uint32Array(c);
    this.note = new Uint32Array(c);
  }

  get length(): number {
    return this.n;
  }

  modeCode(mode: string): number {
    const code = this.modeIndex.add(mode);
    if (code === this.modes.length) this.modes.push(mode);
    return code;
  }

  /** A list cell by its raw text ("U7; X2"), split once per distinct text. */
  listCode(raw: string, split: (raw: string) => string[]): number {
    const code = this.listIndex.add(raw);
    if (code === this.lists.length) this.lists.push(Object.freeze(split(raw)) as string[]);
    return code;
  }

  /** The code of the mode written src[from, to), -1 when no flow has it yet (codes are given by modeCode). */
  findMode(src: string, from: number, to: number): number {
    return this.modeIndex.getRange(src, from, to);
  }

  /** The mode a code stands for. */
  modeName(code: number): string {
    return this.modes[code]!;
  }

  /** The code of the list cell src[from, to), -1 when not seen yet (codes are given by listCode). */
  findList(src: string, from: number, to: number): number {
    return this.listIndex.getRange(src, from, to);
  }

  /** The code of the text src[from, to), -1 when not seen yet (codes are given by textCode). */
  findText(src: string, from: number, to: number): number {
    return this.textIndex.getRange(src, from, to);
  }

  /** The list a code stands for (shared: never mutate). */
  list(code: number): readonly string[] {
    return this.lists[code]!;
  }

  textCode(text: string): number {
    const code = this.textIndex.add(text);
    if (code === this.texts.length) this.texts.push(text);
    return code;
  }

  push(
    from: number,
    to: number,
    year: number,
    volume: number,
    usd: number | null,
    mode: number,
    basis: Basis,
    facts: number,
    sources: number,
    formula: number,
    note: number,
  ): void {
    this.pushCodes(from, to, year, volume, usd === null ? NaN : usd, mode, BASES.indexOf(basis), facts, sources, formula, note);
  }

  /** push with the basis as its index in BASES and a missing usd as NaN. */
  pushCodes(
    from: number,
    to: number,
    year: number,
    volume: number,
    usd: number,
    mode: number,
    basis: number,
    facts: number,
    sources: number,
    formula: number,
    note: number,
  ): void {
    if (this.n === this.capacity) this.reserve(this.capacity * 2);
    const i = this.n++;
    this.from[i] = from;
    this.to[i] = to;
    this.year[i] = year;
    this.volume[i] = volume;
    this.usd[i] = usd;
    this.mode[i] = mode;
    this.basis[i] = basis;
    this.facts[i] = facts;
    this.sources[i] = sources;
    this.formula[i] = formula;
    this.note[i] = note;
  }

  private reserve(size: number): void {
    this.capacity = size;
    this.from = grow(this.from, size);
    this.to = grow(this.to, size);
    this.year = grow(this.year, size);
    this.volume = grow(this.volume, size);
    this.usd = grow(this.usd, size);
    this.mode = grow(this.mode, size);
    this.basis = grow(this.basis, size);
    this.facts = grow(this.facts, size);
    this.sources = grow(this.sources, size);
    this.formula = grow(this.formula, size);
    this.note = grow(this.note, size);
  }

  /**
   * The columns, cut to length: copies when there is spare capacity (so that it is not kept or transferred),
   * else the builder's own arrays (push no more after build).
   */
  build(): FlowColumns {
    const n = this.n;
    const fit = <T extends Growable>(array: T): T => (n === this.capacity ? array : (array.slice(0, n) as T));
    return {
      length: n,
      from: fit(this.from),
      to: fit(this.to),
      year: fit(this.year),
      volume: fit(this.volume),
      usd: fit(this.usd),
      mode: fit(this.mode),
      basis: fit(this.basis),
      facts: fit(this.facts),
      sources: fit(this.sources),
      formula: fit(this.formula),
      note: fit(this.note),
      modes: this.modes,
      lists: this.lists,
      texts: this.texts,
    };
  }
}

/**
 * Flow ids (types' flowId, `from>to@year/mode`) from shared pieces: `from>` and `to@`, one string per place,
 * and `year/mode`, one per year and mode. A flow's id is then two small strings joining them, where writing
 * it whole made five or more per flow (most of the page's heap growth while a million flows were made).
 */
export class FlowIds {
  private readonly heads: (string | undefined)[] = [];
  private readonly mids: (string | undefined)[] = [];
  private readonly tails = new Map<number, (string | undefined)[]>();
  private year = NaN;
  private ofYear: (string | undefined)[] = [];
  constructor(
    private readonly places: readonly Place[],
    private readonly modes: readonly string[],
  ) {}

  id(from: number, to: number, year: number, mode: number): string {
    if (year !== this.year) {
      this.year = year;
      let ofYear = this.tails.get(year);
      if (!ofYear) this.tails.set(year, (ofYear = []));
      this.ofYear = ofYear;
    }
    const head = (this.heads[from] ??= `${this.places[from]!.id}>`);
    const mid = (this.mids[to] ??= `${this.places[to]!.id}@`);
    const tail = (this.ofYear[mode] ??= `${year}/${this.modes[mode]!}`);
    return head + mid + tail;
  }
}

/** Flow objects for rows [start, end) of the columns; strings and lists are shared with the tables. */
export function materialiseFlows(columns: FlowColumns, places: readonly Place[], start = 0, end = columns.length): Flow[] {
  const out = new Array<Flow>(Math.max(0, end - start));
  fill(out, -start, columns, places, new FlowIds(places, columns.modes), start, end);
  return out;
}

function fill(out: Flow[], shift: number, columns: FlowColumns, places: readonly Place[], ids: FlowIds, start: number, end: number): void {
  const { from, to, year, volume, usd, mode, basis, facts, sources, formula, note, modes, lists, texts } = columns;
  for (let i = start; i < end; i++) {
    const f = places[from[i]!]!.id;
    const t = places[to[i]!]!.id;
    const y = year[i]!;
    const m = modes[mode[i]!]!;
    const u = usd[i]!;
    out[i + shift] = {
      id: ids.id(from[i]!, to[i]!, y, mode[i]!),
      from: f,
      to: t,
      year: y,
      volume: volume[i]!,
      usd: Number.isNaN(u) ? null : u,
      mode: m,
      basis: BASES[basis[i]!]!,
      facts: lists[facts[i]!]!,
      sources: lists[sources[i]!]!,
      formula: texts[formula[i]!]!,
      note: texts[note[i]!]!,
    };
  }
}

/**
 * A new task, at once: a message to ourselves. A chain of setTimeout(0) is held back 4 ms a step after five
 * steps (the browsers' nesting clamp): 30-odd slices of a million flows lost ~130 ms waiting.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((done) => setTimeout(done, 0));
  return new Promise((done) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      done();
    };
    port2.postMessage(null);
  });
}

/**
 * The same, a slice at a time, giving the event loop back between slices so that no task of the page
 * runs much longer than `sliceMs` (a million flows took one 1–2 s task as a structured clone). Rejects
 * with an AbortError DOMException, between slices, once `signal` is aborted.
 */
export async function materialiseFlowsInSlices(
  columns: FlowColumns,
  places: readonly Place[],
  sliceMs = 30,
  yieldToPage: () => Promise<void> = nextTask,
  signal?: AbortSignal,
): Promise<Flow[]> {
  const out = new Array<Flow>(columns.length);
  const ids = new FlowIds(places, columns.modes);
  let i = 0;
  let step = 4096;
  while (i < columns.length) {
    if (signal?.aborted) throw new DOMException("The import was cancelled", "AbortError");
    const t0 = performance.now();
    const end = Math.min(columns.length, i + step);
    fill(out, 0, columns, places, ids, i, end);
    i = end;
    const ms = performance.now() - t0;
    // Aim each slice at sliceMs from the last one's speed.
    if (ms > 0) step = Math.max(1024, Math.min(1 << 20, Math.round((step * sliceMs) / ms)));
    if (i < columns.length) await yieldToPage();
  }
  return out;
}

/** Columns a flow list was made from (and the places their indexes point into), kept for a compact save. */
const kept = new WeakMap<readonly Flow[], { columns: FlowColumns; places: readonly Place[] }>();

export function keepFlowColumns(flows: readonly Flow[], columns: FlowColumns, places: readonly Place[]): void {
  kept.set(flows, { columns, places });
}

/** The columns `flows` was made from, when they still describe it with these places. */
export function keptFlowColumns(flows: readonly Flow[], places: readonly Place[]): FlowColumns | null {
  const entry = kept.get(flows);
  return entry && entry.places === places && entry.columns.length === flows.length ? entry.columns : null;
}

/**
 * FlowColumns as stored: the typed arrays as they are, the string tables as one JSON text (cloned as one string).
 * Read back through io/storedRecords' checkStoredFlowColumns, which checks every index and value.
 */
export interface PackedFlowColumns {
  arrays: Omit<FlowColumns, "modes" | "lists" | "texts">;
  tables: string;
}

export function packFlowColumns(columns: FlowColumns): PackedFlowColumns {
  const { modes, lists, texts, ...arrays } = columns;
  return { arrays, tables: JSON.stringify({ modes, lists, texts }) };
}
