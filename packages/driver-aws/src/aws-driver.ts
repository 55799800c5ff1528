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
  type ListStep,
  runSteps,
  type StepContext,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { awsCatalog, awsRegionalServicesWithGlobalScope } from './aws-catalog.ts';
import type { AwsClientFactory } from './aws-clients.ts';
import {
  type AwsCredentials,
  type AwsDriverConfig,
  awsDefaults,
  partitionOfRegion,
  validateAwsOptions,
} from './aws-driver-options.ts';
import { classifyAwsError, toAwsDriverError } from './aws-errors.ts';
import { awsListCall } from './aws-permissions.ts';
import { createAwsScope } from './aws-scope.ts';
import { awsServiceListers } from './aws-services.ts';

/** Options of `createAwsDriver`: like the constructor's, with `id` and `driver` defaulting to `aws`. */
export type AwsDriverOptions = Omit<
  CloudDriverOptions<AwsCredentials | undefined, AwsDriverConfig>,
  'id' | 'driver' | 'credentials' | 'config'
> & {
  /** Cloud id. @default 'aws' */
  id?: string;
  /** Registered driver name. @default 'aws' */
  driver?: string;
  /** Credentials; the SDK's default chain when left out. */
  credentials?: AwsCredentials;
  /** Configuration. @default {} */
  config?: AwsDriverConfig;
};

interface ResolvedSettings {
  clients: AwsClientFactory;
  accountId: string;
  partition: string;
  defaultRegion: string;
}

/** Lists an AWS account: 38 services, type by type and region by region, with the AWS SDK for JavaScript v3. */
export class AwsDriver extends BaseCloudDriver<AwsCredentials | undefined, AwsDriverConfig> {
  #settings: ResolvedSettings | undefined;
  #accountId: string | undefined;
  #runtime: RuntimeContext | undefined;

  constructor(options: CloudDriverOptions<AwsCredentials | undefined, AwsDriverConfig>) {
    super(options);
    validateAwsOptions(this.credentials, this.config);
  }

  override get catalog(): DriverCatalog {
    return awsCatalog;
  }

  /** The configured account id, or the one STS reported during `initialize()`. */
  override get accountId(): string | undefined {
    return this.#accountId ?? this.config.accountId;
  }

