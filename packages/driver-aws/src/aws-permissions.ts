/** What the driver calls for one service: the IAM actions it needs and how it reads tags. */
export interface AwsServiceAccess {
  /** Read-only IAM actions the service's listing calls. */
  actions: string[];
  /** How tags are collected (for the README). */
  tags: string;
}

/** Actions every run needs, whatever the services. */
export const awsBaseActions: readonly string[] = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'];

/** IAM actions and tag strategy per catalog service. */
export const awsServiceAccess: Record<string, AwsServiceAccess> = {
  ec2: {
    actions: [
      'ec2:DescribeInstances',
      'ec2:DescribeImages',
      'ec2:DescribeKeyPairs',
      'ec2:DescribeAddresses',
      'ec2:DescribeLaunchTemplates',
      'ec2:DescribeLaunchTemplateVersions',
    ],
    tags: 'inline (`Tags` of each Describe* item)',
  },
  ebs: {
    actions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots'],
    tags: 'inline (`Tags` of each Describe* item)',
  },
  autoscaling: {
    actions: ['autoscaling:DescribeAutoScalingGroups'],
    tags: 'inline (`Tags` of DescribeAutoScalingGroups)',
  },
  vpc: {
    actions: [
      'ec2:DescribeVpcs',
      'ec2:DescribeSubnets',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeRouteTables',
      'ec2:DescribeInternetGateways',
      'ec2:DescribeNatGateways',
      'ec2:DescribeNetworkAcls',
      'ec2:DescribeVpcEndpoints',
      'ec2:DescribeVpcPeeringConnections',
    ],
    tags: 'inline (`Tags` of each Describe* item)',
  },
  vpn: {
    actions: ['ec2:DescribeVpnConnections', 'ec2:DescribeCustomerGateways'],
    tags: 'inline (`Tags` of each Describe* item)',
  },
  transitgateway: {
    actions: ['ec2:DescribeTransitGateways', 'ec2:DescribeTransitGatewayAttachments'],
    tags: 'inline (`Tags` of each Describe* item)',
  },
  elb: {
    actions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeTags'],
    tags: 'batch: DescribeTags, 20 load balancer names per call',
  },
  elbv2: {
    actions: [
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeTags',
    ],
    tags: 'batch: DescribeTags, 20 ARNs per call',
  },
  ecs: {
    actions: [
      'ecs:ListClusters',
      'ecs:DescribeClusters',
      'ecs:ListServices',
      'ecs:DescribeServices',
      'ecs:ListTaskDefinitions',
      'ecs:DescribeTaskDefinition',
    ],
    tags: 'inline (`include: [TAGS]` of DescribeClusters, DescribeServices, DescribeTaskDefinition)',
  },
  eks: {
    actions: [
      'eks:ListClusters',
      'eks:DescribeCluster',
      'eks:ListNodegroups',
      'eks:DescribeNodegroup',
    ],
    tags: 'inline (`tags` of DescribeCluster and DescribeNodegroup)',
  },
  lambda: {
    actions: ['lambda:ListFunctions', 'lambda:ListTags'],
    tags: 'per resource: ListTags per function (Lambda has no batch tag API)',
  },
  s3: {
    actions: [
      's3:ListAllMyBuckets',
      's3:GetBucketLocation',
      's3:GetBucketTagging',
      's3:GetBucketVersioning',
      's3:GetEncryptionConfiguration',
      's3:GetBucketPublicAccessBlock',
    ],
    tags: 'per resource: GetBucketTagging per bucket, in the bucket region',
  },
  rds: {
    actions: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
    tags: 'inline (`TagList` of DescribeDBInstances and DescribeDBClusters)',
  },
  dynamodb: {
    actions: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource'],
    tags: 'per resource: ListTagsOfResource per table',
  },
  elasticache: {
    actions: ['elasticache:DescribeCacheClusters', 'elasticache:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per cluster',
  },
  efs: {
    actions: ['elasticfilesystem:DescribeFileSystems'],
    tags: 'inline (`Tags` of DescribeFileSystems)',
  },
  iam: {
    actions: ['iam:GetAccountAuthorizationDetails'],
    tags: 'inline (`Tags` of GetAccountAuthorizationDetails; one paginated call for every user and role)',
  },
  kms: {
    actions: [
      'kms:ListKeys',
      'kms:ListAliases',
      'kms:DescribeKey',
      'kms:GetKeyRotationStatus',
      'kms:ListResourceTags',
    ],
    tags: 'per resource: ListResourceTags per customer managed key (AWS managed keys carry none)',
  },
  secretsmanager: {
    actions: ['secretsmanager:ListSecrets'],
    tags: 'inline (`Tags` of ListSecrets)',
  },
  ssm: {
    actions: ['ssm:DescribeParameters', 'ssm:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per parameter',
  },
  acm: {
    actions: ['acm:ListCertificates', 'acm:ListTagsForCertificate'],
    tags: 'per resource: ListTagsForCertificate per certificate',
  },
  cognito: {
    actions: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'],
    tags: 'inline (`UserPoolTags` of DescribeUserPool)',
  },
  waf: {
    actions: ['waf:ListWebACLs', 'waf:GetWebACL', 'waf:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per web ACL',
  },
  wafv2: {
    actions: ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per web ACL',
  },
  route53: {
    actions: ['route53:ListHostedZones', 'route53:ListTagsForResources'],
    tags: 'batch: ListTagsForResources, 10 hosted zones per call',
  },
  cloudfront: {
    actions: ['cloudfront:ListDistributions', 'cloudfront:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per distribution',
  },
  cloudtrail: {
    actions: ['cloudtrail:DescribeTrails', 'cloudtrail:ListTags'],
    tags: 'batch: ListTags, 20 trail ARNs per call',
  },
  config: {
    actions: [
      'config:DescribeConfigurationRecorders',
      'config:DescribeConfigurationRecorderStatus',
      'config:DescribeDeliveryChannels',
    ],
    tags: 'none: recorders and delivery channels of the Config API carry no tags',
  },
  sqs: {
    actions: ['sqs:ListQueues', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags'],
    tags: 'per resource: ListQueueTags per queue',
  },
  sns: {
    actions: ['sns:ListTopics', 'sns:GetTopicAttributes', 'sns:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per topic',
  },
  eventbridge: {
    actions: ['events:ListEventBuses', 'events:ListRules', 'events:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per bus and rule',
  },
  stepfunctions: {
    actions: [
      'states:ListStateMachines',
      'states:DescribeStateMachine',
      'states:ListTagsForResource',
    ],
    tags: 'per resource: ListTagsForResource per state machine',
  },
  kinesis: {
    actions: ['kinesis:ListStreams', 'kinesis:DescribeStreamSummary', 'kinesis:ListTagsForStream'],
    tags: 'per resource: ListTagsForStream per stream',
  },
  ecr: {
    actions: ['ecr:DescribeRepositories', 'ecr:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per repository',
  },
  apigateway: {
    actions: ['apigateway:GET'],
    tags: 'inline (`tags` of GetRestApis and GetApis)',
  },
  cloudwatch: {
    actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per alarm',
  },
  logs: {
    actions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource'],
    tags: 'per resource: ListTagsForResource per log group',
  },
  backup: {
    actions: [
      'backup:ListBackupPlans',
      'backup:GetBackupPlan',
      'backup:ListBackupVaults',
      'backup:ListTags',
    ],
    tags: 'per resource: ListTags per plan and vault',
  },
};

/** A read-only IAM policy document allowing every call the driver makes for `services` (all by default). */
export function awsReadOnlyPolicy(services: readonly string[] = Object.keys(awsServiceAccess)): {
  Version: string;
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
} {
  const actions = new Set<string>(awsBaseActions);
  for (const service of services) {
    for (const action of awsServiceAccess[service]?.actions ?? []) actions.add(action);
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CloudInventoryReadOnly',
        Effect: 'Allow',
        Action: [...actions].sort(),
        Resource: '*',
      },
    ],
  };
}
