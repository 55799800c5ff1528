import type { HttpHeaders, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { RateLimitReport } from '@cloud-inventory/core';
import { azureCallContext } from './azure-call-context.ts';

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

/** Reports ARM's remaining-call budgets and 429 waits, and caps the Retry-After the SDK will wait. */
export function rateLimitPolicy(
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
