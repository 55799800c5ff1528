// NOTE: AbortSignal.any() and AbortSignal.timeout() register weak references (and, for any(), a
// dependant set on every source signal) that only the garbage collector clears. Made per request
// against a long-lived signal (runScopes' controller, a client-wide signal) they cost more CPU and
// GC than the request's own bookkeeping; a plain controller, one listener and one timer do not.

/** The caller's signals as one: none, the only one, or (rarely, both set) AbortSignal.any. */
export function combineSignals(
  ...signals: readonly (AbortSignal | undefined)[]
): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

/** The abort signal of one HTTP attempt: aborts when the caller's signal does or after `timeoutMs`. */
export class AttemptSignal {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onCallerAbort: () => void;
  #timedOut = false;

  constructor(options: { callerSignal: AbortSignal | undefined; timeoutMs: number }) {
    const { callerSignal, timeoutMs } = options;
    this.#callerSignal = callerSignal;
    this.#onCallerAbort = () => this.#controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) this.#onCallerAbort();
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(
        new DOMException(`The operation timed out after ${timeoutMs} ms.`, 'TimeoutError'),
      );
    }, timeoutMs);
    // Like AbortSignal.timeout(): a pending timeout alone does not keep the process alive.
    this.#timer.unref?.();
  }

  /** The signal to hand to fetch. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once the timeout (not the caller) aborted the attempt. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** The attempt is over: stop the timer and stop listening to the caller's signal. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}
