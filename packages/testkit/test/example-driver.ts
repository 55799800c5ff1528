// A small driver written the way the real ones are (driver-kit client, paginators, fan-out), with
// fixtures shaped like the provider's responses; the conformance tests run against it.
import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  buildResource,
  createHttpClient,
  defineCatalog,
  filterRegions,
  filterServices,
  type HttpClient,
  type ListStep,
  paginateCursor,
  paginateLinks,
  paginatePages,
  runSteps,
} from '@cloud-inventory/driver-kit';
import {
  type ConformanceDriverInput,
  type ConformanceFixtures,
  cursorPages,
  digitalOceanPages,
  hetznerPages,
} from '../src/index.ts';

/** Regions of the example cloud. */
export const exampleRegions = ['fra1', 'nyc1'];

/** Catalog of the example cloud. */
export const exampleCatalog: DriverCatalog = defineCatalog('examplecloud', [
  {
    name: 'servers',
    resourceTypes: [{ type: 'examplecloud.server', volatilePaths: ['status', 'updated_at'] }],
  },
  { name: 'volumes', global: true, resourceTypes: [{ type: 'examplecloud.volume' }] },
  {
    name: 'databases',
    global: true,
    resourceTypes: [
      { type: 'examplecloud.database.cluster', secretPaths: ['connection.password'] },
      { type: 'examplecloud.database.user', secretPaths: ['password'] },
    ],
  },
]);

/** Config of the example driver. */
export interface ExampleConfig {
  baseUrl: string;
  services?: string[];
  regions?: string[];
  maximumAttempts?: number;
  baseDelayMs?: number;
  maximumWaitMs?: number;
}

interface ServerBody {
  servers: { id: number; name: string; labels: Record<string, string> }[];
  meta: { pagination: { next_page: number | null } };
}
interface VolumeBody {
  volumes: { id: string; name: string; region: { slug: string }; tags: string[] }[];
}
interface DatabaseBody {
  databases: { id: string; name: string; connection: { password: string } }[];
  next_cursor: string | null;
}

/** The example driver. */
export class ExampleDriver extends BaseCloudDriver<{ token: string }, ExampleConfig> {
  #client: HttpClient | undefined;
  // The client is built once in initialize(); rate-limit reports go to the runtime of the current sync.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return exampleCatalog;
  }

  override async initialize(): Promise<void> {
    this.#client = createHttpClient({
      baseUrl: this.config.baseUrl,
      auth: { type: 'bearer', token: this.credentials.token },
      retry: {
        maximumAttempts: this.config.maximumAttempts,
        baseDelayMs: this.config.baseDelayMs,
        maximumDelayMs: 50,
      },
      maximumWaitMs: this.config.maximumWaitMs,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    const client = this.#client!;
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    const regions = filterRegions({
      all: exampleRegions,
      regions: this.config.regions,
      ...filters,
    });
    // One step per list call: a denied call fails exactly the types it lists.
    const steps: ListStep[] = [];
    if (services.includes('servers')) {
      for (const region of regions) {
        steps.push({
          service: 'servers',
          region,
          resourceTypes: ['examplecloud.server'],
          call: 'GET /v1/regions/{region}/servers',
          list: ({ signal }) => this.#servers(client, region, signal),
        });
      }
    }
    if (services.includes('volumes')) {
      steps.push({
        service: 'volumes',
        resourceTypes: ['examplecloud.volume'],
        call: 'GET /v1/volumes',
        list: ({ signal }) => this.#volumes(client, regions, signal),
      });
    }
    if (services.includes('databases')) {
      steps.push({
        service: 'databases',
        resourceTypes: ['examplecloud.database.cluster'],
        call: 'GET /v1/databases',
        list: ({ signal }) => this.#databaseClusters(client, signal),
        // Settings are read per cluster: a denied read keeps the cluster without them.
        enrich: async (resource, reads, { signal }) => {
          const settings = await reads.read('GET /v1/databases/{id}/settings', () =>
            client.getJson<{ settings: Record<string, unknown> }>(
              `/v1/databases/${resource.resourceId}/settings`,
              { signal },
            ),
          );
          if (!settings) return resource;
          const configuration = resource.configuration as Record<string, unknown>;
          return { ...resource, configuration: { ...configuration, settings: settings.settings } };
        },
      });
      // Users get a step of their own: a denied users call must not hide the clusters.
      steps.push({
        service: 'databases',
        resourceTypes: ['examplecloud.database.user'],
        call: 'GET /v1/databases, GET /v1/databases/{id}/users',
        list: ({ signal }) => this.#databaseUsers(client, signal),
      });
    }
    yield* runSteps({
      steps,
      concurrency: options.concurrency,
      runtime: options.runtime,
      signal: options.signal,
    });
  }

  async *#servers(
    client: HttpClient,
    region: string,
    signal: AbortSignal,
  ): AsyncGenerator<CloudResource> {
    const servers = paginatePages({
      perPage: 2,
      signal,
      fetchPage: ({ page, perPage }) =>
        client.get<ServerBody>(`/v1/regions/${region}/servers`, {
          query: { page, per_page: perPage },
          signal,
          service: 'servers',
          region,
        }),
      items: (body) => body.servers,
      isLastPage: ({ body }) => body.meta.pagination.next_page === null,
    });
    for await (const server of servers) {
      yield buildResource({
        provider: 'examplecloud',
        service: 'servers',
        region,
        resourceType: 'examplecloud.server',
        resourceId: server.id,
        name: server.name,
        labels: server.labels,
        configuration: server,
      });
    }
  }

  async *#volumes(
    client: HttpClient,
    regions: string[],
    signal: AbortSignal,
  ): AsyncGenerator<CloudResource> {
    const volumes = paginateLinks({
      firstUrl: '/v1/volumes?per_page=2',
      signal,
      fetchPage: ({ url }) => client.get<VolumeBody>(url, { signal, service: 'volumes' }),
      items: (body) => body.volumes,
    });
    for await (const volume of volumes) {
      // NOTE: the volumes API is global; the region filter applies to the resources.
      if (!regions.includes(volume.region.slug)) continue;
      yield buildResource({
        provider: 'examplecloud',
        service: 'volumes',
        region: volume.region.slug,
        resourceType: 'examplecloud.volume',
        resourceId: volume.id,
        name: volume.name,
        tags: volume.tags,
        configuration: volume,
      });
    }
  }

  #clusters(client: HttpClient, signal: AbortSignal) {
    return paginateCursor({
      signal,
      fetchPage: ({ cursor }) =>
        client.get<DatabaseBody>('/v1/databases', { query: { cursor, limit: 1 }, signal }),
      items: (body) => body.databases,
      nextCursor: (body) => body.next_cursor,
    });
  }

  async *#databaseClusters(client: HttpClient, signal: AbortSignal): AsyncGenerator<CloudResource> {
    for await (const cluster of this.#clusters(client, signal)) {
      yield buildResource({
        provider: 'examplecloud',
        service: 'databases',
        resourceType: 'examplecloud.database.cluster',
        resourceId: cluster.id,
        name: cluster.name,
        configuration: cluster,
      });
    }
  }

  async *#databaseUsers(client: HttpClient, signal: AbortSignal): AsyncGenerator<CloudResource> {
    for await (const cluster of this.#clusters(client, signal)) {
      const users = await client.getJson<{ users: { name: string; password: string }[] }>(
        `/v1/databases/${cluster.id}/users`,
        { signal },
      );
      for (const user of users.users) {
        yield buildResource({
          provider: 'examplecloud',
          service: 'databases',
          resourceType: 'examplecloud.database.user',
          resourceId: `${cluster.id}/${user.name}`,
          name: user.name,
          configuration: user,
        });
      }
    }
  }
}

