import { resolveEndpoint } from '@cloud-inventory/driver-kit';

/** The Google APIs the driver calls, by host name prefix (`<api>.googleapis.com`). */
export type GcpApi =
  | 'compute'
  | 'container'
  | 'run'
  | 'cloudfunctions'
  | 'storage'
  | 'sqladmin'
  | 'bigquery'
  | 'pubsub'
  | 'iam'
  | 'cloudkms'
  | 'secretmanager'
  | 'dns'
  | 'artifactregistry'
  | 'redis'
  | 'file'
  | 'spanner'
  | 'bigtableadmin'
  | 'dataproc'
  | 'cloudresourcemanager'
  | 'oauth2';

/** Display names of the APIs, as the console's API library shows them (named when one is disabled). */
export const gcpApiTitles: Record<GcpApi, string> = {
  compute: 'Compute Engine API',
  container: 'Kubernetes Engine API',
  run: 'Cloud Run Admin API',
  cloudfunctions: 'Cloud Functions API',
  storage: 'Cloud Storage JSON API',
  sqladmin: 'Cloud SQL Admin API',
  bigquery: 'BigQuery API',
  pubsub: 'Cloud Pub/Sub API',
  iam: 'Identity and Access Management (IAM) API',
  cloudkms: 'Cloud Key Management Service (KMS) API',
  secretmanager: 'Secret Manager API',
  dns: 'Cloud DNS API',
  artifactregistry: 'Artifact Registry API',
  redis: 'Google Cloud Memorystore for Redis API',
  file: 'Cloud Filestore API',
  spanner: 'Cloud Spanner API',
  bigtableadmin: 'Cloud Bigtable Admin API',
  dataproc: 'Cloud Dataproc API',
  cloudresourcemanager: 'Cloud Resource Manager API',
  oauth2: 'Google OAuth2 token endpoint',
};

/** Placeholder of `config.endpoint` replaced by the API's host name prefix. */
export const gcpApiPlaceholder = '{api}';

/** Default base URL template: every API on its own host. */
export const gcpDefaultEndpoint = `https://${gcpApiPlaceholder}.googleapis.com`;

/** The base URL of every API, from `config.endpoint` (validated per API: https, or http for loopback). */
export class GcpEndpoints {
  readonly #template: string | undefined;
  readonly #cache = new Map<GcpApi, string>();

  constructor(endpoint: unknown, cloud?: string) {
    this.#template = typeof endpoint === 'string' && endpoint !== '' ? endpoint : undefined;
    if (endpoint !== undefined && endpoint !== null && endpoint !== '') {
      // Validate once up front so a bad endpoint fails initialize(), not the first call.
      this.baseUrl('compute', endpoint, cloud);
    }
  }

  /** Whether `config.endpoint` redirects the calls (then token requests go there too). */
  get overridden(): boolean {
    return this.#template !== undefined;
  }

  /** Base URL of one API, without a trailing slash. */
  baseUrl(api: GcpApi, value: unknown = this.#template, cloud?: string): string {
    const known = value === this.#template ? this.#cache.get(api) : undefined;
    if (known) return known;
    const resolved = resolveEndpoint({
      value: typeof value === 'string' ? value.replaceAll(gcpApiPlaceholder, api) : value,
      defaultUrl: gcpDefaultEndpoint.replace(gcpApiPlaceholder, api),
      ...(cloud ? { cloud } : {}),
    });
    if (value === this.#template) this.#cache.set(api, resolved);
    return resolved;
  }
}

/** `https://compute.googleapis.com/...` style URL of a Google API → the same call on its configured base URL. */
export function rewriteGoogleUrl(url: string, endpoints: GcpEndpoints): string {
  const match = /^https:\/\/([a-z0-9-]+)\.googleapis\.com(\/.*)?$/i.exec(url);
  if (!match || !endpoints.overridden) return url;
  return `${endpoints.baseUrl(match[1]!.toLowerCase() as GcpApi)}${match[2] ?? ''}`;
}
