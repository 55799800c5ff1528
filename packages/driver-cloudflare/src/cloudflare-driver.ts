import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  createHttpClient,
  filterRegions,
  filterServices,
  type HttpClient,
  resolveEndpoint,
  runSteps,
} from '@cloud-inventory/driver-kit';
import { cloudflareCatalog } from './cloudflare-catalog.ts';
import { isCloudflareCredentialError, toCloudflareError } from './cloudflare-errors.ts';
import {
  type CloudflareCredentials,
  type CloudflareDriverConfig,
  cloudflareDefaultEndpoint,
  cloudflareDefaultMaximumWaitMs,
  cloudflareKnownLocations,
  resolveCloudflareAccountId,
  resolveCloudflareAuthentication,
  resolveR2Jurisdictions,
} from './cloudflare-options.ts';
import { cloudflareSteps } from './cloudflare-steps.ts';
import { CloudflareZoneDirectory } from './cloudflare-zone-directory.ts';

/** Lists a Cloudflare account through the Cloudflare API v4 (plain fetch, no SDK). */
export class CloudflareDriver extends BaseCloudDriver<
  CloudflareCredentials,
  CloudflareDriverConfig
> {
  #client: HttpClient | undefined;
  #credentialSource = 'credentials.apiToken';
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return cloudflareCatalog;
  }

  /** `config.accountId` (required: zones and every account-level list are limited to it). */
  override get accountId(): string | undefined {
    return this.config.accountId;
  }

  /** Check the config, resolve the credential and build the HTTP client; no request is sent. */
  override async initialize(): Promise<void> {
    resolveCloudflareAccountId(this.config);
    resolveR2Jurisdictions(this.config.r2Jurisdictions);
    const authentication = resolveCloudflareAuthentication(this.credentials);
    this.#credentialSource = authentication.source;
    const { maximumWaitMs, ...retry } = this.config.retry ?? {};
    this.#client = createHttpClient({
      baseUrl: resolveEndpoint({
        value: this.config.endpoint,
        defaultUrl: cloudflareDefaultEndpoint,
        cloud: this.id,
      }),
      auth: authentication.auth,
      headers: authentication.headers,
      retry,
      maximumWaitMs: maximumWaitMs ?? cloudflareDefaultMaximumWaitMs,
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: 'cloud-inventory-driver-cloudflare',
      logger: this.logger,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    if (!this.#client) await this.initialize();
    const client = this.#client!;
    this.#runtime = options.runtime;
    const accountId = resolveCloudflareAccountId(this.config);
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    // Only R2 buckets carry a location; `global` in config.regions names everything else, so
    // `regions: ['global']` keeps no location at all.
    const configured = this.config.regions ?? [];
    const locations = configured.filter((region) => region !== 'global');
    const regions =
      configured.length > 0 && locations.length === 0
        ? []
        : filterRegions({ all: cloudflareKnownLocations, regions: locations, ...filters });
    const keepRegion =
      regions.length < cloudflareKnownLocations.length ? new Set(regions) : undefined;
    const steps = cloudflareSteps({
      client,
      accountId,
      catalog: this.catalog,
      services,
      include: options.include,
      exclude: options.exclude,
      zones: new CloudflareZoneDirectory({ client, accountId }),
      r2Jurisdictions: resolveR2Jurisdictions(this.config.r2Jurisdictions),
      regions,
      keepRegion,
    });
    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: options.runtime,
        signal: options.signal,
        logger: this.logger,
        abortOnAuthError: isCloudflareCredentialError,
      });
    } catch (error) {
      throw toCloudflareError(error, this.#credentialSource);
    }
  }
}

/** Build a CloudflareDriver (the registry accepts this factory or the class). */
export function createCloudflareDriver(
  options: CloudDriverOptions<CloudflareCredentials, CloudflareDriverConfig>,
): CloudflareDriver {
  return new CloudflareDriver(options);
}

export type { CloudflareCredentials, CloudflareDriverConfig } from './cloudflare-options.ts';
