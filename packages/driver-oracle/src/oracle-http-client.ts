import type { InventoryLogger, RateLimitReport } from '@cloud-inventory/core';
import {
  backoffDelay,
  parseRetryAfter,
  resolveRetryOptions,
  sleep,
} from '@cloud-inventory/driver-kit';
import * as common from 'oci-common';
import { currentOracleCall } from './oracle-call-context.ts';
import type { OracleRetryOptions } from './oracle-options.ts';

/** Options of the driver's HTTP layer under the SDK clients. */
export interface OracleHttpClientOptions {
  /** Signs every attempt (request signing with the API key or instance principal token). */
  provider: common.AuthenticationDetailsProvider;
  /** Retries of 429, 5xx and network errors. */
  retry?: OracleRetryOptions | undefined;
  /** Timeout of one attempt. @default 60000 */
  timeoutMs?: number | undefined;
  /** Throttling reports (wire to runtime.emitRateLimit). */
  onRateLimit?: (report: RateLimitReport) => void;
  /** Logs retries. */
  logger?: InventoryLogger | undefined;
}

/**
 * The SDK clients' `httpClient`: signs each attempt and retries 429 (waiting what `Retry-After`
 * asks, reported as a rate limit), 5xx and connection failures, with the kit's backoff. The SDK's
 * own retrier can only back off by attempt count (its delay strategy never sees the response), so
 * the SDK is configured with one attempt and the retries happen here.
 */
export class OracleHttpClient implements common.HttpClient {
  readonly #signer: common.DefaultRequestSigner;
  readonly #options: OracleHttpClientOptions;
  readonly #retry: ReturnType<typeof resolveRetryOptions>;

  constructor(options: OracleHttpClientOptions) {
    this.#options = options;
    this.#signer = new common.DefaultRequestSigner(options.provider);
    this.#retry = resolveRetryOptions(options.retry);
  }

  async send(
    request: common.HttpRequest,
    forceExcludeBody = false,
    _targetService = '',
    operationName = '',
  ): Promise<Response> {
    const call = currentOracleCall();
    const signal = call?.signal;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      // A fresh date per attempt: OCI refuses signatures older than five minutes.
      request.headers.set('x-date', new Date().toUTCString());
      await this.#signer.signHttpRequest(request, forceExcludeBody);
      const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 60_000);
      let response: Response;
      try {
        response = await fetch(request.uri, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined || request.body === null
            ? {}
            : { body: request.body as RequestInit['body'] }),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        if (
          signal?.aborted ||
          attempt >= this.#retry.maximumAttempts ||
          !this.#retry.retryNetworkErrors
        ) {
          throw error;
        }
        await this.#wait(
          backoffDelay(attempt, this.#retry),
          attempt,
          operationName,
          undefined,
          signal,
        );
        continue;
      }
      if (
        !this.#retry.retryStatuses.includes(response.status) ||
        attempt >= this.#retry.maximumAttempts
      ) {
        return response;
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const waitMs =
        retryAfter === undefined
          ? backoffDelay(attempt, this.#retry)
          : Math.min(retryAfter, this.#options.retry?.maximumWaitMs ?? 60_000);
      if (response.status === 429) {
        this.#reportThrottle({
          operationName,
          waitMs,
          attempt,
          service: call?.service,
          region: call?.region,
        });
      }
      await response.body?.cancel().catch(() => {});
      await this.#wait(waitMs, attempt, operationName, response.status, signal);
    }
  }

  #reportThrottle(report: {
    operationName: string;
    waitMs: number;
    attempt: number;
    service: string | undefined;
    region: string | undefined;
  }): void {
    try {
      this.#options.onRateLimit?.({
        ...(report.service ? { service: report.service } : {}),
        ...(report.region ? { region: report.region } : {}),
        waitMs: report.waitMs,
        throttled: true,
        operation: report.operationName,
        attempt: report.attempt,
      });
    } catch (error) {
      this.#options.logger?.warn('onRateLimit listener threw', { error: String(error) });
    }
  }

  async #wait(
    waitMs: number,
    attempt: number,
    operationName: string,
    status: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    this.#options.logger?.debug('oci call retried', {
      operation: operationName,
      attempt,
      waitMs,
      ...(status === undefined ? {} : { status }),
    });
    await sleep(waitMs, signal);
  }
}
