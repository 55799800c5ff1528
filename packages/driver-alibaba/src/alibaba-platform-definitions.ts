import type { AlibabaListDefinition } from './alibaba-listing.ts';
import { withConfiguration } from './alibaba-listing.ts';
import { listAt } from './alibaba-paging.ts';
import { alibabaTags } from './alibaba-tags.ts';

/** RDS, Redis (KVStore), CDN, Alidns domains, RAM and KMS. */
export const alibabaPlatformDefinitions: readonly AlibabaListDefinition[] = [
  {
    service: 'rds',
    type: 'alibaba.rds.instance',
    product: 'rds',
    action: 'DescribeDBInstances',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Items', 'DBInstance'),
    idField: 'DBInstanceId',
    nameField: 'DBInstanceDescription',
    // DescribeDBInstances carries no tags: ListTagResources per instance.
    enrich: async ({ api, target }, resource, reads) => {
      const answer = await reads.read('rds:ListTagResources', () =>
        api.rpc<Record<string, unknown>>(target, 'ListTagResources', {
          RegionId: target.region,
          ResourceType: 'INSTANCE',
          'ResourceId.1': resource.resourceId,
        }),
      );
      return answer
        ? { ...resource, tags: alibabaTags(listAt(answer, 'TagResources', 'TagResource')) }
        : resource;
    },
  },
  {
    service: 'redis',
    type: 'alibaba.redis.instance',
    product: 'kvstore',
    action: 'DescribeInstances',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 50 },
    items: (body) => listAt(body, 'Instances', 'KVStoreInstance'),
    idField: 'InstanceId',
    nameField: 'InstanceName',
    tagsField: 'Tags',
  },
  {
    service: 'cdn',
    type: 'alibaba.cdn.domain',
    product: 'cdn',
    action: 'DescribeUserDomains',
    scope: 'global',
    paging: { style: 'page', maximumPageSize: 500 },
    items: (body) => listAt(body, 'Domains', 'PageData'),
    idField: 'DomainName',
    nameField: 'DomainName',
    // DescribeUserDomains carries no tags: DescribeTagResources per domain.
    enrich: async ({ api, target }, resource, reads) => {
      const answer = await reads.read('cdn:DescribeTagResources', () =>
        api.rpc<Record<string, unknown>>(target, 'DescribeTagResources', {
          ResourceType: 'DOMAIN',
          'ResourceId.1': resource.resourceId,
        }),
      );
      if (!answer) return resource;
      const entry = listAt(answer, 'TagResources').find(
        (item) => item.ResourceId === resource.resourceId,
      );
      return { ...resource, tags: alibabaTags(entry) };
    },
  },
  {
    service: 'dns',
    type: 'alibaba.dns.domain',
    product: 'alidns',
    action: 'DescribeDomains',
    scope: 'global',
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Domains', 'Domain'),
    idField: 'DomainId',
    nameField: 'DomainName',
    tagsField: 'Tags',
  },
  {
    service: 'ram',
    type: 'alibaba.ram.user',
    product: 'ram',
    action: 'ListUsers',
    scope: 'global',
    paging: { style: 'marker', maximumPageSize: 1000 },
    items: (body) => listAt(body, 'Users', 'User'),
    idField: 'UserId',
    nameField: 'UserName',
  },
  {
    service: 'ram',
    type: 'alibaba.ram.role',
    product: 'ram',
    action: 'ListRoles',
    scope: 'global',
    paging: { style: 'marker', maximumPageSize: 1000 },
    items: (body) => listAt(body, 'Roles', 'Role'),
    idField: 'RoleId',
    nameField: 'RoleName',
  },
  {
    service: 'kms',
    type: 'alibaba.kms.key',
    product: 'kms',
    action: 'ListKeys',
    scope: 'regional',
    paging: { style: 'page', maximumPageSize: 100 },
    items: (body) => listAt(body, 'Keys', 'Key'),
    idField: 'KeyId',
    nameField: 'KeyId',
    // ListKeys gives ids only; DescribeKey has the key's state, spec, rotation and protection.
    enrich: async ({ api, target }, resource, reads) => {
      const described = await reads.read('kms:DescribeKey', () =>
        api.rpc<{ KeyMetadata?: Record<string, unknown> }>(target, 'DescribeKey', {
          KeyId: resource.resourceId,
        }),
      );
      const tagged = await reads.read('kms:ListResourceTags', () =>
        api.rpc<Record<string, unknown>>(target, 'ListResourceTags', {
          KeyId: resource.resourceId,
        }),
      );
      const metadata = described?.KeyMetadata;
      const description = typeof metadata?.Description === 'string' ? metadata.Description : '';
      return {
        ...(metadata ? withConfiguration(resource, { KeyMetadata: metadata }) : resource),
        ...(description ? { name: description } : {}),
        ...(tagged ? { tags: alibabaTags(tagged.Tags) } : {}),
      };
    },
  },
];
