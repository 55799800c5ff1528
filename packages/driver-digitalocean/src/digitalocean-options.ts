import { ConfigurationError } from '@cloud-inventory/core';
import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Credentials of a DigitalOcean cloud. */
export interface DigitalOceanCredentials {
  /** Personal access token (read-only is enough). @default process.env.DIGITALOCEAN_TOKEN */
  token?: string;
  /** Same as `token` (the seed's second spelling). */
  apiToken?: string;
  /** Spaces access key id, for listing Spaces buckets. @default process.env.SPACES_ACCESS_KEY_ID */
  spacesAccessKeyId?: string;
  /** Spaces secret access key. @default process.env.SPACES_SECRET_ACCESS_KEY */
  spacesSecretAccessKey?: string;
}

/** Configuration of a DigitalOcean cloud. */
export interface DigitalOceanDriverConfig {
  /** Account id stored on resources; when absent the driver reads `account.uuid` from `GET /v2/account`. */
  accountId?: string;
  /** Services to list (names of the catalog: `droplets`, `kubernetes`, ...). @default every service */
  services?: string[];
  /** Regions to keep (`nyc3`, `fra1`, ...); global resources (domains, SSH keys, ...) are always kept. @default every region */
  regions?: string[];
  /** Base URL of the API, without `/v2`. @default 'https://api.digitalocean.com' */
  endpoint?: string;
  /** Spaces S3 endpoint; `{region}` is replaced by the Spaces region. @default 'https://{region}.digitaloceanspaces.com' */
  spacesEndpoint?: string;
  /** Spaces regions to list buckets in (then narrowed by `regions`). @default digitalOceanSpacesRegions */
  spacesRegions?: string[];
  /** Page size of list calls (the API allows at most 200). @default 200 */
  perPage?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retry policy of API and Spaces calls; `maximumWaitMs` caps any Retry-After or rate-limit wait. */
  retry?: RetryOptions & {
    /** Longest single wait for a Retry-After or rate-limit reset. @default 60000 */
    maximumWaitMs?: number;
  };
  /** `User-Agent` of API calls. @default 'cloud-inventory-driver-digitalocean' */
  userAgent?: string;
}

/** Default API base URL. */
export const digitalOceanDefaultEndpoint = 'https://api.digitalocean.com';

/** Default Spaces endpoint template. */
export const digitalOceanDefaultSpacesEndpoint = 'https://{region}.digitaloceanspaces.com';

/** Datacenter regions known when this driver was written; the live list from `GET /v2/regions` is added at run time. */
export const digitalOceanRegions: readonly string[] = [
  'ams2',
  'ams3',
  'atl1',
  'blr1',
  'fra1',
  'lon1',
  'nyc1',
  'nyc2',
  'nyc3',
  'sfo1',
  'sfo2',
  'sfo3',
  'sgp1',
  'syd1',
  'tor1',
];

/** Regions that serve Spaces (each has its own `<region>.digitaloceanspaces.com` endpoint). */
export const digitalOceanSpacesRegions: readonly string[] = [
  'ams3',
  'atl1',
  'blr1',
  'fra1',
  'lon1',
  'nyc3',
  'sfo2',
  'sfo3',
  'sgp1',
  'syd1',
  'tor1',
];

/** Spaces key pair, when both halves are present. */
export interface SpacesKeys {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The API token: `credentials.token`, `credentials.apiToken`, `DIGITALOCEAN_TOKEN`, `DIGITALOCEAN_ACCESS_TOKEN`; throws a ConfigurationError when none is set. */
export function resolveApiToken(
  credentials: DigitalOceanCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  const token =
    text(credentials?.token) ??
    text(credentials?.apiToken) ??
    text(environment.DIGITALOCEAN_TOKEN) ??
    text(environment.DIGITALOCEAN_ACCESS_TOKEN);
  if (!token) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'credentials.token',
          expected:
            'a DigitalOcean API token (credentials.token, credentials.apiToken or the DIGITALOCEAN_TOKEN environment variable)',
          received: 'nothing',
        },
      ],
    });
  }
  return token;
}

/** The Spaces key pair from the credentials or `SPACES_ACCESS_KEY_ID` / `SPACES_SECRET_ACCESS_KEY`; undefined when either half is missing. */
export function resolveSpacesKeys(
  credentials: DigitalOceanCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): SpacesKeys | undefined {
  const accessKeyId =
    text(credentials?.spacesAccessKeyId) ?? text(environment.SPACES_ACCESS_KEY_ID);
  const secretAccessKey =
    text(credentials?.spacesSecretAccessKey) ?? text(environment.SPACES_SECRET_ACCESS_KEY);
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
}

/** The page size to ask for: an integer between 1 and 200. */
export function resolvePerPage(perPage: unknown): number {
  if (perPage === undefined || perPage === null) return 200;
  if (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'config.perPage',
          expected: 'an integer between 1 and 200',
          received: JSON.stringify(perPage),
        },
      ],
    });
  }
  return perPage;
}

/** The Spaces endpoint of a region, from the template (`{region}` replaced). */
export function spacesEndpointFor(template: string | undefined, region: string): string {
  return (template ?? digitalOceanDefaultSpacesEndpoint).replaceAll('{region}', region);
}
