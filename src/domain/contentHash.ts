// FNV-1a 64 over UTF-8 bytes, in two 32-bit halves so it needs no BigInt. Texts are encoded a slice at a
// time into one small buffer, so hashing a file makes no copy of it.

const encoder = new TextEncoder();
const SLICE = 1 << 16;
/** Room for any slice of SLICE + 1 code units (3 bytes each at most). */
const buffer = new Uint8Array(3 * (SLICE + 1));

/** Incremental FNV-1a 64; `digest()` gives 16 hex digits. */
class Fnv1a64 {
  // Offset basis 0xcbf29ce484222325.
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  update(bytes: Uint8Array): void {
    // Both halves as int32: h ^= byte; h *= 0x100000001b3 (2^40 + 0x1b3) mod 2^64. The low half times
    // 0x1b3 carries into the high half (found from its 16-bit parts), which also gets the low half << 8.
    let hi = this.hi | 0,
      lo = this.lo | 0;
    for (let i = 0; i < bytes.length; i++) {
      lo ^= bytes[i]!;
      const carry = (((lo >>> 16) * 0x1b3 + (((lo & 0xffff) * 0x1b3) >>> 16)) >>> 16) | 0;
      hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) | 0;
      lo = Math.imul(lo, 0x1b3);
    }
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
  }

  /** The UTF-8 bytes of `text` (lone surrogates as U+FFFD, as TextEncoder writes them). */
  updateText(text: string): void {
    for (let start = 0; start < text.length;) {
      let end = Math.min(text.length, start + SLICE);
      // A surrogate pair is never cut in two.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
      const { written } = encoder.encodeInto(start === 0 && end === text.length ? text : text.slice(start, end), buffer);
      this.update(buffer.subarray(0, written));
      start = end;
    }
  }

  state(): [number, number] {
    return [this.hi, this.lo];
  }

  restore([hi, lo]: [number, number]): void {
    this.hi = hi;
    this.lo = lo;
  }

  digest(): string {
    return this.hi.toString(16).padStart(8, "0") + this.lo.toString(16).padStart(8, "0");
  }
}

/** FNV-1a 64 of one text's UTF-8 bytes (the published test vectors apply). */
export function fnv1a64(text: string): string {
  const hash = new Fnv1a64();
  hash.updateText(text);
  return hash.digest();
}

/** While set (see withContentHashMemo): the texts of the last contentHash and the state after each. */
let memo: { texts: string[]; states: [number, number][] } | null = null;

/**
 * Runs `work` remembering what its contentHash calls read, so that a later call whose texts begin with the
 * same texts as an earlier one (the importer hashes the files it was given, then the dataset read from them)
 * continues from there instead of reading them again. Nothing is kept after `work`.
 */
export function withContentHashMemo<T>(work: () => T): T {
  const outer = memo;
  memo = { texts: [], states: [] };
  try {
    return work();
  } finally {
    memo = outer;
  }
}

/**
 * Hash of several texts in order. A 0xFF byte (never produced by UTF-8) ends each text,
 * so ["ab", ""] and ["a", "b"] hash differently.
 */
export function contentHash(texts: string[]): string {
  const hash = new Fnv1a64();
  const separator = new Uint8Array([0xff]);
  let from = 0;
  if (memo !== null) {
    while (from < texts.length && from < memo.texts.length && texts[from] === memo.texts[from]) from++;
    if (from > 0) hash.restore(memo.states[from - 1]!);
    memo.texts.length = memo.states.length = from;
  }
  for (let i = from; i < texts.length; i++) {
    hash.updateText(texts[i]!);
    hash.update(separator);
    if (memo !== null) {
      memo.texts.push(texts[i]!);
      memo.states.push(hash.state());
    }
  }
  return hash.digest();
}
