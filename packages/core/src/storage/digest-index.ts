import { StorageError } from '../errors/storage-error.ts';
import { IndexTable } from './index-table.ts';
import type { ObjectStore } from './object-store.ts';
import { internalPrefix } from './object-store.ts';

/** What the engine remembers about one resource between runs, without reading its records. */
export interface IndexEntry {
  /** SHA-256 of the digested document. */
  digest: string;
  /** Latest version number. */
  version: number;
  /** Number of change records. */
  changes: number;
  /** Active or deleted. */
  status: 'active' | 'deleted';
  /** Service of the resource (scope part). */
  service: string;
  /** Region of the resource (scope part). */
  region: string;
  /** When the resource was first seen. */
  firstSeenAt: string;
  /** Short per-section digests `configuration|tags|labels|location`. */
  sections: string;
  /** When it was marked deleted. */
  deletedAt?: string;
  /** When its last version or status change was recorded. */
  changedAt: string;
  /** Keyed digest (32 hex) of the listed input the digest was computed from (`InputDigester`). */
  inputDigest?: string;
}

/** Where a cloud's index lives; stored on the cloud summary. */
export interface IndexLayout {
  /** Incremented on every re-shard so a crash mid-reshard leaves the old layout intact. */
  generation: number;
  /** Number of shards. */
  shardCount: number;
}

type StoredEntry = [
  string,
  string,
  number,
  number,
  'a' | 'd',
  string,
  string,
  string,
  string,
  string,
  string?,
  string?,
];

interface StoredShard {
  format: 1;
  entries: StoredEntry[];
}

/** FNV-1a, enough to spread keys over shards. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A per-cloud map of resource key -> IndexEntry, stored as a few sharded JSON objects. */
export class DigestIndex {
  readonly cloudId: string;
  layout: IndexLayout;
  readonly #entries = new IndexTable();
  readonly #dirtyShards = new Set<number>();
  readonly #store: ObjectStore;

  private constructor(store: ObjectStore, cloudId: string, layout: IndexLayout) {
    this.#store = store;
    this.cloudId = cloudId;
    this.layout = layout;
  }

  /**
   * Read every shard of the layout (one GET per shard). NOTE: two at a time: each shard's response
   * buffer, JSON text and parsed arrays are alive together, and at 10^5 entries eight in flight
   * held ~60 MB at once in the benchmark (bench/RESULTS.md) for well under a second saved.
   */
  static async load(
    store: ObjectStore,
    cloudId: string,
    layout: IndexLayout | undefined,
    concurrency = 2,
  ): Promise<DigestIndex> {
    const index = new DigestIndex(store, cloudId, layout ?? { generation: 1, shardCount: 1 });
    if (!layout) return index;
    const shardNumbers = Array.from({ length: layout.shardCount }, (_, shard) => shard);
    await runBounded(shardNumbers, concurrency, async (shard) => {
      const key = index.shardKey(shard, layout.generation);
      const stored = await store.getJson<StoredShard>(key);
      // A missing shard read as empty would make every resource in it look new: fail loudly.
      if (!stored || !Array.isArray(stored.value?.entries)) {
        throw new StorageError({
          operation: `read index shard ${stored ? '(unreadable)' : '(missing)'}; run \`cloud-inventory verify ${cloudId} --repair\` to rebuild the index from the snapshots`,
          key,
          cloudId,
        });
      }
      for (const entry of stored.value.entries) index.#entries.set(entry[0], decode(entry));
    });
    return index;
  }

  /** Object key of one shard. */
  shardKey(shard: number, generation = this.layout.generation): string {
    return `${internalPrefix}/index/${encodeURIComponent(this.cloudId)}/g${generation}-shard-${shard}.json`;
  }

  /** Number of resources known (active and deleted). */
  get size(): number {
    return this.#entries.size;
  }

  /** Entry for a key. */
  get(key: string): IndexEntry | undefined {
    return this.#entries.get(key);
  }

  /** True when the key is active and its stored input digest is `inputDigest` (nothing to redo). */
  matchesInput(key: string, inputDigest: Buffer): boolean {
    return this.#entries.matchesInput(key, inputDigest);
  }

  /** Set an entry and mark its shard for the next flush. */
  set(key: string, entry: IndexEntry): void {
    this.#entries.set(key, entry);
    this.#dirtyShards.add(hashKey(key) % this.layout.shardCount);
  }

  /** Every entry. */
  entries(): IterableIterator<[string, IndexEntry]> {
    return this.#entries.entries();
  }

  /** Mark a key seen in this run; false when it already was (a resource listed twice). */
  markSeen(key: string): boolean {
    return this.#entries.markSeen(key);
  }

  /** Active entries this run did not see: what a complete listing would delete. */
  activeUnseen(): IterableIterator<[string, IndexEntry]> {
    return this.#entries.activeUnseen();
  }

  /** Versions the index references (the sum of every resource's latest version number). */
  countVersions(): number {
    return this.#entries.countVersions();
  }

  /** An empty index of a new generation (repair rebuilds into it; the old layout stays until swapped). */
  static empty(
    store: ObjectStore,
    cloudId: string,
    previous: IndexLayout | undefined,
  ): DigestIndex {
    const layout = { generation: (previous?.generation ?? 0) + 1, shardCount: 1 };
    return new DigestIndex(store, cloudId, layout);
  }

