/** Runs async writes with bounded concurrency; `submit` waits for a free slot (backpressure). */
export class WritePool {
  readonly #limit: number;
  readonly #running = new Set<Promise<void>>();
  #firstError: unknown;
  #failed = false;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** True once any task failed. */
  get failed(): boolean {
    return this.#failed;
  }

  /** The first error a task threw. */
  get error(): unknown {
    return this.#firstError;
  }

  /** Start a task when a slot is free; resolves when it has started. */
  async submit(task: () => Promise<void>): Promise<void> {
    while (this.#running.size >= this.#limit) await Promise.race(this.#running);
    if (this.#failed) return;
    const promise: Promise<void> = task()
      .catch((error: unknown) => {
        if (!this.#failed) {
          this.#failed = true;
          this.#firstError = error;
        }
      })
      .finally(() => {
        this.#running.delete(promise);
      });
    this.#running.add(promise);
  }

  /** Wait for every started task; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
    if (this.#failed) throw this.#firstError;
  }
}
