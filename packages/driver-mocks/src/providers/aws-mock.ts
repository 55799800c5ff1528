import {
  defineMockProvider,
  type MockBuildContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import {
  environmentOf,
  fakePassword,
  keyValueList,
  ownershipTags,
  privateIp,
  publicIp,
} from './mock-shared.ts';

const instanceTypes = [
  't3.micro',
  't3.small',
  't3.medium',
  'm6i.large',
  'm6i.xlarge',
  'c6g.large',
  'r6i.large',
];
const zoneSuffixes = ['a', 'b', 'c'];

function awsTags(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return {
    Name: context.name,
    Environment: tags.environment,
    Team: tags.team,
    CostCenter: tags.costCenter,
    Owner: tags.owner,
  };
}

function arn(
  context: MockBuildContext,
  service: string,
  resource: string,
  region = context.region,
): string {
  return `arn:aws:${service}:${region === 'global' ? '' : region}:${context.accountId}:${resource}`;
}

const ec2Instance: MockResourceTypeDefinition = {
  type: 'aws.ec2.instance',
  description: 'EC2 instance (DescribeInstances)',
  weight: 5,
  driftAttributes: 3,
  volatilePaths: ['State.LastTransitionTime'],
  identify: (context) => ({
    id: `i-0${context.uniqueHex(16)}`,
    name: context.label(['web', 'api', 'worker', 'batch', 'bastion']),
  }),
  build: (context) => {
    const tags = awsTags(context, 1);
    const instanceType = context.pickDrifting(instanceTypes, 'instance-type', 0);
    const running = context.random('state') < 0.85;
    const zone = `${context.region}${context.pick(zoneSuffixes, 'zone')}`;
    const ip = privateIp(context);
    const securityGroups = [
      context.reference('aws.vpc.security-group', 'sg-1'),
      context.reference('aws.vpc.security-group', 'sg-2'),
    ]
      .filter((group) => group !== undefined)
      .filter(
        (group, position, list) => list.findIndex((other) => other.id === group.id) === position,
      )
      .map((group) => ({ GroupId: group.id, GroupName: group.name }));
    const volume = context.reference('aws.ebs.volume', 'root-volume');
    const launchTime = context.pastTimestamp(400, 'launch');
    return {
      configuration: {
        InstanceId: context.id,
        ImageId: `ami-0${context.hex(16, 'ami')}`,
        InstanceType: instanceType,
        KeyName: `${environmentOf(context)}-ops`,
        LaunchTime: launchTime,
        Architecture: instanceType.startsWith('c6g') ? 'arm64' : 'x86_64',
        Placement: { AvailabilityZone: zone, Tenancy: 'default' },
        PrivateIpAddress: ip,
        PrivateDnsName: `ip-${ip.replaceAll('.', '-')}.${context.region}.compute.internal`,
        PublicIpAddress: context.random('public') < 0.4 ? publicIp(context) : null,
        State: running
          ? { Code: 16, Name: 'running', LastTransitionTime: context.volatileTimestamp('state') }
          : { Code: 80, Name: 'stopped', LastTransitionTime: context.volatileTimestamp('state') },
        SubnetId: `subnet-0${context.hex(16, 'subnet')}`,
        VpcId: `vpc-0${context.hex(16, 'vpc')}`,
        RootDeviceName: '/dev/xvda',
        RootDeviceType: 'ebs',
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: {
              VolumeId: volume?.id ?? `vol-0${context.hex(16, 'volume')}`,
              Status: 'attached',
              AttachTime: launchTime,
              DeleteOnTermination: true,
            },
          },
        ],
        SecurityGroups: securityGroups,
        IamInstanceProfile: {
          Arn: arn(context, 'iam', `instance-profile/${tags.Team}-instance`, 'global'),
        },
        Monitoring: { State: context.pickDrifting(['disabled', 'enabled'], 'monitoring', 2) },
        MetadataOptions: {
          HttpTokens: 'required',
          HttpEndpoint: 'enabled',
          HttpPutResponseHopLimit: 2,
        },
        Tags: keyValueList(tags),
      },
      tags,
    };
  },
};

