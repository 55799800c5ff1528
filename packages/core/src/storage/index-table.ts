import type { IndexEntry } from './digest-index.ts';
import { KeyTable } from './key-table.ts';

const digestBytes = 32;
const sectionBytes = 24;
const inputDigestBytes = 16;
const hexInputDigest = /^[0-9a-f]{32}$/;
// One flags byte per row.
const flagDeleted = 1;
const flagSeen = 2;
const flagHasInputDigest = 4;
/** The row's deletion time is its `changedAt` (what a deletion records). */
const flagDeletedAtChangedAt = 8;
const maximumScopes = 0x10000;
const hexDigest = /^[0-9a-f]{64}$/;
const hexSections = /^[0-9a-f]{12}\|[0-9a-f]{12}\|[0-9a-f]{12}\|[0-9a-f]{12}$/;

/** An ISO time that `toISOString` gives back unchanged, as epoch milliseconds; NaN otherwise. */
function isoToTime(value: string): number {
  const fast = canonicalIsoToTime(value);
  if (fast !== undefined) return fast;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString() === value ? time : Number.NaN;
}

const isoShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// NOTE: loading the index parses two times per entry; `Date.parse` plus a `toISOString` round
// trip was a third of loading 10^5 entries. `YYYY-MM-DDTHH:mm:ss.sssZ` with fields in range is
// exactly what `toISOString` gives back for years 100–9999; anything else takes the slow path.
function canonicalIsoToTime(value: string): number | undefined {
  const match = isoShape.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, millisecond] = match.map(Number) as number[];
  if ((year as number) < 100 || (month as number) < 1 || (month as number) > 12) return undefined;
  const leap =
    (year as number) % 4 === 0 && ((year as number) % 100 !== 0 || (year as number) % 400 === 0);
  const monthDays = (daysInMonth[(month as number) - 1] as number) + (month === 2 && leap ? 1 : 0);
  if ((day as number) < 1 || (day as number) > monthDays) return undefined;
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) return undefined;
  return Date.UTC(
    year as number,
    (month as number) - 1,
    day as number,
    hour as number,
    minute as number,
    second as number,
    millisecond as number,
  );
}

/**
 * The digest index in memory, one row per resource in typed arrays (digest and section digests as
 * bytes, times as numbers, service and region interned, status bits in one byte, a deletion time
 * only where there is one, the key as UTF-8 in a `KeyTable`): 99 bytes a row plus the key's length
 * and ~16, about 165 bytes per resource with a 45-character key,
 * all of it outside the garbage-collected heap (~205 with the keys in a `Map`, against ~400 for an
 * object per entry plus ~90 for a separate seen set), which is what lets 10^6 resources fit a
 * small worker.
 * An entry that does not fit the compact form (a foreign digest format) is kept as an object.
 */
export class IndexTable {
  readonly #keys = new KeyTable();
  readonly #scopes: Array<{ service: string; region: string }> = [];
  readonly #scopeNumbers = new Map<string, number>();
  readonly #irregular = new Map<number, IndexEntry>();
  /** Keys seen in this run that have no row yet (a row carries its own mark). */
  readonly #seenWithoutRow = new Set<string>();
  #capacity = 0;
  #digests = new Uint8Array(0);
  #sections = new Uint8Array(0);
  #versions = new Uint32Array(0);
  #changes = new Uint32Array(0);
  #scopeOfRow = new Uint16Array(0);
  /** `flagDeleted | flagSeen | flagHasInputDigest | flagDeletedAtChangedAt` per row. */
  #flags = new Uint8Array(0);
  #inputDigests = new Uint8Array(0);
  #firstSeenAt = new Float64Array(0);
  #changedAt = new Float64Array(0);
  /**
   * Deletion times that are not the row's `changedAt`. NOTE: a deletion records both at once, so
   * this map stays empty in practice; a column of its own was 8 bytes for every row.
   */
  readonly #deletedAt = new Map<number, number>();

  /** Number of resources known (active and deleted). */
  get size(): number {
    return this.#keys.size;
  }

  /** Entry for a key, built on demand. */
  get(key: string): IndexEntry | undefined {
    const row = this.#keys.rowOf(key);
    return row === -1 ? undefined : this.#entryAt(row);
  }

