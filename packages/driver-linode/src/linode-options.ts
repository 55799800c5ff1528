import { ConfigurationError } from '@cloud-inventory/core';
import { type RetryOptions, resolveEndpoint } from '@cloud-inventory/driver-kit';

/** Default base URL of the Linode API, without a version: the driver appends `/v4` or `/v4beta` per call. */
export const linodeDefaultEndpoint = 'https://api.linode.com';

/** Environment variable read when the credentials carry no token (the name the Linode CLI and Terraform use). */
export const linodeTokenEnvironmentVariable = 'LINODE_TOKEN';

/** Smallest page size the Linode API accepts. */
export const linodeMinimumPageSize = 25;

/** Largest page size the Linode API serves. */
export const linodeMaximumPageSize = 500;

/** Credentials of the Linode driver: a personal access token (read-only scopes are enough). */
export interface LinodeCredentials {
  /** Personal access token. @default process.env.LINODE_TOKEN */
  token?: string;
  /** Same as `token` (the seed's second spelling). */
  apiToken?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After or rate-limit wait. */
export interface LinodeRetryOptions extends RetryOptions {
  /** Cap of one Retry-After or `X-RateLimit-Reset` wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of a Linode cloud definition. */
export interface LinodeDriverConfig {
  /** Account id recorded on every resource. @default the account's `euuid` from `GET /v4/account` */
  accountId?: string;
  /** Services to list (`linodes`, `kubernetes`, ...); all when empty. */
  services?: string[];
  /** Regions to keep (`us-east`, `eu-west`, ...); global resources are always kept. All when empty. */
  regions?: string[];
  /**
   * Base URL of the API without the version (`https://api.linode.com`, a proxy, a test server); a
   * trailing `/v4` or `/v4beta` is dropped, since each call names its own version.
   * @default 'https://api.linode.com'
   */
  endpoint?: string;
  /** Page size of list calls (25 to 500). @default 500 */
  pageSize?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: LinodeRetryOptions;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The token from `credentials.token`, `credentials.apiToken` or `LINODE_TOKEN`; throws a ConfigurationError naming all three when none is set. */
export function resolveLinodeToken(
  credentials: LinodeCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  const token =
    text(credentials?.token) ??
    text(credentials?.apiToken) ??
    text(environment[linodeTokenEnvironmentVariable]);
  if (token) return token;
  throw new ConfigurationError({
    issues: [
      {
        path: 'credentials.token',
        expected: `a Linode personal access token (credentials.token, credentials.apiToken or the ${linodeTokenEnvironmentVariable} environment variable)`,
        received: 'nothing',
      },
    ],
  });
}

/** `config.pageSize` checked against the API's range (25 to 500); throws a ConfigurationError otherwise. */
export function resolveLinodePageSize(pageSize: unknown): number {
  if (pageSize === undefined || pageSize === null) return linodeMaximumPageSize;
  if (
    typeof pageSize !== 'number' ||
    !Number.isInteger(pageSize) ||
    pageSize < linodeMinimumPageSize ||
    pageSize > linodeMaximumPageSize
  ) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'config.pageSize',
          expected: `an integer from ${linodeMinimumPageSize} to ${linodeMaximumPageSize}`,
          received: JSON.stringify(pageSize),
        },
      ],
    });
  }
  return pageSize;
}

/**
 * The API base URL without a version: `config.endpoint` checked by the kit's `resolveEndpoint`
 * (https, or plain http to a loopback address only), with a trailing `/v4` or `/v4beta` dropped,
 * so `https://api.linode.com` and `https://api.linode.com/v4` mean the same.
 */
export function resolveLinodeBaseUrl(endpoint: unknown, cloud?: string): string {
  const url = resolveEndpoint({
    value: endpoint,
    defaultUrl: linodeDefaultEndpoint,
    ...(cloud ? { cloud } : {}),
  });
  return url.replace(/\/v4(beta)?$/, '');
}
