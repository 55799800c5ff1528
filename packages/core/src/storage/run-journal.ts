import { StorageError } from '../errors/storage-error.ts';
import { internalPrefix, type ObjectStore } from './object-store.ts';

/** Prefix of a cloud's journal segments. */
export function journalPrefix(cloudId: string): string {
  return `${internalPrefix}/journal/${encodeURIComponent(cloudId)}/`;
}

interface StoredJournalSegment {
  format: 1;
  runId: string;
  keys: string[];
}

/** Journal segments left by runs that did not finish their bookkeeping, and the keys they name. */
export interface JournalLeftovers {
  /** Object keys of the segments (removed once recovered). */
  segments: string[];
  /** Resource keys a run was about to write, without duplicates. */
  resourceKeys: string[];
  /** Run ids that left them. */
  runIds: string[];
}

/**
 * A run's write-ahead journal: before a batch of resources is written, the keys it will touch are
 * stored (one small object per batch). A run that finishes its bookkeeping removes its segments;
 * a run killed or failed before that leaves them, and the next run reconciles exactly those
 * resources from their snapshots instead of trusting an index that never heard of the writes.
 */
export class RunJournal {
  readonly #store: ObjectStore;
  readonly #cloudId: string;
  readonly #runId: string;
  readonly #segments: string[] = [];

  constructor(store: ObjectStore, cloudId: string, runId: string) {
    this.#store = store;
    this.#cloudId = cloudId;
    this.#runId = runId;
  }

  /** Segments this run wrote. */
  get segments(): readonly string[] {
    return this.#segments;
  }

  /** Store the keys of the next batch of writes; resolves once stored. */
  async append(resourceKeys: readonly string[]): Promise<void> {
    if (resourceKeys.length === 0) return;
    const key = `${journalPrefix(this.#cloudId)}${this.#runId}-${String(this.#segments.length + 1).padStart(5, '0')}.json`;
    await this.#store.putJson(key, {
      format: 1,
      runId: this.#runId,
      keys: [...resourceKeys],
    } satisfies StoredJournalSegment);
    this.#segments.push(key);
  }

  /** Remove this run's segments (its index and change log now cover every write they name). */
  async clear(): Promise<void> {
    await removeSegments(this.#store, this.#segments.splice(0));
  }

  /** Every segment under the cloud's journal prefix, read whole; an unreadable one fails loudly. */
  static async leftovers(store: ObjectStore, cloudId: string): Promise<JournalLeftovers> {
    const prefix = journalPrefix(cloudId);
    const segments = (await store.list(prefix)).map((key) => key.slice(key.indexOf(prefix))).sort();
    const resourceKeys = new Set<string>();
    const runIds = new Set<string>();
    for (const segment of segments) {
      const stored = await store.getJson<StoredJournalSegment>(segment);
      if (!stored || !Array.isArray(stored.value.keys)) {
        throw new StorageError({
          operation:
            'read journal segment (run `cloud-inventory verify --repair` to rebuild from the snapshots)',
          key: segment,
          cloudId,
        });
      }
      runIds.add(stored.value.runId);
      for (const key of stored.value.keys) resourceKeys.add(key);
    }
    return { segments, resourceKeys: [...resourceKeys], runIds: [...runIds] };
  }

  /** Remove recovered segments. */
  static remove(store: ObjectStore, segments: readonly string[]): Promise<void> {
    return removeSegments(store, segments);
  }
}

async function removeSegments(store: ObjectStore, segments: readonly string[]): Promise<void> {
  for (const segment of segments) await store.delete(segment);
}
