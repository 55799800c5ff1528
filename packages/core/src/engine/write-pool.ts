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

  /**
   * Start a task when a slot is free; resolves when it has started, with `done`, the promise of
   * its outcome (true when it succeeded; false when it failed or was not started because another
   * one had failed). Wrapped in an object: a promise resolving to a promise would wait for both.
   */
  async submit(task: () => Promise<void>): Promise<{ done: Promise<boolean> }> {
    while (this.#running.size >= this.#limit) await Promise.race(this.#running);
    if (this.#failed) return { done: Promise.resolve(false) };
    let succeeded = false;
    const promise: Promise<void> = task()
      .then(() => {
        succeeded = true;
      })
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
    return { done: promise.then(() => succeeded) };
  }

  /** Wait for every started task, without throwing (see `failed` and `error`). */
  async settle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  /** Wait for every started task; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
    if (this.#failed) throw this.#firstError;
  }
}
