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
  type ListStep,
  runSteps,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { hetznerCatalog } from './hetzner-catalog.ts';
import { toHetznerError } from './hetzner-errors.ts';
import { listHetzner } from './hetzner-list.ts';
import { listHetznerLocations } from './hetzner-locations.ts';
import {
  type HetznerCredentials,
  type HetznerDriverConfig,
  hetznerDefaultAccountId,
  hetznerDefaultEndpoint,
  resolveHetznerPerPage,
  resolveHetznerToken,
} from './hetzner-options.ts';
import {
  type HetznerMappingContext,
  type HetznerServiceDefinition,
  hetznerResource,
  hetznerServices,
  hetznerStepTypes,
} from './hetzner-services.ts';

/** Lists a Hetzner Cloud project through the Hetzner Cloud API (plain fetch, no SDK). */
export class HetznerDriver extends BaseCloudDriver<HetznerCredentials, HetznerDriverConfig> {
  #client: HttpClient | undefined;
  #perPage = resolveHetznerPerPage(undefined);
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return hetznerCatalog;
  }

  /** `config.accountId`, or `'default'`: the API has no account endpoint and nothing is derived from the token. */
  override get accountId(): string {
    const configured = this.config.accountId;
    return typeof configured === 'string' && configured.trim() !== ''
      ? configured
      : hetznerDefaultAccountId;
  }

  /** Resolve the token and build the HTTP client; no request is sent. */
  override async initialize(): Promise<void> {
    const token = resolveHetznerToken(this.credentials);
    this.#perPage = resolveHetznerPerPage(this.config.perPage);
    const { maximumWaitMs, ...retry } = this.config.retry ?? {};
    this.#client = createHttpClient({
      baseUrl: this.config.endpoint ?? hetznerDefaultEndpoint,
      auth: { type: 'bearer', token },
      retry,
      ...(maximumWaitMs === undefined ? {} : { maximumWaitMs }),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: 'cloud-inventory-driver-hetzner',
      logger: this.logger,
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

    // One cheap call that also checks the token before anything else is listed.
    const locations = await listHetznerLocations({
      client,
      perPage: this.#perPage,
      signal: options.signal,
      logger: this.logger,
    });
    const { all: allRegions, selected: regions } = filterListedRegions({
      listed: locations,
      regions: this.config.regions,
      ...filters,
    });
    // Project-wide lists: a regions filter applies to the resources, not to the calls.
    const keepRegion = regions.length < allRegions.length ? new Set(regions) : undefined;
    const context: HetznerMappingContext = { accountId: this.accountId };
    // One step per list call: a denied endpoint fails exactly the types it lists.
    const steps: ListStep[] = [];
    for (const definition of hetznerServices) {
      if (!services.includes(definition.service)) continue;
      const selection = selectResourceTypes({
        catalog: this.catalog,
        service: definition.service,
        ...filters,
      });
      const types = hetznerStepTypes(definition).filter((type) => selection.types.includes(type));
      if (types.length === 0) continue;
      steps.push({
        service: definition.service,
        region: 'global',
        // A project-wide listing of a service whose resources carry a location is complete (or
        // failed) in every selected location and every location it met, not just in `global`.
        ...(definition.regional ? { coversRegions: regions } : {}),
        // Complete for these types only; resources of filtered-out types are dropped.
        resourceTypes: types,
        call: `GET /v1${definition.path}`,
        list: ({ signal }) =>
          this.#listService({ client, definition, context, keepRegion, signal }),
      });
    }
    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: options.runtime,
        signal: options.signal,
        logger: this.logger,
      });
    } catch (error) {
      throw toHetznerError(error);
    }
  }

  async *#listService(options: {
    client: HttpClient;
    definition: HetznerServiceDefinition;
    context: HetznerMappingContext;
    /** Locations to keep; undefined keeps every resource. */
    keepRegion: ReadonlySet<string> | undefined;
    signal: AbortSignal;
  }): AsyncGenerator<CloudResource> {
    const { definition } = options;
    const items = listHetzner(options.client, {
      path: definition.path,
      key: definition.key,
      ...(definition.query ? { query: definition.query } : {}),
      perPage: this.#perPage,
      service: definition.service,
      signal: options.signal,
    });
    for await (const item of items) {
      if (definition.keep && !definition.keep(item)) continue;
      const resource = hetznerResource(definition, item, options.context);
      const region = resource.region ?? 'global';
      if (region !== 'global' && options.keepRegion && !options.keepRegion.has(region)) continue;
      yield resource;
      yield* definition.children?.(item, options.context) ?? [];
    }
  }
}

/** Build a HetznerDriver (the registry accepts this factory or the class). */
export function createHetznerDriver(
  options: CloudDriverOptions<HetznerCredentials, HetznerDriverConfig>,
): HetznerDriver {
  return new HetznerDriver(options);
}

export type { HetznerCredentials, HetznerDriverConfig } from './hetzner-options.ts';
