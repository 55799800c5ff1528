import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  filterRegions,
  filterServices,
  resolveEndpoint,
  runSteps,
} from '@cloud-inventory/driver-kit';
import { azureCatalog } from './azure-catalog.ts';
import { AzureSubscriptionClients, createAzureSubscriptionClient } from './azure-clients.ts';
import { createAzureCredential } from './azure-credential.ts';
import { classifyAzureError, isAzureCredentialFailure } from './azure-error-classes.ts';
import { AzureNoSubscriptionError, azureCredentialError, toAzureError } from './azure-errors.ts';
import {
  type AzureCredentials,
  type AzureDriverConfig,
  azureDefaultEndpoint,
  azureEnvironmentVariables,
  resolveAzureCredentialSource,
  resolveAzureSubscriptionIds,
  resolveAzureTokenScope,
} from './azure-options.ts';
import type { AzureClientSettings } from './azure-pipeline.ts';
import { normalizeAzureLocation } from './azure-resource-ids.ts';
import { AzureScopeReports } from './azure-scope-reports.ts';
import { azureSteps } from './azure-steps.ts';
import { listAzureLocations, listAzureSubscriptionIds } from './azure-subscriptions.ts';

/** Lists Azure subscriptions through the official `@azure/arm-*` management clients. */
export class AzureDriver extends BaseCloudDriver<AzureCredentials, AzureDriverConfig> {
  #settings: AzureClientSettings | undefined;
  #subscriptionClient: Promise<SubscriptionClient> | undefined;
  // Clients are built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return azureCatalog;
  }

  /** `config.accountId`, else the subscription of the credentials, else the tenant id. */
  override get accountId(): string | undefined {
    const configured = this.config.accountId;
    if (typeof configured === 'string' && configured.trim() !== '') return configured;
    return (
      this.credentials?.subscriptionId ??
      process.env[azureEnvironmentVariables.subscriptionId] ??
      this.credentials?.tenantId
    );
  }

  /** Resolve the endpoint and build the credential; no request is sent. */
  override async initialize(): Promise<void> {
    const endpoint = resolveEndpoint({
      value: this.config.endpoint,
      defaultUrl: azureDefaultEndpoint,
      cloud: this.id,
    });
    this.#settings = {
      endpoint,
      scope: resolveAzureTokenScope(endpoint, this.config.tokenScope),
      credential: await createAzureCredential(resolveAzureCredentialSource(this.credentials)),
      retry: this.config.retry,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    };
    this.#subscriptionClient = undefined;
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    if (!this.#settings) await this.initialize();
    const settings = this.#settings!;
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    const subscriptionIds = await this.#subscriptionIds(options.signal);
    const locations = await listAzureLocations({
      client: await this.#subscriptions(),
      subscriptionIds,
      signal: options.signal,
      logger: this.logger,
    });
    const configuredRegions = this.config.regions?.map(
      (region) =>
        (region.includes('*') ? region.toLowerCase() : normalizeAzureLocation(region)) ?? region,
    );
    const allRegions =
      locations ?? (configuredRegions ?? []).filter((region) => !region.includes('*'));
    const regions = filterRegions({
      all: allRegions,
      regions: configuredRegions,
      ...filters,
      strict: locations !== undefined,
    });
    const narrowed = (configuredRegions?.length ?? 0) > 0 || regions.length < allRegions.length;
    const groups = this.config.resourceGroups?.filter((group) => group.trim() !== '');
    const steps = azureSteps({
      catalog: this.catalog,
      services,
      subscriptions: subscriptionIds.map((id) => new AzureSubscriptionClients(settings, id)),
      ...filters,
      keep: {
        regions: narrowed ? new Set(regions) : undefined,
        resourceGroups:
          groups && groups.length > 0
            ? new Set(groups.map((group) => group.toLowerCase()))
            : undefined,
      },
      coversRegions: regions,
    });
    const reports = new AzureScopeReports(this.catalog);
    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: {
          reportScope: (report) => reports.add(report),
          emitProgress: (progress) => options.runtime.emitProgress(progress),
        },
        signal: options.signal,
        logger: this.logger,
        classifyError: classifyAzureError,
        abortOnAuthError: isAzureCredentialFailure,
      });
    } catch (error) {
      throw toAzureError(error);
    } finally {
      reports.flush(options.runtime);
    }
  }

  #subscriptions(): Promise<SubscriptionClient> {
    this.#subscriptionClient ??= createAzureSubscriptionClient(this.#settings!);
    return this.#subscriptionClient;
  }

  async #subscriptionIds(signal: AbortSignal): Promise<string[]> {
    const configured = resolveAzureSubscriptionIds(this.credentials, this.config);
    if (configured.length > 0) return configured;
    let listed: string[];
    try {
      listed = await listAzureSubscriptionIds(await this.#subscriptions(), signal);
    } catch (error) {
      if (isAzureCredentialFailure(error)) {
        throw azureCredentialError(error, 'listing subscriptions');
      }
      throw toAzureError(error);
    }
    // NOTE: an empty list is not "everything was deleted": a credential that lost its role
    // assignments sees no subscription, and a run that reports nothing would count as complete.
    if (listed.length === 0) throw new AzureNoSubscriptionError();
    return listed;
  }
}

/** Build an AzureDriver (the registry accepts this factory or the class). */
export function createAzureDriver(
  options: CloudDriverOptions<AzureCredentials, AzureDriverConfig>,
): AzureDriver {
  return new AzureDriver(options);
}

export type { AzureCredentials, AzureDriverConfig } from './azure-options.ts';
