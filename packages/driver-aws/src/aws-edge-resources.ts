import {
  CloudFrontClient,
  ListTagsForResourceCommand as ListDistributionTagsCommand,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import {
  ListResourceRecordSetsCommand,
  ListTagsForResourcesCommand,
  paginateListHostedZones,
  type ResourceRecordSet,
  Route53Client,
  type RRType,
  type Tag,
} from '@aws-sdk/client-route-53';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, chunks, once } from './aws-scope.ts';

const zoneId = (id: string | undefined) => id?.replace(/^\/hostedzone\//, '') ?? '';

/** Route 53 hosted zones (public and private) and their record sets. */
export async function* listRoute53(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (scope.selected('aws.route53.hosted-zone')) yield* listHostedZones(scope);
  if (scope.selected('aws.route53.record-set')) yield* listRecordSets(scope);
}

/** Hosted zones; tags in batches of 10 zones (ListTagsForResources), each batch read once. */
async function* listHostedZones(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(Route53Client);
  for await (const page of paginateListHostedZones({ client, pageSize: 100 }, {}, scope.call)) {
    const zones = page.HostedZones ?? [];
    const batchOf = new Map<string, () => Promise<Map<string, Tag[]>>>();
    for (const batch of chunks(
      zones.map((zone) => zoneId(zone.Id)),
      10,
    )) {
      const read = once(async () => {
        const answer = await client.send(
          new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: batch }),
          scope.call,
        );
        const tags = new Map<string, Tag[]>();
        for (const set of answer.ResourceTagSets ?? []) {
          if (set.ResourceId) tags.set(set.ResourceId, set.Tags ?? []);
        }
        return tags;
      });
      for (const id of batch) batchOf.set(id, read);
    }
    for (const zone of zones) {
      const reads = scope.reads();
      const tags = await reads.read('route53:ListTagsForResources', batchOf.get(zoneId(zone.Id))!);
      const zoneTags = tags?.get(zoneId(zone.Id)) ?? [];
      yield scope.resource({
        type: 'aws.route53.hosted-zone',
        id: `arn:${scope.partition}:route53:::hostedzone/${zoneId(zone.Id)}`,
        name: zone.Name,
        tags: zoneTags,
        configuration: { ...zone, Tags: zoneTags },
        reads,
      });
    }
  }
}

/**
 * The record sets of every hosted zone (ListResourceRecordSets, paged by name, type and set
 * identifier). A step of their own, not an enrichment of the zones: a zone whose records cannot
 * be read must not make its records look deleted.
 */
async function* listRecordSets(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(Route53Client);
  for await (const page of paginateListHostedZones({ client, pageSize: 100 }, {}, scope.call)) {
    for (const zone of page.HostedZones ?? []) {
      const HostedZoneId = zoneId(zone.Id);
      for await (const recordSet of recordSetsOf(client, scope, HostedZoneId)) {
        const identifier = recordSet.SetIdentifier ? `/${recordSet.SetIdentifier}` : '';
        yield scope.resource({
          type: 'aws.route53.record-set',
          // Record sets have no ARN: zone, name, type (and set identifier) make them unique.
          id: `${HostedZoneId}/${recordSet.Name}/${recordSet.Type}${identifier}`,
          name: `${recordSet.Name} ${recordSet.Type}${identifier}`,
          configuration: { ...recordSet, HostedZoneId, HostedZoneName: zone.Name },
        });
      }
    }
  }
}

async function* recordSetsOf(
  client: Route53Client,
  scope: AwsScope,
  HostedZoneId: string,
): AsyncGenerator<ResourceRecordSet> {
  // NOTE: the SDK ships no paginator for ListResourceRecordSets (three-part start key).
  let start: { name?: string; type?: RRType; identifier?: string } = {};
  const seen = new Set<string>();
  for (;;) {
    const answer = await client.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId,
        StartRecordName: start.name,
        StartRecordType: start.type,
        StartRecordIdentifier: start.identifier,
        MaxItems: 300,
      }),
      scope.call,
    );
    yield* answer.ResourceRecordSets ?? [];
    const key = `${answer.NextRecordName}|${answer.NextRecordType}|${answer.NextRecordIdentifier}`;
    if (!answer.IsTruncated || !answer.NextRecordName || seen.has(key)) return;
    seen.add(key);
    start = {
      name: answer.NextRecordName,
      ...(answer.NextRecordType ? { type: answer.NextRecordType } : {}),
      ...(answer.NextRecordIdentifier ? { identifier: answer.NextRecordIdentifier } : {}),
    };
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
        const reads = scope.reads();
        const answer = await reads.read('cloudfront:ListTagsForResource', () =>
          client.send(new ListDistributionTagsCommand({ Resource: summary.ARN }), scope.call),
        );
        return { summary, reads, tags: answer?.Tags?.Items ?? [] };
      },
    );
    for await (const { summary, reads, tags } of distributions) {
      yield scope.resource({
        type: 'aws.cloudfront.distribution',
        id: summary.ARN,
        name: summary.Aliases?.Items?.[0] ?? summary.DomainName,
        tags,
        configuration: { ...summary, Tags: tags },
        reads,
      });
    }
  }
}
