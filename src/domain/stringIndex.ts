// Strings numbered in the order they are added, found by a string or by a range of another string's
// characters (a cell of a file's text) without cutting that range out. The import reads most cells of a
// big file this way (place ids, modes, repeated notes and lists), making no string for a cell it already knows.

/** FNV-1a 32 over the UTF-16 code units of src[from, to). */
function hashRange(src: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
  return h;
}

export class StringIndex {
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing, linear probing: key index + 1, 0 for an empty slot. */
  private slots = new Int32Array(64);

  get size(): number {
    return this.keys.length;
  }

  /** The string numbered `index`. */
  key(index: number): string {
    return this.keys[index]!;
  }

  /** The number of `key`, or -1. */
  get(key: string): number {
    return this.getRange(key, 0, key.length);
  }

  /** The number of the string equal to src[from, to), or -1. */
  getRange(src: string, from: number, to: number): number {
    const h = hashRange(src, from, to);
    const { slots, keys, hashes } = this;
    const mask = slots.length - 1;
    const length = to - from;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const index = entry - 1;
      if (hashes[index] !== h) continue;
      const key = keys[index]!;
      if (key.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = key.charCodeAt(i) === src.charCodeAt(from + i);
      if (same) return index;
    }
  }

  /** The number of `key`, adding it (as the next number) when absent. */
  add(key: string): number {
    const found = this.get(key);
    if (found >= 0) return found;
    const index = this.keys.length;
    const h = hashRange(key, 0, key.length);
    this.keys.push(key);
    this.hashes.push(h);
    if ((index + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(index, h);
    return index;
  }

  private place(index: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let i = 0; i < this.keys.length; i++) this.place(i, this.hashes[i]!);
  }
}
