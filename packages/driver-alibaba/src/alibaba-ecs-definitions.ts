import type { AlibabaListDefinition } from './alibaba-listing.ts';
import { withConfiguration } from './alibaba-listing.ts';
import { listAt } from './alibaba-paging.ts';

/** ECS: instances, disks, snapshots, own images and security groups (API version 2014-05-26). */
export const alibabaEcsDefinitions: readonly AlibabaListDefinition[] = [
  {
    service: 'ecs',
    type: 'alibaba.ecs.instance',
    product: 'ecs',
    action: 'DescribeInstances',
    scope: 'regional',
    // DescribeInstances pages with NextToken/MaxResults (PageNumber is being retired for it).
    paging: { style: 'token', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Instances', 'Instance'),
    idField: 'InstanceId',
    nameField: 'InstanceName',
    tagsField: 'Tags',
  },
  {
    service: 'ecs',
    type: 'alibaba.ecs.disk',
    product: 'ecs',
    action: 'DescribeDisks',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Disks', 'Disk'),
    idField: 'DiskId',
    nameField: 'DiskName',
    tagsField: 'Tags',
  },
  {
    service: 'ecs',
    type: 'alibaba.ecs.snapshot',
    product: 'ecs',
    action: 'DescribeSnapshots',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Snapshots', 'Snapshot'),
    idField: 'SnapshotId',
    nameField: 'SnapshotName',
    tagsField: 'Tags',
  },
  {
    service: 'ecs',
    type: 'alibaba.ecs.image',
    product: 'ecs',
    action: 'DescribeImages',
    scope: 'regional',
    // Own custom images only: the public, marketplace and shared ones are not this account's.
    params: { ImageOwnerAlias: 'self' },
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Images', 'Image'),
    idField: 'ImageId',
    nameField: 'ImageName',
    tagsField: 'Tags',
  },
  {
    service: 'ecs',
    type: 'alibaba.ecs.security-group',
    product: 'ecs',
    action: 'DescribeSecurityGroups',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 50 },
    items: (body) => listAt(body, 'SecurityGroups', 'SecurityGroup'),
    idField: 'SecurityGroupId',
    nameField: 'SecurityGroupName',
    tagsField: 'Tags',
    // The rules are not in the list: one DescribeSecurityGroupAttribute per group.
    enrich: async ({ api, target }, resource, reads) => {
      const attribute = await reads.read('ecs:DescribeSecurityGroupAttribute', () =>
        api.rpc<Record<string, unknown>>(target, 'DescribeSecurityGroupAttribute', {
          RegionId: target.region,
          SecurityGroupId: resource.resourceId,
        }),
      );
      if (!attribute) return resource;
      return withConfiguration(resource, {
        Permissions: attribute.Permissions ?? { Permission: [] },
        InnerAccessPolicy: attribute.InnerAccessPolicy,
      });
    },
  },
];
