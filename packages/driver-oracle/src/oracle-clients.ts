import { resolveEndpoint } from '@cloud-inventory/driver-kit';
import * as common from 'oci-common';
import { ContainerEngineClient } from 'oci-containerengine';
import { BlockstorageClient, ComputeClient, VirtualNetworkClient } from 'oci-core';
import { DatabaseClient } from 'oci-database';
import { DnsClient } from 'oci-dns';
import { FileStorageClient } from 'oci-filestorage';
import { IdentityClient } from 'oci-identity';
import { LoadBalancerClient } from 'oci-loadbalancer';
import { ObjectStorageClient } from 'oci-objectstorage';
import type { OracleHttpClient } from './oracle-http-client.ts';

/** The SDK client classes the driver uses, by short name. */
const clientClasses = {
  compute: ComputeClient,
  blockstorage: BlockstorageClient,
  network: VirtualNetworkClient,
  identity: IdentityClient,
  containerengine: ContainerEngineClient,
  objectstorage: ObjectStorageClient,
  filestorage: FileStorageClient,
  database: DatabaseClient,
  loadbalancer: LoadBalancerClient,
  dns: DnsClient,
} as const;

/** Short name of an SDK client. */
export type OracleClientKind = keyof typeof clientClasses;

/** The SDK client of a kind. */
export type OracleClient<Kind extends OracleClientKind> = InstanceType<
  (typeof clientClasses)[Kind]
>;

/** The placeholder of `config.endpoint` replaced by each region. */
export const regionPlaceholder = '{region}';

// One attempt in the SDK's retrier: OracleHttpClient retries underneath, honouring Retry-After.
const singleAttempt: common.RetryConfiguration = {
  terminationStrategy: new common.MaxAttemptsTerminationStrategy(1),
  retryCondition: () => false,
};

/** Check `config.endpoint` (with `{region}` filled in) now, so a bad value fails at initialize. */
export function checkEndpointTemplate(template: string | undefined, cloud: string): void {
  if (template === undefined || template === '') return;
  resolveEndpoint({
    value: template.replaceAll(regionPlaceholder, 'us-ashburn-1'),
    defaultUrl: '',
    cloud,
  });
}

/** Builds SDK clients per kind and region, once each, all sending through one OracleHttpClient. */
export class OracleClients {
  readonly #httpClient: OracleHttpClient;
  readonly #endpointTemplate: string | undefined;
  readonly #cloud: string;
  readonly #clients = new Map<string, unknown>();

  constructor(options: {
    httpClient: OracleHttpClient;
    endpoint: string | undefined;
    cloud: string;
  }) {
    this.#httpClient = options.httpClient;
    this.#endpointTemplate = options.endpoint === '' ? undefined : options.endpoint;
    this.#cloud = options.cloud;
  }

  /** The `kind` client for `region`. */
  get<Kind extends OracleClientKind>(kind: Kind, region: string): OracleClient<Kind> {
    const key = `${kind}@${region}`;
    const known = this.#clients.get(key);
    if (known) return known as OracleClient<Kind>;
    const Client = clientClasses[kind] as unknown as new (
      params: common.AuthParams,
      configuration: common.ClientConfiguration,
    ) => OracleClient<Kind>;
    const client = new Client({ httpClient: this.#httpClient } as common.AuthParams, {
      retryConfiguration: singleAttempt,
    });
    (client as unknown as { regionId: string }).regionId = region;
    // NOTE: setting the region rewrites the endpoint, so the override comes last.
    const endpoint = this.endpointFor(region);
    if (endpoint) (client as unknown as { endpoint: string }).endpoint = endpoint;
    this.#clients.set(key, client);
    return client;
  }

  /** The overriding base URL of `region`, or undefined for the SDK's regional endpoint. */
  endpointFor(region: string): string | undefined {
    if (!this.#endpointTemplate) return undefined;
    return resolveEndpoint({
      value: this.#endpointTemplate.replaceAll(regionPlaceholder, region),
      defaultUrl: '',
      cloud: this.#cloud,
    });
  }
}