const securityGroup: MockResourceTypeDefinition = {
  type: 'aws.vpc.security-group',
  description: 'VPC security group (DescribeSecurityGroups)',
  weight: 3,
  driftAttributes: 2,
  identify: (context) => ({
    id: `sg-0${context.uniqueHex(16)}`,
    name: context.label(['web', 'db', 'internal', 'lb']),
  }),
  build: (context) => {
    const tags = awsTags(context, 1);
    const added = Array.from({ length: context.drift(0) }, (_, position) => ({
      IpProtocol: 'tcp',
      FromPort: 8000 + position,
      ToPort: 8000 + position,
      IpRanges: [
        { CidrIp: `10.${position % 256}.0.0/16`, Description: `added rule ${position + 1}` },
      ],
    }));
    return {
      configuration: {
        GroupId: context.id,
        GroupName: context.name,
        Description: `Security group for ${context.name}`,
        OwnerId: context.accountId,
        VpcId: `vpc-0${context.hex(16, 'vpc')}`,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }],
          },
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'ssh from vpn' }],
          },
          ...added,
        ],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        Tags: keyValueList(tags),
      },
      tags,
    };
  },
};

const ebsVolume: MockResourceTypeDefinition = {
  type: 'aws.ebs.volume',
  description: 'EBS volume (DescribeVolumes)',
  weight: 3,
  driftAttributes: 2,
  identify: (context) => ({
    id: `vol-0${context.uniqueHex(16)}`,
    name: context.label(['data', 'root', 'scratch']),
  }),
  build: (context) => {
    const tags = awsTags(context, 1);
    const baseSize = context.pick([8, 20, 50, 100, 500], 'size');
    return {
      configuration: {
        VolumeId: context.id,
        Size: baseSize + 10 * context.drift(0),
        VolumeType: context.pick(['gp3', 'gp2', 'io2', 'st1'], 'volume-type'),
        Iops: 3000,
        Encrypted: context.random('encrypted') < 0.9,
        AvailabilityZone: `${context.region}${context.pick(zoneSuffixes, 'zone')}`,
        CreateTime: context.pastTimestamp(400, 'created'),
        State: context.random('in-use') < 0.8 ? 'in-use' : 'available',
        Tags: keyValueList(tags),
      },
      tags,
    };
  },
};

const s3Bucket: MockResourceTypeDefinition = {
  type: 'aws.s3.bucket',
  description: 'S3 bucket with versioning, encryption and storage metrics',
  weight: 2,
  driftAttributes: 3,
  volatilePaths: ['Metrics.BucketSizeBytes', 'Metrics.NumberOfObjects'],
  identify: (context) => {
    const name = `${context.pick(['logs', 'assets', 'backups', 'exports', 'artifacts'], 'bucket')}-${environmentOf(context)}-${context.uniqueHex(8)}`;
    return { id: name, name };
  },
  build: (context) => {
    const tags = awsTags(context, 1);
    const lifecycleDays = [30, 60, 90, 180, 365];
    return {
      configuration: {
        Name: context.name,
        CreationDate: context.pastTimestamp(900, 'created'),
        LocationConstraint: context.pick(['us-east-1', 'us-west-2', 'eu-west-1'], 'location'),
        Versioning: { Status: context.pickDrifting(['Enabled', 'Suspended'], 'versioning', 0) },
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: context.pick(['aws:kms', 'AES256'], 'sse'),
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
        LifecycleRules: [
          {
            ID: 'expire-old-objects',
            Status: 'Enabled',
            Expiration: { Days: context.pickDrifting(lifecycleDays, 'lifecycle', 2) },
          },
        ],
        Tags: keyValueList(tags),
        Metrics: {
          BucketSizeBytes: context.volatileGauge(5_000_000_000_000, 'size-bytes'),
          NumberOfObjects: context.volatileGauge(50_000_000, 'objects'),
        },
      },
      tags,
    };
  },
};

