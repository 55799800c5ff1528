import { WebSiteManagementClient } from '@azure/arm-appservice';
import { ComputeManagementClient } from '@azure/arm-compute';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { CosmosDBManagementClient } from '@azure/arm-cosmosdb';
import { DnsManagementClient } from '@azure/arm-dns';
import { EventHubManagementClient } from '@azure/arm-eventhub';
import { FrontDoorManagementClient } from '@azure/arm-frontdoor';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { MySQLManagementFlexibleServerClient } from '@azure/arm-mysql-flexible';
import { NetworkManagementClient } from '@azure/arm-network';
import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import { RedisManagementClient } from '@azure/arm-rediscache';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ServiceBusManagementClient } from '@azure/arm-servicebus';
import { SqlManagementClient } from '@azure/arm-sql';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/core-auth';
import type { Pipeline } from '@azure/core-rest-pipeline';
import {
  type AzureClientSettings,
  azureClientOptions,
  configureAzurePipeline,
} from './azure-pipeline.ts';

type SubscriptionClientClass<Client> = new (
  credential: TokenCredential,
  subscriptionId: string,
  options?: any,
) => Client;

/** The `@azure/arm-*` clients of one subscription, each built on first use with the driver's pipeline policies. */
export class AzureSubscriptionClients {
  readonly subscriptionId: string;
  readonly #settings: AzureClientSettings;
  readonly #built = new Map<unknown, unknown>();

  constructor(settings: AzureClientSettings, subscriptionId: string) {
    this.#settings = settings;
    this.subscriptionId = subscriptionId;
  }

  #client<Client extends { pipeline: Pipeline }>(Class: SubscriptionClientClass<Client>): Client {
    let client = this.#built.get(Class) as Client | undefined;
    if (!client) {
      client = new Class(
        this.#settings.credential,
        this.subscriptionId,
        azureClientOptions(this.#settings),
      );
      configureAzurePipeline(client.pipeline, this.#settings);
      this.#built.set(Class, client);
    }
    return client;
  }

  /** `@azure/arm-compute`. */
  get compute(): ComputeManagementClient {
    return this.#client(ComputeManagementClient);
  }
  /** `@azure/arm-containerservice`. */
  get containerService(): ContainerServiceClient {
    return this.#client(ContainerServiceClient);
  }
  /** `@azure/arm-containerregistry`. */
  get containerRegistry(): ContainerRegistryManagementClient {
    return this.#client(ContainerRegistryManagementClient);
  }
  /** `@azure/arm-storage`. */
  get storage(): StorageManagementClient {
    return this.#client(StorageManagementClient);
  }
  /** `@azure/arm-sql`. */
  get sql(): SqlManagementClient {
    return this.#client(SqlManagementClient);
  }
  /** `@azure/arm-cosmosdb`. */
  get cosmosDb(): CosmosDBManagementClient {
    return this.#client(CosmosDBManagementClient);
  }
  /** `@azure/arm-network`. */
  get network(): NetworkManagementClient {
    return this.#client(NetworkManagementClient);
  }
  /** `@azure/arm-msi`. */
  get managedIdentity(): ManagedServiceIdentityClient {
    return this.#client(ManagedServiceIdentityClient);
  }
  /** `@azure/arm-dns`. */
  get dns(): DnsManagementClient {
    return this.#client(DnsManagementClient);
  }
  /** `@azure/arm-privatedns`. */
  get privateDns(): PrivateDnsManagementClient {
    return this.#client(PrivateDnsManagementClient);
  }
  /** `@azure/arm-resources`. */
  get resources(): ResourceManagementClient {
    return this.#client(ResourceManagementClient);
  }
  /** `@azure/arm-keyvault`. */
  get keyVault(): KeyVaultManagementClient {
    return this.#client(KeyVaultManagementClient);
  }
  /** `@azure/arm-appservice`. */
  get appService(): WebSiteManagementClient {
    return this.#client(WebSiteManagementClient);
  }
  /** `@azure/arm-postgresql-flexible`. */
  get postgresql(): PostgreSQLManagementFlexibleServerClient {
    return this.#client(PostgreSQLManagementFlexibleServerClient);
  }
  /** `@azure/arm-mysql-flexible`. */
  get mysql(): MySQLManagementFlexibleServerClient {
    return this.#client(MySQLManagementFlexibleServerClient);
  }
  /** `@azure/arm-rediscache`. */
  get redis(): RedisManagementClient {
    return this.#client(RedisManagementClient);
  }
  /** `@azure/arm-eventhub`. */
  get eventHub(): EventHubManagementClient {
    return this.#client(EventHubManagementClient);
  }
  /** `@azure/arm-servicebus`. */
  get serviceBus(): ServiceBusManagementClient {
    return this.#client(ServiceBusManagementClient);
  }
  /** `@azure/arm-frontdoor`. */
  get frontDoor(): FrontDoorManagementClient {
    return this.#client(FrontDoorManagementClient);
  }
}

/** The tenant-level subscriptions client (`GET /subscriptions`, `GET /subscriptions/{id}/locations`). */
export function createAzureSubscriptionClient(settings: AzureClientSettings): SubscriptionClient {
  const client = new SubscriptionClient(settings.credential, azureClientOptions(settings));
  configureAzurePipeline(client.pipeline, settings);
  return client;
}
