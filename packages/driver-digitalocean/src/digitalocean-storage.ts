import {
  collectionStep,
  type DigitalOceanListContext,
  type DigitalOceanService,
  digitalOceanResource,
  listCollection,
  pathSegment,
  regionSlug,
} from './digitalocean-list.ts';

/** A block storage volume as `GET /v2/volumes` returns it. */
interface Volume {
  id: string;
  name?: string;
  region?: { slug?: string };
  tags?: string[];
}

/** A snapshot as `GET /v2/snapshots` returns it. */
interface Snapshot {
  id: string;
  name?: string;
  regions?: string[];
  tags?: string[] | null;
}

/** A database cluster as `GET /v2/databases` returns it. */
interface DatabaseCluster {
  id: string;
  name?: string;
  region?: string;
  tags?: string[] | null;
}

/** A trusted source of a database cluster as `GET /v2/databases/{uuid}/firewall` returns it. */
interface DatabaseFirewallRule {
  uuid?: string;
  cluster_uuid?: string;
  type?: string;
  value?: string;
  created_at?: string;
}

/** The container registry as `GET /v2/registry` returns it. */
interface Registry {
  name: string;
  region?: string;
}

/** A repository as `GET /v2/registry/{name}/repositoriesV2` returns it. */
interface Repository {
  registry_name?: string;
  name: string;
}

/** Volumes: `GET /v2/volumes`, region `region.slug`. */
export const volumesService: DigitalOceanService = {
  name: 'volumes',
  steps: [
    collectionStep<Volume>({
      service: 'volumes',
      path: '/volumes',
      key: 'volumes',
      resourceType: 'digitalocean.volume',
      resource: (volume) => ({
        region: regionSlug(volume.region),
        resourceId: volume.id,
        name: volume.name,
        tags: volume.tags,
        configuration: volume,
      }),
    }),
  ],
};

/** Snapshots of Droplets and volumes: `GET /v2/snapshots`; region is the first of `regions`. */
export const snapshotsService: DigitalOceanService = {
  name: 'snapshots',
  steps: [
    collectionStep<Snapshot>({
      service: 'snapshots',
      path: '/snapshots',
      key: 'snapshots',
      resourceType: 'digitalocean.snapshot',
      resource: (snapshot) => ({
        region: regionSlug(snapshot.regions?.[0]),
        resourceId: snapshot.id,
        name: snapshot.name,
        tags: snapshot.tags ?? [],
        configuration: snapshot,
      }),
    }),
  ],
};

/** The firewall rules call of a database cluster, as named in enrichment errors. */
export const databaseFirewallCall = 'GET /v2/databases/{uuid}/firewall';

/**
 * Managed database clusters: `GET /v2/databases`, region `region`; each cluster's trusted sources
 * (`GET /v2/databases/{uuid}/firewall`) read per cluster into `firewall_rules`. Denied, the
 * cluster is kept without them and the denial is recorded on it.
 */
export const databasesService: DigitalOceanService = {
  name: 'databases',
  steps: [
    collectionStep<DatabaseCluster>({
      service: 'databases',
      path: '/databases',
      key: 'databases',
      resourceType: 'digitalocean.database',
      resource: (cluster) => ({
        region: regionSlug(cluster.region),
        resourceId: cluster.id,
        name: cluster.name,
        tags: cluster.tags ?? [],
        configuration: cluster,
      }),
      enrichCalls: [databaseFirewallCall],
      enrich: async (resource, reads, context) => {
        const firewall = await reads.read(databaseFirewallCall, () =>
          context.client.getJson<{ rules?: DatabaseFirewallRule[] }>(
            `/databases/${pathSegment(resource.resourceId)}/firewall`,
            { signal: context.signal, service: 'databases' },
          ),
        );
        if (!firewall) return resource;
        return {
          ...resource,
          configuration: {
            ...(resource.configuration as Record<string, unknown>),
            firewall_rules: firewall.rules ?? [],
          },
        };
      },
    }),
  ],
};

/** The account's registries: `GET /v2/registry` (404: none), or `GET /v2/registries` when the account has several (412). */
async function readRegistries(
  context: DigitalOceanListContext,
): Promise<{ registries: Registry[]; multiple: boolean }> {
  const response = await context.client.get<{ registry?: Registry }>('/registry', {
    signal: context.signal,
    service: 'registry',
    acceptStatuses: [404, 412],
  });
  if (response.status === 404) return { registries: [], multiple: false };
  if (response.status === 200) {
    return { registries: response.body?.registry ? [response.body.registry] : [], multiple: false };
  }
  // NOTE: 412 means several registries; the spec documents the list under `registry`, the Go
  // client reads `registries`.
  const all = await context.client.getJson<{ registries?: Registry[]; registry?: Registry[] }>(
    '/registries',
    { signal: context.signal, service: 'registry' },
  );
  return { registries: all?.registries ?? all?.registry ?? [], multiple: true };
}

const registryCall = 'GET /v2/registry';

/**
 * Container registry (`GET /v2/registry`) and, as a step of their own, its repositories
 * (`GET /v2/registry/{name}/repositoriesV2`): a token that may read the registry but not its
 * repositories (or the reverse) loses only that type.
 */
export const registryService: DigitalOceanService = {
  name: 'registry',
  steps: [
    {
      resourceTypes: ['digitalocean.registry'],
      call: registryCall,
      async *list(context) {
        const { registries } = await readRegistries(context);
        for (const registry of registries) {
          yield digitalOceanResource(context, {
            service: 'registry',
            region: regionSlug(registry.region),
            resourceType: 'digitalocean.registry',
            resourceId: registry.name,
            name: registry.name,
            configuration: registry,
          });
        }
      },
    },
    {
      resourceTypes: ['digitalocean.registry.repository'],
      call: `${registryCall}, GET /v2/registry/{name}/repositoriesV2`,
      async *list(context) {
        const { registries, multiple } = await readRegistries(context);
        const base = multiple ? '/registries' : '/registry';
        for (const registry of registries) {
          for await (const repository of listCollection<Repository>(context, {
            path: `${base}/${pathSegment(registry.name)}/repositoriesV2`,
            key: 'repositories',
            service: 'registry',
          })) {
            yield digitalOceanResource(context, {
              service: 'registry',
              region: regionSlug(registry.region),
              resourceType: 'digitalocean.registry.repository',
              resourceId: `${repository.registry_name ?? registry.name}/${repository.name}`,
              name: repository.name,
              configuration: repository,
            });
          }
        }
      },
    },
  ],
};
