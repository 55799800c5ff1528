import { ConfigurationError } from '@cloud-inventory/core';
import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Environment variable read for an access token when the credentials carry none (the Terraform provider's name). */
export const gcpAccessTokenEnvironmentVariable = 'GOOGLE_OAUTH_ACCESS_TOKEN';

/** Environment variable Application Default Credentials read for a key file. */
export const gcpApplicationCredentialsEnvironmentVariable = 'GOOGLE_APPLICATION_CREDENTIALS';

/** OAuth scope requested for service-account and ADC credentials: read-only access to every Google Cloud API. */
export const gcpReadOnlyScope = 'https://www.googleapis.com/auth/cloud-platform.read-only';

/** Largest page size asked for (Compute caps `maxResults` at 500, most other APIs at 1000 or less). */
export const gcpMaximumPageSize = 500;

/** A service-account (or authorized-user) key, as downloaded from the console. */
export interface GcpServiceAccountKey {
  /** `service_account`, `authorized_user`, `external_account`, ... */
  type?: string;
  /** Project of the key; not used to pick projects. */
  project_id?: string;
  /** Key id. */
  private_key_id?: string;
  /** PEM private key. */
  private_key?: string;
  /** Service account e-mail. */
  client_email?: string;
  /** Any other field of the key file. */
  [field: string]: unknown;
}

/** Credentials of the GCP driver: a key file, a key object, an access token, or nothing (ADC). */
export interface GcpCredentials {
  /** Path of a service-account key file (JSON). */
  keyFile?: string;
  /** A service-account key object (the JSON of a key file). */
  credentials?: GcpServiceAccountKey;
  /** An OAuth access token, e.g. from `gcloud auth print-access-token`; not refreshed. */
  accessToken?: string;
}

/** Retry policy of the HTTP client, plus the cap of a Retry-After wait. */
export interface GcpRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of a GCP cloud definition. */
export interface GcpDriverConfig {
  /** The project to inventory. */
  projectId?: string;
  /** Several projects to inventory; with neither this nor `projectId`, every project the credentials can list. */
  projectIds?: string[];
  /** Regions to list (`us-central1`, `europe-*`); all regions of the project when empty. */
  regions?: string[];
  /** Services to list (`compute`, `gke`, `storage`, ...); all when empty. */
  services?: string[];
  /**
   * One base URL for every Google API (a proxy, Private Service Connect, tests). `{api}` in it is
   * replaced by the API's host name prefix (`compute`, `container`, `redis`, `oauth2`...), e.g.
   * `https://{api}-corp.p.googleapis.com`. Plain `http://` only for loopback addresses.
   * @default 'https://{api}.googleapis.com'
   */
  endpoint?: string;
  /** Page size of list calls (1 to 500). @default 500 */
  pageSize?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: GcpRetryOptions;
  /** Account id recorded on the cloud when several projects are listed. @default the first project */
  accountId?: string;
}

function issue(path: string, expected: string, received: unknown): ConfigurationError {
  return new ConfigurationError({
    issues: [{ path, expected, received: JSON.stringify(received) ?? 'undefined' }],
  });
}

/** The configured projects (`projectId` then `projectIds`, deduplicated); empty means "list them". */
export function configuredProjects(config: GcpDriverConfig): string[] {
  const projects: string[] = [];
  if (config.projectId !== undefined) {
    if (typeof config.projectId !== 'string' || config.projectId.trim() === '') {
      throw issue('config.projectId', 'a project id such as "my-project"', config.projectId);
    }
    projects.push(config.projectId.trim());
  }
  if (config.projectIds !== undefined) {
    if (!Array.isArray(config.projectIds)) {
      throw issue('config.projectIds', 'an array of project ids', config.projectIds);
    }
    config.projectIds.forEach((project, index) => {
      if (typeof project !== 'string' || project.trim() === '') {
        throw issue(`config.projectIds[${index}]`, 'a project id such as "my-project"', project);
      }
      projects.push(project.trim());
    });
  }
  return [...new Set(projects)];
}

/** `config.pageSize` checked against the range every API accepts. */
export function resolveGcpPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined) return gcpMaximumPageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > gcpMaximumPageSize) {
    throw issue('config.pageSize', `an integer from 1 to ${gcpMaximumPageSize}`, pageSize);
  }
  return pageSize;
}
