interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A FIFO with a capacity: producers wait while it is full, one consumer waits while it is empty. */
export class BoundedQueue<Item> {
  readonly #capacity: number;
  readonly #items: Item[] = [];
  readonly #producers: Waiter[] = [];
  #consumer: Waiter | undefined;
  #closed = false;
  #failure: { error: unknown } | undefined;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  /** Items waiting to be taken. */
  get size(): number {
    return this.#items.length;
  }

  /** Add an item if there is room now (true) or leave it (false, full); throws where `push` rejects. */
  offer(item: Item, signal?: AbortSignal): boolean {
    if (this.#failure) throw this.#failure.error;
    if (this.#closed) throw new Error('BoundedQueue: push after close');
    signal?.throwIfAborted();
    if (this.#items.length >= this.#capacity) return false;
    this.#items.push(item);
    this.#wakeConsumer();
    return true;
  }

  /** Add an item, waiting for room; rejects once the queue failed, closed, or `signal` aborted. */
  async push(item: Item, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (this.offer(item, signal)) return;
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        const onAbort = () => {
          const index = this.#producers.indexOf(waiter);
          if (index >= 0) this.#producers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.#producers.push(waiter);
      });
    }
  }

  /** Take the next item; done once closed and drained; rejects once failed. */
  async next(): Promise<IteratorResult<Item, undefined>> {
    for (;;) {
      if (this.#failure) throw this.#failure.error;
      if (this.#items.length > 0) {
        const item = this.#items.shift() as Item;
        this.#producers.shift()?.resolve();
        return { done: false, value: item };
      }
      if (this.#closed) return { done: true, value: undefined };
      await new Promise<void>((resolve, reject) => {
        this.#consumer = { resolve, reject };
      });
    }
  }

  /** No more items will come; the consumer drains what is left. */
  close(): void {
    this.#closed = true;
    this.#wakeConsumer();
  }

  /** Fail the queue: the consumer and every waiting producer reject with `error`. */
  fail(error: unknown): void {
    if (this.#failure) return;
    this.#failure = { error };
    this.#items.length = 0;
    const consumer = this.#consumer;
    this.#consumer = undefined;
    consumer?.reject(error);
    for (const producer of this.#producers.splice(0)) producer.reject(error);
  }

  #wakeConsumer(): void {
    const consumer = this.#consumer;
    this.#consumer = undefined;
    consumer?.resolve();
  }
}
