const emptySlot = 0;
const minimumRows = 1024;

/** FNV-1a over UTF-8 bytes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= bytes[index] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A set of strings numbered 0, 1, 2... in insertion order (a row per key), kept as UTF-8 bytes in
 * one growing buffer with an open-addressing hash table of row numbers beside it. NOTE: a `Map`
 * of index keys held each key as a V8 string plus a hash-table slot, ~95 bytes per resource on the
 * garbage-collected heap (measured at 2·10^5 with the bench estate's 36–80 character keys); here
 * a key costs its UTF-8 length plus ~16 bytes, outside the heap. A lookup encodes the key (tens of
 * nanoseconds); the key is decoded again only when someone asks for it (`keyAt`).
 */
export class KeyTable {
  #size = 0;
  #bytes = Buffer.alloc(0);
  #usedBytes = 0;
  /** Row -> start of its key in `#bytes`; row + 1 -> its end. */
  #offsets = new Uint32Array(1);
  #hashes = new Uint32Array(0);
  /** Row number + 1 per slot, `emptySlot` when free; at most half full. */
  #slots = new Int32Array(0);
  #scratch = Buffer.alloc(256);
  // NOTE: the engine asks about one key several times in a row (seen? unchanged? set): the last
  // answer is kept so the key is encoded and hashed once.
  #lastKey: string | undefined;
  #lastRow = -1;

  /** Number of keys. */
  get size(): number {
    return this.#size;
  }

  /** Row of a key, or -1. */
  rowOf(key: string): number {
    if (key === this.#lastKey) return this.#lastRow;
    const length = this.#encode(key);
    const row = this.#find(this.#scratch, length, hashBytes(this.#scratch, 0, length));
    this.#lastKey = key;
    this.#lastRow = row;
    return row;
  }

  /** Row of a key, adding the key as the next row when it is new. */
  add(key: string): number {
    const found = this.rowOf(key);
    if (found !== -1) return found;
    const length = this.#encode(key);
    const hash = hashBytes(this.#scratch, 0, length);
    const row = this.#size;
    this.#reserve(row + 1, this.#usedBytes + length);
    this.#scratch.copy(this.#bytes, this.#usedBytes, 0, length);
    this.#usedBytes += length;
    this.#offsets[row + 1] = this.#usedBytes;
    this.#hashes[row] = hash;
    this.#size += 1;
    this.#place(row, hash);
    this.#lastKey = key;
    this.#lastRow = row;
    return row;
  }

  /** The key of a row. */
  keyAt(row: number): string {
    return this.#bytes.toString(
      'utf8',
      this.#offsets[row] as number,
      this.#offsets[row + 1] as number,
    );
  }

  #encode(key: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (key.length * 3 > this.#scratch.length)
      this.#scratch = Buffer.alloc(Math.max(key.length * 3, this.#scratch.length * 2));
    return this.#scratch.write(key, 0, 'utf8');
  }

  #find(encoded: Buffer, length: number, hash: number): number {
    const slots = this.#slots;
    if (slots.length === 0) return -1;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const value = slots[slot] as number;
      if (value === emptySlot) return -1;
      const row = value - 1;
      if (this.#hashes[row] !== hash) continue;
      const start = this.#offsets[row] as number;
      const end = this.#offsets[row + 1] as number;
      if (end - start === length && this.#bytes.compare(encoded, 0, length, start, end) === 0)
        return row;
    }
  }

  #place(row: number, hash: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== emptySlot) slot = (slot + 1) & mask;
    slots[slot] = row + 1;
  }

  #reserve(rows: number, bytes: number): void {
    if (bytes > this.#bytes.length) {
      const grown = Buffer.alloc(Math.max(bytes, this.#bytes.length * 2, 64 * minimumRows));
      this.#bytes.copy(grown, 0, 0, this.#usedBytes);
      this.#bytes = grown;
    }
    if (rows + 1 > this.#offsets.length) {
      const capacity = Math.max(minimumRows, (this.#offsets.length - 1) * 2);
      const offsets = new Uint32Array(capacity + 1);
      offsets.set(this.#offsets);
      this.#offsets = offsets;
      const hashes = new Uint32Array(capacity);
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    if (rows * 2 > this.#slots.length) {
      this.#slots = new Int32Array(Math.max(2 * minimumRows, this.#slots.length * 2));
      for (let row = 0; row < this.#size; row += 1) this.#place(row, this.#hashes[row] as number);
    }
  }
}
