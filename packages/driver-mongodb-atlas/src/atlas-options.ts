import { ConfigurationError } from '@cloud-inventory/core';
import { type RetryOptions, resolveEndpoint } from '@cloud-inventory/driver-kit';

/** Default base URL of the Atlas Administration API (paths start with `/api/atlas/v2`). */
export const atlasDefaultEndpoint = 'https://cloud.mongodb.com';

/** Largest `itemsPerPage` the Atlas Administration API v2 accepts. */
export const atlasMaximumItemsPerPage = 500;

/** Days of events listed on a first run (no checkpoint yet). */
export const atlasDefaultEventsWindowDays = 7;

/** Environment variable read when the credentials carry no public key (the Atlas CLI's name). */
export const atlasPublicKeyEnvironmentVariable = 'MONGODB_ATLAS_PUBLIC_KEY';

/** Environment variable read when the credentials carry no private key (the Atlas CLI's name). */
export const atlasPrivateKeyEnvironmentVariable = 'MONGODB_ATLAS_PRIVATE_KEY';

/** Credentials of the Atlas driver: a programmatic API key (public key + private key). */
export interface AtlasCredentials {
  /** Public key of the API key (the digest user name). */
  publicKey?: string;
  /** Private key of the API key (the digest password). */
  privateKey?: string;
  /** Organization to list, when `config.organizationId` is not set (the seed's second place). */
  organizationId?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After wait. */
export interface AtlasRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait (Atlas asks for up to a minute). @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of a MongoDB Atlas cloud definition. */
export interface AtlasDriverConfig {
  /** Organization whose projects are listed (`GET /orgs/{orgId}/groups`); every project the key sees when unset. */
  organizationId?: string;
  /** Only these projects (`GET /groups/{groupId}` each); null or empty lists all. */
  projectIds?: string[] | null;
  /** Services to list (`clusters`, `users`, ...); all when empty. */
  services?: string[];
  /** Atlas regions to keep (`US_EAST_1`, `EU_WEST_1`, ...); project-level objects (`global`) are always kept. */
  regions?: string[];
  /** Base URL of the API. @default 'https://cloud.mongodb.com' */
  endpoint?: string;
  /** Page size of list calls (1 to 500). @default 500 */
  itemsPerPage?: number;
  /** Days of events listed by a first run; later runs start where the previous one stopped. @default 7 */
  eventsWindowDays?: number;
  /** Account id recorded on resources whose project names no organization. @default the organization id, else 'default' */
  accountId?: string;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: AtlasRetryOptions;
}

/** The API key pair, from the credentials or the environment. */
export interface AtlasApiKey {
  /** Public key. */
  publicKey: string;
  /** Private key. */
  privateKey: string;
}

function present(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The key pair from `credentials` or `MONGODB_ATLAS_PUBLIC_KEY` / `MONGODB_ATLAS_PRIVATE_KEY`; a ConfigurationError names what is missing. */
export function resolveAtlasApiKey(
  credentials: AtlasCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): AtlasApiKey {
  const publicKey =
    present(credentials?.publicKey) ?? present(environment[atlasPublicKeyEnvironmentVariable]);
  const privateKey =
    present(credentials?.privateKey) ?? present(environment[atlasPrivateKeyEnvironmentVariable]);
  const issues = [];
  if (!publicKey) {
    issues.push({
      path: 'credentials.publicKey',
      expected: `the public key of an Atlas API key (credentials.publicKey or the ${atlasPublicKeyEnvironmentVariable} environment variable)`,
      received: 'nothing',
    });
  }
  if (!privateKey) {
    issues.push({
      path: 'credentials.privateKey',
      expected: `the private key of an Atlas API key (credentials.privateKey or the ${atlasPrivateKeyEnvironmentVariable} environment variable)`,
      received: 'nothing',
    });
  }
  if (!publicKey || !privateKey) throw new ConfigurationError({ issues });
  return { publicKey, privateKey };
}

function positiveInteger(
  value: number | undefined,
  path: string,
  fallback: number,
  maximum: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > maximum) {
    throw new ConfigurationError({
      issues: [
        { path, expected: `an integer from 1 to ${maximum}`, received: JSON.stringify(value) },
      ],
    });
  }
  return value;
}

/** The settings of one driver, checked. */
export interface ResolvedAtlasConfig {
  /** API base URL without a trailing slash. */
  endpoint: string;
  /** Page size. */
  itemsPerPage: number;
  /** First-run events window in days. */
  eventsWindowDays: number;
  /** Organization to list, if any. */
  organizationId: string | undefined;
  /** Projects to list, if restricted. */
  projectIds: string[] | undefined;
}

/** Check `config` (endpoint, page size, events window, organization and projects). */
export function resolveAtlasConfig(
  config: AtlasDriverConfig,
  credentials: AtlasCredentials | undefined,
  cloud?: string,
): ResolvedAtlasConfig {
  const projectIds = (config.projectIds ?? []).filter((id) => present(id) !== undefined);
  return {
    endpoint: resolveEndpoint({
      value: config.endpoint,
      defaultUrl: atlasDefaultEndpoint,
      ...(cloud ? { cloud } : {}),
    }),
    itemsPerPage: positiveInteger(
      config.itemsPerPage,
      'config.itemsPerPage',
      atlasMaximumItemsPerPage,
      atlasMaximumItemsPerPage,
    ),
    eventsWindowDays: positiveInteger(
      config.eventsWindowDays,
      'config.eventsWindowDays',
      atlasDefaultEventsWindowDays,
      3650,
    ),
    organizationId: present(config.organizationId) ?? present(credentials?.organizationId),
    projectIds: projectIds.length > 0 ? projectIds : undefined,
  };
}
