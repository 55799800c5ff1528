import { AutoScalingClient, paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** EC2 Auto Scaling groups, tags inline. */
export async function* listAutoScaling(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.autoscaling.group')) return;
  const client = scope.client(AutoScalingClient);
  const pages = paginateDescribeAutoScalingGroups({ client, pageSize: 100 }, {}, scope.call);
  for await (const page of pages) {
    for (const group of page.AutoScalingGroups ?? []) {
      yield scope.resource({
        type: 'aws.autoscaling.group',
        id: group.AutoScalingGroupARN ?? group.AutoScalingGroupName,
        name: group.AutoScalingGroupName,
        tags: group.Tags,
        configuration: group,
      });
    }
  }
}
