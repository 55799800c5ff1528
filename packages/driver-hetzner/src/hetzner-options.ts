import { ConfigurationError } from '@cloud-inventory/core';
import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Default base URL of the Hetzner Cloud API. */
export const hetznerDefaultEndpoint = 'https://api.hetzner.cloud/v1';

/** Account id used when `config.accountId` is not set (the API has no account endpoint). */
export const hetznerDefaultAccountId = 'default';

/** Largest page size the Hetzner Cloud API serves. */
export const hetznerMaximumPerPage = 50;

/** Environment variable read when the credentials carry no token (the name the `hcloud` CLI uses). */
export const hetznerTokenEnvironmentVariable = 'HCLOUD_TOKEN';

/** Credentials of the Hetzner driver: a project API token (read-only is enough). */
export interface HetznerCredentials {
  /** API token of the project. */
  token?: string;
  /** Same as `token` (the seed's second spelling). */
  apiToken?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After or rate-limit wait. */
export interface HetznerRetryOptions extends RetryOptions {
  /** Cap of one Retry-After or `RateLimit-Reset` wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of a Hetzner cloud definition. */
export interface HetznerDriverConfig {
  /** Account id recorded on every resource; Hetzner has no account endpoint. @default 'default' */
  accountId?: string;
  /** Services to list (`servers`, `volumes`, ...); all when empty. */
  services?: string[];
  /** Locations to keep (`fsn1`, `nbg1`, ...); global resources are always kept. All when empty. */
  regions?: string[];
  /** Base URL of the API. @default 'https://api.hetzner.cloud/v1' */
  endpoint?: string;
  /** Page size of list calls (1 to 50). @default 50 */
  perPage?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: HetznerRetryOptions;
}

/** The token from `credentials.token`, `credentials.apiToken` or `HCLOUD_TOKEN`; throws a ConfigurationError naming all three when none is set. */
export function resolveHetznerToken(
  credentials: HetznerCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  for (const candidate of [
    credentials?.token,
    credentials?.apiToken,
    environment[hetznerTokenEnvironmentVariable],
  ]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  throw new ConfigurationError({
    issues: [
      {
        path: 'credentials.token',
        expected: `a Hetzner Cloud API token (credentials.token, credentials.apiToken or the ${hetznerTokenEnvironmentVariable} environment variable)`,
        received: 'nothing',
      },
    ],
  });
}

/** `config.perPage` checked against the API's range; throws a ConfigurationError otherwise. */
export function resolveHetznerPerPage(perPage: number | undefined): number {
  if (perPage === undefined) return hetznerMaximumPerPage;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > hetznerMaximumPerPage) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'config.perPage',
          expected: `an integer from 1 to ${hetznerMaximumPerPage}`,
          received: JSON.stringify(perPage),
        },
      ],
    });
  }
  return perPage;
}
