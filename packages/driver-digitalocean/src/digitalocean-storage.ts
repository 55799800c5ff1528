import {
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
  async *list(context) {
    for await (const volume of listCollection<Volume>(context, {
      path: '/volumes',
      key: 'volumes',
      service: 'volumes',
    })) {
      yield digitalOceanResource(context, {
        service: 'volumes',
        region: regionSlug(volume.region),
        resourceType: 'digitalocean.volume',
        resourceId: volume.id,
        name: volume.name,
        tags: volume.tags,
        configuration: volume,
      });
    }
  },
};

/** Snapshots of Droplets and volumes: `GET /v2/snapshots`; region is the first of `regions`. */
export const snapshotsService: DigitalOceanService = {
  name: 'snapshots',
  async *list(context) {
    for await (const snapshot of listCollection<Snapshot>(context, {
      path: '/snapshots',
      key: 'snapshots',
      service: 'snapshots',
    })) {
      yield digitalOceanResource(context, {
        service: 'snapshots',
        region: regionSlug(snapshot.regions?.[0]),
        resourceType: 'digitalocean.snapshot',
        resourceId: snapshot.id,
        name: snapshot.name,
        tags: snapshot.tags ?? [],
        configuration: snapshot,
      });
    }
  },
};

/** Managed database clusters: `GET /v2/databases`, region `region`. */
export const databasesService: DigitalOceanService = {
  name: 'databases',
  async *list(context) {
    for await (const cluster of listCollection<DatabaseCluster>(context, {
      path: '/databases',
      key: 'databases',
      service: 'databases',
    })) {
      yield digitalOceanResource(context, {
        service: 'databases',
        region: regionSlug(cluster.region),
        resourceType: 'digitalocean.database',
        resourceId: cluster.id,
        name: cluster.name,
        tags: cluster.tags ?? [],
        configuration: cluster,
      });
    }
  },
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

/** Container registry and its repositories (`GET /v2/registry/{name}/repositoriesV2`). */
export const registryService: DigitalOceanService = {
  name: 'registry',
  async *list(context) {
    const { registries, multiple } = await readRegistries(context);
    for (const registry of registries) {
      const region = regionSlug(registry.region);
      if (context.wants('digitalocean.registry')) {
        yield digitalOceanResource(context, {
          service: 'registry',
          region,
          resourceType: 'digitalocean.registry',
          resourceId: registry.name,
          name: registry.name,
          configuration: registry,
        });
      }
      if (!context.wants('digitalocean.registry.repository')) continue;
      const base = multiple ? '/registries' : '/registry';
      for await (const repository of listCollection<Repository>(context, {
        path: `${base}/${pathSegment(registry.name)}/repositoriesV2`,
        key: 'repositories',
        service: 'registry',
      })) {
        yield digitalOceanResource(context, {
          service: 'registry',
          region,
          resourceType: 'digitalocean.registry.repository',
          resourceId: `${repository.registry_name ?? registry.name}/${repository.name}`,
          name: repository.name,
          configuration: repository,
        });
      }
    }
  },
};
