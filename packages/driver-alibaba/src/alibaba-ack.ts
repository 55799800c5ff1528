import type { CloudResource } from '@cloud-inventory/core';
import { paginatePages, type StepContext } from '@cloud-inventory/driver-kit';
import type { AlibabaCallTarget } from './alibaba-api.ts';
import { type AlibabaListingSettings, alibabaResource } from './alibaba-listing.ts';

/** A cluster of DescribeClustersV1 (ROA `GET /api/v1/clusters`). */
type AckCluster = Record<string, unknown> & { cluster_id?: string; name?: string; tags?: unknown };

/** One page of DescribeClustersV1. */
interface AckClusterPage {
  clusters?: AckCluster[];
  page_info?: { page_number?: number; page_size?: number; total_count?: number };
}

/** A node pool of DescribeClusterNodePools (`GET /clusters/{id}/nodepools`). */
type AckNodePool = Record<string, unknown> & {
  nodepool_info?: { nodepool_id?: string; name?: string };
  scaling_group?: { tags?: unknown };
};

/** RAM action of the cluster listing. */
export const ackClustersCall = 'cs:DescribeClustersV1';
/** RAM actions of the node pool listing (the clusters, then each cluster's pools). */
export const ackNodePoolsCall = 'cs:DescribeClustersV1 + cs:DescribeClusterNodePools';

function ackTarget(region: string, context: StepContext): AlibabaCallTarget {
  return { product: 'cs', region, service: 'ack', signal: context.signal };
}

/** Every ACK cluster of a region, page by page (`page_number`/`page_size`, `page_info.total_count`). */
export function listAckClusters(
  region: string,
  settings: AlibabaListingSettings,
  context: StepContext,
): AsyncGenerator<AckCluster> {
  const target = ackTarget(region, context);
  return paginatePages<AckCluster, AckClusterPage>({
    perPage: Math.min(settings.pageSize, 100),
    signal: context.signal,
    label: ackClustersCall,
    items: (body) => body.clusters ?? [],
    totalItems: (body) => body.page_info?.total_count,
    fetchPage: async ({ page, perPage }) => ({
      body: await settings.api.roa<AckClusterPage>(
        target,
        '/api/v1/clusters',
        { region_id: region, page_number: String(page), page_size: String(perPage) },
        ackClustersCall,
      ),
    }),
  });
}

/** The ACK clusters of a region as resources. */
export async function* ackClusterResources(
  region: string,
  settings: AlibabaListingSettings,
  context: StepContext,
): AsyncGenerator<CloudResource> {
  for await (const cluster of listAckClusters(region, settings, context)) {
    if (typeof cluster.cluster_id !== 'string') continue;
    yield alibabaResource({
      accountId: settings.accountId,
      region,
      service: 'ack',
      resourceType: 'alibaba.ack.cluster',
      resourceId: cluster.cluster_id,
      name: cluster.name ?? cluster.cluster_id,
      tags: cluster.tags,
      item: cluster,
    });
  }
}

/**
 * The node pools of every ACK cluster of a region, as resources (`<cluster id>/<node pool id>`).
 * A separate step from the clusters: a denied node pool call must not hide the clusters.
 */
export async function* ackNodePoolResources(
  region: string,
  settings: AlibabaListingSettings,
  context: StepContext,
): AsyncGenerator<CloudResource> {
  const target = ackTarget(region, context);
  for await (const cluster of listAckClusters(region, settings, context)) {
    const clusterId = cluster.cluster_id;
    if (typeof clusterId !== 'string') continue;
    const answer = await settings.api.roa<{ nodepools?: AckNodePool[] }>(
      target,
      `/clusters/${encodeURIComponent(clusterId)}/nodepools`,
      {},
      'cs:DescribeClusterNodePools',
    );
    for (const pool of answer.nodepools ?? []) {
      const poolId = pool.nodepool_info?.nodepool_id;
      if (typeof poolId !== 'string') continue;
      yield alibabaResource({
        accountId: settings.accountId,
        region,
        service: 'ack',
        resourceType: 'alibaba.ack.node-pool',
        resourceId: `${clusterId}/${poolId}`,
        name: pool.nodepool_info?.name ?? poolId,
        tags: pool.scaling_group?.tags,
        item: { cluster_id: clusterId, ...pool },
      });
    }
  }
}
