import {
  DescribeAddressesCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  type LaunchTemplateVersion,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, nameTag, once } from './aws-scope.ts';

// EC2 resources keep their EC2 ids (i-..., ami-..., vol-...): DescribeX answers no ARN; the ARN
// the driver builds goes to `metadata.arn`.
const pageSize = 1000;

/** EC2: instances, AMIs owned by the account, key pairs, Elastic IPs, launch templates. */
export async function* listEc2(scope: AwsScope): AsyncGenerator<CloudResource> {
  const ec2 = scope.client(EC2Client);
  if (scope.selected('aws.ec2.instance')) {
    const pages = paginateDescribeInstances({ client: ec2, pageSize }, {}, scope.call);
    for await (const page of pages) {
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) {
          yield scope.resource({
            type: 'aws.ec2.instance',
            id: instance.InstanceId,
            name: nameTag(instance.Tags) ?? instance.InstanceId,
            tags: instance.Tags,
            configuration: {
              ...instance,
              ReservationId: reservation.ReservationId,
              OwnerId: reservation.OwnerId,
            },
            arn: scope.arn('ec2', `instance/${instance.InstanceId}`),
          });
        }
      }
    }
  }
  if (scope.selected('aws.ec2.image')) {
    const input = { Owners: ['self'] };
    for await (const page of paginateDescribeImages({ client: ec2, pageSize }, input, scope.call)) {
      for (const image of page.Images ?? []) {
        yield scope.resource({
          type: 'aws.ec2.image',
          id: image.ImageId,
          name: image.Name ?? nameTag(image.Tags),
          tags: image.Tags,
          configuration: image,
          arn: scope.arn('ec2', `image/${image.ImageId}`, { account: '' }),
        });
      }
    }
  }
  if (scope.selected('aws.ec2.key-pair')) {
    // NOTE: DescribeKeyPairs and DescribeAddresses are not paginated: one answer holds them all.
    const answer = await ec2.send(new DescribeKeyPairsCommand({}), scope.call);
    for (const keyPair of answer.KeyPairs ?? []) {
      yield scope.resource({
        type: 'aws.ec2.key-pair',
        id: keyPair.KeyPairId ?? keyPair.KeyName,
        name: keyPair.KeyName,
        tags: keyPair.Tags,
        configuration: keyPair,
        arn: scope.arn('ec2', `key-pair/${keyPair.KeyName}`),
      });
    }
  }
  if (scope.selected('aws.ec2.elastic-ip')) {
    const answer = await ec2.send(new DescribeAddressesCommand({}), scope.call);
    for (const address of answer.Addresses ?? []) {
      const id = address.AllocationId ?? address.PublicIp;
      yield scope.resource({
        type: 'aws.ec2.elastic-ip',
        id,
        name: nameTag(address.Tags) ?? address.PublicIp,
        tags: address.Tags,
        configuration: address,
        arn: scope.arn('ec2', `elastic-ip/${id}`),
      });
    }
  }
  if (scope.selected('aws.ec2.launch-template')) yield* listLaunchTemplates(scope, ec2);
}

async function* listLaunchTemplates(scope: AwsScope, ec2: EC2Client) {
  // One paginated call gives the default version of every template (no template id given): read
  // once, shared by the templates, and recorded on each of them when it fails.
  const defaultVersions = once(async () => {
    const defaults = new Map<string, LaunchTemplateVersion>();
    const versions = paginateDescribeLaunchTemplateVersions(
      { client: ec2, pageSize: 200 },
      { Versions: ['$Default'] },
      scope.call,
    );
    for await (const page of versions) {
      for (const version of page.LaunchTemplateVersions ?? []) {
        if (version.LaunchTemplateId) defaults.set(version.LaunchTemplateId, version);
      }
    }
    return defaults;
  });
  const templates = paginateDescribeLaunchTemplates({ client: ec2, pageSize: 200 }, {}, scope.call);
  for await (const page of templates) {
    for (const template of page.LaunchTemplates ?? []) {
      const reads = scope.reads();
      const defaults = await reads.read('ec2:DescribeLaunchTemplateVersions', defaultVersions);
      const defaultVersion = template.LaunchTemplateId
        ? defaults?.get(template.LaunchTemplateId)
        : undefined;
      yield scope.resource({
        type: 'aws.ec2.launch-template',
        id: template.LaunchTemplateId,
        name: template.LaunchTemplateName,
        tags: template.Tags,
        configuration: { ...template, DefaultVersion: defaultVersion },
        arn: scope.arn('ec2', `launch-template/${template.LaunchTemplateId}`),
        reads,
      });
    }
  }
}

/** EBS: volumes and the snapshots the account owns. */
export async function* listEbs(scope: AwsScope): AsyncGenerator<CloudResource> {
  const ec2 = scope.client(EC2Client);
  if (scope.selected('aws.ebs.volume')) {
    for await (const page of paginateDescribeVolumes({ client: ec2, pageSize }, {}, scope.call)) {
      for (const volume of page.Volumes ?? []) {
        yield scope.resource({
          type: 'aws.ebs.volume',
          id: volume.VolumeId,
          name: nameTag(volume.Tags) ?? volume.VolumeId,
          tags: volume.Tags,
          configuration: volume,
          arn: scope.arn('ec2', `volume/${volume.VolumeId}`),
        });
      }
    }
  }
  if (scope.selected('aws.ebs.snapshot')) {
    // NOTE: without OwnerIds the call pages through every public snapshot of every account.
    const input = { OwnerIds: ['self'] };
    const pages = paginateDescribeSnapshots({ client: ec2, pageSize }, input, scope.call);
    for await (const page of pages) {
      for (const snapshot of page.Snapshots ?? []) {
        yield scope.resource({
          type: 'aws.ebs.snapshot',
          id: snapshot.SnapshotId,
          name: nameTag(snapshot.Tags) ?? snapshot.SnapshotId,
          tags: snapshot.Tags,
          configuration: snapshot,
          arn: scope.arn('ec2', `snapshot/${snapshot.SnapshotId}`, { account: '' }),
        });
      }
    }
  }
}
