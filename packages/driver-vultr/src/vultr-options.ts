import { ConfigurationError } from '@cloud-inventory/core';
import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Default base URL of the Vultr API v2. */
export const vultrDefaultEndpoint = 'https://api.vultr.com/v2';

/** Account id used when `config.accountId` is not set (`GET /account` carries no account id). */
export const vultrDefaultAccountId = 'default';

/** Environment variable read when the credentials carry no API key (the name `vultr-cli` uses). */
export const vultrApiKeyEnvironmentVariable = 'VULTR_API_KEY';

/** Largest `per_page` the Vultr API serves ("Default is 100 and Max is 500"). */
export const vultrMaximumPerPage = 500;

/** Page size the driver asks for by default. */
export const vultrDefaultPerPage = 100;

/** Vultr's documented limit: 30 requests per second per originating IP address. */
export const vultrDocumentedRequestsPerSecond = 30;

/** Requests per second the driver sends by default: under the limit, leaving room for other tools on the same IP. */
export const vultrDefaultRequestsPerSecond = 20;

/** Credentials of the Vultr driver: an API key (the seed's two spellings). */
export interface VultrCredentials {
  /** API key (Vultr customer portal, Account → API, or a user's API key). */
  apiKey?: string;
  /** Same as `apiKey` (the seed's second spelling). */
  token?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After wait. */
export interface VultrRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of a Vultr cloud definition. */
export interface VultrDriverConfig {
  /** Account id recorded on every resource; the API has none to read. @default 'default' */
  accountId?: string;
  /** Services to list (`instances`, `kubernetes`, ...); all when empty. */
  services?: string[];
  /** Regions to keep (`ewr`, `ams`, ...); account-wide resources are always kept. All when empty. */
  regions?: string[];
  /** Base URL of the API (plain http only for loopback addresses). @default 'https://api.vultr.com/v2' */
  endpoint?: string;
  /** `per_page` of list calls (1 to 500). @default 100 */
  perPage?: number;
  /** Requests per second the driver sends at most (1 to 30, Vultr's limit per IP). @default 20 */
  requestsPerSecond?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx (503 included) and network errors. */
  retry?: VultrRetryOptions;
}

/** The API key from `credentials.apiKey`, `credentials.token` or `VULTR_API_KEY`; throws a ConfigurationError naming all three when none is set. */
export function resolveVultrApiKey(
  credentials: VultrCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  for (const candidate of [
    credentials?.apiKey,
    credentials?.token,
    environment[vultrApiKeyEnvironmentVariable],
  ]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  throw new ConfigurationError({
    issues: [
      {
        path: 'credentials.apiKey',
        expected: `a Vultr API key (credentials.apiKey, credentials.token or the ${vultrApiKeyEnvironmentVariable} environment variable)`,
        received: 'nothing',
      },
    ],
  });
}

function integerInRange(options: {
  value: number | undefined;
  fallback: number;
  maximum: number;
  path: string;
}): number {
  const { value } = options;
  if (value === undefined) return options.fallback;
  if (!Number.isInteger(value) || value < 1 || value > options.maximum) {
    throw new ConfigurationError({
      issues: [
        {
          path: options.path,
          expected: `an integer from 1 to ${options.maximum}`,
          received: JSON.stringify(value),
        },
      ],
    });
  }
  return value;
}

/** `config.perPage` checked against the API's range; throws a ConfigurationError otherwise. */
export function resolveVultrPerPage(perPage: number | undefined): number {
  return integerInRange({
    value: perPage,
    fallback: vultrDefaultPerPage,
    maximum: vultrMaximumPerPage,
    path: 'config.perPage',
  });
}

/** `config.requestsPerSecond` checked against Vultr's limit; throws a ConfigurationError otherwise. */
export function resolveVultrRequestsPerSecond(requestsPerSecond: number | undefined): number {
  return integerInRange({
    value: requestsPerSecond,
    fallback: vultrDefaultRequestsPerSecond,
    maximum: vultrDocumentedRequestsPerSecond,
    path: 'config.requestsPerSecond',
  });
}
