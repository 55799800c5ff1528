import {
  CloudTrailClient,
  DescribeTrailsCommand,
  ListTagsCommand,
  type ResourceTag,
} from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, chunks, collect, once, tokenPages } from './aws-scope.ts';

/** CloudTrail trails, each listed in its home region only; tags in batches of 20 ARNs (ListTags). */
export async function* listCloudTrail(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.cloudtrail.trail')) return;
  const client = scope.client(CloudTrailClient);
  // NOTE: not paginated; includeShadowTrails: false leaves out the copies of multi-region and
  // organization trails, so every trail appears once, in its home region.
  const answer = await client.send(
    new DescribeTrailsCommand({ includeShadowTrails: false }),
    scope.call,
  );
  const trails = (answer.trailList ?? []).filter((trail) => trail.TrailARN);
  // Tags of 20 trails per ListTags call, each batch read once and shared by its trails.
  const batchOf = new Map<string, () => Promise<Map<string, ResourceTag['TagsList']>>>();
  const readBatch = async (batch: string[]) => {
    const tags = new Map<string, ResourceTag['TagsList']>();
    const pages = tokenPages(
      (NextToken) =>
        client.send(new ListTagsCommand({ ResourceIdList: batch, NextToken }), scope.call),
      (page) => page.NextToken,
      (page) => page.ResourceTagList?.length ?? 0,
    );
    for (const page of await collect(pages)) {
      for (const resource of page.ResourceTagList ?? []) {
        if (resource.ResourceId) {
          tags.set(resource.ResourceId, [
            ...(tags.get(resource.ResourceId) ?? []),
            ...(resource.TagsList ?? []),
          ]);
        }
      }
    }
    return tags;
  };
  for (const batch of chunks(
    trails.map((trail) => trail.TrailARN!),
    20,
  )) {
    const read = once(() => readBatch(batch));
    for (const arn of batch) batchOf.set(arn, read);
  }
  for (const trail of trails) {
    const reads = scope.reads();
    const tags = await reads.read('cloudtrail:ListTags', batchOf.get(trail.TrailARN!)!);
    const trailTags = tags?.get(trail.TrailARN!) ?? [];
    yield scope.resource({
      type: 'aws.cloudtrail.trail',
      id: trail.TrailARN,
      name: trail.Name,
      tags: trailTags,
      configuration: { ...trail, Tags: trailTags },
      reads,
    });
  }
}

/** AWS Config configuration recorders (with their recording status) and delivery channels; neither carries tags. */
export async function* listConfig(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(ConfigServiceClient);
  if (scope.selected('aws.config.recorder')) {
    const recorders = await client.send(new DescribeConfigurationRecordersCommand({}), scope.call);
    const statusesOfRecorders = once(() =>
      client.send(new DescribeConfigurationRecorderStatusCommand({}), scope.call),
    );
    for (const recorder of recorders.ConfigurationRecorders ?? []) {
      const reads = scope.reads();
      const statuses = await reads.read(
        'config:DescribeConfigurationRecorderStatus',
        statusesOfRecorders,
      );
      const status = statuses?.ConfigurationRecordersStatus?.find(
        (candidate) => candidate.name === recorder.name,
      );
      yield scope.resource({
        type: 'aws.config.recorder',
        // Recorders are named `default` in every region: the id must carry the region.
        id: recorder.arn ?? `${scope.region}/${recorder.name}`,
        name: recorder.name,
        configuration: { ...recorder, Status: status },
        reads,
      });
    }
  }
  if (scope.selected('aws.config.delivery-channel')) {
    const channels = await client.send(new DescribeDeliveryChannelsCommand({}), scope.call);
    for (const channel of channels.DeliveryChannels ?? []) {
      yield scope.resource({
        type: 'aws.config.delivery-channel',
        // Delivery channels have no ARN; names (usually `default`) repeat across regions.
        id: `${scope.region}/${channel.name}`,
        name: channel.name,
        configuration: channel,
      });
    }
  }
}
