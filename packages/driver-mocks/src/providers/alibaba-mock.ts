import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { keyValueList, ownershipTags, privateIp, publicIp } from './mock-shared.ts';

const regionPrefixes: Record<string, string> = {
  'cn-hangzhou': 'bp1',
  'cn-beijing': '2ze',
  'cn-shanghai': 'uf6',
  'ap-southeast-1': 't4n',
  'eu-central-1': 'gw8',
};

/** Alibaba ids: `<prefix>-<region code><unique>`, e.g. `i-bp1a2b3c4d5e6f7g8h9`. */
function aliId(context: MockIdentityContext, prefix: string): string {
  const region = regionPrefixes[context.region] ?? 'xx0';
  return `${prefix}-${region}${context.uniqueHex(17)}`;
}

function aliTags(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return {
    environment: tags.environment,
    team: tags.team,
    'cost-center': tags.costCenter,
    owner: tags.owner,
  };
}

/** `{ Tags: { Tag: [{ TagKey, TagValue }] } }` as DescribeInstances returns tags. */
function tagList(tags: Record<string, string>): { Tag: Array<Record<string, string>> } {
  return { Tag: keyValueList(tags, 'TagKey', 'TagValue') };
}

function zoneOf(context: MockBuildContext): string {
  return `${context.region}-${context.pick(['a', 'b', 'h', 'i'], 'zone')}`;
}

function vpcOf(context: MockBuildContext): string {
  return context.reference('alibaba.vpc.vpc', 'vpc')?.id ?? aliId(context, 'vpc');
}