  /** Set an entry (a new key gets a new row). */
  set(key: string, entry: IndexEntry): void {
    let row = this.#keys.rowOf(key);
    if (row === -1) {
      if (this.#keys.size >= this.#capacity) this.#grow(Math.max(1024, this.#capacity * 2));
      row = this.#keys.add(key);
      if (this.#seenWithoutRow.delete(key)) this.#setFlag(row, flagSeen);
    }
    this.#write(row, entry);
  }

  /** True when the key is active and its input digest is `inputDigest`. */
  matchesInput(key: string, inputDigest: Buffer): boolean {
    const row = this.#keys.rowOf(key);
    if (row === -1 || inputDigest.length !== inputDigestBytes) return false;
    const irregular = this.#irregular.get(row);
    if (irregular)
      return irregular.status === 'active' && irregular.inputDigest === inputDigest.toString('hex');
    if (((this.#flags[row] as number) & (flagDeleted | flagHasInputDigest)) !== flagHasInputDigest)
      return false;
    const offset = row * inputDigestBytes;
    for (let byte = 0; byte < inputDigestBytes; byte += 1)
      if (this.#inputDigests[offset + byte] !== inputDigest[byte]) return false;
    return true;
  }

  /** Sum of every entry's latest version number. */
  countVersions(): number {
    let total = 0;
    for (let row = 0; row < this.#keys.size; row += 1) {
      const irregular = this.#irregular.get(row);
      total += irregular ? irregular.version : (this.#versions[row] as number);
    }
    return total;
  }

  /** Mark a key seen in this run; false when it already was. */
  markSeen(key: string): boolean {
    const row = this.#keys.rowOf(key);
    if (row === -1) {
      if (this.#seenWithoutRow.has(key)) return false;
      this.#seenWithoutRow.add(key);
      return true;
    }
    if ((this.#flags[row] as number) & flagSeen) return false;
    this.#setFlag(row, flagSeen);
    return true;
  }

  /** Every key, decoded one at a time. */
  *keys(): IterableIterator<string> {
    for (let row = 0; row < this.#keys.size; row += 1) yield this.#keys.keyAt(row);
  }

  /** Key of a row (rows are numbered 0 to size - 1 in the order keys were added). */
  keyAt(row: number): string {
    return this.#keys.keyAt(row);
  }

  /** Entry of a row, built on demand. */
  entryAt(row: number): IndexEntry {
    return this.#entryAt(row);
  }

  /** Every entry, built one at a time. */
  *entries(): IterableIterator<[string, IndexEntry]> {
    for (let row = 0; row < this.#keys.size; row += 1)
      yield [this.#keys.keyAt(row), this.#entryAt(row)];
  }

  /** Active entries not seen in this run (deletion candidates), built one at a time. */
  *activeUnseen(): IterableIterator<[string, IndexEntry]> {
    for (let row = 0; row < this.#keys.size; row += 1) {
      if ((this.#flags[row] as number) & flagSeen) continue;
      const irregular = this.#irregular.get(row);
      if (irregular ? irregular.status !== 'active' : this.#deleted(row)) continue;
      yield [this.#keys.keyAt(row), this.#entryAt(row)];
    }
  }

  /** Number of active entries. */
  countActive(): number {
    let count = 0;
    for (let row = 0; row < this.#keys.size; row += 1) {
      const irregular = this.#irregular.get(row);
      if (irregular ? irregular.status === 'active' : !this.#deleted(row)) count += 1;
    }
    return count;
  }

  /** Every service and region some entry belongs to. */
  scopes(): Array<{ service: string; region: string }> {
    const found = new Map<string, { service: string; region: string }>();
    for (let row = 0; row < this.#keys.size; row += 1) {
      const irregular = this.#irregular.get(row);
      const scope = irregular ?? this.#scopes[this.#scopeOfRow[row] as number];
      if (scope) found.set(`${scope.service}|${scope.region}`, scope);
    }
    return [...found.values()];
  }

  #write(row: number, entry: IndexEntry): void {
    const firstSeenAt = isoToTime(entry.firstSeenAt);
    const changedAt = isoToTime(entry.changedAt);
    const deletedAt = entry.deletedAt === undefined ? Number.NaN : isoToTime(entry.deletedAt);
    const scopeNumber = this.#scopeNumber(entry.service, entry.region);
    const regular =
      scopeNumber < maximumScopes &&
      hexDigest.test(entry.digest) &&
      hexSections.test(entry.sections) &&
      Number.isInteger(entry.version) &&
      entry.version >= 0 &&
      entry.version <= 0xffffffff &&
      Number.isInteger(entry.changes) &&
      entry.changes >= 0 &&
      entry.changes <= 0xffffffff &&
      !Number.isNaN(firstSeenAt) &&
      !Number.isNaN(changedAt) &&
      (entry.deletedAt === undefined || !Number.isNaN(deletedAt)) &&
      (entry.inputDigest === undefined || hexInputDigest.test(entry.inputDigest));
    if (!regular) {
      this.#irregular.set(row, { ...entry });
      this.#deletedAt.delete(row);
      return;
    }
    this.#irregular.delete(row);
    Buffer.from(this.#digests.buffer).write(entry.digest, row * digestBytes, digestBytes, 'hex');
    Buffer.from(this.#sections.buffer).write(
      entry.sections.replaceAll('|', ''),
      row * sectionBytes,
      sectionBytes,
      'hex',
    );
    this.#versions[row] = entry.version;
    this.#changes[row] = entry.changes;
    this.#flags[row] =
      ((this.#flags[row] as number) & flagSeen) |
      (entry.status === 'active' ? 0 : flagDeleted) |
      (entry.inputDigest === undefined ? 0 : flagHasInputDigest) |
      (deletedAt === changedAt ? flagDeletedAtChangedAt : 0);
    this.#scopeOfRow[row] = scopeNumber;
    this.#firstSeenAt[row] = firstSeenAt;
    this.#changedAt[row] = changedAt;
    if (Number.isNaN(deletedAt) || deletedAt === changedAt) this.#deletedAt.delete(row);
    else this.#deletedAt.set(row, deletedAt);
    if (entry.inputDigest !== undefined)
      Buffer.from(this.#inputDigests.buffer).write(
        entry.inputDigest,
        row * inputDigestBytes,
        inputDigestBytes,
        'hex',
      );
  }

  #entryAt(row: number): IndexEntry {
    const irregular = this.#irregular.get(row);
    if (irregular) return { ...irregular };
    const scope = this.#scopes[this.#scopeOfRow[row] as number] as {
      service: string;
      region: string;
    };
    const sectionsHex = Buffer.from(
      this.#sections.buffer,
      row * sectionBytes,
      sectionBytes,
    ).toString('hex');
    const entry: IndexEntry = {
      digest: Buffer.from(this.#digests.buffer, row * digestBytes, digestBytes).toString('hex'),
      version: this.#versions[row] as number,
      changes: this.#changes[row] as number,
      status: this.#deleted(row) ? 'deleted' : 'active',
      service: scope.service,
      region: scope.region,
      firstSeenAt: new Date(this.#firstSeenAt[row] as number).toISOString(),
      sections: `${sectionsHex.slice(0, 12)}|${sectionsHex.slice(12, 24)}|${sectionsHex.slice(24, 36)}|${sectionsHex.slice(36, 48)}`,
      changedAt: new Date(this.#changedAt[row] as number).toISOString(),
    };
    if ((this.#flags[row] as number) & flagDeletedAtChangedAt) entry.deletedAt = entry.changedAt;
    else {
      const deletedAt = this.#deletedAt.get(row);
      if (deletedAt !== undefined) entry.deletedAt = new Date(deletedAt).toISOString();
    }
    if ((this.#flags[row] as number) & flagHasInputDigest)
      entry.inputDigest = Buffer.from(
        this.#inputDigests.buffer,
        row * inputDigestBytes,
        inputDigestBytes,
      ).toString('hex');
    return entry;
  }

  #setFlag(row: number, flag: number): void {
    this.#flags[row] = (this.#flags[row] as number) | flag;
  }

  #deleted(row: number): boolean {
    return ((this.#flags[row] as number) & flagDeleted) !== 0;
  }

  #scopeNumber(service: string, region: string): number {
    const name = `${service}|${region}`;
    let number = this.#scopeNumbers.get(name);
    if (number === undefined) {
      number = this.#scopes.length;
      this.#scopes.push({ service, region });
      this.#scopeNumbers.set(name, number);
    }
    return number;
  }

  #grow(capacity: number): void {
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
      current: T,
      create: (length: number) => T,
      width = 1,
    ): T => {
      const next = create(capacity * width);
      next.set(current);
      return next;
    };
    this.#digests = grow(this.#digests, (length) => new Uint8Array(length), digestBytes);
    this.#sections = grow(this.#sections, (length) => new Uint8Array(length), sectionBytes);
    this.#versions = grow(this.#versions, (length) => new Uint32Array(length));
    this.#changes = grow(this.#changes, (length) => new Uint32Array(length));
    this.#scopeOfRow = grow(this.#scopeOfRow, (length) => new Uint16Array(length));
    this.#flags = grow(this.#flags, (length) => new Uint8Array(length));
    this.#firstSeenAt = grow(this.#firstSeenAt, (length) => new Float64Array(length));
    this.#changedAt = grow(this.#changedAt, (length) => new Float64Array(length));
    this.#inputDigests = grow(
      this.#inputDigests,
      (length) => new Uint8Array(length),
      inputDigestBytes,
    );
    this.#capacity = capacity;
  }
}
