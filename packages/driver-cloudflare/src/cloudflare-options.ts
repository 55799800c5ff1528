import { ConfigurationError } from '@cloud-inventory/core';
import type { HttpAuth, RetryOptions } from '@cloud-inventory/driver-kit';

/** Default base URL of the Cloudflare API v4. */
export const cloudflareDefaultEndpoint = 'https://api.cloudflare.com/client/v4';

/** Environment variable read when the credentials carry no token (the name wrangler and the SDKs use). */
export const cloudflareTokenEnvironmentVariable = 'CLOUDFLARE_API_TOKEN';

/** Environment variables of the legacy global API key and its account e-mail (as the official SDK reads them). */
export const cloudflareLegacyEnvironmentVariables = {
  apiKey: 'CLOUDFLARE_API_KEY',
  email: 'CLOUDFLARE_EMAIL',
} as const;

/** R2 jurisdictions listed by default: buckets of each are listed only with its `cf-r2-jurisdiction` header. */
export const cloudflareDefaultR2Jurisdictions = ['default', 'eu'] as const;

/** R2 location hints, the only regions of the driver (everything else is `global`). */
export const cloudflareKnownLocations = ['wnam', 'enam', 'weur', 'eeur', 'apac', 'oc'] as const;

/** Cap of one Retry-After wait: Cloudflare blocks a throttled user for up to five minutes. */
export const cloudflareDefaultMaximumWaitMs = 300_000;

/** Credentials of the Cloudflare driver: an API token (recommended), or a legacy global API key with its e-mail. */
export interface CloudflareCredentials {
  /** API token (user or account owned) with the read permissions of the listed services. */
  apiToken?: string;
  /** Same as `apiToken` (the seed's second spelling). */
  token?: string;
  /** Legacy global API key (full access to everything; discouraged). Needs `email`. */
  apiKey?: string;
  /** E-mail address of the user owning `apiKey`. */
  email?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After wait. */
export interface CloudflareRetryOptions extends RetryOptions {
  /** Cap of one Retry-After or rate-limit reset wait. @default 300000 */
  maximumWaitMs?: number;
}

/** `config` of a Cloudflare cloud definition. */
export interface CloudflareDriverConfig {
  /** Account to inventory (32 hex characters); zones are limited to it (`GET /zones?account.id=`). Required. */
  accountId?: string;
  /** Services to list (`zones`, `workers`, `r2`, ...); all when empty. */
  services?: string[];
  /** R2 locations to keep (`wnam`, `weur`, ...); global resources are always kept. All when empty. */
  regions?: string[];
  /** Base URL of the API. @default 'https://api.cloudflare.com/client/v4' */
  endpoint?: string;
  /** R2 jurisdictions to list (`default`, `eu`, `fedramp`). @default ['default', 'eu'] */
  r2Jurisdictions?: string[];
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: CloudflareRetryOptions;
}

/** How the driver authenticates, and which credential fields the user set (named in auth errors). */
export interface CloudflareAuthentication {
  /** Auth of the HTTP client. */
  auth: HttpAuth;
  /** Extra headers (the legacy `X-Auth-Email`). */
  headers: Record<string, string>;
  /** Where the credential came from, for error messages. */
  source: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function tokenAuth(token: string, source: string): CloudflareAuthentication {
  return { auth: { type: 'bearer', token }, headers: {}, source };
}

function legacyAuth(apiKey: string, email: string, source: string): CloudflareAuthentication {
  return {
    auth: { type: 'header', name: 'X-Auth-Key', value: apiKey },
    headers: { 'X-Auth-Email': email },
    source,
  };
}

/**
 * The credential to use: `credentials.apiToken`, `credentials.token`, `credentials.apiKey` +
 * `credentials.email`, then `CLOUDFLARE_API_TOKEN`, then `CLOUDFLARE_API_KEY` + `CLOUDFLARE_EMAIL`.
 * Throws a ConfigurationError naming every source when none is set.
 */
export function resolveCloudflareAuthentication(
  credentials: CloudflareCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): CloudflareAuthentication {
  const token = text(credentials?.apiToken) ?? text(credentials?.token);
  if (token) {
    return tokenAuth(token, credentials?.apiToken ? 'credentials.apiToken' : 'credentials.token');
  }
  const apiKey = text(credentials?.apiKey);
  const email = text(credentials?.email);
  if (apiKey && email) return legacyAuth(apiKey, email, 'credentials.apiKey and credentials.email');
  if (apiKey || email) {
    throw new ConfigurationError({
      issues: [
        {
          path: apiKey ? 'credentials.email' : 'credentials.apiKey',
          expected: 'both credentials.apiKey and credentials.email for a legacy global API key',
          received: 'nothing',
        },
      ],
    });
  }
  const environmentToken = text(environment[cloudflareTokenEnvironmentVariable]);
  if (environmentToken) return tokenAuth(environmentToken, cloudflareTokenEnvironmentVariable);
  const environmentKey = text(environment[cloudflareLegacyEnvironmentVariables.apiKey]);
  const environmentEmail = text(environment[cloudflareLegacyEnvironmentVariables.email]);
  if (environmentKey && environmentEmail) {
    return legacyAuth(environmentKey, environmentEmail, 'CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL');
  }
  throw new ConfigurationError({
    issues: [
      {
        path: 'credentials.apiToken',
        expected: `a Cloudflare API token (credentials.apiToken, credentials.token or the ${cloudflareTokenEnvironmentVariable} environment variable), or a legacy credentials.apiKey with credentials.email`,
        received: 'nothing',
      },
    ],
  });
}

/** `config.accountId`, checked; throws a ConfigurationError when it is missing. */
export function resolveCloudflareAccountId(config: CloudflareDriverConfig): string {
  const accountId = text(config.accountId);
  if (!accountId) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'config.accountId',
          expected:
            'the Cloudflare account id (32 hex characters, shown on the dashboard overview page)',
          received: JSON.stringify(config.accountId ?? null),
        },
      ],
    });
  }
  return accountId;
}

/** `config.r2Jurisdictions`, checked against the jurisdictions R2 knows. */
export function resolveR2Jurisdictions(configured: string[] | undefined): string[] {
  if (configured === undefined || configured.length === 0) {
    return [...cloudflareDefaultR2Jurisdictions];
  }
  const known = new Set(['default', 'eu', 'fedramp']);
  const unknown = configured.filter((jurisdiction) => !known.has(jurisdiction));
  if (unknown.length > 0) {
    throw new ConfigurationError({
      issues: unknown.map((jurisdiction) => ({
        path: 'config.r2Jurisdictions',
        expected: 'default, eu or fedramp',
        received: JSON.stringify(jurisdiction),
      })),
    });
  }
  return [...new Set(configured)];
}
