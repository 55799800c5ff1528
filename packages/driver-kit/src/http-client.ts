import { DriverError, type ErrorClass, type RateLimitReport } from '@cloud-inventory/core';
import { AttemptSignal, combineSignals } from './attempt-signal.ts';
import { type Clock, systemClock } from './clock.ts';
import { DigestAuthenticator } from './digest-auth.ts';
import { secretsOf, staticAuthHeader } from './http-auth.ts';
import type {
  HttpClientOptions,
  HttpGetOptions,
  HttpRequestOptions,
  HttpResponse,
  QueryParameters,
} from './http-client-options.ts';
import { createHttpDriverError } from './http-error.ts';
import { parseRateLimitHeaders, type RateLimitReading } from './rate-limit-headers.ts';
import { RateLimitPacer } from './rate-limit-pacer.ts';
import { redactSecrets, redactUrl } from './redact.ts';
import { backoffDelay, parseRetryAfter, type RetryOptions, resolveRetryOptions } from './retry.ts';

/** Build a fetch-based HTTP client with auth, retries, Retry-After, rate-limit pacing and DriverErrors. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return new HttpClient(options);
}

function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    const code = typeof record.code === 'string' ? record.code : undefined;
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (code && !parts.includes(code)) parts.push(code);
    if (message && message !== 'fetch failed' && !parts.includes(message)) parts.push(message);
    current = record.cause;
  }
  return `network error${parts.length > 0 ? ` (${parts.join(': ')})` : ''}`;
}

function appendQuery(url: URL, query: QueryParameters | undefined): void {
  if (!query) return;
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  // NOTE: url.searchParams.append() re-serializes the whole query into the URL on every call;
  // one URLSearchParams written back once gives the same query for one serialization.
  let parameters: URLSearchParams | undefined;
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    parameters ??= new URLSearchParams(url.search);
    if (Array.isArray(value)) {
      for (const item of value) parameters.append(name, String(item));
    } else {
      parameters.append(name, String(value));
    }
  }
  if (parameters) url.search = parameters.toString();
}

function parseBody(text: string, contentType: string, responseType: string): unknown {
  if (responseType === 'none') return undefined;
  if (responseType === 'text') return text;
  if (text.trim() === '') return undefined;
  const looksLikeJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (responseType === 'json' || looksLikeJson) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (responseType === 'json' || /json/i.test(contentType)) throw error;
    }
  }
  return text;
}

/** A fetch-based client bound to one base URL and one set of credentials. */
export class HttpClient {
  /** Base URL relative paths are joined to. */
  readonly baseUrl: string;
  readonly #options: HttpClientOptions;
  readonly #retry: Required<RetryOptions>;
  readonly #fetch: typeof globalThis.fetch;
  readonly #clock: Clock;
  readonly #pacer: RateLimitPacer;
  readonly #digest: DigestAuthenticator | undefined;
  readonly #secrets: string[];
  readonly #allowedOrigins: Set<string>;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#options = options;
    this.#retry = resolveRetryOptions(options.retry);
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#clock = options.clock ?? systemClock;
    this.#secrets = secretsOf(options.auth);
    const base = new URL(this.baseUrl);
    this.#allowedOrigins = new Set([
      base.origin,
      ...(options.allowedOrigins ?? []).map((origin) => new URL(origin).origin),
    ]);
    this.#digest =
      options.auth?.type === 'digest'
        ? new DigestAuthenticator({
            username: options.auth.username,
            password: options.auth.password,
          })
        : undefined;
    this.#pacer = new RateLimitPacer({
      threshold:
        options.pacingThreshold === false ? Number.NEGATIVE_INFINITY : options.pacingThreshold,
      maximumWaitMs: this.#maximumWaitMs,
      clock: this.#clock,
      onWait: (waitMs, reading) => this.#report({ reason: 'paced', waitMs }, reading),
    });
    // NOTE: credentials must not show up in util.inspect or JSON of a client.
    Object.defineProperty(this, 'toJSON', {
      value: () => ({ baseUrl: this.baseUrl }),
      enumerable: false,
    });
  }

  get #maximumWaitMs(): number {
    return this.#options.maximumWaitMs ?? 60_000;
  }

  /** The last rate-limit reading, with `remaining` lowered by calls sent since. */
  get rateLimit(): RateLimitReading | undefined {
    return this.#pacer.reading;
  }

  /** The absolute URL of a path or URL plus query; refuses origins the credentials are not meant for. */
  resolveUrl(path: string, query?: QueryParameters): URL {
    const isAbsolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
    const url = isAbsolute ? new URL(path) : new URL(`${this.baseUrl}/${path.replace(/^\/+/, '')}`);
    if (isAbsolute && !this.#allowedOrigins.has(url.origin)) {
      throw new DriverError({
        message: `Refusing to call ${redactUrl(url)}: its origin differs from the client's base URL ${new URL(this.baseUrl).origin}, and the credentials are only sent there. Add it to allowedOrigins if it is genuine.`,
        errorClass: 'unknown',
        retryable: false,
      });
    }
    appendQuery(url, query);
    return url;
  }

  /** GET a path and read the body (JSON when it looks like JSON). */
  get<Body = unknown>(path: string, options: HttpGetOptions = {}): Promise<HttpResponse<Body>> {
    return this.request<Body>({ ...options, path, method: 'GET' });
  }

  /** GET a path and return its JSON body. */
  async getJson<Body = unknown>(path: string, options: HttpGetOptions = {}): Promise<Body> {
    return (await this.request<Body>({ ...options, path, method: 'GET', responseType: 'json' }))
      .body;
  }

  /** POST a JSON body and return the JSON answer (for read APIs that take POST, e.g. GraphQL). */
  async postJson<Body = unknown>(
    path: string,
    json: unknown,
    options: HttpGetOptions = {},
  ): Promise<Body> {
    return (
      await this.request<Body>({ ...options, path, method: 'POST', json, responseType: 'json' })
    ).body;
  }

  /** Send a request with retries, pacing and auth; resolves on 2xx (or an accepted status), throws a DriverError otherwise. */
  async request<Body = unknown>(request: HttpRequestOptions): Promise<HttpResponse<Body>> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = this.resolveUrl(request.path, request.query);
    // Redacted only when a report or a retry needs it: most requests never do.
    let redactedPath: string | undefined;
    const reportPath = () => (redactedPath ??= redactUrl(`${url.pathname}${url.search}`));
    const service = request.service ?? this.#options.service;
    const region = request.region ?? this.#options.region;
    const { body, contentType } = this.#encodeBody(request);
    const callerSignal = combineSignals(this.#options.signal, request.signal);
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
    const failure = { method, url: url.href, service, region, secrets: this.#secrets };
    let digestChallenges = 0;

    for (let attempt = 1; ; attempt++) {
      callerSignal?.throwIfAborted();
      await this.#pacer.beforeRequest(callerSignal);
      const headers = this.#buildHeaders(request, contentType);
      let sentNonce: string | undefined;
      if (this.#digest) {
        const authorization = this.#digest.authorize(method, `${url.pathname}${url.search}`);
        if (authorization) {
          headers.authorization = authorization;
          sentNonce = this.#digest.nonce;
        }
      }
      const attemptSignal = new AttemptSignal({ callerSignal, timeoutMs });
      const startedAt = this.#clock.now();
      let response: Response;
      let text: string;
      try {
        response = await this.#fetch(url, { method, headers, body, signal: attemptSignal.signal });
        text = await response.text();
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        const reason = attemptSignal.timedOut
          ? `timed out after ${timeoutMs} ms`
          : redactSecrets(describeNetworkError(error), this.#secrets);
        this.#options.logger?.debug('http request failed', {
          method,
          url: redactUrl(url),
          reason,
          attempt,
        });
        if (this.#retry.retryNetworkErrors && attempt < this.#retry.maximumAttempts) {
          const delayMs = backoffDelay(attempt, this.#retry);
          this.#options.onRetry?.({ attempt, delayMs, error, method, path: reportPath() });
          await this.#clock.sleep(delayMs, callerSignal);
          continue;
        }
        throw createHttpDriverError({
          ...failure,
          reason,
          errorClass: 'network',
          attempts: attempt,
          cause: error,
        });
      } finally {
        attemptSignal.dispose();
      }
      const now = this.#clock.now();
      this.#options.logger?.debug('http response', {
        method,
        url: redactUrl(url),
        status: response.status,
        attempt,
        durationMs: now - startedAt,
      });
      const reading = parseRateLimitHeaders(response.headers, now);
      if (reading) {
        this.#pacer.update(reading);
        this.#report(
          { reason: 'headers', status: response.status, path: reportPath(), service, region },
          reading,
        );
      }

      if (response.status === 401 && this.#digest && digestChallenges < 2) {
        if (this.#digest.acceptChallenge(response.headers.get('www-authenticate'), sentNonce)) {
          digestChallenges += 1;
          // Answering a challenge is part of one attempt, not a retry.
          attempt -= 1;
          continue;
        }
      }

      const responseType = request.responseType ?? 'auto';
      if (response.ok || request.acceptStatuses?.includes(response.status)) {
        let parsed: unknown;
        try {
          parsed = parseBody(text, response.headers.get('content-type') ?? '', responseType);
        } catch (error) {
          throw createHttpDriverError({
            ...failure,
            status: response.status,
            reason: `invalid JSON in the response body (${(error as Error).message})`,
            errorClass: 'unknown',
            cause: error,
          });
        }
        return {
          status: response.status,
          headers: response.headers,
          body: parsed as Body,
          url: response.url || url.href,
        };
      }

      let errorBody: unknown = text;
      try {
        errorBody = parseBody(text, response.headers.get('content-type') ?? '', 'auto');
      } catch {
        // Keep the raw text; the message extractor copes with it.
      }
      if (
        this.#retry.retryStatuses.includes(response.status) &&
        attempt < this.#retry.maximumAttempts
      ) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
        const resetMs =
          response.status === 429 && reading?.resetAt !== undefined
            ? Math.max(0, reading.resetAt - now)
            : undefined;
        const askedMs = retryAfterMs ?? resetMs;
        const delayMs = Math.min(
          askedMs ?? backoffDelay(attempt, this.#retry),
          this.#maximumWaitMs,
        );
        // A 429, or any status that says when to come back (503 + Retry-After), is a throttle.
        if (response.status === 429 || retryAfterMs !== undefined) {
          this.#report(
            {
              reason: response.status === 429 ? 'throttled' : 'retry-after',
              status: response.status,
              path: reportPath(),
              service,
              region,
              attempt,
              waitMs: delayMs,
              ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
            },
            reading,
          );
        }
        this.#options.onRetry?.({
          attempt,
          delayMs,
          status: response.status,
          method,
          path: reportPath(),
        });
        await this.#clock.sleep(delayMs, callerSignal);
        continue;
      }
      throw createHttpDriverError({
        ...failure,
        status: response.status,
        statusText: response.statusText,
        body: errorBody,
        attempts: attempt,
        errorClass: this.#notEnabledClass(request, response.status, errorBody),
      });
    }
  }

  #notEnabledClass(
    request: HttpRequestOptions,
    status: number,
    body: unknown,
  ): ErrorClass | undefined {
    const rule = request.notEnabled;
    if (!rule) return undefined;
    const matches = typeof rule === 'function' ? rule({ status, body }) : rule.includes(status);
    return matches ? 'not-enabled' : undefined;
  }

  #encodeBody(request: HttpRequestOptions): {
    body: string | Uint8Array | undefined;
    contentType?: string;
  } {
    if (request.json !== undefined) {
      return { body: JSON.stringify(request.json), contentType: 'application/json' };
    }
    if (request.form !== undefined) {
      const form =
        request.form instanceof URLSearchParams ? request.form : new URLSearchParams(request.form);
      return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    return { body: request.body };
  }

  // NOTE: a plain record, not a Headers object: fetch copies whatever it is given into its own
  // header list, so building a Headers first (validating every name and value) is done twice.
  #buildHeaders(
    request: HttpRequestOptions,
    contentType: string | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.#options.userAgent ?? 'cloud-inventory',
    };
    if (contentType) headers['content-type'] = contentType;
    // Lower-cased, so a later `Accept` replaces the default `accept` as Headers.set() would.
    for (const [name, value] of Object.entries(this.#options.headers ?? {}))
      headers[name.toLowerCase()] = value;
    for (const [name, value] of Object.entries(request.headers ?? {}))
      headers[name.toLowerCase()] = value;
    const auth = staticAuthHeader(this.#options.auth);
    if (auth) headers[auth[0].toLowerCase()] = auth[1];
    return headers;
  }

  #report(fields: Record<string, unknown>, reading: RateLimitReading | undefined): void {
    const listener = this.#options.onRateLimit;
    if (!listener) return;
    const report: RateLimitReport = {};
    const service = fields.service ?? this.#options.service;
    const region = fields.region ?? this.#options.region;
    if (typeof service === 'string') report.service = service;
    if (typeof region === 'string') report.region = region;
    if (reading?.remaining !== undefined) report.remaining = reading.remaining;
    if (reading?.limit !== undefined) report.limit = reading.limit;
    if (reading?.resetAt !== undefined) report.resetAt = new Date(reading.resetAt).toISOString();
    for (const [key, value] of Object.entries(fields)) {
      if (key !== 'service' && key !== 'region' && value !== undefined) report[key] = value;
    }
    try {
      listener(report);
    } catch (error) {
      // A failing listener must not fail the sync.
      this.#options.logger?.warn('onRateLimit listener threw', { error: String(error) });
    }
  }
}
