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
  isCredentialError,
  type ListStep,
  runSteps,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { linodeCatalog } from './linode-catalog.ts';
import { linodeComputeSteps } from './linode-compute-steps.ts';
import { linodeError, toLinodeRunError } from './linode-errors.ts';
import type { LinodeListContext } from './linode-list.ts';
import { linodeNetworkSteps } from './linode-network-steps.ts';
import {
  type LinodeCredentials,
  type LinodeDriverConfig,
  resolveLinodeBaseUrl,
  resolveLinodePageSize,
  resolveLinodeToken,
} from './linode-options.ts';
import { listLinodeRegions } from './linode-regions.ts';
import type { LinodeStepDefinition } from './linode-steps.ts';

/** Every listing step of the driver, in catalog order. */
export const linodeSteps: readonly LinodeStepDefinition[] = [
  ...linodeComputeSteps,
  ...linodeNetworkSteps,
].sort(
  (left, right) =>
    linodeCatalog.services.findIndex((service) => service.name === left.service) -
    linodeCatalog.services.findIndex((service) => service.name === right.service),
);

/** Options of the Linode driver's constructor. */
export type LinodeDriverOptions = CloudDriverOptions<LinodeCredentials, LinodeDriverConfig>;

/** Lists a Linode (Akamai Cloud) account through the Linode API v4 (plain fetch on the kit's client). */
export class LinodeDriver extends BaseCloudDriver<LinodeCredentials, LinodeDriverConfig> {
  #client: HttpClient | undefined;
  #pageSize = resolveLinodePageSize(undefined);
  #accountId: string | undefined;
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return linodeCatalog;
  }

  /** `config.accountId`, else the account's `euuid` read in `initialize()`. */
  override get accountId(): string | undefined {
    const configured = this.config.accountId;
    return typeof configured === 'string' && configured.trim() !== ''
      ? configured
      : this.#accountId;
  }

  /** Resolve the token, build the HTTP client and, without `config.accountId`, read the account's `euuid`. */
  override async initialize(): Promise<void> {
    const token = resolveLinodeToken(this.credentials);
    this.#pageSize = resolveLinodePageSize(this.config.pageSize);
    const { maximumWaitMs, ...retry } = this.config.retry ?? {};
    this.#client = createHttpClient({
      baseUrl: resolveLinodeBaseUrl(this.config.endpoint, `cloud ${this.id}`),
      auth: { type: 'bearer', token },
      retry,
      ...(maximumWaitMs === undefined ? {} : { maximumWaitMs }),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: 'cloud-inventory-driver-linode',
      logger: this.logger,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
    if (this.accountId === undefined) this.#accountId = await this.#readAccountId(this.#client);
  }

  // The euuid needs the account:read_only scope; without it the resources carry no account id.
  async #readAccountId(client: HttpClient): Promise<string | undefined> {
    try {
      const account = await client.getJson<{ euuid?: unknown }>('/v4/account', {
        service: 'account',
      });
      return typeof account?.euuid === 'string' && account.euuid ? account.euuid : undefined;
    } catch (error) {
      const wrapped = linodeError(error, {
        service: 'account',
        call: 'GET /v4/account',
        action: 'reading the account id',
      });
      if (isCredentialError(error)) throw toLinodeRunError(wrapped);
      this.logger.warn(
        'Linode account id could not be read; set config.accountId or grant account:read_only',
        { error: wrapped.message },
      );
      return undefined;
    }
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

    const base: LinodeListContext = {
      client,
      pageSize: this.#pageSize,
      accountId: this.accountId,
      keepRegion: () => true,
    };
    const known = await listLinodeRegions(base, options.signal, this.logger).catch((error) => {
      throw toLinodeRunError(error);
    });
    const { all: allRegions, selected: regions } = filterListedRegions({
      listed: known,
      regions: this.config.regions,
      ...filters,
    });
    const kept = new Set(regions);
    const knownRegions = new Set(allRegions);
    const filtered = regions.length < allRegions.length;
    // Unfiltered, a region missing from every list (a brand-new one) is kept, not dropped.
    const context: LinodeListContext = {
      ...base,
      keepRegion: (region) => kept.has(region) || (!filtered && !knownRegions.has(region)),
    };

    const steps: ListStep[] = [];
    for (const definition of linodeSteps) {
      if (!services.includes(definition.service)) continue;
      const selection = selectResourceTypes({
        catalog: this.catalog,
        service: definition.service,
        ...filters,
      });
      const types = definition.resourceTypes.filter((type) => selection.types.includes(type));
      if (types.length === 0) continue;
      steps.push(this.#step(definition, types, context, regions));
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
      throw toLinodeRunError(error);
    }
  }

  #step(
    definition: LinodeStepDefinition,
    types: string[],
    context: LinodeListContext,
    regions: string[],
  ): ListStep {
    const enrich = definition.enrich;
    return {
      service: definition.service,
      region: 'global',
      resourceTypes: types,
      call: definition.call,
      // An account-wide list of regional resources is complete (or failed) in every selected
      // region and every region it met, not just in `global`.
      ...(definition.regional ? { coversRegions: regions } : {}),
      list: (step) => withLinodeErrors(definition, definition.list(context, step), step.signal),
      ...(enrich
        ? { enrich: (resource, reads, step) => enrich(resource, reads, context, step) }
        : {}),
    };
  }
}

// Failed list calls name Linode, the call and the OAuth scope to grant.
async function* withLinodeErrors(
  definition: LinodeStepDefinition,
  listing: AsyncIterable<CloudResource>,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  try {
    yield* listing;
  } catch (error) {
    // A stopped sync is not the call's failure: let the abort reason through as it is.
    if (signal.aborted) throw error;
    throw linodeError(error, { service: definition.service, call: definition.call });
  }
}

/** Build a LinodeDriver (the registry accepts this factory or the class). */
export function createLinodeDriver(options: LinodeDriverOptions): LinodeDriver {
  return new LinodeDriver(options);
}

export type { LinodeCredentials, LinodeDriverConfig } from './linode-options.ts';