const rdsInstance: MockResourceTypeDefinition = {
  type: 'aws.rds.instance',
  description: 'RDS DB instance (DescribeDBInstances)',
  weight: 1,
  driftAttributes: 4,
  volatilePaths: ['LatestRestorableTime'],
  identify: (context) => {
    const name = context.label(['orders-db', 'users-db', 'ledger-db', 'analytics-db']);
    return { id: `arn:aws:rds:${context.region}:${context.accountId}:db:${name}`, name };
  },
  build: (context) => {
    const tags = awsTags(context, 3);
    const engine = context.pick(['postgres', 'mysql', 'aurora-postgresql'], 'engine');
    return {
      configuration: {
        DBInstanceIdentifier: context.name,
        DBInstanceArn: context.id,
        DBInstanceClass: context.pickDrifting(
          ['db.t3.medium', 'db.r6g.large', 'db.r6g.xlarge', 'db.m6i.large'],
          'class',
          0,
        ),
        Engine: engine,
        EngineVersion: engine === 'mysql' ? '8.0.36' : '16.3',
        DBInstanceStatus: 'available',
        MasterUsername: 'inventory_admin',
        Endpoint: {
          Address: `${context.name}.c${context.hex(10, 'endpoint')}.${context.region}.rds.amazonaws.com`,
          Port: engine === 'mysql' ? 3306 : 5432,
        },
        AllocatedStorage: context.pick([20, 100, 200], 'storage') + 50 * context.drift(1),
        StorageEncrypted: true,
        MultiAZ: environmentOf(context) === 'prod',
        BackupRetentionPeriod: context.pickDrifting([1, 7, 14, 35], 'backup-retention', 2),
        InstanceCreateTime: context.pastTimestamp(700, 'created'),
        LatestRestorableTime: context.volatileTimestamp('restorable'),
        TagList: keyValueList(tags),
      },
      tags,
    };
  },
};

const lambdaFunction: MockResourceTypeDefinition = {
  type: 'aws.lambda.function',
  description: 'Lambda function (ListFunctions) with environment variables',
  weight: 2,
  driftAttributes: 4,
  secretPaths: ['Environment.Variables.*'],
  identify: (context) => {
    const name = context.label(['resize-images', 'send-email', 'nightly-report', 'webhook', 'etl']);
    return { id: `arn:aws:lambda:${context.region}:${context.accountId}:function:${name}`, name };
  },
  build: (context) => {
    const tags = awsTags(context, 3);
    const role = context.reference('aws.iam.role', 'execution-role');
    const database = context.reference('aws.rds.instance', 'database');
    return {
      configuration: {
        FunctionName: context.name,
        FunctionArn: context.id,
        Runtime: context.pick(['nodejs22.x', 'nodejs20.x', 'python3.12', 'java21'], 'runtime'),
        Role: role?.id ?? arn(context, 'iam', `role/${context.name}-role`, 'global'),
        Handler: 'index.handler',
        CodeSize: context.integer(1_000, 50_000_000, 'code-size'),
        CodeSha256: context.hex(43, 'code-sha'),
        Description: `Handles ${context.name}`,
        Timeout: context.pickDrifting([3, 15, 30, 60, 300], 'timeout', 1),
        MemorySize: context.pickDrifting([128, 256, 512, 1024, 2048], 'memory', 0),
        Version: '$LATEST',
        PackageType: 'Zip',
        Architectures: [context.pick(['x86_64', 'arm64'], 'architecture')],
        TracingConfig: { Mode: context.pick(['PassThrough', 'Active'], 'tracing') },
        Environment: {
          Variables: {
            LOG_LEVEL: context.pick(['info', 'debug', 'warn'], 'log-level'),
            DB_HOST: `${database?.name ?? 'db'}.${context.region}.rds.amazonaws.com`,
            // NOTE: a fixture secret; rotating it (drift attribute 2) must show as a change.
            DB_PASSWORD: fakePassword(context, 'db-password', 2),
          },
        },
        Tags: tags,
      },
      tags,
    };
  },
};

