import { defineCatalog } from '@cloud-inventory/driver-kit';

/** Services and resource types of the Alibaba Cloud driver, with volatile paths per type. */
export const alibabaCatalog = defineCatalog('alibaba', [
  {
    name: 'ecs',
    description: 'Elastic Compute Service',
    resourceTypes: [
      {
        type: 'alibaba.ecs.instance',
        description: 'ECS instance',
        volatilePaths: ['Status', 'StartTime', 'OperationLocks', 'StoppedMode', 'Recyclable'],
      },
      {
        type: 'alibaba.ecs.disk',
        description: 'Block storage disk',
        volatilePaths: [
          'Status',
          'AttachedTime',
          'DetachedTime',
          'OperationLocks',
          'MountInstanceNum',
        ],
      },
      {
        type: 'alibaba.ecs.snapshot',
        description: 'Disk snapshot',
        volatilePaths: ['Status', 'Progress', 'RemainTime', 'LastModifiedTime', 'Usage'],
      },
      {
        type: 'alibaba.ecs.image',
        description: 'Custom image (own only)',
        volatilePaths: ['Status', 'Progress', 'Usage'],
      },
      {
        type: 'alibaba.ecs.security-group',
        description: 'Security group with its rules',
        volatilePaths: ['EcsCount', 'AvailableInstanceAmount'],
      },
    ],
  },
  {
    name: 'vpc',
    description: 'Virtual Private Cloud',
    resourceTypes: [
      { type: 'alibaba.vpc.vpc', description: 'VPC', volatilePaths: ['Status'] },
      {
        type: 'alibaba.vpc.vswitch',
        description: 'vSwitch (subnet)',
        volatilePaths: ['Status', 'AvailableIpAddressCount'],
      },
      { type: 'alibaba.vpc.route-table', description: 'Route table', volatilePaths: ['Status'] },
      {
        type: 'alibaba.vpc.nat-gateway',
        description: 'NAT gateway',
        volatilePaths: ['Status', 'BusinessStatus'],
      },
    ],
  },
  {
    name: 'eip',
    description: 'Elastic IP addresses',
    resourceTypes: [
      {
        type: 'alibaba.eip',
        description: 'Elastic IP address',
        volatilePaths: ['Status', 'OperationLocks'],
      },
    ],
  },
  {
    name: 'oss',
    description: 'Object Storage Service',
    global: true,
    resourceTypes: [{ type: 'alibaba.oss.bucket', description: 'Bucket with its info and tags' }],
  },
  {
    name: 'rds',
    description: 'ApsaraDB RDS',
    resourceTypes: [
      {
        type: 'alibaba.rds.instance',
        description: 'RDS instance',
        volatilePaths: ['DBInstanceStatus', 'LockMode', 'LockReason', 'MutriORsignle'],
      },
    ],
  },
  {
    name: 'redis',
    description: 'ApsaraDB for Redis (KVStore)',
    resourceTypes: [
      {
        type: 'alibaba.redis.instance',
        description: 'Redis instance',
        volatilePaths: ['InstanceStatus'],
      },
    ],
  },
  {
    name: 'slb',
    description: 'Server Load Balancer (CLB), Application and Network Load Balancer',
    resourceTypes: [
      {
        type: 'alibaba.slb.load-balancer',
        description: 'Classic load balancer (SLB/CLB)',
        volatilePaths: ['LoadBalancerStatus'],
      },
      {
        type: 'alibaba.slb.alb-load-balancer',
        description: 'Application load balancer (ALB)',
        volatilePaths: [
          'LoadBalancerStatus',
          'LoadBalancerBussinessStatus',
          'LoadBalancerOperationLocks',
        ],
      },
      {
        type: 'alibaba.slb.nlb-load-balancer',
        description: 'Network load balancer (NLB)',
        volatilePaths: ['LoadBalancerStatus', 'LoadBalancerBusinessStatus', 'OperationLocks'],
      },
    ],
  },
  {
    name: 'ack',
    description: 'Container Service for Kubernetes',
    resourceTypes: [
      {
        type: 'alibaba.ack.cluster',
        description: 'ACK cluster',
        volatilePaths: ['state', 'updated', 'size', 'next_version'],
      },
      {
        type: 'alibaba.ack.node-pool',
        description: 'ACK node pool',
        // A node pool's user data bootstraps its nodes; the login password comes back encrypted.
        secretPaths: ['kubernetes_config.user_data', 'scaling_group.login_password'],
        volatilePaths: ['status', 'nodepool_info.updated'],
      },
    ],
  },
  {
    name: 'cdn',
    description: 'Alibaba Cloud CDN',
    global: true,
    resourceTypes: [
      {
        type: 'alibaba.cdn.domain',
        description: 'Accelerated domain',
        volatilePaths: ['DomainStatus', 'GmtModified'],
      },
    ],
  },
  {
    name: 'dns',
    description: 'Alibaba Cloud DNS (Alidns)',
    global: true,
    resourceTypes: [
      { type: 'alibaba.dns.domain', description: 'Hosted domain', volatilePaths: ['RecordCount'] },
      { type: 'alibaba.dns.record', description: 'DNS record' },
    ],
  },
  {
    name: 'ram',
    description: 'Resource Access Management',
    global: true,
    resourceTypes: [
      {
        type: 'alibaba.ram.user',
        description: 'RAM user',
        volatilePaths: ['UpdateDate', 'LastLoginDate'],
      },
      { type: 'alibaba.ram.role', description: 'RAM role', volatilePaths: ['UpdateDate'] },
    ],
  },
  {
    name: 'kms',
    description: 'Key Management Service',
    resourceTypes: [
      {
        type: 'alibaba.kms.key',
        description: 'KMS key',
        volatilePaths: ['KeyMetadata.LastRotationDate', 'KeyMetadata.NextRotationDate'],
      },
    ],
  },
]);
