import { type Clock, systemClock } from '@cloud-inventory/driver-kit';

/** Options of a `VultrRequestPacer`. */
export interface VultrRequestPacerOptions {
  /** Requests started per second at most. */
  requestsPerSecond: number;
  /** Clock used to wait. @default systemClock */
  clock?: Clock;
}

/**
 * Spaces the start of requests evenly, at most `requestsPerSecond` per second, across every
 * concurrent caller. Vultr limits requests per second and sends no rate-limit headers, so the
 * client cannot learn its budget from responses (the kit's pacer reads headers); it has to keep
 * under the limit on its own.
 */
export class VultrRequestPacer {
  readonly #intervalMs: number;
  readonly #clock: Clock;
  #nextSlotAt = 0;

  constructor(options: VultrRequestPacerOptions) {
    this.#intervalMs = 1000 / options.requestsPerSecond;
    this.#clock = options.clock ?? systemClock;
  }

  /** Wait for the next free slot; returns the milliseconds waited. */
  async wait(signal?: AbortSignal): Promise<number> {
    signal?.throwIfAborted();
    const now = this.#clock.now();
    const slot = Math.max(now, this.#nextSlotAt);
    // Taking the slot before waiting keeps concurrent callers in line, one interval apart.
    this.#nextSlotAt = slot + this.#intervalMs;
    const waitMs = slot - now;
    if (waitMs > 0) await this.#clock.sleep(waitMs, signal);
    return waitMs;
  }

  /** A `fetch` that waits for a slot before each request (retries included). */
  fetch(inner: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      await this.wait(init?.signal ?? undefined);
      return inner(input, init);
    };
  }
}
