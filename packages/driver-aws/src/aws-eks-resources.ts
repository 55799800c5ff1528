import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  paginateListClusters,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, collect } from './aws-scope.ts';

/** EKS clusters and managed node groups; tags inline (`tags` of each Describe* answer). */
export async function* listEks(scope: AwsScope): AsyncGenerator<CloudResource> {
  const wantClusters = scope.selected('aws.eks.cluster');
  const wantNodegroups = scope.selected('aws.eks.nodegroup');
  if (!wantClusters && !wantNodegroups) return;
  const client = scope.client(EKSClient);
  const names = (
    await collect(paginateListClusters({ client, pageSize: 100 }, {}, scope.call))
  ).flatMap((page) => page.clusters ?? []);
  if (wantClusters) {
    const clusters = scope.mapConcurrent(names, (name) =>
      client.send(new DescribeClusterCommand({ name }), scope.call),
    );
    for await (const { cluster } of clusters) {
      if (!cluster) continue;
      yield scope.resource({
        type: 'aws.eks.cluster',
        id: cluster.arn,
        name: cluster.name,
        tags: cluster.tags,
        configuration: cluster,
      });
    }
  }
  if (!wantNodegroups) return;
  for (const clusterName of names) {
    const nodegroupNames = (
      await collect(paginateListNodegroups({ client, pageSize: 100 }, { clusterName }, scope.call))
    ).flatMap((page) => page.nodegroups ?? []);
    const nodegroups = scope.mapConcurrent(nodegroupNames, (nodegroupName) =>
      client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }), scope.call),
    );
    for await (const { nodegroup } of nodegroups) {
      if (!nodegroup) continue;
      yield scope.resource({
        type: 'aws.eks.nodegroup',
        id: nodegroup.nodegroupArn,
        name: `${clusterName}/${nodegroup.nodegroupName}`,
        tags: nodegroup.tags,
        configuration: nodegroup,
      });
    }
  }
}
