import type { Clock } from './clock.ts';
import type { RateLimitReading } from './rate-limit-headers.ts';

/** Options of a rate-limit pacer. */
export interface RateLimitPacerOptions {
  /** Wait for the reset once `remaining` is at or below this. @default 0 */
  threshold?: number;
  /** Cap of one wait, so a bogus reset header cannot hang a sync. @default 60000 */
  maximumWaitMs?: number;
  /** Clock used to wait. */
  clock: Clock;
  /** Called before each wait. */
  onWait?: (waitMs: number, reading: RateLimitReading) => void;
}

/** Holds the last rate-limit reading of a client and makes calls wait for the reset once the budget is spent. */
export class RateLimitPacer {
  readonly #options: RateLimitPacerOptions;
  #reading: RateLimitReading | undefined;

  constructor(options: RateLimitPacerOptions) {
    this.#options = options;
  }

  /** The last reading, with `remaining` lowered by the calls sent since. */
  get reading(): RateLimitReading | undefined {
    return this.#reading;
  }

  /** Record what a response's headers said. */
  update(reading: RateLimitReading | undefined): void {
    if (reading) this.#reading = { ...this.#reading, ...reading };
  }

  /** Wait, when the budget is spent, until the window resets; returns the milliseconds waited. */
  async beforeRequest(signal?: AbortSignal): Promise<number> {
    const reading = this.#reading;
    const threshold = this.#options.threshold ?? 0;
    if (!reading || reading.remaining === undefined) return 0;
    if (reading.remaining > threshold) {
      // NOTE: concurrent calls share the budget; count this call now, before its response updates it.
      reading.remaining -= 1;
      return 0;
    }
    const now = this.#options.clock.now();
    if (reading.resetAt === undefined || reading.resetAt <= now) {
      // The window has reset (or we cannot tell when); the next response will say how much is left.
      this.#reading = { ...reading, remaining: undefined };
      return 0;
    }
    const waitMs = Math.min(reading.resetAt - now, this.#options.maximumWaitMs ?? 60_000);
    this.#options.onWait?.(waitMs, { ...reading });
    await this.#options.clock.sleep(waitMs, signal);
    if (this.#reading === reading) this.#reading = { ...reading, remaining: undefined };
    return waitMs;
  }
}
