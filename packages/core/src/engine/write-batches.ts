import type { SyncRun } from './sync-run.ts';

/** One resource write waiting for its batch: its key and the work that stores it. */
export interface PendingWrite {
  /** Resource key (`type\0id`), journaled before the write. */
  key: string;
  /** Store the change, update the index entry and record it. */
  write: () => Promise<void>;
}

// A batch is journaled (one small object) before its writes start: 256 keys, or what arrived in
// a quarter of a second when the driver is slow. That bounds the journal's cost (about one
// request per 256 changes in a bulk sync) and how long a listed change waits to be stored.
const batchSize = 256;
const batchAgeMs = 250;

/**
 * Groups a run's writes into journaled batches: the keys of a batch are stored in the run's
 * journal before any of its writes starts, so whatever a crash interrupts is named somewhere the
 * next run looks. A checkpoint the driver emits is stored only once every write before it has
 * succeeded, so a run resumed from it never skips a resource that was not stored.
 */
export class WriteBatches {
  readonly #run: SyncRun;
  #pending: PendingWrite[] = [];
  #openedAt = 0;
  #completed: Promise<boolean> = Promise.resolve(true);
  #checkpoint: { value: unknown } | undefined;

  constructor(run: SyncRun) {
    this.#run = run;
  }

  /** Queue a write; cuts the batch when it is full or old enough. */
  async add(write: PendingWrite): Promise<void> {
    if (this.#pending.length === 0) this.#openedAt = Date.now();
    this.#pending.push(write);
    if (this.#pending.length >= batchSize || Date.now() - this.#openedAt >= batchAgeMs)
      await this.cut();
  }

  /** The driver emitted a checkpoint: store it once the writes queued before it succeeded. */
  checkpoint(value: unknown): void {
    this.#checkpoint = { value: value ?? null };
    if (this.#pending.length === 0) this.#applyCheckpoint();
  }

  /** Journal the queued writes and start them (waiting for free write slots). */
  async cut(): Promise<void> {
    const batch = this.#pending.splice(0);
    if (batch.length > 0) {
      const { journal, writer } = this.#run;
      if (!journal || !writer) throw new Error('WriteBatches: the run is not open');
      await journal.append(batch.map((pending) => pending.key));
      const outcomes: Promise<boolean>[] = [this.#completed];
      for (const pending of batch) outcomes.push((await writer.submit(pending.write)).done);
      this.#completed = Promise.all(outcomes).then((results) => results.every(Boolean));
    }
    this.#applyCheckpoint();
  }

  #applyCheckpoint(): void {
    const checkpoint = this.#checkpoint;
    if (!checkpoint) return;
    this.#checkpoint = undefined;
    void this.#completed.then((succeeded) => {
      if (succeeded) this.#run.summaryWriter?.update({ checkpoint: checkpoint.value });
    });
  }
}