  /** Build the credentials provider and the client factory, and check the credentials with STS GetCallerIdentity (unless `config.accountId` is set). */
  override async initialize(): Promise<void> {
    this.#settings?.clients.destroy();
    const defaultRegion = this.config.defaultRegion ?? awsDefaults.defaultRegion;
    const maxAttempts = this.config.maxAttempts ?? awsDefaults.maxAttempts;
    const endpoint = this.config.endpoint;
    // Loaded here, not at import time: importing the driver must stay cheap.
    const [{ AwsClientFactory }, { createCredentialsProvider }] = await Promise.all([
      import('./aws-clients.ts'),
      import('./aws-credentials.ts'),
    ]);
    const clients = new AwsClientFactory({
      credentials: createCredentialsProvider(this.credentials, {
        region: defaultRegion,
        maxAttempts,
        ...(endpoint ? { endpoint } : {}),
      }),
      ...(endpoint ? { endpoint } : {}),
      maxAttempts,
      requestTimeoutMs: this.config.requestTimeoutMs ?? awsDefaults.requestTimeoutMs,
      onThrottle: (report) => this.#runtime?.emitRateLimit(report),
    });
    let accountId = this.config.accountId;
    let partition = partitionOfRegion(defaultRegion);
    if (!accountId) {
      try {
        const { getCallerIdentity } = await import('./aws-account.ts');
        const identity = await getCallerIdentity(clients, defaultRegion);
        accountId = identity.accountId;
        partition = identity.partition;
      } catch (error) {
        clients.destroy();
        throw this.#driverError(error, 'sts', defaultRegion);
      }
    }
    this.#settings = { clients, accountId, partition, defaultRegion };
    this.#accountId = accountId;
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    if (!this.#settings) await this.initialize();
    const settings = this.#settings!;
    this.#runtime = options.runtime;
    const filters = { include: options.include ?? [], exclude: options.exclude ?? [] };
    const services = filterServices({
      all: awsCatalog,
      services: this.config.services ?? null,
      ...filters,
    });
    if (services.length === 0) return;
    const regional = services.filter((service) => !this.#isGlobal(service));
    const regions = regional.length > 0 ? await this.#regions(settings, options, filters) : [];
    const globalAllowed = filterRegions({
      all: ['global', ...regions],
      strict: false,
      ...filters,
    }).includes('global');

    // One step per resource type and region: a denied or failing list call fails exactly its
    // type there, and every other type of the service is still listed and reported complete.
    const steps: ListStep[] = [];
    for (const service of services) {
      const { types } = selectResourceTypes({ catalog: awsCatalog, service, ...filters });
      const global = this.#isGlobal(service);
      const alsoGlobal =
        awsRegionalServicesWithGlobalScope.includes(service) && settings.partition === 'aws';
      for (const type of types) {
        if (!global) {
          for (const region of regions) steps.push(this.#step(settings, service, type, region));
        }
        if ((global || alsoGlobal) && globalAllowed) {
          steps.push(this.#step(settings, service, type, 'global'));
        }
      }
    }
    yield* runSteps({
      steps,
      concurrency: options.concurrency,
      runtime: options.runtime,
      signal: options.signal,
      classifyError: classifyAwsError,
      logger: this.logger,
    });
  }

  override async destroy(): Promise<void> {
    this.#settings?.clients.destroy();
    this.#settings = undefined;
    this.#runtime = undefined;
  }

  #isGlobal(service: string): boolean {
    return awsCatalog.services.find((entry) => entry.name === service)?.global === true;
  }

  async #regions(
    settings: ResolvedSettings,
    options: ListOptions,
    filters: { include: string[]; exclude: string[] },
  ): Promise<string[]> {
    let all = this.config.regions?.filter((region) => !region.includes('*'));
    const patterns = this.config.regions?.filter((region) => region.includes('*')) ?? [];
    if (!all || all.length === 0 || patterns.length > 0) {
      try {
        const { discoverRegions } = await import('./aws-account.ts');
        const enabled = await discoverRegions(
          settings.clients,
          settings.defaultRegion,
          options.signal,
        );
        all = [...new Set([...(all ?? []), ...enabled])];
      } catch (error) {
        throw this.#driverError(error, 'ec2', settings.defaultRegion);
      }
    }
    return filterRegions({
      all,
      regions: this.config.regions ?? null,
      strict: false,
      ...filters,
    });
  }

  #step(settings: ResolvedSettings, service: string, type: string, region: string): ListStep {
    const clientRegion =
      region !== 'global' ? region : service === 'wafv2' ? 'us-east-1' : settings.defaultRegion;
    const call = awsListCall(type);
    return {
      service,
      region,
      resourceTypes: [type],
      ...(call ? { call } : {}),
      list: (context: StepContext) =>
        this.#listScope(service, region, context.signal, async () => {
          const lister = await awsServiceListers[service]!();
          return lister(
            createAwsScope({
              service,
              region,
              clientRegion,
              accountId: settings.accountId,
              partition: settings.partition,
              signal: context.signal,
              logger: this.logger,
              clients: settings.clients,
              detailConcurrency: this.config.detailConcurrency ?? awsDefaults.detailConcurrency,
              // The service's lister makes only the calls of the step's one type.
              isTypeSelected: (candidate) => candidate === type,
              enrichment: context.enrichment,
            }),
          );
        }),
    };
  }

  async *#listScope(
    service: string,
    region: string,
    signal: AbortSignal,
    open: () => Promise<AsyncIterable<CloudResource>>,
  ): AsyncGenerator<CloudResource> {
    try {
      yield* await open();
    } catch (error) {
      // The caller's own cancellation travels as is.
      if (signal.aborted) throw error;
      throw this.#driverError(error, service, region);
    }
  }

  #driverError(error: unknown, service: string, region: string) {
    return toAwsDriverError(error, { service, region, cloudId: this.id, driver: this.driver });
  }
}

/** Create an AWS driver; `id` and `driver` default to `aws`. */
export function createAwsDriver(options: AwsDriverOptions = {}): AwsDriver {
  return new AwsDriver({
    ...options,
    id: options.id ?? 'aws',
    driver: options.driver ?? 'aws',
    credentials: options.credentials,
    config: options.config ?? {},
  });
}
