import type { InventoryLogger, RateLimitReport } from '@cloud-inventory/core';
import type { Clock } from './clock.ts';
import type { HttpAuth } from './http-auth.ts';
import type { RetryEvent, RetryOptions } from './retry.ts';

/** One query parameter value; arrays repeat the parameter, null and undefined leave it out. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

/** Query parameters of a request. */
export type QueryParameters = Record<string, QueryValue> | URLSearchParams;

/** Options of `createHttpClient`. */
export interface HttpClientOptions {
  /** Base URL every relative path is joined to, e.g. `https://api.digitalocean.com/v2`. */
  baseUrl: string;
  /** Authentication. @default { type: 'none' } */
  auth?: HttpAuth;
  /** Timeout of one attempt (headers and body). @default 30000 */
  timeoutMs?: number;
  /** Retry policy for 429, 5xx and network errors. */
  retry?: RetryOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** `User-Agent` header. @default 'cloud-inventory' */
  userAgent?: string;
  /** `fetch` implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Receives every rate-limit header reading, throttle and pacing wait; wire it to `runtime.emitRateLimit`. */
  onRateLimit?: (report: RateLimitReport) => void;
  /** Called before each retry. */
  onRetry?: (event: RetryEvent & { method: string; path: string }) => void;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Cap of any single wait (Retry-After, rate-limit reset), so a bogus header cannot hang a sync. @default 60000 */
  maximumWaitMs?: number;
  /** Wait for the reset before the next call once `remaining` is at or below this; false turns pacing off. @default 0 */
  pacingThreshold?: number | false;
  /** Other origins (besides the base URL's) the client may send credentials to, e.g. for pagination links. */
  allowedOrigins?: string[];
  /** Service label of reports and errors when a request names none. */
  service?: string;
  /** Region label of reports and errors when a request names none. */
  region?: string;
  /** Debug log of requests (URLs redacted, never headers). */
  logger?: InventoryLogger;
  /** Clock used for waits. @default systemClock */
  clock?: Clock;
}

/** Options of one request. */
export interface HttpRequestOptions {
  /** HTTP method. @default 'GET' */
  method?: string;
  /** Path joined to the base URL, or an absolute URL of an allowed origin. */
  path: string;
  /** Query parameters appended to the URL. */
  query?: QueryParameters;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** JSON body (sets `Content-Type: application/json`). */
  json?: unknown;
  /** Form body (sets `Content-Type: application/x-www-form-urlencoded`). */
  form?: Record<string, string> | URLSearchParams;
  /** Raw body. */
  body?: string | Uint8Array;
  /** How to read the response body. @default 'auto' (JSON when it looks like JSON, else text) */
  responseType?: 'auto' | 'json' | 'text' | 'none';
  /** Statuses returned as responses instead of thrown (e.g. `[404]` for optional lookups). */
  acceptStatuses?: number[];
  /** Statuses (or a test) that mean "service not enabled here" for this call; thrown with class `not-enabled`. */
  notEnabled?: number[] | ((response: { status: number; body: unknown }) => boolean);
  /** Aborts this request. */
  signal?: AbortSignal;
  /** Timeout of one attempt. @default the client's timeoutMs */
  timeoutMs?: number;
  /** Service label of reports and errors. */
  service?: string;
  /** Region label of reports and errors. */
  region?: string;
}

/** Options of the JSON helpers (`get`, `getJson`). */
export type HttpGetOptions = Omit<HttpRequestOptions, 'path' | 'method' | 'json' | 'form' | 'body'>;

/** A response with its body read. */
export interface HttpResponse<Body = unknown> {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed body (JSON value, text, or undefined). */
  body: Body;
  /** Final absolute URL (after redirects). */
  url: string;
}
