import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  ConfigurationError,
  type DriverCatalog,
  DriverError,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  filterRegions,
  filterServices,
  isCredentialError,
  type ListStep,
  runSteps,
} from '@cloud-inventory/driver-kit';
import { type OracleIdentity, resolveOracleIdentity } from './oracle-auth.ts';
import { withOracleCall } from './oracle-call-context.ts';
import { oracleCatalog } from './oracle-catalog.ts';
import { checkEndpointTemplate, OracleClients } from './oracle-clients.ts';
import {
  classifyOracleError,
  describeOracleError,
  oracleCredentialError,
} from './oracle-errors.ts';
import { OracleHttpClient } from './oracle-http-client.ts';
import {
  type OracleCredentials,
  type OracleDriverConfig,
  oracleDefaultPageSize,
} from './oracle-options.ts';
import { oracleSteps } from './oracle-steps.ts';
import {
  discoverCompartments,
  listSubscribedRegions,
  type OracleCallRunner,
} from './oracle-tenancy.ts';

/** Lists an Oracle Cloud tenancy (or one compartment tree) with the per-service OCI SDK clients. */
export class OracleDriver extends BaseCloudDriver<OracleCredentials, OracleDriverConfig> {
  #identity: OracleIdentity | undefined;
  #clients: OracleClients | undefined;
  // Clients are built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return oracleCatalog;
  }

  /** `config.accountId`, else the tenancy OCID (known after initialize). */
  override get accountId(): string | undefined {
    const configured = this.config.accountId;
    if (typeof configured === 'string' && configured.trim() !== '') return configured;
    return this.#identity?.tenancyId ?? this.config.tenancyId ?? this.credentials?.tenancy;
  }

  /** Resolve the credentials and build the signing HTTP layer; no request is sent. */
  override async initialize(): Promise<void> {
    checkEndpointTemplate(this.config.endpoint, this.id);
    const pageSize = this.config.pageSize;
    if (
      pageSize !== undefined &&
      (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    ) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'config.pageSize',
            expected: 'an integer from 1 to 1000',
            received: JSON.stringify(pageSize),
          },
        ],
      });
    }
    this.#identity = await resolveOracleIdentity(this.credentials, this.config);
    const httpClient = new OracleHttpClient({
      provider: this.#identity.provider,
      retry: this.config.retry,
      timeoutMs: this.config.timeoutMs,
      logger: this.logger,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
    this.#clients = new OracleClients({
      httpClient,
      endpoint: this.config.endpoint,
      cloud: this.id,
    });
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    options.signal?.throwIfAborted();
    if (!this.#clients) await this.initialize();
    const identity = this.#identity!;
    const clients = this.#clients!;
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    const globalRegion =
      identity.region ?? this.config.regions?.find((region) => !region.includes('*'));
    if (!globalRegion) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'credentials.region',
            expected: 'the region identity calls go to (or config.regions)',
            received: 'nothing',
          },
        ],
      });
    }
    const controller = new AbortController();
    const stop = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', stop, { once: true });
    const run: OracleCallRunner = (call) =>
      withOracleCall(
        {
          signal: controller.signal,
          service: 'identity',
          region: globalRegion,
          logger: this.logger,
        },
        call,
      );
    try {
      const steps = await this.#plan({
        clients,
        identity,
        globalRegion,
        run,
        signal: controller.signal,
        filters,
        services,
      });
      yield* runSteps({
        steps,
        runtime: options.runtime,
        concurrency: options.concurrency,
        signal: controller.signal,
        logger: this.logger,
        classifyError: classifyOracleError,
      });
    } catch (error) {
      throw this.#explain(error, identity);
    } finally {
      options.signal?.removeEventListener('abort', stop);
      controller.abort(new Error('oracle: listing finished'));
    }
  }

  // The regions, the compartment tree and the steps of this run.
  async #plan(options: {
    clients: OracleClients;
    identity: OracleIdentity;
    globalRegion: string;
    run: OracleCallRunner;
    signal: AbortSignal;
    filters: { include?: readonly string[] | undefined; exclude?: readonly string[] | undefined };
    services: string[];
  }): Promise<ListStep[]> {
    const { clients, identity, globalRegion } = options;
    const regions = await this.#regions(options);
    const pageSize = this.config.pageSize ?? oracleDefaultPageSize;
    const tree = await discoverCompartments({
      clients,
      region: globalRegion,
      tenancyId: identity.tenancyId,
      rootId: this.config.compartmentId?.trim() || identity.tenancyId,
      pageSize,
      run: options.run,
      signal: options.signal,
    });
    if (tree.error !== undefined && isCredentialError(tree.error)) {
      throw oracleCredentialError({
        error: tree.error,
        during: 'listing compartments',
        hint: identity.credentialHint,
      });
    }
    return oracleSteps({
      catalog: this.catalog,
      services: options.services,
      regions,
      globalRegion,
      ...options.filters,
      settings: {
        clients,
        accountId: this.accountId ?? identity.tenancyId,
        tenancyId: identity.tenancyId,
        tree: async () => tree,
        pageSize,
        logger: this.logger,
      },
    });
  }

  // Subscribed regions (READY), narrowed by config.regions and the filters.
  async #regions(options: {
    clients: OracleClients;
    identity: OracleIdentity;
    globalRegion: string;
    run: OracleCallRunner;
    filters: { include?: readonly string[] | undefined; exclude?: readonly string[] | undefined };
  }): Promise<string[]> {
    let all: string[];
    let strict = true;
    try {
      ({ regions: all } = await listSubscribedRegions({
        clients: options.clients,
        region: options.globalRegion,
        tenancyId: options.identity.tenancyId,
        run: options.run,
      }));
    } catch (error) {
      if (isCredentialError(error)) {
        throw oracleCredentialError({
          error,
          during: 'listing the region subscriptions',
          hint: options.identity.credentialHint,
        });
      }
      if (
        DriverError.isInstance(error) &&
        error.errorClass === 'auth' &&
        !this.config.regions?.length
      )
        throw error;
      // Without `inspect tenancies` the subscriptions are unknown: list the regions we were given.
      this.logger.warn(
        'ListRegionSubscriptions failed; listing config.regions and the credentials region only',
        {
          error: describeOracleError(error),
        },
      );
      all = [
        ...new Set([
          ...(this.config.regions ?? []).filter((region) => !region.includes('*')),
          options.globalRegion,
        ]),
      ];
      strict = false;
    }
    return filterRegions({ all, regions: this.config.regions, ...options.filters, strict });
  }

  #explain(error: unknown, identity: OracleIdentity): unknown {
    if (DriverError.isInstance(error) && error.message.startsWith('Oracle Cloud refused'))
      return error;
    if (isCredentialError(error)) {
      return oracleCredentialError({ error, during: 'listing', hint: identity.credentialHint });
    }
    return error;
  }
}

/** Build an OracleDriver (the registry accepts this factory or the class). */
export function createOracleDriver(
  options: CloudDriverOptions<OracleCredentials, OracleDriverConfig>,
): OracleDriver {
  return new OracleDriver(options);
}

export type { OracleCredentials, OracleDriverConfig } from './oracle-options.ts';
