import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import { filterListedRegions, filterServices, runSteps } from '@cloud-inventory/driver-kit';
import { GcpApiClient } from './gcp-api-client.ts';
import { createGcpTokenSource, type GcpTokenSource } from './gcp-auth.ts';
import { gcpCatalog, gcpListingDefinitions } from './gcp-catalog.ts';
import { GcpEndpoints } from './gcp-endpoints.ts';
import { toGcpError } from './gcp-errors.ts';
import { discoverGcpRegions } from './gcp-locations.ts';
import {
  configuredProjects,
  type GcpCredentials,
  type GcpDriverConfig,
  resolveGcpPageSize,
} from './gcp-options.ts';
import { listGcpProjects } from './gcp-projects.ts';
import { GcpScopeReports } from './gcp-scope-reports.ts';
import { buildGcpSteps } from './gcp-steps.ts';

/** Lists Google Cloud projects through the Google REST APIs (google-auth-library for tokens, plain fetch). */
export class GcpDriver extends BaseCloudDriver<GcpCredentials, GcpDriverConfig> {
  #client: GcpApiClient | undefined;
  #tokens: GcpTokenSource | undefined;
  #projects: string[] = [];
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return gcpCatalog;
  }

  /** `config.accountId`, else the first configured project; undefined when projects are discovered. */
  override get accountId(): string | undefined {
    const configured = this.config.accountId;
    if (typeof configured === 'string' && configured.trim() !== '') return configured;
    try {
      return configuredProjects(this.config)[0];
    } catch {
      // An invalid project list is reported by initialize(), not by a getter.
      return undefined;
    }
  }

  /** Check the config, pick the credential and build the REST client; no request is sent. */
  override async initialize(): Promise<void> {
    this.#projects = configuredProjects(this.config);
    const endpoints = new GcpEndpoints(this.config.endpoint);
    const pageSize = resolveGcpPageSize(this.config.pageSize);
    this.#tokens = await createGcpTokenSource({ credentials: this.credentials, endpoints });
    this.#client = new GcpApiClient({
      endpoints,
      tokens: this.#tokens,
      pageSize,
      ...(this.config.retry ? { retry: this.config.retry } : {}),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
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
    const signal = options.signal ?? new AbortController().signal;
    try {
      // A credential that cannot give a token fails here, before anything is listed.
      await this.#tokens!.authorization();
      const projects =
        this.#projects.length > 0 ? this.#projects : await listGcpProjects(client, signal);
      // Regions are the same for every project; the first one answers for all.
      const discovered = await discoverGcpRegions({
        client,
        project: projects[0]!,
        signal,
        logger: this.logger,
      });
      const { all: allRegions, selected: selectedRegions } = filterListedRegions({
        listed: { names: discovered.regions, fromApi: discovered.fromApi },
        regions: this.config.regions,
        ...filters,
      });
      const steps = buildGcpSteps({
        client,
        catalog: this.catalog,
        definitions: gcpListingDefinitions,
        projects,
        allRegions,
        selectedRegions,
        services,
        ...filters,
      });
      const reports = new GcpScopeReports(options.runtime, (service) =>
        (this.catalog.services.find((entry) => entry.name === service)?.resourceTypes ?? []).map(
          (descriptor) => descriptor.type,
        ),
      );
      const { runtime } = options;
      try {
        yield* runSteps({
          steps,
          concurrency: options.concurrency,
          runtime: {
            reportScope: (report) => reports.add(report),
            emitProgress: (value) => runtime.emitProgress?.(value),
          },
          signal: options.signal,
          logger: this.logger,
        });
      } finally {
        reports.flush();
      }
    } catch (error) {
      throw toGcpError(error, this.#tokens?.source ?? 'the credentials');
    }
  }
}

/** Build a GcpDriver (the registry accepts this factory or the class). */
export function createGcpDriver(
  options: CloudDriverOptions<GcpCredentials, GcpDriverConfig>,
): GcpDriver {
  return new GcpDriver(options);
}

export type { GcpCredentials, GcpDriverConfig } from './gcp-options.ts';
