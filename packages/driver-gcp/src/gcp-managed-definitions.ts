import { pagedDefinition } from './gcp-paged-listing.ts';
import { fullResourceName, type GcpListingDefinition, projectPath } from './gcp-resource.ts';

/** Memorystore for Redis, Filestore, Dataproc. */
export const gcpManagedDefinitions: GcpListingDefinition[] = [
  pagedDefinition({
    service: 'redis',
    api: 'redis',
    method: 'redis.projects.locations.instances.list',
    permission: 'redis.instances.list',
    placement: 'regional',
    path: (context) => `/v1/${projectPath(context.project)}/locations/-/instances`,
    itemsKey: 'instances',
    unreachableKey: 'unreachable',
    types: [
      {
        type: 'gcp.redis.instance',
        description:
          'Memorystore for Redis instance (projects.locations.instances.list with locations/-)',
        volatilePaths: ['state', 'statusMessage', 'currentLocationId'],
      },
    ],
  }),
  pagedDefinition({
    service: 'filestore',
    api: 'file',
    method: 'file.projects.locations.instances.list',
    permission: 'file.instances.list',
    placement: 'regional',
    path: (context) => `/v1/${projectPath(context.project)}/locations/-/instances`,
    itemsKey: 'instances',
    unreachableKey: 'unreachable',
    types: [
      {
        type: 'gcp.filestore.instance',
        description:
          'Filestore instance, zonal or regional (projects.locations.instances.list with locations/-)',
        volatilePaths: ['state', 'statusMessage'],
      },
    ],
  }),
  pagedDefinition({
    service: 'dataproc',
    api: 'dataproc',
    method: 'dataproc.projects.regions.clusters.list',
    permission: 'dataproc.clusters.list',
    // Dataproc has no wildcard region: one call per region.
    placement: 'per-region',
    path: (context) =>
      `/v1/${projectPath(context.project)}/regions/${encodeURIComponent(context.region)}/clusters`,
    itemsKey: 'clusters',
    id: (item, context) =>
      fullResourceName(
        'dataproc',
        `projects/${context.project}/regions/${context.region}/clusters/${String(item.clusterName)}`,
      ),
    name: (item) => item.clusterName,
    region: (_item, context) => context.region,
    types: [
      {
        type: 'gcp.dataproc.cluster',
        description: 'Dataproc cluster (projects.regions.clusters.list, per region)',
        volatilePaths: ['status', 'statusHistory', 'metrics'],
        secretPaths: ['config.gceClusterConfig.metadata'],
      },
    ],
  }),
];
