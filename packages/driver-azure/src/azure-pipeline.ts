import { AsyncLocalStorage } from 'node:async_hooks';
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicyName,
  type HttpHeaders,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { RateLimitReport } from '@cloud-inventory/core';
import { isLoopbackHost } from '@cloud-inventory/driver-kit';
import type { AzureRetryOptions } from './azure-options.ts';

/** What the policies of one list call need: where raw page bodies go and the service named in reports. */
export interface AzureCallContext {
  /** Service of the step, for rate-limit reports. */
  service: string;
  /** Raw JSON bodies of the successful GETs of this page call, in order. */
  bodies: unknown[];
  /** ARM's error (`{ error: { code, message } }`) of the last failed response, which some SDK errors drop. */
  armError?: { code?: string; message: string };
}

/** The call context of the SDK request under way (set around each page fetch). */
export const azureCallContext = new AsyncLocalStorage<AzureCallContext>();

/** Options every ARM client of one driver instance gets. */
export interface AzureClientSettings {
  /** ARM base URL, without trailing slash. */
  endpoint: string;
  /** Token scope of the ARM audience. */
  scope: string;
  /** The credential. */
  credential: TokenCredential;
  /** Retry policy from `config.retry`. */
  retry: AzureRetryOptions | undefined;
  /** Forwards rate-limit readings and throttling waits to the sync under way. */
  onRateLimit: (report: RateLimitReport) => void;
}

/** True when the endpoint is plain http to a loopback address (tests, local proxies). */
export function isLoopbackHttp(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** Options for both generations of `@azure/arm-*` clients (HLC `credentialScopes`, modular `credentials.scopes`). */
export function azureClientOptions(settings: AzureClientSettings): Record<string, unknown> {
  const retry = settings.retry;
  const retryOptions: Record<string, number> = {};
  if (retry?.maximumAttempts !== undefined) {
    retryOptions.maxRetries = Math.max(0, retry.maximumAttempts - 1);
  }
  if (retry?.baseDelayMs !== undefined) retryOptions.retryDelayInMs = retry.baseDelayMs;
  if (retry?.maximumDelayMs !== undefined) retryOptions.maxRetryDelayInMs = retry.maximumDelayMs;
  return {
    endpoint: settings.endpoint,
    credentialScopes: [settings.scope],
    credentials: { scopes: [settings.scope] },
    userAgentOptions: { userAgentPrefix: 'cloud-inventory-driver-azure' },
    retryOptions,
    ...(isLoopbackHttp(settings.endpoint) ? { allowInsecureConnection: true } : {}),
  };
}

/** Add the driver's policies to an ARM client's pipeline; swap the bearer policy for loopback http endpoints. */
export function configureAzurePipeline(pipeline: Pipeline, settings: AzureClientSettings): void {
  if (isLoopbackHttp(settings.endpoint)) {
    // NOTE: the SDK's bearer policy refuses to send a token over http; only loopback gets this one.
    pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
    pipeline.addPolicy(loopbackBearerPolicy(settings.credential, settings.scope), {
      phase: 'Sign',
    });
  }
  pipeline.addPolicy(
    rateLimitPolicy(
      settings.onRateLimit,
      settings.retry?.maximumWaitMs ?? azureDefaultMaximumWaitMs,
    ),
    { afterPhase: 'Retry' },
  );
  pipeline.addPolicy(rawBodyPolicy(), { afterPhase: 'Retry' });
}

function loopbackBearerPolicy(credential: TokenCredential, scope: string): PipelinePolicy {
  return {
    name: 'cloudInventoryLoopbackBearerPolicy',
    async sendRequest(request, next) {
      const token = await credential.getToken(scope, { abortSignal: request.abortSignal });
      if (token) request.headers.set('Authorization', `Bearer ${token.token}`);
      return next(request);
    },
  };
}

// Keeps the raw body of each successful GET so the driver stores ARM's payload as sent, not the
// SDK's deserialized model (which renames, flattens and converts fields).
function rawBodyPolicy(): PipelinePolicy {
  return {
    name: 'cloudInventoryRawBodyPolicy',
    async sendRequest(request, next) {
      const response = await next(request);
      const context = azureCallContext.getStore();
      if (!context) return response;
      const body = parseJson(response.bodyAsText);
      if (request.method === 'GET' && response.status >= 200 && response.status < 300) {
        context.bodies.push(body ?? null);
      } else if (response.status >= 400) {
        const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)
          ?.error;
        if (typeof error?.message === 'string') {
          context.armError = {
            message: error.message,
            ...(typeof error.code === 'string' ? { code: error.code } : {}),
          };
        }
      }
      return response;
    },
  };
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** ARM's remaining-calls headers: subscription and tenant reads, and per-resource-provider budgets. */
export function readAzureRateLimitHeaders(headers: {
  get(name: string): string | undefined;
}): Record<string, number> | undefined {
  const readings: Record<string, number> = {};
  for (const name of [
    'x-ms-ratelimit-remaining-subscription-reads',
    'x-ms-ratelimit-remaining-subscription-global-reads',
    'x-ms-ratelimit-remaining-tenant-reads',
  ]) {
    const value = Number(headers.get(name));
    if (headers.get(name) !== undefined && Number.isFinite(value)) readings[name] = value;
  }
  // `Microsoft.Compute/HighCostGet3Min;139,Microsoft.Compute/HighCostGet30Min;699`
  for (const entry of (headers.get('x-ms-ratelimit-remaining-resource') ?? '').split(',')) {
    const [policy, count] = entry.split(';');
    const value = Number(count);
    if (policy && policy.trim() !== '' && count !== undefined && Number.isFinite(value)) {
      readings[policy.trim()] = value;
    }
  }
  return Object.keys(readings).length === 0 ? undefined : readings;
}

function retryAfterMs(headers: { get(name: string): string | undefined }): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(headers.get(name));
    if (headers.get(name) !== undefined && Number.isFinite(value)) return value;
  }
  const header = headers.get('retry-after');
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Default cap of one Retry-After wait. */
export const azureDefaultMaximumWaitMs = 60_000;