const ecsInstance: MockResourceTypeDefinition = {
  type: 'alibaba.ecs.instance',
  description: 'ECS instance (DescribeInstances)',
  weight: 4,
  driftAttributes: 3,
  identify: (context) => ({
    id: aliId(context, 'i'),
    name: context.label(['web', 'app', 'job', 'gateway']),
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    const instanceType = context.pickDrifting(
      ['ecs.g7.large', 'ecs.g7.xlarge', 'ecs.c7.large', 'ecs.r7.large', 'ecs.t6-c1m2.large'],
      'type',
      0,
    );
    const securityGroup = context.reference('alibaba.ecs.security-group', 'security-group');
    return {
      configuration: {
        InstanceId: context.id,
        InstanceName: context.name,
        HostName: context.name,
        InstanceType: instanceType,
        Cpu: instanceType.endsWith('xlarge') ? 4 : 2,
        Memory: instanceType.endsWith('xlarge') ? 16384 : 8192,
        Status: context.random('status') < 0.9 ? 'Running' : 'Stopped',
        RegionId: context.region,
        ZoneId: zoneOf(context),
        ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
        OSName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit',
        InstanceChargeType: context.pick(['PostPaid', 'PrePaid'], 'charge'),
        InternetChargeType: 'PayByTraffic',
        InternetMaxBandwidthOut: context.pickDrifting([0, 5, 10, 100], 'bandwidth', 2),
        VpcAttributes: {
          VpcId: vpcOf(context),
          VSwitchId:
            context.reference('alibaba.vpc.vswitch', 'vswitch')?.id ?? aliId(context, 'vsw'),
          PrivateIpAddress: { IpAddress: [privateIp(context)] },
        },
        PublicIpAddress: { IpAddress: context.random('public') < 0.4 ? [publicIp(context)] : [] },
        SecurityGroupIds: { SecurityGroupId: securityGroup ? [securityGroup.id] : [] },
        CreationTime: context.pastTimestamp(500, 'created').replace(/:\d\d\.\d+Z$/, 'Z'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const securityGroup: MockResourceTypeDefinition = {
  type: 'alibaba.ecs.security-group',
  description: 'ECS security group with its rules (DescribeSecurityGroupAttribute)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => ({
    id: aliId(context, 'sg'),
    name: `sg-${context.label(['web', 'db', 'ops'])}`,
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    const permission = (port: number, source: string, priority: number) => ({
      IpProtocol: 'TCP',
      PortRange: `${port}/${port}`,
      SourceCidrIp: source,
      Policy: 'Accept',
      Priority: priority,
      Direction: 'ingress',
      NicType: 'intranet',
    });
    return {
      configuration: {
        SecurityGroupId: context.id,
        SecurityGroupName: context.name,
        Description: `Rules for ${context.name}`,
        VpcId: vpcOf(context),
        SecurityGroupType: 'normal',
        Permissions: {
          Permission: [
            permission(443, '0.0.0.0/0', 1),
            permission(22, '10.0.0.0/8', 1),
            ...Array.from({ length: context.drift(0) }, (_, position) =>
              permission(8000 + position, '10.0.0.0/8', 10),
            ),
          ],
        },
        CreationTime: context.pastTimestamp(700, 'created'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const ecsDisk: MockResourceTypeDefinition = {
  type: 'alibaba.ecs.disk',
  description: 'ECS cloud disk (DescribeDisks)',
  weight: 2,
  driftAttributes: 3,
  identify: (context) => ({
    id: aliId(context, 'd'),
    name: `${context.label(['data', 'system', 'log'])}-disk`,
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    return {
      configuration: {
        DiskId: context.id,
        DiskName: context.name,
        Size: context.pick([40, 100, 200, 500], 'size') + 20 * context.drift(0),
        Category: 'cloud_essd',
        PerformanceLevel: context.pickDrifting(['PL0', 'PL1', 'PL2'], 'performance', 2),
        Status: context.random('in-use') < 0.8 ? 'In_use' : 'Available',
        Type: context.pick(['system', 'data'], 'disk-type'),
        ZoneId: zoneOf(context),
        Encrypted: true,
        DeleteWithInstance: true,
        CreationTime: context.pastTimestamp(500, 'created'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const ossBucket: MockResourceTypeDefinition = {
  type: 'alibaba.oss.bucket',
  description: 'OSS bucket with its statistics (GetBucketInfo, GetBucketStat)',
  weight: 2,
  driftAttributes: 3,
  volatilePaths: ['Stat.Storage', 'Stat.ObjectCount', 'Stat.LastModifiedTime'],
  identify: (context) => {
    const name = `${context.pick(['assets', 'logs', 'backup', 'media'], 'bucket')}-${context.uniqueHex(10)}`;
    return { id: name, name };
  },
  build: (context) => {
    const tags = aliTags(context, 1);
    const location = `oss-${context.pick(['cn-hangzhou', 'cn-beijing', 'ap-southeast-1'], 'location')}`;
    return {
      configuration: {
        Name: context.name,
        Location: location,
        CreationDate: context.pastTimestamp(900, 'created'),
        StorageClass: 'Standard',
        ExtranetEndpoint: `${location}.aliyuncs.com`,
        IntranetEndpoint: `${location}-internal.aliyuncs.com`,
        Versioning: context.pickDrifting(['Enabled', 'Suspended'], 'versioning', 0),
        AccessControlList: { Grant: context.pickDrifting(['private', 'public-read'], 'acl', 2) },
        ServerSideEncryptionRule: { SSEAlgorithm: 'KMS' },
        Tags: tagList(tags),
        Stat: {
          Storage: context.volatileGauge(900_000_000_000, 'storage'),
          ObjectCount: context.volatileGauge(5_000_000, 'objects'),
          LastModifiedTime: Math.floor(Date.parse(context.volatileTimestamp('modified')) / 1000),
        },
      },
      tags,
    };
  },
};

const rdsInstance: MockResourceTypeDefinition = {
  type: 'alibaba.rds.instance',
  description: 'ApsaraDB RDS instance (DescribeDBInstanceAttribute)',
  weight: 1,
  driftAttributes: 3,
  volatilePaths: ['DBInstanceDiskUsed'],
  identify: (context) => ({
    id: aliId(context, 'rm'),
    name: context.label(['orders', 'users', 'billing']),
  }),
  build: (context) => {
    const tags = aliTags(context, 2);
    const engine = context.pick(['MySQL', 'PostgreSQL'], 'engine');
    return {
      configuration: {
        DBInstanceId: context.id,
        DBInstanceDescription: context.name,
        Engine: engine,
        EngineVersion: engine === 'MySQL' ? '8.0' : '16.0',
        DBInstanceClass: context.pickDrifting(
          ['mysql.n2.medium.2c', 'mysql.n4.large.2c', 'mysql.x4.xlarge.2c'],
          'class',
          0,
        ),
        DBInstanceStorage: context.pick([20, 100, 500], 'storage') + 50 * context.drift(1),
        DBInstanceStatus: 'Running',
        PayType: 'Postpaid',
        RegionId: context.region,
        ZoneId: zoneOf(context),
        VpcId: vpcOf(context),
        ConnectionString: `${context.id}.${engine === 'MySQL' ? 'mysql' : 'pg'}.rds.aliyuncs.com`,
        Port: engine === 'MySQL' ? '3306' : '5432',
        CreationTime: context.pastTimestamp(700, 'created'),
        DBInstanceDiskUsed: String(context.volatileGauge(400_000_000_000, 'disk-used')),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const vpc: MockResourceTypeDefinition = {
  type: 'alibaba.vpc.vpc',
  description: 'VPC (DescribeVpcs)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: aliId(context, 'vpc'),
    name: `vpc-${context.label(['prod', 'shared'])}`,
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    return {
      configuration: {
        VpcId: context.id,
        VpcName: context.name,
        RegionId: context.region,
        CidrBlock: `172.${16 + (context.index % 16)}.0.0/16`,
        Status: 'Available',
        IsDefault: false,
        Description: context.pickDrifting(
          ['Production network', 'Shared services', 'Managed by Terraform'],
          'description',
          0,
        ),
        CreationTime: context.pastTimestamp(900, 'created'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const vswitch: MockResourceTypeDefinition = {
  type: 'alibaba.vpc.vswitch',
  description: 'vSwitch (DescribeVSwitches) with its free address count',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['AvailableIpAddressCount'],
  identify: (context) => ({
    id: aliId(context, 'vsw'),
    name: `vsw-${context.label(['app', 'db', 'lb'])}`,
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    return {
      configuration: {
        VSwitchId: context.id,
        VSwitchName: context.name,
        VpcId: vpcOf(context),
        ZoneId: zoneOf(context),
        CidrBlock: `172.${16 + (context.index % 16)}.${context.integer(0, 255, 'cidr')}.0/24`,
        Status: 'Available',
        Description: context.pickDrifting(
          ['application tier', 'database tier', 'load balancers'],
          'description',
          0,
        ),
        AvailableIpAddressCount: context.volatileGauge(252, 'available'),
        CreationTime: context.pastTimestamp(800, 'created'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

const loadBalancer: MockResourceTypeDefinition = {
  type: 'alibaba.slb.load-balancer',
  description: 'Server Load Balancer instance (DescribeLoadBalancers)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: aliId(context, 'lb'),
    name: `slb-${context.label(['web', 'api'])}`,
  }),
  build: (context) => {
    const tags = aliTags(context, 1);
    return {
      configuration: {
        LoadBalancerId: context.id,
        LoadBalancerName: context.name,
        Address: publicIp(context, 'slb'),
        AddressType: 'internet',
        NetworkType: 'vpc',
        LoadBalancerSpec: context.pickDrifting(
          ['slb.s1.small', 'slb.s2.small', 'slb.s3.medium'],
          'spec',
          0,
        ),
        Bandwidth: 5120,
        LoadBalancerStatus: 'active',
        RegionId: context.region,
        VpcId: vpcOf(context),
        CreateTime: context.pastTimestamp(600, 'created'),
        Tags: tagList(tags),
      },
      tags,
    };
  },
};

/** Alibaba Cloud: ECS, OSS, RDS, VPC and SLB. */
export const alibabaMockProvider = defineMockProvider({
  driver: 'alibaba-mock',
  provider: 'alibaba',
  aliases: ['aliyun-mock'],
  defaultAccountId: '1234567890123456',
  regions: ['cn-hangzhou', 'cn-beijing', 'ap-southeast-1'],
  services: [
    {
      name: 'ecs',
      description: 'Elastic Compute Service',
      resourceTypes: [ecsInstance, securityGroup, ecsDisk],
    },
    {
      name: 'oss',
      description: 'Object Storage Service',
      global: true,
      resourceTypes: [ossBucket],
    },
    { name: 'rds', description: 'ApsaraDB RDS', resourceTypes: [rdsInstance] },
    { name: 'vpc', description: 'Virtual Private Cloud', resourceTypes: [vpc, vswitch] },
    { name: 'slb', description: 'Server Load Balancer', resourceTypes: [loadBalancer] },
  ],
});
