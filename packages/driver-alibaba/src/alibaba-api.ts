import { createRequire } from 'node:module';
import { DriverError, type InventoryLogger, type RateLimitReport } from '@cloud-inventory/core';
import {
  backoffDelay,
  parseRetryAfter,
  resolveRetryOptions,
  sleep,
} from '@cloud-inventory/driver-kit';
import { type AlibabaProduct, alibabaProducts, productEndpoint } from './alibaba-endpoints.ts';
import { AlibabaApiError, classifyAlibabaError } from './alibaba-errors.ts';
import type { AlibabaRetryOptions, ResolvedAlibabaCredentials } from './alibaba-options.ts';
import type {
  PopEntry,
  RoaClient,
  RoaClientConstructor,
  RpcClient,
  RpcClientConstructor,
} from './pop-core-types.ts';

const require = createRequire(import.meta.url);

/** Where a call goes and how it is named in errors and scope reports. */
export interface AlibabaCallTarget {
  /** Product of the call. */
  product: AlibabaProduct;
  /** Region of the call (sent as `RegionId` by the callers that need it). */
  region: string;
  /** Catalog service, for rate-limit reports. */
  service: string;
  /** Aborts waiting (pop-core's requests take no signal: a late answer is dropped). */
  signal: AbortSignal;
}

/** Options of `AlibabaApi`. */
export interface AlibabaApiOptions {
  /** Resolved AccessKey pair (and STS token). */
  credentials: ResolvedAlibabaCredentials;
  /** `config.endpoint`, already validated. */
  endpoint: string | undefined;
  /** Retry policy. */
  retry: AlibabaRetryOptions | undefined;
  /** Timeout of one attempt. */
  timeoutMs: number;
  /** Where throttling is reported. */
  onRateLimit: (report: RateLimitReport) => void;
  /** Cloud logger. */
  logger: InventoryLogger;
}

/**
 * The RPC and ROA calls of the driver, through @alicloud/pop-core (which signs them), with the
 * retries pop-core lacks: throttling codes and 429 wait out Retry-After (or back off), 5xx and
 * network errors back off, and HTTP errors whose body carries no `Code` are still errors.
 */
export class AlibabaApi {
  readonly #options: AlibabaApiOptions;
  readonly #rpcClients = new Map<string, RpcClient>();
  readonly #roaClients = new Map<string, RoaClient>();

  constructor(options: AlibabaApiOptions) {
    this.#options = options;
  }

  /** An RPC action (`DescribeInstances`), sent as a signed POST form; the parsed body. */
  rpc<Body>(
    target: AlibabaCallTarget,
    action: string,
    params: Record<string, unknown>,
  ): Promise<Body> {
    const call = `${target.product}:${action}`;
    return this.retrying(target, call, async () => {
      const client = this.#rpcClient(target);
      let answer: [unknown, PopEntry];
      try {
        answer = (await client.request(action, params, {
          method: 'POST',
          formatParams: false,
          timeout: this.#options.timeoutMs,
        })) as [unknown, PopEntry];
      } catch (error) {
        throw popError(call, error);
      }
      const [body, entry] = answer;
      const status = entry.response?.statusCode;
      if (status !== undefined && status >= 400)
        throw httpError(call, status, body, entry.response?.headers);
      return plain(body) as Body;
    });
  }

