/**
 * Coalesces frequent cloud-summary updates (checkpoints, progress, rate limits) into at most one
 * write in flight and one per `minimumIntervalMs`; `flush()` waits until the latest state is stored.
 */
export class SummaryWriter {
  readonly #write: (record: Record<string, unknown>) => Promise<void>;
  readonly #minimumIntervalMs: number;
  #record: Record<string, unknown>;
  #pending = false;
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastWriteAt = 0;
  #error: unknown;
  #enabled = true;

  constructor(
    record: Record<string, unknown>,
    write: (record: Record<string, unknown>) => Promise<void>,
    minimumIntervalMs = 1000,
  ) {
    this.#record = record;
    this.#write = write;
    this.#minimumIntervalMs = minimumIntervalMs;
  }

  /** The record as it will be written. */
  get record(): Record<string, unknown> {
    return this.#record;
  }

  /** Stop writing (dry runs, lost locks). */
  disable(): void {
    this.#enabled = false;
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Merge a patch and schedule a write. */
  update(patch: Record<string, unknown>): void {
    this.#record = { ...this.#record, ...patch };
    if (!this.#enabled) return;
    this.#pending = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.#inFlight || this.#timer) return;
    const wait = Math.max(0, this.#lastWriteAt + this.#minimumIntervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.writeNow();
    }, wait);
    this.#timer.unref();
  }

  private async writeNow(): Promise<void> {
    if (!this.#pending || !this.#enabled) return;
    this.#pending = false;
    const snapshot = this.#record;
    this.#inFlight = this.#write(snapshot)
      .catch((error: unknown) => {
        this.#error = error;
      })
      .finally(() => {
        this.#lastWriteAt = Date.now();
        this.#inFlight = undefined;
      });
    await this.#inFlight;
    if (this.#pending) this.schedule();
  }

  /** Merge a final patch and write it now; rejects if the write fails. */
  async flush(patch: Record<string, unknown> = {}): Promise<void> {
    this.#record = { ...this.#record, ...patch };
    if (!this.#enabled) return;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    await this.#inFlight;
    this.#error = undefined;
    this.#pending = true;
    await this.writeNow();
    if (this.#error) throw this.#error;
  }
}