  /** Number of active resources. */
  countActive(): number {
    return this.#entries.countActive();
  }

  /** Every service and region some resource belongs to. */
  scopes(): Array<{ service: string; region: string }> {
    return this.#entries.scopes();
  }

  /** True when some shard changed since the last flush. */
  get dirty(): boolean {
    return this.#dirtyShards.size > 0;
  }

  /**
   * Write the changed shards. When the index outgrew its shards, write a new generation with
   * more shards and return the new layout (the caller stores it, then old shards are removed).
   * NOTE: two at a time, one encoding while the other is sent: on file:// four at a time took as
   * long and raised a 2·10^5-resource flush's peak RSS by ~25 MB (each shard's entries, JSON text
   * and request body are alive together, and the text is large enough to wait for a full GC).
   */
  async flush(
    shardSize: number,
    concurrency = 2,
  ): Promise<{ layout: IndexLayout; replaced?: IndexLayout }> {
    const wantedShards = Math.max(1, Math.ceil(this.#entries.size / shardSize));
    if (
      wantedShards > this.layout.shardCount * 2 ||
      (this.layout.shardCount === 1 && wantedShards > 1)
    ) {
      const previous = this.layout;
      let shardCount = previous.shardCount;
      while (shardCount < wantedShards) shardCount *= 2;
      this.layout = { generation: previous.generation + 1, shardCount };
      this.#dirtyShards.clear();
      for (let shard = 0; shard < shardCount; shard += 1) this.#dirtyShards.add(shard);
      await this.writeDirty(concurrency);
      return { layout: this.layout, replaced: previous };
    }
    await this.writeDirty(concurrency);
    return { layout: this.layout };
  }

  /** Remove the shards of a replaced layout. */
  async removeLayout(layout: IndexLayout): Promise<void> {
    for (let shard = 0; shard < layout.shardCount; shard += 1)
      await this.#store.delete(this.shardKey(shard, layout.generation));
  }

  // Only row numbers are grouped up front; each shard's keys and entries are decoded when it is
  // written, so a flush holds a few shards' JSON at a time, not a second copy of the whole index.
  private async writeDirty(concurrency: number): Promise<void> {
    const shards = [...this.#dirtyShards];
    if (shards.length === 0) return;
    const { rows, starts } = this.#rowsByShard();
    const table = this.#entries;
    await runBounded(shards, concurrency, async (shard) => {
      const shardRows = rows.subarray(starts[shard] as number, starts[shard + 1] as number);
      await this.#store.putJson(this.shardKey(shard), {
        format: 1,
        entries: Array.from(shardRows, (row) => encode(table.keyAt(row), table.entryAt(row))),
      } satisfies StoredShard);
      this.#dirtyShards.delete(shard);
    });
  }

  /**
   * Every row number grouped by shard: `rows[starts[shard]..starts[shard + 1]]`. NOTE: a counting
   * sort into typed arrays, 8 bytes a row outside the heap; an array of row numbers per shard was
   * ~12 MB of heap at 10^6 rows, in the middle of the run's peak.
   */
  #rowsByShard(): { rows: Uint32Array; starts: Uint32Array } {
    const table = this.#entries;
    const shardCount = this.layout.shardCount;
    const shardOfRow = new Uint32Array(table.size);
    const starts = new Uint32Array(shardCount + 1);
    for (let row = 0; row < table.size; row += 1) {
      const shard = hashKey(table.keyAt(row)) % shardCount;
      shardOfRow[row] = shard;
      starts[shard + 1] = (starts[shard + 1] as number) + 1;
    }
    for (let shard = 0; shard < shardCount; shard += 1)
      starts[shard + 1] = (starts[shard + 1] as number) + (starts[shard] as number);
    const next = starts.slice(0, shardCount);
    const rows = new Uint32Array(table.size);
    for (let row = 0; row < table.size; row += 1) {
      const shard = shardOfRow[row] as number;
      rows[next[shard] as number] = row;
      next[shard] = (next[shard] as number) + 1;
    }
    return { rows, starts };
  }
}

function encode(key: string, entry: IndexEntry): StoredEntry {
  const stored: StoredEntry = [
    key,
    entry.digest,
    entry.version,
    entry.changes,
    entry.status === 'active' ? 'a' : 'd',
    entry.service,
    entry.region,
    entry.firstSeenAt,
    entry.sections,
    entry.changedAt,
  ];
  // Older readers ignore the input digest and read an empty deletedAt as none.
  if (entry.deletedAt || entry.inputDigest) stored.push(entry.deletedAt ?? '');
  if (entry.inputDigest) stored.push(entry.inputDigest);
  return stored;
}

function decode(stored: StoredEntry): IndexEntry {
  const entry: IndexEntry = {
    digest: stored[1],
    version: stored[2],
    changes: stored[3],
    status: stored[4] === 'a' ? 'active' : 'deleted',
    service: stored[5],
    region: stored[6],
    firstSeenAt: stored[7],
    sections: stored[8],
    changedAt: stored[9],
  };
  if (stored[10]) entry.deletedAt = stored[10];
  if (typeof stored[11] === 'string' && stored[11] !== '') entry.inputDigest = stored[11];
  return entry;
}

/** Run `task` over `items` with at most `concurrency` at once; rejects with the first error. */
export async function runBounded<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  });
  await Promise.all(workers);
}
