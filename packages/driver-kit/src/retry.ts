import { classifyError } from './classify-error.ts';
import { type Clock, systemClock } from './clock.ts';

/** How a client retries failed calls. */
export interface RetryOptions {
  /** Attempts in total, the first one included. @default 5 */
  maximumAttempts?: number;
  /** Backoff before the second attempt; doubles each time, with jitter. @default 250 */
  baseDelayMs?: number;
  /** Cap of one computed backoff delay. @default 20000 */
  maximumDelayMs?: number;
  /** HTTP statuses that are retried. @default [429, 500, 502, 503, 504] */
  retryStatuses?: number[];
  /** Retry connection errors and timeouts. @default true */
  retryNetworkErrors?: boolean;
}

/** Retry defaults: 5 attempts, 250 ms base, 20 s cap, 429 and 5xx (but 501), network errors. */
export const defaultRetryOptions: Required<RetryOptions> = {
  maximumAttempts: 5,
  baseDelayMs: 250,
  maximumDelayMs: 20_000,
  retryStatuses: [429, 500, 502, 503, 504],
  retryNetworkErrors: true,
};

/** Fill the retry defaults in. */
export function resolveRetryOptions(options: RetryOptions | undefined): Required<RetryOptions> {
  return { ...defaultRetryOptions, ...stripUndefined(options ?? {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}

/** Jittered exponential backoff before attempt `attempt + 1` ("equal jitter": half fixed, half random). */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maximumDelayMs'> = {},
  random: () => number = Math.random,
): number {
  const base = options.baseDelayMs ?? defaultRetryOptions.baseDelayMs;
  const cap = options.maximumDelayMs ?? defaultRetryOptions.maximumDelayMs;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Milliseconds a `Retry-After` value asks to wait (delta seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** One retry about to happen, for logs and metrics. */
export interface RetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** HTTP status of the failed attempt, when there was a response. */
  status?: number;
  /** The error of the failed attempt, when there was no response. */
  error?: unknown;
}

/** Options of `withRetry`. */
export interface WithRetryOptions
  extends Pick<RetryOptions, 'maximumAttempts' | 'baseDelayMs' | 'maximumDelayMs'> {
  /** Whether an error is worth another attempt. @default throttled, server and network errors */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** Called before each retry. */
  onRetry?: (event: RetryEvent) => void;
  /** Stops waiting and retrying. */
  signal?: AbortSignal;
  /** Clock used to wait. @default systemClock */
  clock?: Clock;
}

/** Run `operation` with jittered exponential backoff, for SDK calls that do not retry themselves. */
export async function withRetry<Result>(
  operation: (attempt: number) => Promise<Result>,
  options: WithRetryOptions = {},
): Promise<Result> {
  const maximumAttempts = options.maximumAttempts ?? defaultRetryOptions.maximumAttempts;
  const clock = options.clock ?? systemClock;
  const shouldRetry =
    options.shouldRetry ??
    ((error: unknown) => ['throttled', 'server', 'network'].includes(classifyError(error)));
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.signal?.aborted || attempt >= maximumAttempts || !shouldRetry(error, attempt)) {
        throw error;
      }
      const delayMs = backoffDelay(attempt, options);
      options.onRetry?.({ attempt, delayMs, error });
      await clock.sleep(delayMs, options.signal);
    }
  }
}
