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
  filterListedRegions,
  filterServices,
  type HttpClient,
  resolveEndpoint,
  runSteps,
} from '@cloud-inventory/driver-kit';
import { vultrCatalog } from './vultr-catalog.ts';
import { toVultrError } from './vultr-errors.ts';
import {
  resolveVultrApiKey,
  resolveVultrPerPage,
  resolveVultrRequestsPerSecond,
  type VultrCredentials,
  type VultrDriverConfig,
  vultrDefaultAccountId,
  vultrDefaultEndpoint,
} from './vultr-options.ts';
import { listVultrRegions, vultrKnownRegions } from './vultr-regions.ts';
import { VultrRequestPacer } from './vultr-request-pacer.ts';
import type { VultrRegionSelection } from './vultr-resource.ts';
import { VultrSharedLists } from './vultr-shared-lists.ts';
import { isRegionalService, selectVultrSteps, vultrSteps } from './vultr-steps.ts';

/** Options of the Vultr driver's constructor. */
export type VultrDriverOptions = CloudDriverOptions<VultrCredentials, VultrDriverConfig>;

/** Lists a Vultr account through the Vultr API v2 (plain fetch through the kit, no SDK). */
export class VultrDriver extends BaseCloudDriver<VultrCredentials, VultrDriverConfig> {
  #client: HttpClient | undefined;
  #perPage = resolveVultrPerPage(undefined);
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return vultrCatalog;
  }

  /** `config.accountId`, or `'default'`: `GET /account` has no account id. */
  override get accountId(): string {
    const configured = this.config.accountId;
    return typeof configured === 'string' && configured.trim() !== ''
      ? configured
      : vultrDefaultAccountId;
  }

  /** Resolve the API key and options and build the HTTP client; no request is sent. */
  override async initialize(): Promise<void> {
    const apiKey = resolveVultrApiKey(this.credentials);
    this.#perPage = resolveVultrPerPage(this.config.perPage);
    const pacer = new VultrRequestPacer({
      requestsPerSecond: resolveVultrRequestsPerSecond(this.config.requestsPerSecond),
    });
    const { maximumWaitMs, ...retry } = this.config.retry ?? {};
    this.#client = createHttpClient({
      baseUrl: resolveEndpoint({
        value: this.config.endpoint,
        defaultUrl: vultrDefaultEndpoint,
        cloud: this.id,
      }),
      auth: { type: 'bearer', token: apiKey },
      retry,
      ...(maximumWaitMs === undefined ? {} : { maximumWaitMs }),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: 'cloud-inventory-driver-vultr',
      logger: this.logger,
      fetch: pacer.fetch(),
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    if (!this.#client) await this.initialize();
    const client = this.#client!;
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    const regions = await this.#selectRegions(client, services, options);
    const steps = selectVultrSteps(
      vultrSteps({
        client,
        perPage: this.#perPage,
        accountId: this.accountId,
        regions,
        shared: new VultrSharedLists(),
      }),
      { catalog: this.catalog, services, ...filters },
    );
    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: options.runtime,
        signal: options.signal,
        logger: this.logger,
      });
    } catch (error) {
      throw toVultrError(error);
    }
  }

  /** The regions of this run: `GET /regions` (or the built-in list) after `config.regions` and the filters. */
  async #selectRegions(
    client: HttpClient,
    services: readonly string[],
    options: ListOptions,
  ): Promise<VultrRegionSelection> {
    const regional = services.some((service) => isRegionalService(this.catalog, service));
    // One cheap call, made only when a regional service is listed; a refused key fails here.
    const listed = regional
      ? await listVultrRegions({
          client,
          perPage: this.#perPage,
          signal: options.signal,
          logger: this.logger,
        })
      : { ids: [...vultrKnownRegions], fromApi: false };
    const { all, selected: kept } = filterListedRegions({
      listed: { names: listed.ids, fromApi: listed.fromApi },
      regions: this.config.regions,
      include: options.include,
      exclude: options.exclude,
    });
    const keptSet = new Set(kept);
    const known = new Set(all);
    const filtered = kept.length < all.length;
    return {
      covered: kept,
      // Unfiltered, a region no list knows yet (a brand-new one) is kept, not dropped.
      keep: (region) =>
        region === 'global' || keptSet.has(region) || (!filtered && !known.has(region)),
    };
  }
}

/** Build a VultrDriver (the registry accepts this factory or the class). */
export function createVultrDriver(options: VultrDriverOptions): VultrDriver {
  return new VultrDriver(options);
}

export type { VultrCredentials, VultrDriverConfig } from './vultr-options.ts';
