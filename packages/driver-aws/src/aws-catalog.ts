import type { ResourceTypeDescriptor, TerraformImportDescriptor } from '@cloud-inventory/core';
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
  ...(terraformImports[name] ? { terraform: terraformImports[name] } : {}),
});

const byId = (terraformType: string): TerraformImportDescriptor => ({
  type: terraformType,
  importId: '{resourceId}',
});
const by = (terraformType: string, importId: string): TerraformImportDescriptor => ({
  type: terraformType,
  importId,
});

/**
 * Terraform imports (hashicorp/aws, each resource page's "Import" section), by resource type.
 * Default VPCs, ACLs and security groups go to the `aws_default_*` resources; transit gateway
 * attachments by their kind (VPN and Direct Connect ones belong to other resources); EventBridge
 * rules of the default bus by name alone. AWS Config recorders and delivery channels by name.
 */
const terraformImports: Record<string, TerraformImportDescriptor | TerraformImportDescriptor[]> = {
  'aws.ec2.instance': byId('aws_instance'),
  'aws.ec2.image': byId('aws_ami'),
  'aws.ec2.key-pair': by('aws_key_pair', '{configuration.KeyName}'),
  'aws.ec2.elastic-ip': byId('aws_eip'),
  'aws.ec2.launch-template': byId('aws_launch_template'),
  'aws.ebs.volume': byId('aws_ebs_volume'),
  'aws.ebs.snapshot': byId('aws_ebs_snapshot'),
  'aws.autoscaling.group': by('aws_autoscaling_group', '{configuration.AutoScalingGroupName}'),
  'aws.vpc.vpc': [
    { ...byId('aws_default_vpc'), only: { path: 'configuration.IsDefault', values: ['true'] } },
    byId('aws_vpc'),
  ],
  'aws.vpc.subnet': byId('aws_subnet'),
  'aws.vpc.security-group': [
    {
      ...byId('aws_default_security_group'),
      only: { path: 'configuration.GroupName', values: ['default'] },
    },
    byId('aws_security_group'),
  ],
  'aws.vpc.route-table': byId('aws_route_table'),
  'aws.vpc.internet-gateway': byId('aws_internet_gateway'),
  'aws.vpc.nat-gateway': byId('aws_nat_gateway'),
  'aws.vpc.network-acl': [
    {
      ...byId('aws_default_network_acl'),
      only: { path: 'configuration.IsDefault', values: ['true'] },
    },
    byId('aws_network_acl'),
  ],
  'aws.vpc.endpoint': byId('aws_vpc_endpoint'),
  'aws.vpc.peering-connection': byId('aws_vpc_peering_connection'),
  'aws.vpn.connection': byId('aws_vpn_connection'),
  'aws.vpn.customer-gateway': byId('aws_customer_gateway'),
  'aws.transitgateway.gateway': byId('aws_ec2_transit_gateway'),
  'aws.transitgateway.attachment': [
    {
      ...byId('aws_ec2_transit_gateway_vpc_attachment'),
      only: { path: 'configuration.ResourceType', values: ['vpc'] },
    },
    {
      ...byId('aws_ec2_transit_gateway_peering_attachment'),
      only: { path: 'configuration.ResourceType', values: ['peering'] },
    },
    {
      ...byId('aws_ec2_transit_gateway_connect'),
      only: { path: 'configuration.ResourceType', values: ['connect'] },
    },
  ],
  'aws.elb.load-balancer': by('aws_elb', '{configuration.LoadBalancerName}'),
  'aws.elbv2.load-balancer': byId('aws_lb'),
  'aws.elbv2.target-group': byId('aws_lb_target_group'),
  'aws.ecs.cluster': by('aws_ecs_cluster', '{configuration.clusterName}'),
  'aws.ecs.service': by(
    'aws_ecs_service',
    '{configuration.clusterArn|afterLast:/}/{configuration.serviceName}',
  ),
  'aws.ecs.task-definition': byId('aws_ecs_task_definition'),
  'aws.eks.cluster': by('aws_eks_cluster', '{configuration.name}'),
  'aws.eks.nodegroup': by(
    'aws_eks_node_group',
    '{configuration.clusterName}:{configuration.nodegroupName}',
  ),
  'aws.lambda.function': by('aws_lambda_function', '{configuration.FunctionName}'),
  'aws.s3.bucket': by('aws_s3_bucket', '{configuration.Name}'),
  'aws.rds.instance': by('aws_db_instance', '{configuration.DBInstanceIdentifier}'),
  'aws.rds.cluster': by('aws_rds_cluster', '{configuration.DBClusterIdentifier}'),
  'aws.dynamodb.table': by('aws_dynamodb_table', '{configuration.TableName}'),
  'aws.elasticache.cluster': by('aws_elasticache_cluster', '{configuration.CacheClusterId}'),
  'aws.efs.file-system': by('aws_efs_file_system', '{configuration.FileSystemId}'),
  'aws.iam.user': by('aws_iam_user', '{configuration.UserName}'),
  'aws.iam.role': by('aws_iam_role', '{configuration.RoleName}'),
  'aws.kms.key': by('aws_kms_key', '{configuration.KeyId}'),
  'aws.secretsmanager.secret': byId('aws_secretsmanager_secret'),
  'aws.ssm.parameter': by('aws_ssm_parameter', '{configuration.Name}'),
  'aws.acm.certificate': byId('aws_acm_certificate'),
  'aws.cognito.user-pool': by('aws_cognito_user_pool', '{configuration.Id}'),
  'aws.waf.web-acl': by('aws_waf_web_acl', '{configuration.WebACLId}'),
  'aws.wafv2.web-acl': by(
    'aws_wafv2_web_acl',
    '{configuration.Id}/{configuration.Name}/{configuration.Scope}',
  ),
  'aws.route53.hosted-zone': by('aws_route53_zone', '{resourceId|afterLast:/}'),
  // ZONEID_NAME_TYPE[_SETIDENTIFIER], the record name without its trailing dot.
  'aws.route53.record-set': [
    by(
      'aws_route53_record',
      '{configuration.HostedZoneId}_{configuration.Name|trimEnd:.}_{configuration.Type}_{configuration.SetIdentifier}',
    ),
    by(
      'aws_route53_record',
      '{configuration.HostedZoneId}_{configuration.Name|trimEnd:.}_{configuration.Type}',
    ),
  ],
  'aws.cloudfront.distribution': by('aws_cloudfront_distribution', '{configuration.Id}'),
  'aws.cloudtrail.trail': byId('aws_cloudtrail'),
  'aws.config.recorder': by('aws_config_configuration_recorder', '{configuration.name}'),
  'aws.config.delivery-channel': by('aws_config_delivery_channel', '{configuration.name}'),
  'aws.sqs.queue': by('aws_sqs_queue', '{configuration.QueueUrl}'),
  'aws.sns.topic': byId('aws_sns_topic'),
  'aws.eventbridge.event-bus': by('aws_cloudwatch_event_bus', '{configuration.Name}'),
  'aws.eventbridge.rule': [
    {
      ...by('aws_cloudwatch_event_rule', '{configuration.Name}'),
      only: { path: 'configuration.EventBusName', values: ['default'] },
    },
    by('aws_cloudwatch_event_rule', '{configuration.EventBusName}/{configuration.Name}'),
  ],
  'aws.stepfunctions.state-machine': byId('aws_sfn_state_machine'),
  'aws.kinesis.stream': by('aws_kinesis_stream', '{configuration.StreamName}'),
  'aws.ecr.repository': by('aws_ecr_repository', '{configuration.repositoryName}'),
  'aws.apigateway.rest-api': by('aws_api_gateway_rest_api', '{configuration.id}'),
  'aws.apigateway.http-api': by('aws_apigatewayv2_api', '{configuration.ApiId}'),
  'aws.apigateway.websocket-api': by('aws_apigatewayv2_api', '{configuration.ApiId}'),
  'aws.cloudwatch.alarm': by('aws_cloudwatch_metric_alarm', '{configuration.AlarmName}'),
  'aws.logs.log-group': by('aws_cloudwatch_log_group', '{configuration.logGroupName}'),
  'aws.backup.plan': by('aws_backup_plan', '{configuration.BackupPlanId}'),
  'aws.backup.vault': by('aws_backup_vault', '{configuration.BackupVaultName}'),
};

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
