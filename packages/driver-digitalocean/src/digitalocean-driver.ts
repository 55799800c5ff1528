import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  DriverError,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  createHttpClient,
  filterRegions,
  filterServices,
  type HttpClient,
  isCredentialError,
  type ListStep,
  runSteps,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { digitalOceanCatalog } from './digitalocean-catalog.ts';
import { digitalOceanError } from './digitalocean-errors.ts';
import {
  type DigitalOceanListContext,
  type DigitalOceanStep,
  listCollection,
} from './digitalocean-list.ts';
import {
  type DigitalOceanCredentials,
  type DigitalOceanDriverConfig,
  digitalOceanDefaultEndpoint,
  digitalOceanRegions,
  digitalOceanSpacesRegions,
  resolveApiToken,
  resolvePerPage,
  resolveSpacesKeys,
} from './digitalocean-options.ts';
import { digitalOceanApiServices } from './digitalocean-services.ts';
import { SpacesLister } from './digitalocean-spaces.ts';

/** Options of the DigitalOcean driver's constructor. */
export type DigitalOceanDriverOptions = CloudDriverOptions<
  DigitalOceanCredentials,
  DigitalOceanDriverConfig
>;

/** Why Spaces scopes are skipped without keys. */
export const spacesSkippedReason =
  'Spaces buckets were not listed: no Spaces key pair. Set credentials.spacesAccessKeyId and credentials.spacesSecretAccessKey (or SPACES_ACCESS_KEY_ID / SPACES_SECRET_ACCESS_KEY); the API token cannot read Spaces.';

function apiBaseUrl(endpoint: string | undefined): string {
  const base = (endpoint ?? digitalOceanDefaultEndpoint).replace(/\/+$/, '');
  return base.endsWith('/v2') ? base : `${base}/v2`;
}

/** Lists a DigitalOcean account through the API v2 (plain fetch) and Spaces through the S3 API. */
export class DigitalOceanDriver extends BaseCloudDriver<
  DigitalOceanCredentials,
  DigitalOceanDriverConfig
