import {
  CloudFrontClient,
  ListTagsForResourceCommand as ListDistributionTagsCommand,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import {
  ListTagsForResourcesCommand,
  paginateListHostedZones,
  Route53Client,
  type Tag,
} from '@aws-sdk/client-route-53';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, chunks } from './aws-scope.ts';

const zoneId = (id: string | undefined) => id?.replace(/^\/hostedzone\//, '') ?? '';

/** Route 53 hosted zones (public and private); tags in batches of 10 zones (ListTagsForResources). */
export async function* listRoute53(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.route53.hosted-zone')) return;
  const client = scope.client(Route53Client);
  for await (const page of paginateListHostedZones({ client, pageSize: 100 }, {}, scope.call)) {
    const zones = page.HostedZones ?? [];
    const tags = new Map<string, Tag[]>();
    for (const batch of chunks(
      zones.map((zone) => zoneId(zone.Id)),
      10,
    )) {
      const answer = await client.send(
        new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: batch }),
        scope.call,
      );
      for (const set of answer.ResourceTagSets ?? []) {
        if (set.ResourceId) tags.set(set.ResourceId, set.Tags ?? []);
      }
    }
    for (const zone of zones) {
      const zoneTags = tags.get(zoneId(zone.Id)) ?? [];
      yield scope.resource({
        type: 'aws.route53.hosted-zone',
        id: `arn:${scope.partition}:route53:::hostedzone/${zoneId(zone.Id)}`,
        name: zone.Name,
        tags: zoneTags,
        configuration: { ...zone, Tags: zoneTags },
      });
    }
  }
}

/** CloudFront distributions (ListDistributions summaries); tags per distribution (ListTagsForResource). */
export async function* listCloudFront(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.cloudfront.distribution')) return;
  const client = scope.client(CloudFrontClient);
  for await (const page of paginateListDistributions({ client, pageSize: 100 }, {}, scope.call)) {
    const distributions = scope.mapConcurrent(
      page.DistributionList?.Items ?? [],
      async (summary) => {
        const answer = await client.send(
          new ListDistributionTagsCommand({ Resource: summary.ARN }),
          scope.call,
        );
        return { summary, tags: answer.Tags?.Items ?? [] };
      },
    );
    for await (const { summary, tags } of distributions) {
      yield scope.resource({
        type: 'aws.cloudfront.distribution',
        id: summary.ARN,
        name: summary.Aliases?.Items?.[0] ?? summary.DomainName,
        tags,
        configuration: { ...summary, Tags: tags },
      });
    }
  }
}
