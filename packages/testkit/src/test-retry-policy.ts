import type { ConformanceRetryPolicy } from './conformance-options.ts';

/** Fast retries for a driver's own tests: three attempts, backoff of 5 to 20 ms, Retry-After up to 3 s. */
export const testRetryPolicy: ConformanceRetryPolicy = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};
