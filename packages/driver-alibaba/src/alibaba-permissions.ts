import { alibabaCatalog } from './alibaba-catalog.ts';

/** RAM actions each resource type needs (list calls first, then per-resource reads). */
export const alibabaPermissions: Readonly<Record<string, readonly string[]>> = {
  'alibaba.ecs.instance': ['ecs:DescribeInstances'],
  'alibaba.ecs.disk': ['ecs:DescribeDisks'],
  'alibaba.ecs.snapshot': ['ecs:DescribeSnapshots'],
  'alibaba.ecs.image': ['ecs:DescribeImages'],
  'alibaba.ecs.security-group': [
    'ecs:DescribeSecurityGroups',
    'ecs:DescribeSecurityGroupAttribute',
  ],
  'alibaba.vpc.vpc': ['vpc:DescribeVpcs'],
  'alibaba.vpc.vswitch': ['vpc:DescribeVSwitches'],
  'alibaba.vpc.route-table': ['vpc:DescribeRouteTableList'],
  'alibaba.vpc.nat-gateway': ['vpc:DescribeNatGateways'],
  'alibaba.eip': ['vpc:DescribeEipAddresses'],
  'alibaba.oss.bucket': ['oss:ListBuckets', 'oss:GetBucketInfo', 'oss:GetBucketTagging'],
  'alibaba.rds.instance': ['rds:DescribeDBInstances', 'rds:ListTagResources'],
  'alibaba.redis.instance': ['kvstore:DescribeInstances'],
  'alibaba.slb.load-balancer': ['slb:DescribeLoadBalancers'],
  'alibaba.slb.alb-load-balancer': ['alb:DescribeRegions', 'alb:ListLoadBalancers'],
  'alibaba.slb.nlb-load-balancer': ['nlb:DescribeRegions', 'nlb:ListLoadBalancers'],
  'alibaba.ack.cluster': ['cs:DescribeClustersV1'],
  'alibaba.ack.node-pool': ['cs:DescribeClustersV1', 'cs:DescribeClusterNodePools'],
  'alibaba.cdn.domain': ['cdn:DescribeUserDomains', 'cdn:DescribeTagResources'],
  'alibaba.dns.domain': ['alidns:DescribeDomains'],
  'alibaba.dns.record': ['alidns:DescribeDomains', 'alidns:DescribeDomainRecords'],
  'alibaba.ram.user': ['ram:ListUsers'],
  'alibaba.ram.role': ['ram:ListRoles'],
  'alibaba.kms.key': ['kms:ListKeys', 'kms:DescribeKey', 'kms:ListResourceTags'],
};

/**
 * Actions every run needs besides the types' own: the region list. (`sts:GetCallerIdentity`, which
 * names the account, needs no permission.)
 */
export const alibabaBasePermissions: readonly string[] = ['ecs:DescribeRegions'];

/** A least-privilege RAM policy document allowing what the given types (default: all) need. */
export function alibabaPolicyDocument(types?: readonly string[]): {
  Version: string;
  Statement: { Effect: string; Action: string[]; Resource: string }[];
} {
  const selected =
    types ??
    alibabaCatalog.services.flatMap((service) => service.resourceTypes.map((type) => type.type));
  const actions = new Set(alibabaBasePermissions);
  for (const type of selected)
    for (const action of alibabaPermissions[type] ?? []) actions.add(action);
  return {
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: [...actions].sort(), Resource: '*' }],
  };
}
