import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicyName,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { RateLimitReport } from '@cloud-inventory/core';
import { isLoopbackHost } from '@cloud-inventory/driver-kit';
import { azureCallContext } from './azure-call-context.ts';
import type { AzureRetryOptions } from './azure-options.ts';
import { azureDefaultMaximumWaitMs, rateLimitPolicy } from './azure-rate-limits.ts';

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
