import {
  DescribeTagsCommand as DescribeClassicTagsCommand,
  ElasticLoadBalancingClient,
  type LoadBalancerDescription,
  paginateDescribeLoadBalancers as paginateClassicLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, chunks, collect } from './aws-scope.ts';

// Both DescribeTags calls take at most 20 names or ARNs.
const tagBatchSize = 20;

/** Classic Load Balancers; tags in batches of 20 names (DescribeTags). */
export async function* listClassicLoadBalancers(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.elb.load-balancer')) return;
  const client = scope.client(ElasticLoadBalancingClient);
  const pages = paginateClassicLoadBalancers({ client, pageSize: 400 }, {}, scope.call);
  for await (const page of pages) {
    const balancers = (page.LoadBalancerDescriptions ?? []).filter(
      (balancer): balancer is LoadBalancerDescription & { LoadBalancerName: string } =>
        Boolean(balancer.LoadBalancerName),
    );
    const tags = new Map<string, unknown>();
    for (const names of chunks(
      balancers.map((balancer) => balancer.LoadBalancerName),
      tagBatchSize,
    )) {
      const answer = await client.send(
        new DescribeClassicTagsCommand({ LoadBalancerNames: names }),
        scope.call,
      );
      for (const description of answer.TagDescriptions ?? []) {
        if (description.LoadBalancerName) tags.set(description.LoadBalancerName, description.Tags);
      }
    }
    for (const balancer of balancers) {
      const balancerTags = tags.get(balancer.LoadBalancerName) ?? [];
      yield scope.resource({
        type: 'aws.elb.load-balancer',
        // Classic load balancers have no ARN in the API; names repeat across regions.
        id: scope.arn('elasticloadbalancing', `loadbalancer/${balancer.LoadBalancerName}`),
        name: balancer.LoadBalancerName,
        tags: balancerTags,
        configuration: { ...balancer, Tags: balancerTags },
      });
    }
  }
}

async function tagsByArn(
  client: ElasticLoadBalancingV2Client,
  scope: AwsScope,
  arns: string[],
): Promise<Map<string, unknown>> {
  const tags = new Map<string, unknown>();
  for (const batch of chunks(arns, tagBatchSize)) {
    const answer = await client.send(new DescribeTagsCommand({ ResourceArns: batch }), scope.call);
    for (const description of answer.TagDescriptions ?? []) {
      if (description.ResourceArn) tags.set(description.ResourceArn, description.Tags);
    }
  }
  return tags;
}

/** Application, Network and Gateway Load Balancers (with listeners) and target groups; tags in batches of 20 ARNs. */
export async function* listElbv2(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(ElasticLoadBalancingV2Client);
  if (scope.selected('aws.elbv2.load-balancer')) {
    const pages = paginateDescribeLoadBalancers({ client, pageSize: 400 }, {}, scope.call);
    for await (const page of pages) {
      const balancers = (page.LoadBalancers ?? []).filter(
        (balancer): balancer is LoadBalancer & { LoadBalancerArn: string } =>
          Boolean(balancer.LoadBalancerArn),
      );
      const tags = await tagsByArn(
        client,
        scope,
        balancers.map((balancer) => balancer.LoadBalancerArn),
      );
      const withListeners = scope.mapConcurrent(balancers, async (balancer) => {
        const listeners: Listener[] = [];
        const listenerPages = paginateDescribeListeners(
          { client, pageSize: 400 },
          { LoadBalancerArn: balancer.LoadBalancerArn },
          scope.call,
        );
        for (const listenerPage of await collect(listenerPages)) {
          listeners.push(...(listenerPage.Listeners ?? []));
        }
        return { balancer, listeners };
      });
      for await (const { balancer, listeners } of withListeners) {
        const balancerTags = tags.get(balancer.LoadBalancerArn) ?? [];
        yield scope.resource({
          type: 'aws.elbv2.load-balancer',
          id: balancer.LoadBalancerArn,
          name: balancer.LoadBalancerName,
          tags: balancerTags,
          configuration: { ...balancer, Listeners: listeners, Tags: balancerTags },
        });
      }
    }
  }
  if (scope.selected('aws.elbv2.target-group')) {
    const pages = paginateDescribeTargetGroups({ client, pageSize: 400 }, {}, scope.call);
    for await (const page of pages) {
      const groups = (page.TargetGroups ?? []).filter(
        (group): group is TargetGroup & { TargetGroupArn: string } => Boolean(group.TargetGroupArn),
      );
      const tags = await tagsByArn(
        client,
        scope,
        groups.map((group) => group.TargetGroupArn),
      );
      for (const group of groups) {
        const groupTags = tags.get(group.TargetGroupArn) ?? [];
        yield scope.resource({
          type: 'aws.elbv2.target-group',
          id: group.TargetGroupArn,
          name: group.TargetGroupName,
          tags: groupTags,
          configuration: { ...group, Tags: groupTags },
        });
      }
    }
  }
}