/** Build the example driver from the conformance suite's input. */
export function createExampleDriver(
  input: ConformanceDriverInput<{ token: string }>,
  overrides: Partial<CloudDriverOptions<{ token: string }, ExampleConfig>> = {},
): ExampleDriver {
  return new ExampleDriver({
    id: 'examplecloud-test',
    driver: 'examplecloud',
    credentials: input.credentials,
    config: {
      ...(input.config as Partial<ExampleConfig>),
      baseUrl: input.endpoint,
      maximumAttempts: input.retry.maximumAttempts,
      baseDelayMs: input.retry.baseDelayMs,
      maximumWaitMs: input.retry.maximumWaitMs,
    },
    ...overrides,
  });
}

const servers = [
  { id: 1, name: 'web-1', region: 'fra1', status: 'running', labels: { env: 'prod' } },
  { id: 2, name: 'web-2', region: 'fra1', status: 'running', labels: { env: 'prod' } },
  { id: 3, name: 'web-3', region: 'fra1', status: 'off', labels: {} },
  { id: 4, name: 'api-1', region: 'nyc1', status: 'running', labels: { env: 'staging' } },
];
const volumes = [
  { id: 'vol-a', name: 'data-a', region: { slug: 'fra1' }, tags: ['env:prod', 'backup'] },
  { id: 'vol-b', name: 'data-b', region: { slug: 'nyc1' }, tags: [] },
  { id: 'vol-c', name: 'data-c', region: { slug: 'nyc1' }, tags: ['env:staging'] },
];
const databases = [
  {
    id: 'db-1',
    name: 'orders',
    connection: { host: 'db-1.internal', password: 'fixture-secret-1' },
  },
  {
    id: 'db-2',
    name: 'users',
    connection: { host: 'db-2.internal', password: 'fixture-secret-2' },
  },
];

/** Credentials the fixtures accept. */
export const exampleCredentials = { token: 'example-token-0123456789' };

/** Routes shaped like the provider's responses, each labelled with its service. */
export const exampleFixtures: ConformanceFixtures = {
  auth: { type: 'bearer', token: exampleCredentials.token },
  routes: [
    {
      path: '/v1/regions/:region/servers',
      service: 'servers',
      handler: hetznerPages({
        key: 'servers',
        items: (request) => servers.filter((server) => server.region === request.params.region),
      }),
    },
    {
      path: '/v1/volumes',
      service: 'volumes',
      handler: digitalOceanPages({ key: 'volumes', items: volumes }),
    },
    {
      path: '/v1/databases',
      service: 'databases',
      handler: cursorPages({
        items: databases,
        render: (items, info) => ({ databases: items, next_cursor: info.nextCursor }),
      }),
    },
    {
      path: '/v1/databases/:id/settings',
      service: 'databases',
      handler: (request) => ({
        body: { settings: { cluster: request.params.id, maintenance_window: 'sun:03:00' } },
      }),
    },
    {
      path: '/v1/databases/:id/users',
      service: 'databases',
      handler: (request) => ({
        body: {
          users: [
            { name: 'admin', password: `password-of-${request.params.id}` },
            { name: 'reader', password: 'r' },
          ],
        },
      }),
    },
  ],
};
