import type { CloudResource } from '@cloud-inventory/core';
import type { ListStep } from '@cloud-inventory/driver-kit';
import { listVultr, type VultrObject } from './vultr-list.ts';
import {
  collectionStep,
  stringField,
  type VultrCollection,
  type VultrRunContext,
  vultrResource,
  vultrTagStrings,
} from './vultr-resource.ts';

/** Instances: `GET /instances`, region and `tags` on each. */
export const vultrInstances: VultrCollection = {
  service: 'instances',
  resourceType: 'vultr.instance',
  path: '/instances',
  key: 'instances',
  regional: true,
  name: (item) => stringField(item, 'label') ?? stringField(item, 'hostname'),
};

/** Bare metal servers: `GET /bare-metals`, region and `tags` on each. */
export const vultrBareMetals: VultrCollection = {
  service: 'baremetal',
  resourceType: 'vultr.baremetal',
  path: '/bare-metals',
  key: 'bare_metals',
  regional: true,
  name: (item) => stringField(item, 'label'),
};

const clusterType = 'vultr.kubernetes.cluster';
const nodePoolType = 'vultr.kubernetes.nodepool';

/** A cluster and its node pools, each node pool in the cluster's region, linked by `clusterId`. */
function clusterResources(cluster: VultrObject, context: VultrRunContext): CloudResource[] {
  const resource = vultrResource(context, {
    service: 'kubernetes',
    resourceType: clusterType,
    id: cluster.id,
    name: stringField(cluster, 'label'),
    region: cluster.region,
    configuration: cluster,
  });
  const nodePools = Array.isArray(cluster.node_pools) ? (cluster.node_pools as VultrObject[]) : [];
  return [
    resource,
    ...nodePools.map((nodePool) =>
      vultrResource(context, {
        service: 'kubernetes',
        resourceType: nodePoolType,
        id: nodePool.id,
        name: stringField(nodePool, 'label'),
        region: cluster.region,
        tags: vultrTagStrings(nodePool),
        configuration: nodePool,
        metadata: { clusterId: String(cluster.id) },
      }),
    ),
  ];
}

async function* listClusters(
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  const clusters = listVultr(context.client, {
    path: '/kubernetes/clusters',
    key: 'vke_clusters',
    perPage: context.perPage,
    service: 'kubernetes',
    signal,
  });
  for await (const cluster of clusters) {
    const [resource, ...nodePools] = clusterResources(cluster, context);
    if (!context.regions.keep(resource!.region ?? 'global')) continue;
    yield resource!;
    yield* nodePools;
  }
}

/** VKE clusters with the node pools the cluster list embeds: one call for both types. */
export function vultrKubernetesStep(context: VultrRunContext): ListStep {
  return {
    service: 'kubernetes',
    resourceTypes: [clusterType, nodePoolType],
    call: 'GET /v2/kubernetes/clusters',
    coversRegions: context.regions.covered,
    list: ({ signal }) => listClusters(context, signal),
  };
}

/** The compute steps: instances, bare metal, VKE. */
export function vultrComputeSteps(context: VultrRunContext): ListStep[] {
  return [
    collectionStep(vultrInstances, context),
    collectionStep(vultrBareMetals, context),
    vultrKubernetesStep(context),
  ];
}