  /** A ROA request (`GET /api/v1/clusters`); the parsed JSON body. */
  roa<Body>(
    target: AlibabaCallTarget,
    path: string,
    query: Record<string, string>,
    call: string,
  ): Promise<Body> {
    return this.retrying(target, call, async () => {
      const client = this.#roaClient(target);
      try {
        const body = await client.request(
          'GET',
          path,
          query,
          '',
          {},
          { timeout: this.#options.timeoutMs },
        );
        if (typeof body === 'string') {
          throw new AlibabaApiError({
            call,
            message: `unexpected non-JSON answer (${body.slice(0, 80)})`,
          });
        }
        return plain(body) as Body;
      } catch (error) {
        throw popError(call, error);
      }
    });
  }

  /** Run one call (any client: ali-oss too) with the driver's retries, waits and rate-limit reports. */
  async retrying<Result>(
    target: AlibabaCallTarget,
    call: string,
    attempt: () => Promise<Result>,
  ): Promise<Result> {
    const retry = resolveRetryOptions(this.#options.retry);
    const maximumWaitMs = this.#options.retry?.maximumWaitMs ?? 60_000;
    for (let attemptNumber = 1; ; attemptNumber++) {
      target.signal.throwIfAborted();
      try {
        return await abortable(attempt(), target.signal);
      } catch (error) {
        const errorClass = classifyAlibabaError(error);
        const retryable = ['throttled', 'server', 'network'].includes(errorClass);
        if (!retryable || attemptNumber >= retry.maximumAttempts || target.signal.aborted)
          throw error;
        const asked = error instanceof AlibabaApiError ? error.retryAfterMs : undefined;
        const waitMs =
          asked !== undefined ? Math.min(asked, maximumWaitMs) : backoffDelay(attemptNumber, retry);
        if (errorClass === 'throttled') {
          this.#options.onRateLimit({
            service: target.service,
            region: target.region,
            waitMs,
            call,
          });
        }
        this.#options.logger.debug('alibaba: retrying', {
          call,
          region: target.region,
          errorClass,
          waitMs,
        });
        await sleep(waitMs, target.signal);
      }
    }
  }

  /** Close the keep-alive sockets of every client built so far. */
  close(): void {
    for (const client of [...this.#rpcClients.values(), ...this.#roaClients.values()]) {
      client.keepAliveAgent?.destroy();
    }
    this.#rpcClients.clear();
    this.#roaClients.clear();
  }

  #rpcClient(target: AlibabaCallTarget): RpcClient {
    const endpoint = productEndpoint(target.product, target.region, this.#options.endpoint);
    const version = alibabaProducts[target.product].version;
    const key = `${endpoint} ${version}`;
    let client = this.#rpcClients.get(key);
    if (!client) {
      const { RPCClient } = require('@alicloud/pop-core') as { RPCClient: RpcClientConstructor };
      // verbose: answers come with the HTTP status and headers, which pop-core otherwise drops.
      client = new RPCClient({ ...this.#clientCredentials(), endpoint, apiVersion: version }, true);
      this.#rpcClients.set(key, client);
    }
    return client;
  }

  #roaClient(target: AlibabaCallTarget): RoaClient {
    const endpoint = productEndpoint(target.product, target.region, this.#options.endpoint);
    const version = alibabaProducts[target.product].version;
    const key = `${endpoint} ${version}`;
    let client = this.#roaClients.get(key);
    if (!client) {
      const { ROAClient } = require('@alicloud/pop-core') as { ROAClient: RoaClientConstructor };
      client = new ROAClient({ ...this.#clientCredentials(), endpoint, apiVersion: version });
      this.#roaClients.set(key, client);
    }
    return client;
  }

  #clientCredentials() {
    const { accessKeyId, accessKeySecret, securityToken } = this.#options.credentials;
    return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
  }
}

// pop-core parses with json-bigint: big numbers become BigNumber objects; keep plain JSON values.
function plain(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body ?? null));
}

function abortable<Result>(promise: Promise<Result>, signal: AbortSignal): Promise<Result> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Result>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

function headerValue(
  headers: Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

function httpError(
  call: string,
  status: number,
  body: unknown,
  headers: Record<string, unknown> | undefined,
): AlibabaApiError {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const message = typeof record.Message === 'string' ? record.Message : `HTTP ${status}`;
  return new AlibabaApiError({
    call,
    statusCode: status,
    code: typeof record.Code === 'string' ? record.Code : undefined,
    message,
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after')),
  });
}

// pop-core's errors: RPC puts the body on `data` and the response on `entry`; ROA puts the body on
// `result` and the status on `statusCode`. Their messages can carry the request URL: not kept.
function popError(call: string, error: unknown): unknown {
  if (error instanceof AlibabaApiError || typeof error !== 'object' || error === null) return error;
  const record = error as {
    code?: unknown;
    statusCode?: unknown;
    data?: Record<string, unknown>;
    result?: Record<string, unknown>;
    entry?: PopEntry;
    name?: unknown;
  };
  const body = record.data ?? record.result;
  if (body === undefined && typeof record.code === 'string' && /^E[A-Z]+$/.test(record.code))
    return error;
  // httpx names its timeouts `RequestTimeoutError`, which no classifier knows: a network failure.
  if (body === undefined && typeof record.name === 'string' && /Timeout/.test(record.name)) {
    return new DriverError({ message: `${call} timed out`, errorClass: 'network', cause: error });
  }
  if (body === undefined && record.name === 'SyntaxError') {
    return new AlibabaApiError({
      call,
      statusCode: 502,
      message: 'the answer was not JSON',
      cause: error,
    });
  }
  if (body === undefined && record.statusCode === undefined) return error;
  const status =
    typeof record.statusCode === 'number' ? record.statusCode : record.entry?.response?.statusCode;
  // ROA APIs (ACK) answer `{code, message, requestId}`; pop-core only reads `Code`/`errorCode`.
  const bodyCode =
    typeof body?.Code === 'string'
      ? body.Code
      : typeof body?.code === 'string'
        ? body.code
        : undefined;
  const code =
    typeof record.code === 'string' && record.code !== '' ? record.code : bodyCode || undefined;
  const message =
    typeof body?.Message === 'string'
      ? body.Message
      : typeof body?.message === 'string'
        ? body.message
        : 'no message';
  return new AlibabaApiError({
    call,
    code,
    statusCode: status,
    message,
    requestId: typeof body?.RequestId === 'string' ? body.RequestId : undefined,
    retryAfterMs: parseRetryAfter(headerValue(record.entry?.response?.headers, 'retry-after')),
  });
}
