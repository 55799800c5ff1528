import type { CloudResource } from '@cloud-inventory/core';
import { regionOfLocation } from './gcp-locations.ts';
import { pagedDefinition } from './gcp-paged-listing.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListContext,
  type GcpListingDefinition,
  gcpResource,
  projectPath,
} from './gcp-resource.ts';

const clusterRelativeName = (project: string, cluster: GcpItem) =>
  `projects/${project}/locations/${String(cluster.location ?? cluster.zone)}/clusters/${String(cluster.name)}`;

/** The node pools a cluster payload carries, as resources of their own (zone kept in their cluster's location). */
function nodePools(
  cluster: GcpItem,
  _parent: CloudResource,
  context: GcpListContext,
): CloudResource[] {
  const pools = Array.isArray(cluster.nodePools) ? (cluster.nodePools as GcpItem[]) : [];
  const base = clusterRelativeName(context.project, cluster);
  return pools.map((pool) =>
    gcpResource({
      context,
      type: 'gcp.container.nodepool',
      id: fullResourceName('container', `${base}/nodePools/${String(pool.name)}`),
      name: pool.name,
      region: regionOfLocation(cluster.location, context.regions),
      configuration: { ...pool, cluster: cluster.name, location: cluster.location },
      labels: pool.config?.resourceLabels,
    }),
  );
}

/** GKE, Cloud Run and Cloud Functions. */
export const gcpPlatformDefinitions: GcpListingDefinition[] = [
  pagedDefinition({
    service: 'gke',
    api: 'container',
    method: 'container.projects.locations.clusters.list',
    permission: 'container.clusters.list',
    placement: 'regional',
    path: (context) => `/v1/${projectPath(context.project)}/locations/-/clusters`,
    itemsKey: 'clusters',
    // The clusters list is not paged; zones it could not reach are named in `missingZones`.
    pageSizeParam: null,
    unreachableKey: 'missingZones',
    id: (item, context) =>
      fullResourceName('container', clusterRelativeName(context.project, item)),
    name: (item) => item.name,
    region: (item, context) => regionOfLocation(item.location, context.regions),
    labels: (item) => item.resourceLabels,
    children: nodePools,
    types: [
      {
        type: 'gcp.container.cluster',
        description:
          'GKE cluster, zonal or regional, with its node pools in `nodePools` (projects.locations.clusters.list with locations/-)',
        volatilePaths: [
          'status',
          'statusMessage',
          'conditions',
          'currentNodeCount',
          'nodePools[*].status',
          'nodePools[*].statusMessage',
          'nodePools[*].conditions',
        ],
        secretPaths: [
          'masterAuth.password',
          'masterAuth.clientKey',
          'nodePools[*].config.metadata',
        ],
      },
      {
        type: 'gcp.container.nodepool',
        description: "GKE node pool, from its cluster's payload (same call)",
        volatilePaths: ['status', 'statusMessage', 'conditions'],
        secretPaths: ['config.metadata'],
      },
    ],
  }),
  pagedDefinition({
    service: 'run',
    api: 'run',
    method: 'run.projects.locations.services.list',
    permission: 'run.services.list',
    // Cloud Run v2 refuses the `-` location: one call per region.
    placement: 'per-region',
    path: (context) =>
      `/v2/${projectPath(context.project)}/locations/${encodeURIComponent(context.region)}/services`,
    itemsKey: 'services',
    types: [
      {
        type: 'gcp.run.service',
        description: 'Cloud Run service (v2 projects.locations.services.list, per region)',
        volatilePaths: [
          'updateTime',
          'etag',
          'observedGeneration',
          'terminalCondition',
          'conditions',
          'reconciling',
          'latestReadyRevision',
          'latestCreatedRevision',
          'trafficStatuses',
        ],
        secretPaths: ['template.containers[*].env[*].value'],
      },
    ],
  }),
  pagedDefinition({
    service: 'functions',
    api: 'cloudfunctions',
    method: 'cloudfunctions.projects.locations.functions.list',
    permission: 'cloudfunctions.functions.list',
    placement: 'regional',
    path: (context) => `/v2/${projectPath(context.project)}/locations/-/functions`,
    itemsKey: 'functions',
    unreachableKey: 'unreachable',
    types: [
      {
        type: 'gcp.functions.function',
        description:
          'Cloud Function, 1st and 2nd gen (v2 projects.locations.functions.list with locations/-)',
        volatilePaths: ['updateTime', 'state', 'stateMessages'],
        secretPaths: ['serviceConfig.environmentVariables', 'buildConfig.environmentVariables'],
      },
    ],
  }),
];
