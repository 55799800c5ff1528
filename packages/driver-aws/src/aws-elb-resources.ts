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
import { type AwsReads, type AwsScope, chunks, collect, once } from './aws-scope.ts';

// Both DescribeTags calls take at most 20 names or ARNs.
const tagBatchSize = 20;

/**
 * Tags of `keys` read in batches of 20 (DescribeTags), each batch once and shared by its
 * resources: `tagsOf(key, reads)` records a failed batch on each resource of it.
 */
function batchedTags(
  keys: readonly string[],
  fetchBatch: (batch: string[]) => Promise<Map<string, unknown>>,
): (key: string, reads: AwsReads) => Promise<unknown> {
  const batches = new Map<string, () => Promise<Map<string, unknown>>>();
  for (const batch of chunks(keys, tagBatchSize)) {
    const read = once(() => fetchBatch(batch));
    for (const key of batch) batches.set(key, read);
  }
  return async (key, reads) => {
    const batch = batches.get(key);
    const tags = batch ? await reads.read(`${elbPrefix}:DescribeTags`, batch) : undefined;
    return tags?.get(key) ?? [];
  };
}

const elbPrefix = 'elasticloadbalancing';

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
    const tagsOf = batchedTags(
      balancers.map((balancer) => balancer.LoadBalancerName),
      async (names) => {
        const answer = await client.send(
          new DescribeClassicTagsCommand({ LoadBalancerNames: names }),
          scope.call,
        );
        const tags = new Map<string, unknown>();
        for (const description of answer.TagDescriptions ?? []) {
          if (description.LoadBalancerName)
            tags.set(description.LoadBalancerName, description.Tags);
        }
        return tags;
      },
    );
    for (const balancer of balancers) {
      const reads = scope.reads();
      const balancerTags = await tagsOf(balancer.LoadBalancerName, reads);
      yield scope.resource({
        type: 'aws.elb.load-balancer',
        // Classic load balancers have no ARN in the API; names repeat across regions.
        id: scope.arn('elasticloadbalancing', `loadbalancer/${balancer.LoadBalancerName}`),
        name: balancer.LoadBalancerName,
        tags: balancerTags,
        configuration: { ...balancer, Tags: balancerTags },
        reads,
      });
    }
  }
}

function tagsByArn(client: ElasticLoadBalancingV2Client, scope: AwsScope, arns: string[]) {
  return batchedTags(arns, async (batch) => {
    const tags = new Map<string, unknown>();
    const answer = await client.send(new DescribeTagsCommand({ ResourceArns: batch }), scope.call);
    for (const description of answer.TagDescriptions ?? []) {
      if (description.ResourceArn) tags.set(description.ResourceArn, description.Tags);
    }
    return tags;
  });
}

async function listenersOf(
  client: ElasticLoadBalancingV2Client,
  scope: AwsScope,
  LoadBalancerArn: string,
): Promise<Listener[]> {
  const listenerPages = paginateDescribeListeners(
    { client, pageSize: 400 },
    { LoadBalancerArn },
    scope.call,
  );
  return (await collect(listenerPages)).flatMap((listenerPage) => listenerPage.Listeners ?? []);
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
      const tagsOf = tagsByArn(
        client,
        scope,
        balancers.map((balancer) => balancer.LoadBalancerArn),
      );
      const described = scope.mapConcurrent(balancers, async (balancer) => {
        const reads = scope.reads();
        const [listeners, tags] = await Promise.all([
          reads.read(`${elbPrefix}:DescribeListeners`, () =>
            listenersOf(client, scope, balancer.LoadBalancerArn),
          ),
          tagsOf(balancer.LoadBalancerArn, reads),
        ]);
        return { balancer, listeners, tags, reads };
      });
      for await (const { balancer, listeners, tags, reads } of described) {
        yield scope.resource({
          type: 'aws.elbv2.load-balancer',
          id: balancer.LoadBalancerArn,
          name: balancer.LoadBalancerName,
          tags,
          configuration: { ...balancer, Listeners: listeners, Tags: tags },
          reads,
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
      const tagsOf = tagsByArn(
        client,
        scope,
        groups.map((group) => group.TargetGroupArn),
      );
      for (const group of groups) {
        const reads = scope.reads();
        const groupTags = await tagsOf(group.TargetGroupArn, reads);
        yield scope.resource({
          type: 'aws.elbv2.target-group',
          id: group.TargetGroupArn,
          name: group.TargetGroupName,
          tags: groupTags,
          configuration: { ...group, Tags: groupTags },
          reads,
        });
      }
    }
  }
}
