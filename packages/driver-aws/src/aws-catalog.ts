import type { ResourceTypeDescriptor } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

const type = (
  name: string,
  description: string,
  paths: { volatile?: string[]; secret?: string[] } = {},
): ResourceTypeDescriptor => ({
  type: name,
  description,
  ...(paths.volatile ? { volatilePaths: paths.volatile } : {}),
  ...(paths.secret ? { secretPaths: paths.secret } : {}),
});

/**
 * Services and resource types of the AWS driver. Services marked global are listed once with
 * region `global` (in `config.defaultRegion`); `wafv2` is listed per region and once more as
 * `global` for its CloudFront-scoped web ACLs.
 */
export const awsCatalog = defineCatalog('aws', [
  {
    name: 'ec2',
    description:
      'Amazon EC2: instances, AMIs owned by the account, key pairs, Elastic IPs, launch templates',
    resourceTypes: [
      type('aws.ec2.instance', 'EC2 instance (DescribeInstances)', {
        volatile: ['StateTransitionReason', 'StateReason'],
      }),
      type('aws.ec2.image', 'AMI owned by the account (DescribeImages Owners=self)', {
        volatile: ['LastLaunchedTime'],
      }),
      type('aws.ec2.key-pair', 'Key pair (DescribeKeyPairs)'),
      type('aws.ec2.elastic-ip', 'Elastic IP address (DescribeAddresses)'),
      type(
        'aws.ec2.launch-template',
        'Launch template with its default version (DescribeLaunchTemplates, DescribeLaunchTemplateVersions)',
        { secret: ['DefaultVersion.LaunchTemplateData.UserData'] },
      ),
    ],
  },
  {
    name: 'ebs',
    description: 'Amazon EBS volumes and snapshots owned by the account',
    resourceTypes: [
      type('aws.ebs.volume', 'EBS volume (DescribeVolumes)'),
      type(
        'aws.ebs.snapshot',
        'EBS snapshot owned by the account (DescribeSnapshots OwnerIds=self)',
        {
          volatile: ['Progress'],
        },
      ),
    ],
  },
  {
    name: 'autoscaling',
    description: 'EC2 Auto Scaling groups',
    resourceTypes: [
      type('aws.autoscaling.group', 'Auto Scaling group (DescribeAutoScalingGroups)', {
        volatile: ['Instances', 'DesiredCapacity'],
      }),
    ],
  },
  {
    name: 'vpc',
    description:
      'Amazon VPC: networks, subnets, security groups, routing, gateways, ACLs, endpoints, peering',
    resourceTypes: [
      type('aws.vpc.vpc', 'VPC (DescribeVpcs)'),
      type('aws.vpc.subnet', 'Subnet (DescribeSubnets)', { volatile: ['AvailableIpAddressCount'] }),
      type('aws.vpc.security-group', 'Security group (DescribeSecurityGroups)'),
      type('aws.vpc.route-table', 'Route table (DescribeRouteTables)'),
      type('aws.vpc.internet-gateway', 'Internet gateway (DescribeInternetGateways)'),
      type('aws.vpc.nat-gateway', 'NAT gateway (DescribeNatGateways)'),
      type('aws.vpc.network-acl', 'Network ACL (DescribeNetworkAcls)'),
      type('aws.vpc.endpoint', 'VPC endpoint (DescribeVpcEndpoints)'),
      type('aws.vpc.peering-connection', 'VPC peering connection (DescribeVpcPeeringConnections)'),
    ],
  },
  {
    name: 'vpn',
    description: 'Site-to-Site VPN connections and customer gateways',
    resourceTypes: [
      type('aws.vpn.connection', 'VPN connection (DescribeVpnConnections)', {
        volatile: ['VgwTelemetry'],
        secret: ['CustomerGatewayConfiguration', 'Options.TunnelOptions[*].PreSharedKey'],
      }),
      type('aws.vpn.customer-gateway', 'Customer gateway (DescribeCustomerGateways)'),
    ],
  },
  {
    name: 'transitgateway',
    description: 'Transit gateways and their attachments',
    resourceTypes: [
      type('aws.transitgateway.gateway', 'Transit gateway (DescribeTransitGateways)'),
      type(
        'aws.transitgateway.attachment',
        'Transit gateway attachment (DescribeTransitGatewayAttachments)',
      ),
    ],
  },
  {
    name: 'elb',
    description: 'Classic Load Balancers',
    resourceTypes: [
      type('aws.elb.load-balancer', 'Classic Load Balancer (DescribeLoadBalancers, 2012-06-01)', {
        volatile: ['Instances'],
      }),
    ],
  },
  {
    name: 'elbv2',
    description: 'Application, Network and Gateway Load Balancers and their target groups',
    resourceTypes: [
      type(
        'aws.elbv2.load-balancer',
        'Application, Network or Gateway Load Balancer with its listeners (DescribeLoadBalancers, DescribeListeners)',
      ),
      type('aws.elbv2.target-group', 'Target group (DescribeTargetGroups)'),
    ],
  },
  {
    name: 'ecs',
    description: 'Amazon ECS clusters, services and active task definitions',
    resourceTypes: [
      type('aws.ecs.cluster', 'ECS cluster (ListClusters, DescribeClusters)', {
        volatile: [
          'registeredContainerInstancesCount',
          'runningTasksCount',
          'pendingTasksCount',
          'activeServicesCount',
          'statistics',
          'attachmentsStatus',
        ],
      }),
      type('aws.ecs.service', 'ECS service (ListServices, DescribeServices)', {
        volatile: [
          'runningCount',
          'pendingCount',
          'desiredCount',
          'deployments',
          'events',
          'taskSets',
        ],
      }),
      type(
        'aws.ecs.task-definition',
        'Active ECS task definition revision (ListTaskDefinitions, DescribeTaskDefinition)',
        { secret: ['containerDefinitions[*].environment[*].value'] },
      ),
    ],
  },
  {
    name: 'eks',
    description: 'Amazon EKS clusters and managed node groups',
    resourceTypes: [
      type('aws.eks.cluster', 'EKS cluster (ListClusters, DescribeCluster)', {
        volatile: ['health'],
      }),
      type('aws.eks.nodegroup', 'EKS managed node group (ListNodegroups, DescribeNodegroup)', {
        volatile: ['health', 'scalingConfig.desiredSize'],
      }),
    ],
  },
  {
    name: 'lambda',
    description: 'AWS Lambda functions',
    resourceTypes: [
      type('aws.lambda.function', 'Lambda function (ListFunctions)', {
        volatile: ['State', 'StateReason', 'StateReasonCode'],
        secret: ['Environment.Variables.*'],
      }),
    ],
  },
  {
    name: 's3',
    description:
      'Amazon S3 buckets (listed once; region global, the bucket region in BucketRegion)',
    global: true,
    resourceTypes: [
      type(
        'aws.s3.bucket',
        'S3 bucket with versioning, default encryption and public access block (ListBuckets and per-bucket Get* calls)',
      ),
    ],
  },
  {
    name: 'rds',
    description: 'Amazon RDS DB instances and Aurora (and Neptune, DocumentDB) clusters',
    resourceTypes: [
      type('aws.rds.instance', 'RDS DB instance (DescribeDBInstances)', {
        volatile: ['LatestRestorableTime', 'DBInstanceStatus'],
      }),
      type('aws.rds.cluster', 'RDS / Aurora DB cluster (DescribeDBClusters)', {
        volatile: [
          'LatestRestorableTime',
          'EarliestRestorableTime',
          'Status',
          'PercentProgress',
          'Capacity',
        ],
      }),
    ],
  },
  {
    name: 'dynamodb',
    description: 'Amazon DynamoDB tables',
    resourceTypes: [
      type('aws.dynamodb.table', 'DynamoDB table (ListTables, DescribeTable)', {
        volatile: [
          'ItemCount',
          'TableSizeBytes',
          '**.ItemCount',
          '**.IndexSizeBytes',
          '**.NumberOfDecreasesToday',
          '**.LastIncreaseDateTime',
          '**.LastDecreaseDateTime',
        ],
      }),
    ],
  },
  {
    name: 'elasticache',
    description: 'Amazon ElastiCache cache clusters',
    resourceTypes: [
      type('aws.elasticache.cluster', 'ElastiCache cache cluster (DescribeCacheClusters)', {
        volatile: ['CacheClusterStatus', 'CacheNodes[*].CacheNodeStatus'],
      }),
    ],
  },
  {
    name: 'efs',
    description: 'Amazon EFS file systems',
    resourceTypes: [
      type('aws.efs.file-system', 'EFS file system (DescribeFileSystems)', {
        volatile: ['SizeInBytes'],
      }),
    ],
  },
  {
    name: 'iam',
    description: 'AWS IAM users and roles with their policies (listed once; region global)',
    global: true,
    resourceTypes: [
      type('aws.iam.user', 'IAM user (GetAccountAuthorizationDetails)'),
      type('aws.iam.role', 'IAM role (GetAccountAuthorizationDetails)', {
        volatile: ['RoleLastUsed'],
      }),
    ],
  },
  {
    name: 'kms',
    description: 'AWS KMS keys (customer and AWS managed) with aliases and rotation status',
    resourceTypes: [type('aws.kms.key', 'KMS key (ListKeys, DescribeKey, ListAliases)')],
  },
  {
    name: 'secretsmanager',
    description: 'AWS Secrets Manager secrets (metadata only, never secret values)',
    resourceTypes: [
      type('aws.secretsmanager.secret', 'Secret metadata (ListSecrets)', {
        volatile: [
          'LastAccessedDate',
          'LastRotatedDate',
          'LastChangedDate',
          'NextRotationDate',
          'SecretVersionsToStages',
        ],
      }),
    ],
  },
  {
    name: 'ssm',
    description: 'AWS Systems Manager Parameter Store parameters (metadata only, never values)',
    resourceTypes: [type('aws.ssm.parameter', 'Parameter metadata (DescribeParameters)')],
  },
  {
    name: 'acm',
    description: 'AWS Certificate Manager certificates',
    resourceTypes: [
      type('aws.acm.certificate', 'ACM certificate (ListCertificates, every key type)'),
    ],
  },
  {
    name: 'cognito',
    description: 'Amazon Cognito user pools',
    resourceTypes: [
      type('aws.cognito.user-pool', 'Cognito user pool (ListUserPools, DescribeUserPool)', {
        volatile: ['EstimatedNumberOfUsers'],
        secret: ['SmsConfiguration.ExternalId'],
      }),
    ],
  },
  {
    name: 'waf',
    description: 'AWS WAF Classic global web ACLs (listed once; region global)',
    global: true,
    resourceTypes: [type('aws.waf.web-acl', 'WAF Classic web ACL (ListWebACLs, GetWebACL)')],
  },
  {
    name: 'wafv2',
    description:
      'AWS WAF web ACLs: regional ones per region, CloudFront ones once with region global',
    resourceTypes: [type('aws.wafv2.web-acl', 'WAFv2 web ACL (ListWebACLs, GetWebACL)')],
  },
  {
    name: 'route53',
    description: 'Amazon Route 53 hosted zones and their record sets (listed once; region global)',
    global: true,
    resourceTypes: [
      type('aws.route53.hosted-zone', 'Hosted zone (ListHostedZones)', {
        volatile: ['ResourceRecordSetCount'],
      }),
      type(
        'aws.route53.record-set',
        'Record set of a hosted zone (ListResourceRecordSets; id zone/name/type[/set identifier])',
      ),
    ],
  },
  {
    name: 'cloudfront',
    description: 'Amazon CloudFront distributions (listed once; region global)',
    global: true,
    resourceTypes: [
      type('aws.cloudfront.distribution', 'CloudFront distribution (ListDistributions)', {
        volatile: ['Status'],
        secret: ['Origins.Items[*].CustomHeaders.Items[*].HeaderValue'],
      }),
    ],
  },
  {
    name: 'cloudtrail',
    description: 'AWS CloudTrail trails (each in its home region)',
    resourceTypes: [type('aws.cloudtrail.trail', 'Trail (DescribeTrails)')],
  },
  {
    name: 'config',
    description: 'AWS Config configuration recorders and delivery channels',
    resourceTypes: [
      type(
        'aws.config.recorder',
        'Configuration recorder with its status (DescribeConfigurationRecorders)',
        {
          volatile: [
            'Status.lastStartTime',
            'Status.lastStopTime',
            'Status.lastStatus',
            'Status.lastErrorCode',
            'Status.lastErrorMessage',
            'Status.lastStatusChangeTime',
          ],
        },
      ),
      type('aws.config.delivery-channel', 'Delivery channel (DescribeDeliveryChannels)'),
    ],
  },
  {
    name: 'sqs',
    description: 'Amazon SQS queues',
    resourceTypes: [
      type('aws.sqs.queue', 'SQS queue with its attributes (ListQueues, GetQueueAttributes)', {
        volatile: [
          'Attributes.ApproximateNumberOfMessages',
          'Attributes.ApproximateNumberOfMessagesNotVisible',
          'Attributes.ApproximateNumberOfMessagesDelayed',
        ],
      }),
    ],
  },
  {
    name: 'sns',
    description: 'Amazon SNS topics',
    resourceTypes: [
      type('aws.sns.topic', 'SNS topic with its attributes (ListTopics, GetTopicAttributes)', {
        volatile: [
          'Attributes.SubscriptionsConfirmed',
          'Attributes.SubscriptionsPending',
          'Attributes.SubscriptionsDeleted',
        ],
      }),
    ],
  },
  {
    name: 'eventbridge',
    description: 'Amazon EventBridge event buses and rules',
    resourceTypes: [
      type('aws.eventbridge.event-bus', 'Event bus (ListEventBuses)'),
      type('aws.eventbridge.rule', 'Rule of any bus (ListRules)'),
    ],
  },
  {
    name: 'stepfunctions',
    description: 'AWS Step Functions state machines',
    resourceTypes: [
      type(
        'aws.stepfunctions.state-machine',
        'State machine with its definition (ListStateMachines, DescribeStateMachine)',
      ),
    ],
  },
  {
    name: 'kinesis',
    description: 'Amazon Kinesis data streams',
    resourceTypes: [
      type('aws.kinesis.stream', 'Data stream (ListStreams, DescribeStreamSummary)', {
        volatile: ['OpenShardCount', 'ConsumerCount'],
      }),
    ],
  },
  {
    name: 'ecr',
    description: 'Amazon ECR private repositories',
    resourceTypes: [type('aws.ecr.repository', 'ECR repository (DescribeRepositories)')],
  },
  {
    name: 'apigateway',
    description: 'Amazon API Gateway REST APIs (v1) and HTTP and WebSocket APIs (v2)',
    resourceTypes: [
      type('aws.apigateway.rest-api', 'REST API (GetRestApis)'),
      type('aws.apigateway.http-api', 'HTTP API (GetApis, ProtocolType HTTP)'),
      type('aws.apigateway.websocket-api', 'WebSocket API (GetApis, ProtocolType WEBSOCKET)'),
    ],
  },
  {
    name: 'cloudwatch',
    description: 'Amazon CloudWatch metric and composite alarms',
    resourceTypes: [
      type('aws.cloudwatch.alarm', 'Metric or composite alarm (DescribeAlarms)', {
        volatile: [
          'StateValue',
          'StateReason',
          'StateReasonData',
          'StateUpdatedTimestamp',
          'StateTransitionedTimestamp',
        ],
      }),
    ],
  },
  {
    name: 'logs',
    description: 'Amazon CloudWatch Logs log groups',
    resourceTypes: [
      type('aws.logs.log-group', 'Log group (DescribeLogGroups)', { volatile: ['storedBytes'] }),
    ],
  },
  {
    name: 'backup',
    description: 'AWS Backup plans and vaults',
    resourceTypes: [
      type('aws.backup.plan', 'Backup plan with its rules (ListBackupPlans, GetBackupPlan)', {
        volatile: ['LastExecutionDate'],
      }),
      type('aws.backup.vault', 'Backup vault (ListBackupVaults)', {
        volatile: ['NumberOfRecoveryPoints'],
      }),
    ],
  },
]);

/** Services listed once more with region `global`, besides their regional scopes. */
export const awsRegionalServicesWithGlobalScope: readonly string[] = ['wafv2'];
