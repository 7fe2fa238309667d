// FNV-1a 64-bit over UTF-8 bytes, computed in four 16-bit limbs so it needs no BigInt.

const encoder = new TextEncoder();

/** Incremental FNV-1a 64; `digest()` gives 16 hex digits. */
class Fnv1a64 {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  update(bytes: Uint8Array): void {
    let { h0, h1, h2, h3 } = this;
    for (let i = 0; i < bytes.length; i++) {
      h0 ^= bytes[i] as number;
      // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3, keeping the low 64 bits.
      const t0 = h0 * 0x1b3;
      let t1 = h1 * 0x1b3;
      let t2 = h2 * 0x1b3 + (h0 << 8);
      let t3 = h3 * 0x1b3 + (h1 << 8);
      t1 += t0 >>> 16;
      t2 += t1 >>> 16;
      t3 += t2 >>> 16;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
  }

  digest(): string {
    const hex = (limb: number): string => limb.toString(16).padStart(4, "0");
    return hex(this.h3) + hex(this.h2) + hex(this.h1) + hex(this.h0);
  }
}

/** FNV-1a 64 of one text's UTF-8 bytes (the published test vectors apply). */
export function fnv1a64(text: string): string {
  const hash = new Fnv1a64();
  hash.update(encoder.encode(text));
  return hash.digest();
}

/**
 * Hash of several texts in order. A 0xFF byte (never produced by UTF-8) ends each text,
 * so ["ab", ""] and ["a", "b"] hash differently.
 */
export function contentHash(texts: string[]): string {
  const hash = new Fnv1a64();
  const separator = new Uint8Array([0xff]);
  for (const text of texts) {
    hash.update(encoder.encode(text));
    hash.update(separator);
  }
  return hash.digest();
}