const retryAfterHeaders = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'];

// The SDK's throttling policy waits whatever Retry-After says; this policy sits below it and
// shortens the header to the cap first, so one throttled call cannot stall a sync for minutes.
function capRetryAfter(headers: HttpHeaders, maximumWaitMs: number): number | undefined {
  const asked = retryAfterMs(headers);
  if (asked === undefined) return undefined;
  if (asked <= maximumWaitMs) return asked;
  for (const name of retryAfterHeaders) headers.delete(name);
  headers.set('retry-after-ms', String(maximumWaitMs));
  return maximumWaitMs;
}

function rateLimitPolicy(
  onRateLimit: (report: RateLimitReport) => void,
  maximumWaitMs: number,
): PipelinePolicy {
  return {
    name: 'cloudInventoryRateLimitPolicy',
    async sendRequest(request, next) {
      const response = await next(request);
      const waitMs =
        response.status === 429 || response.status === 503
          ? capRetryAfter(response.headers, maximumWaitMs)
          : undefined;
      const service = azureCallContext.getStore()?.service;
      const readings = readAzureRateLimitHeaders(response.headers);
      const report: RateLimitReport = {};
      if (service) report.service = service;
      if (readings) {
        report.remaining = Math.min(...Object.values(readings));
        report.budgets = readings;
      }
      if (response.status === 429) {
        report.reason = 'throttled';
        if (waitMs !== undefined) report.waitMs = waitMs;
      }
      if (readings || response.status === 429) {
        try {
          onRateLimit(report);
        } catch {
          // A failing listener must not fail the sync.
        }
      }
      return response;
    },
  };
}
