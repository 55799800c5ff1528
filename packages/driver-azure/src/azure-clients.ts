import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { Pipeline } from '@azure/core-rest-pipeline';
import {
  type AzureClientSettings,
  azureClientOptions,
  configureAzurePipeline,
} from './azure-pipeline.ts';

// NOTE: the SDK packages are imported on first use, not at import time: all of them together take
// seconds to load, and a sync that lists two services needs two of them.
const clientLoaders = {
  compute: async () => (await import('@azure/arm-compute')).ComputeManagementClient,
  containerService: async () =>
    (await import('@azure/arm-containerservice')).ContainerServiceClient,
  containerRegistry: async () =>
    (await import('@azure/arm-containerregistry')).ContainerRegistryManagementClient,
  storage: async () => (await import('@azure/arm-storage')).StorageManagementClient,
  sql: async () => (await import('@azure/arm-sql')).SqlManagementClient,
  cosmosDb: async () => (await import('@azure/arm-cosmosdb')).CosmosDBManagementClient,
  network: async () => (await import('@azure/arm-network')).NetworkManagementClient,
  managedIdentity: async () => (await import('@azure/arm-msi')).ManagedServiceIdentityClient,
  dns: async () => (await import('@azure/arm-dns')).DnsManagementClient,
  privateDns: async () => (await import('@azure/arm-privatedns')).PrivateDnsManagementClient,
  resources: async () => (await import('@azure/arm-resources')).ResourceManagementClient,
  keyVault: async () => (await import('@azure/arm-keyvault')).KeyVaultManagementClient,
  appService: async () => (await import('@azure/arm-appservice')).WebSiteManagementClient,
  postgresql: async () =>
    (await import('@azure/arm-postgresql-flexible')).PostgreSQLManagementFlexibleServerClient,
  mysql: async () =>
    (await import('@azure/arm-mysql-flexible')).MySQLManagementFlexibleServerClient,
  redis: async () => (await import('@azure/arm-rediscache')).RedisManagementClient,
  eventHub: async () => (await import('@azure/arm-eventhub')).EventHubManagementClient,
  serviceBus: async () => (await import('@azure/arm-servicebus')).ServiceBusManagementClient,
  frontDoor: async () => (await import('@azure/arm-frontdoor')).FrontDoorManagementClient,
  cdn: async () => (await import('@azure/arm-cdn')).CdnManagementClient,
};

/** The `@azure/arm-*` clients the driver uses, by short name. */
export type AzureClientName = keyof typeof clientLoaders;

/** The client class behind a name. */
export type AzureClient<Name extends AzureClientName> = InstanceType<
  Awaited<ReturnType<(typeof clientLoaders)[Name]>>
>;

type SubscriptionClientClass = new (
  credential: TokenCredential,
  subscriptionId: string,
  options?: Record<string, unknown>,
) => { pipeline: Pipeline };

/** The `@azure/arm-*` clients of one subscription, each loaded and built on first use with the driver's pipeline policies. */
export class AzureSubscriptionClients {
  /** The subscription every client lists. */
  readonly subscriptionId: string;
  readonly #settings: AzureClientSettings;
  readonly #built = new Map<AzureClientName, Promise<unknown>>();

  constructor(settings: AzureClientSettings, subscriptionId: string) {
    this.#settings = settings;
    this.subscriptionId = subscriptionId;
  }

  /** The client of one resource provider (built once per subscription). */
  get<Name extends AzureClientName>(name: Name): Promise<AzureClient<Name>> {
    let client = this.#built.get(name);
    if (!client) {
      client = clientLoaders[name]().then((Class) => {
        const built = new (Class as unknown as SubscriptionClientClass)(
          this.#settings.credential,
          this.subscriptionId,
          azureClientOptions(this.#settings),
        );
        configureAzurePipeline(built.pipeline, this.#settings);
        return built;
      });
      // A failed load is retried on the next use rather than cached.
      client.catch(() => this.#built.delete(name));
      this.#built.set(name, client);
    }
    return client as Promise<AzureClient<Name>>;
  }
}

/** The tenant-level subscriptions client (`GET /subscriptions`, `GET /subscriptions/{id}/locations`). */
export async function createAzureSubscriptionClient(
  settings: AzureClientSettings,
): Promise<SubscriptionClient> {
  const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
  const client = new SubscriptionClient(settings.credential, azureClientOptions(settings));
  configureAzurePipeline(client.pipeline, settings);
  return client;
}