const iamRole: MockResourceTypeDefinition = {
  type: 'aws.iam.role',
  description: 'IAM role (ListRoles) with its trust policy',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['RoleLastUsed.LastUsedDate', 'RoleLastUsed.Region'],
  identify: (context) => {
    const name = `${context.label(['lambda-exec', 'ci-deploy', 'readonly', 'ecs-task'])}-role`;
    return { id: `arn:aws:iam::${context.accountId}:role/service-role/${name}`, name };
  },
  build: (context) => {
    const tags = awsTags(context, 1);
    return {
      configuration: {
        Path: '/service-role/',
        RoleName: context.name,
        RoleId: `AROA${context.uniqueHex(16).toUpperCase()}`,
        Arn: context.id,
        CreateDate: context.pastTimestamp(1200, 'created'),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: {
                Service: context.pick(
                  ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ec2.amazonaws.com'],
                  'principal',
                ),
              },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        MaxSessionDuration: context.pickDrifting([3600, 7200, 14400, 43200], 'session', 0),
        RoleLastUsed: {
          LastUsedDate: context.volatileTimestamp('last-used'),
          Region: ['us-east-1', 'us-west-2', 'eu-west-1'][context.run % 3],
        },
        Tags: keyValueList(tags),
      },
      tags,
    };
  },
};

const sqsQueue: MockResourceTypeDefinition = {
  type: 'aws.sqs.queue',
  description: 'SQS queue (GetQueueAttributes)',
  weight: 1,
  driftAttributes: 3,
  volatilePaths: [
    'Attributes.ApproximateNumberOfMessages',
    'Attributes.ApproximateNumberOfMessagesNotVisible',
  ],
  identify: (context) => {
    const name = context.label(['orders', 'emails', 'events', 'dead-letter']);
    return { id: `https://sqs.${context.region}.amazonaws.com/${context.accountId}/${name}`, name };
  },
  build: (context) => {
    const tags = awsTags(context, 2);
    return {
      configuration: {
        QueueUrl: context.id,
        Attributes: {
          QueueArn: `arn:aws:sqs:${context.region}:${context.accountId}:${context.name}`,
          VisibilityTimeout: String(context.pickDrifting([30, 60, 120, 300], 'visibility', 0)),
          MessageRetentionPeriod: String(
            context.pickDrifting([86400, 345600, 1209600], 'retention', 1),
          ),
          DelaySeconds: '0',
          SqsManagedSseEnabled: 'true',
          CreatedTimestamp: String(
            Math.floor(Date.parse(context.pastTimestamp(600, 'created')) / 1000),
          ),
          ApproximateNumberOfMessages: String(context.volatileGauge(10_000, 'messages')),
          ApproximateNumberOfMessagesNotVisible: String(context.volatileGauge(500, 'in-flight')),
        },
        Tags: tags,
      },
      tags,
    };
  },
};

/** Amazon Web Services: EC2, VPC, EBS, S3, RDS, Lambda, IAM and SQS. */
export const awsMockProvider = defineMockProvider({
  driver: 'aws-mock',
  provider: 'aws',
  aliases: [],
  defaultAccountId: '123456789012',
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  services: [
    // NOTE: services and type names follow the `aws` driver's catalog (security groups are `vpc`,
    // volumes `ebs`), so moving from `aws-mock` to `aws` keeps every type name.
    { name: 'ec2', description: 'Elastic Compute Cloud', resourceTypes: [ec2Instance] },
    { name: 'vpc', description: 'Virtual Private Cloud', resourceTypes: [securityGroup] },
    { name: 'ebs', description: 'Elastic Block Store', resourceTypes: [ebsVolume] },
    { name: 's3', description: 'Simple Storage Service', global: true, resourceTypes: [s3Bucket] },
    { name: 'rds', description: 'Relational Database Service', resourceTypes: [rdsInstance] },
    { name: 'lambda', description: 'Lambda functions', resourceTypes: [lambdaFunction] },
    {
      name: 'iam',
      description: 'Identity and Access Management',
      global: true,
      resourceTypes: [iamRole],
    },
    { name: 'sqs', description: 'Simple Queue Service', resourceTypes: [sqsQueue] },
  ],
});
