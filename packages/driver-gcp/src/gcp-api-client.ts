import { DriverError, type InventoryLogger, type RateLimitReport } from '@cloud-inventory/core';
import {
  backoffDelay,
  createHttpClient,
  type HttpClient,
  paginateCursor,
  type QueryParameters,
  resolveRetryOptions,
  sleep,
} from '@cloud-inventory/driver-kit';
import type { GcpTokenSource } from './gcp-auth.ts';
import type { GcpApi, GcpEndpoints } from './gcp-endpoints.ts';
import { gcpNotEnabledError, isRateLimitBody, isServiceDisabledBody } from './gcp-errors.ts';
import type { GcpRetryOptions } from './gcp-options.ts';

/** A 403 rate limit that outlasted the retries, as a `throttled` error. */
function throttledError(error: DriverError): DriverError {
  return new DriverError({
    message: `Google kept answering 403 rate limit exceeded: ${error.message}`,
    errorClass: 'throttled',
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.service === undefined ? {} : { service: error.service }),
    retryable: true,
    cause: error,
  });
}

/** One GET of a Google API. */
export interface GcpRequest {
  /** API (host name prefix). */
  api: GcpApi;
  /** Path below the API's base URL (`/compute/v1/projects/p/aggregated/instances`). */
  path: string;
  /** Query parameters. */
  query?: QueryParameters;
  /** Project, named when the API is not enabled. */
  project?: string;
  /** Service label of errors and rate-limit reports. */
  service?: string;
  /** Region label of errors and rate-limit reports. */
  region?: string;
  /** Aborts the call. */
  signal?: AbortSignal;
}

/** A paged list call (`pageToken` in, `nextPageToken` out). */
export interface GcpListRequest extends GcpRequest {
  /** Body key of the items (`items`, `clusters`, `accounts`). */
  itemsKey: string;
  /** Page-size parameter: `maxResults` (Compute, Storage, SQL, BigQuery, DNS) or `pageSize`; none for unpaged lists. */
  pageSizeParam?: 'maxResults' | 'pageSize' | null;
  /** Body key listing locations that did not answer (`unreachable`, `missingZones`): the list then fails once read. */
  unreachableKey?: string;
}

/** Options of `GcpApiClient`. */
export interface GcpApiClientOptions {
  /** Base URLs. */
  endpoints: GcpEndpoints;
  /** Authorization header source. */
  tokens: GcpTokenSource;
  /** Page size of list calls. */
  pageSize: number;
  /** Retries and Retry-After cap. */
  retry?: GcpRetryOptions;
  /** Timeout of one attempt. */
  timeoutMs?: number;
  /** Debug log of requests. */
  logger?: InventoryLogger;
  /** Rate-limit and throttling reports. */
  onRateLimit: (report: RateLimitReport) => void;
}

/**
 * The REST client of every Google API the driver calls: the kit's fetch client (retries on 429
 * and 5xx with Retry-After), one per API base URL, an OAuth bearer token on every call, Google's
 * `pageToken` paging, and `SERVICE_DISABLED` answers turned into `not-enabled` errors naming the API.
 */
export class GcpApiClient {
  readonly #options: GcpApiClientOptions;
  readonly #clients = new Map<string, HttpClient>();

  constructor(options: GcpApiClientOptions) {
    this.#options = options;
  }

  /** Page size of list calls. */
  get pageSize(): number {
    return this.#options.pageSize;
  }

  #client(api: GcpApi): HttpClient {
    const baseUrl = this.#options.endpoints.baseUrl(api);
    let client = this.#clients.get(baseUrl);
    if (!client) {
      const { maximumWaitMs, ...retry } = this.#options.retry ?? {};
      client = createHttpClient({
        baseUrl,
        retry,
        ...(maximumWaitMs === undefined ? {} : { maximumWaitMs }),
        ...(this.#options.timeoutMs === undefined ? {} : { timeoutMs: this.#options.timeoutMs }),
        userAgent: 'cloud-inventory-driver-gcp',
        ...(this.#options.logger ? { logger: this.#options.logger } : {}),
        onRateLimit: this.#options.onRateLimit,
      });
      this.#clients.set(baseUrl, client);
    }
    return client;
  }

  /** GET one resource or page as JSON; a 403 rate limit is retried like a 429. */
  async get<Body>(request: GcpRequest): Promise<Body> {
    const retry = resolveRetryOptions(this.#options.retry);
    for (let attempt = 1; ; attempt++) {
      let rateLimited = false;
      try {
        return await this.#getOnce<Body>(request, () => {
          rateLimited = true;
        });
      } catch (error) {
        if (!rateLimited || !DriverError.isInstance(error)) throw error;
        if (attempt >= retry.maximumAttempts) throw throttledError(error);
        const waitMs = backoffDelay(attempt, retry);
        this.#options.onRateLimit({
          reason: 'throttled',
          status: 403,
          path: request.path,
          attempt,
          waitMs,
          ...(request.service ? { service: request.service } : {}),
          ...(request.region ? { region: request.region } : {}),
        });
        await sleep(waitMs, request.signal);
      }
    }
  }

  async #getOnce<Body>(request: GcpRequest, onRateLimited: () => void): Promise<Body> {
    const authorization = await this.#options.tokens.authorization();
    try {
      return await this.#client(request.api).getJson<Body>(request.path, {
        headers: { authorization },
        ...(request.query ? { query: request.query } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.service ? { service: request.service } : {}),
        ...(request.region ? { region: request.region } : {}),
        notEnabled: ({ status, body }) => {
          if (status === 403 && isRateLimitBody(body)) onRateLimited();
          return status === 403 && isServiceDisabledBody(body);
        },
      });
    } catch (error) {
      if (DriverError.isInstance(error) && error.errorClass === 'not-enabled') {
        throw gcpNotEnabledError({ api: request.api, project: request.project, cause: error });
      }
      throw error;
    }
  }

  /** Every item of a paged list, following `nextPageToken`. */
  async *list<Item>(request: GcpListRequest): AsyncGenerator<Item> {
    const sizeParam = request.pageSizeParam === undefined ? 'pageSize' : request.pageSizeParam;
    const unreachable: string[] = [];
    yield* paginateCursor<Item, Record<string, unknown>>({
      ...(request.signal ? { signal: request.signal } : {}),
      label: `GET ${request.path}`,
      fetchPage: async ({ cursor }) => ({
        body: await this.get<Record<string, unknown>>({
          ...request,
          query: {
            ...(request.query as Record<string, string> | undefined),
            ...(sizeParam ? { [sizeParam]: this.pageSize } : {}),
            ...(cursor ? { pageToken: cursor } : {}),
          },
        }),
      }),
      items: (body) =>
        Array.isArray(body[request.itemsKey]) ? (body[request.itemsKey] as Item[]) : [],
      nextCursor: (body) =>
        typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
      onPage: ({ body }) => {
        const missing = request.unreachableKey ? body[request.unreachableKey] : undefined;
        if (Array.isArray(missing)) unreachable.push(...missing.map(String));
      },
    });
    if (unreachable.length > 0) {
      // NOTE: a list that skipped locations is not complete; failing it keeps their resources.
      throw new DriverError({
        message: `GET ${request.path} answered without the locations ${[...new Set(unreachable)].join(', ')} (unreachable); what it listed is kept, nothing is marked deleted. Retry later.`,
        errorClass: 'server',
        ...(request.service ? { service: request.service } : {}),
        retryable: true,
      });
    }
  }
}
