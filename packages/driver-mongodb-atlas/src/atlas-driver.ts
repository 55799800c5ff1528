import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
  type ScopeReport,
} from '@cloud-inventory/core';
import {
  createHttpClient,
  filterServices,
  type HttpClient,
  type ListStep,
  runSteps,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { atlasCatalog } from './atlas-catalog.ts';
import { clusterSteps } from './atlas-cluster-steps.ts';
import { toAtlasError } from './atlas-errors.ts';
import { AtlasEventsCursor, eventSteps } from './atlas-events.ts';
import {
  type AtlasCredentials,
  type AtlasDriverConfig,
  type ResolvedAtlasConfig,
  resolveAtlasApiKey,
  resolveAtlasConfig,
} from './atlas-options.ts';
import { projectListSteps } from './atlas-project-steps.ts';
import { listAtlasProjects, projectResource, projectsCall } from './atlas-projects.ts';
import { AtlasRegionSelection } from './atlas-regions.ts';
import type { AtlasProject, AtlasProjectContext } from './atlas-resources.ts';
import type { AtlasSyncSettings } from './atlas-step-context.ts';

/** Opaque state kept between runs: the regions met so far. */
interface AtlasState {
  regions?: string[];
}

function previousRegions(state: unknown): string[] {
  const regions = (state as AtlasState | null)?.regions;
  return Array.isArray(regions) ? regions.filter((region) => typeof region === 'string') : [];
}

/**
 * Lists a MongoDB Atlas organization through the Atlas Administration API v2 (plain fetch with
 * HTTP digest auth, versioned Accept headers, `pageNum` / `itemsPerPage` paging).
 */
export class AtlasDriver extends BaseCloudDriver<AtlasCredentials, AtlasDriverConfig> {
  #client: HttpClient | undefined;
  #settings: ResolvedAtlasConfig | undefined;
  // The client is built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return atlasCatalog;
  }

  /** `config.accountId`, else the organization id, else `'default'`. */
  override get accountId(): string {
    const configured = this.config.accountId;
    if (typeof configured === 'string' && configured.trim() !== '') return configured;
    return this.config.organizationId ?? this.credentials?.organizationId ?? 'default';
  }

  /** Check the config, resolve the API key and build the HTTP client; no request is sent. */
  override async initialize(): Promise<void> {
    const apiKey = resolveAtlasApiKey(this.credentials);
    this.#settings = resolveAtlasConfig(this.config, this.credentials, this.id);
    const { maximumWaitMs, ...retry } = this.config.retry ?? {};
    this.#client = createHttpClient({
      baseUrl: this.#settings.endpoint,
      auth: { type: 'digest', username: apiKey.publicKey, password: apiKey.privateKey },
      retry,
      ...(maximumWaitMs === undefined ? {} : { maximumWaitMs }),
      ...(this.config.timeoutMs === undefined ? {} : { timeoutMs: this.config.timeoutMs }),
      userAgent: 'cloud-inventory-driver-mongodb-atlas',
      logger: this.logger,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    if (!this.#client) await this.initialize();
    const client = this.#client!;
    const resolved = this.#settings!;
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    const selectedTypes = new Map<string, string[]>();
    for (const service of services) {
      const selection = selectResourceTypes({ catalog: this.catalog, service, ...filters });
      if (selection.types.length > 0) selectedTypes.set(service, selection.types);
    }

    // The project list comes first: every other call needs its ids, and it checks the key.
    let projects: AtlasProject[];
    try {
      projects = await listAtlasProjects(
        { client, service: 'projects', signal: options.signal },
        resolved,
      );
    } catch (error) {
      throw toAtlasError(error, `listing the projects (${projectsCall(resolved)})`);
    }

    const regions = new AtlasRegionSelection({
      regions: this.config.regions,
      include: options.include,
      exclude: options.exclude,
      previous: previousRegions(options.runtime.state),
    });
    const settings: AtlasSyncSettings = {
      client,
      itemsPerPage: resolved.itemsPerPage,
      regions,
      selectedTypes,
    };
    const cursor = new AtlasEventsCursor({
      runtime: options.runtime,
      windowDays: resolved.eventsWindowDays,
    });
    const steps = this.#steps(projects, settings, cursor, resolved);
    try {
      yield* runSteps({
        steps,
        concurrency: options.concurrency,
        runtime: cursor.incremental ? eventsNeverDelete(options.runtime) : options.runtime,
        signal: options.signal,
        logger: this.logger,
        // The project list already proved the key; a later 401 or 403 is a missing role on one
        // endpoint (Atlas answers USER_UNAUTHORIZED with 401): fail that step, not the cloud.
        abortOnAuthError: () => false,
      });
    } catch (error) {
      throw toAtlasError(error, 'listing the projects’ resources');
    }
    const previous = options.runtime.state;
    const kept =
      previous && typeof previous === 'object' && !Array.isArray(previous) ? previous : {};
    options.runtime.emitState({ ...kept, regions: regions.known() });
  }

  #steps(
    projects: AtlasProject[],
    settings: AtlasSyncSettings,
    cursor: AtlasEventsCursor,
    resolved: ResolvedAtlasConfig,
  ): ListStep[] {
    const contexts: AtlasProjectContext[] = projects.map((project) => ({
      project,
      accountId: typeof project.orgId === 'string' ? project.orgId : this.accountId,
    }));
    const steps: ListStep[] = [];
    if (settings.selectedTypes.has('projects')) {
      steps.push({
        service: 'projects',
        resourceTypes: ['mongodb-atlas.project'],
        call: projectsCall(resolved),
        list: () => contexts.map(projectResource),
      });
    }
    const input = { settings, contexts };
    steps.push(...projectListSteps(input), ...eventSteps(input, cursor), ...clusterSteps(input));
    return steps;
  }
}

/**
 * Events are listed from the last checkpoint on, so such a listing says nothing about older events:
 * its reports are complete for no type, and no event is marked deleted. (A first listing, without
 * a checkpoint, is reported as it is: every event the window holds, none in the inventory yet.)
 */
function eventsNeverDelete(runtime: RuntimeContext): RuntimeContext {
  return {
    checkpoint: runtime.checkpoint,
    state: runtime.state,
    emitCheckpoint: (value) => runtime.emitCheckpoint(value),
    emitRateLimit: (value) => runtime.emitRateLimit(value),
    emitState: (value) => runtime.emitState(value),
    emitProgress: (value) => runtime.emitProgress(value),
    reportScope: (scope: ScopeReport) =>
      runtime.reportScope(scope.service === 'events' ? { ...scope, resourceTypes: [] } : scope),
  };
}

/** Build an AtlasDriver (the registry accepts this factory or the class). */
export function createAtlasDriver(
  options: CloudDriverOptions<AtlasCredentials, AtlasDriverConfig>,
): AtlasDriver {
  return new AtlasDriver(options);
}

export type { AtlasCredentials, AtlasDriverConfig } from './atlas-options.ts';