> {
  #client: HttpClient | undefined;
  #spaces: SpacesLister | undefined;
  #accountId: string | undefined;
  #perPage = 200;
  // The clients are built once; rate-limit reports go to the runtime of the current sync.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return digitalOceanCatalog;
  }

  /** `config.accountId`, else `account.uuid` read in `initialize()`. */
  override get accountId(): string | undefined {
    return this.config.accountId ?? this.#accountId;
  }

  /** Build the API client (and the Spaces lister when keys are set); read the account id unless configured. */
  override async initialize(): Promise<void> {
    const token = resolveApiToken(this.credentials);
    this.#perPage = resolvePerPage(this.config.perPage);
    const retry = this.config.retry;
    this.#client = createHttpClient({
      baseUrl: apiBaseUrl(this.config.endpoint),
      auth: { type: 'bearer', token },
      ...(retry ? { retry } : {}),
      ...(retry?.maximumWaitMs === undefined ? {} : { maximumWaitMs: retry.maximumWaitMs }),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: this.config.userAgent ?? 'cloud-inventory-driver-digitalocean',
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
      logger: this.logger,
    });
    const keys = resolveSpacesKeys(this.credentials);
    this.#spaces = keys
      ? new SpacesLister({
          keys,
          ...(this.config.spacesEndpoint ? { endpointTemplate: this.config.spacesEndpoint } : {}),
          ...(retry ? { retry } : {}),
          ...(retry?.maximumWaitMs === undefined ? {} : { maximumWaitMs: retry.maximumWaitMs }),
          ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
          onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
        })
      : undefined;
    if (this.config.accountId === undefined) this.#accountId = await this.#readAccountId();
  }

  async #readAccountId(): Promise<string | undefined> {
    try {
      const body = await this.#client!.getJson<{ account?: { uuid?: string } }>('/account', {
        service: 'account',
      });
      return body?.account?.uuid || undefined;
    } catch (error) {
      const wrapped = digitalOceanError(error, {
        service: 'account',
        action: 'reading the account (GET /v2/account)',
      });
      throw new DriverError({
        // A refused token fails every call: the accountId hint would only send the user astray.
        message:
          wrapped.errorClass === 'auth'
            ? wrapped.message
            : `${wrapped.message} Set config.accountId to skip this lookup.`,
        errorClass: wrapped.errorClass,
        service: 'account',
        retryable: wrapped.retryable,
        cause: error,
        ...(wrapped.statusCode === undefined ? {} : { statusCode: wrapped.statusCode }),
      });
    }
  }

  /** Every region slug: the built-in list plus `GET /v2/regions` (refused credentials fail; other errors fall back). */
  async #allRegions(client: HttpClient, signal: AbortSignal): Promise<string[]> {
    const regions = new Set(digitalOceanRegions);
    const context = this.#context(client, signal, () => true);
    try {
      for await (const region of listCollection<{ slug?: string }>(context, {
        path: '/regions',
        key: 'regions',
        service: 'regions',
      })) {
        if (typeof region.slug === 'string' && region.slug !== '') regions.add(region.slug);
      }
    } catch (error) {
      if (signal.aborted) throw error;
      const wrapped = digitalOceanError(error, {
        service: 'regions',
        action: 'listing regions (GET /v2/regions)',
      });
      if (isCredentialError(error)) throw wrapped;
      this.logger.warn('DigitalOcean regions could not be listed; using the built-in list', {
        error: wrapped.message,
      });
    }
    return [...regions].sort();
  }

  #context(
    client: HttpClient,
    signal: AbortSignal,
    wants: (resourceType: string) => boolean,
  ): DigitalOceanListContext {
    return { client, perPage: this.#perPage, accountId: this.accountId, signal, wants };
  }

  /** List every selected service: one account-wide call per service, reported per region. */
  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    const client = this.#client;
    if (!client) {
      throw new DriverError({
        message: 'DigitalOcean driver: call initialize() before listResources().',
        errorClass: 'unknown',
        retryable: false,
      });
    }
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    const regional = services.some(
      (name) => !this.catalog.services.find((service) => service.name === name)?.global,
    );
    const allRegions = regional
      ? await this.#allRegions(client, options.signal)
      : [...digitalOceanRegions];
    const keptRegions = filterRegions({
      all: allRegions,
      regions: this.config.regions,
      ...filters,
    });
    const known = new Set(allRegions);
    const kept = new Set(keptRegions);
    const filtered = keptRegions.length < allRegions.length;
    // Unfiltered, a region missing from every list (a brand-new one) is kept, not dropped.
    const keep = (region: string) =>
      region === 'global' || kept.has(region) || (!filtered && !known.has(region));

    const steps = [
      ...this.#apiSteps(client, services, filters, keptRegions, keep),
      ...this.#spacesSteps(services, keep, options.runtime),
    ];

    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: options.runtime,
        signal: options.signal,
        logger: this.logger,
        // Bad Spaces keys fail the Spaces scopes only, never the whole account.
        abortOnAuthError: (error) =>
          isCredentialError(error) && (error as { service?: string })?.service !== 'spaces',
      });
    } catch (error) {
      throw this.#runFailure(error);
    }
  }

  /**
   * One step per API list call: a denied call (a token without one scope) fails exactly the types
   * it lists; every other type, of this service or another, is still listed and complete.
   */
  #apiSteps(
    client: HttpClient,
    services: readonly string[],
    filters: Pick<ListOptions, 'include' | 'exclude'>,
    keptRegions: readonly string[],
    keep: (region: string) => boolean,
  ): ListStep[] {
    const steps: ListStep[] = [];
    for (const descriptor of this.catalog.services) {
      const service = digitalOceanApiServices.get(descriptor.name);
      if (!service || !services.includes(descriptor.name)) continue;
      const { types } = selectResourceTypes({
        catalog: this.catalog,
        service: descriptor.name,
        ...filters,
      });
      for (const step of service.steps) {
        const stepTypes = step.resourceTypes.filter((type) => types.includes(type));
        if (stepTypes.length === 0) continue; // the filters leave this step out
        const context = (signal: AbortSignal) =>
          this.#context(client, signal, (type) => stepTypes.includes(type));
        const enrich = step.enrich;
        steps.push({
          service: descriptor.name,
          region: 'global',
          // One account-wide listing: reported for `global`, every kept region (regional
          // services) and every region a listed resource carries.
          coversRegions: descriptor.global ? [] : keptRegions,
          resourceTypes: stepTypes,
          call: step.call,
          list: ({ signal }) => this.#listService(service.name, step, keep, context(signal)),
          ...(enrich
            ? { enrich: (resource, reads, { signal }) => enrich(resource, reads, context(signal)) }
            : {}),
        });
      }
    }
    return steps;
  }

  /** One step per Spaces region, or a skipped scope per region without a Spaces key pair. */
  #spacesSteps(
    services: readonly string[],
    keep: (region: string) => boolean,
    runtime: RuntimeContext,
  ): ListStep[] {
    if (!services.includes('spaces')) return [];
    const spacesRegions = (this.config.spacesRegions ?? digitalOceanSpacesRegions).filter(keep);
    const spaces = this.#spaces;
    if (!spaces) {
      for (const region of spacesRegions) {
        runtime.reportScope({
          service: 'spaces',
          region,
          status: 'skipped',
          error: spacesSkippedReason,
        });
      }
      if (spacesRegions.length > 0) this.logger.info(spacesSkippedReason);
      return [];
    }
    return spacesRegions.map((region) => ({
      service: 'spaces',
      region,
      resourceTypes: ['digitalocean.spaces.bucket'],
      call: 's3:ListBuckets (Spaces key pair)',
      list: ({ signal }) => spaces.list(region, { accountId: this.accountId, signal }),
    }));
  }

  async *#listService(
    service: string,
    step: DigitalOceanStep,
    keep: (region: string) => boolean,
    context: DigitalOceanListContext,
  ): AsyncGenerator<CloudResource> {
    try {
      for await (const resource of step.list(context)) {
        const region = resource.region ?? 'global';
        if (!keep(region)) continue;
        yield resource;
      }
    } catch (error) {
      if (context.signal.aborted) throw error;
      throw digitalOceanError(error, { service });
    }
  }

  // runScopes stops everything when the token is refused; say so in DigitalOcean's terms.
  #runFailure(error: unknown): unknown {
    if (!DriverError.isInstance(error) || error.errorClass !== 'auth') return error;
    const cause = error.cause;
    const message = DriverError.isInstance(cause)
      ? `${cause.message} The other services were not listed.`
      : `DigitalOcean: ${error.message}`;
    return new DriverError({
      message,
      errorClass: 'auth',
      retryable: false,
      cause: error,
      ...(error.service === undefined ? {} : { service: error.service }),
      ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    });
  }

  /** Close the Spaces clients. */
  override async destroy(): Promise<void> {
    this.#spaces?.destroy();
    this.#spaces = undefined;
  }
}

/** Build a DigitalOcean driver (the factory form of `new DigitalOceanDriver(options)`). */
export function createDigitalOceanDriver(options: DigitalOceanDriverOptions): DigitalOceanDriver {
  return new DigitalOceanDriver(options);
}
