/**
 * The IAM actions each resource type needs. `list` is what its listing step calls: denied, the
 * type fails in that region (and nothing of it is deleted) while every other type still lists.
 * `enrich` is read per resource: denied, the resources are kept without that part and the
 * failure is recorded on them (`metadata.enrichmentErrors`) and once on the scope.
 */
export interface AwsTypeAccess {
  /** Actions of the listing calls. */
  list: string[];
  /** Actions the listing falls back to when the first `list` action is denied (fewer details). */
  fallback?: string[];
  /** Actions of the per-resource reads (tags, policies, settings). */
  enrich?: string[];
}

const ec2 = (action: string): AwsTypeAccess => ({ list: [`ec2:${action}`] });
const elb = 'elasticloadbalancing';

/** IAM actions per resource type (the README's permission table is generated from it). */
export const awsTypeAccess: Record<string, AwsTypeAccess> = {
  'aws.ec2.instance': ec2('DescribeInstances'),
  'aws.ec2.image': ec2('DescribeImages'),
  'aws.ec2.key-pair': ec2('DescribeKeyPairs'),
  'aws.ec2.elastic-ip': ec2('DescribeAddresses'),
  'aws.ec2.launch-template': {
    list: ['ec2:DescribeLaunchTemplates'],
    enrich: ['ec2:DescribeLaunchTemplateVersions'],
  },
  'aws.ebs.volume': ec2('DescribeVolumes'),
  'aws.ebs.snapshot': ec2('DescribeSnapshots'),
  'aws.autoscaling.group': { list: ['autoscaling:DescribeAutoScalingGroups'] },
  'aws.vpc.vpc': ec2('DescribeVpcs'),
  'aws.vpc.subnet': ec2('DescribeSubnets'),
  'aws.vpc.security-group': ec2('DescribeSecurityGroups'),
  'aws.vpc.route-table': ec2('DescribeRouteTables'),
  'aws.vpc.internet-gateway': ec2('DescribeInternetGateways'),
  'aws.vpc.nat-gateway': ec2('DescribeNatGateways'),
  'aws.vpc.network-acl': ec2('DescribeNetworkAcls'),
  'aws.vpc.endpoint': ec2('DescribeVpcEndpoints'),
  'aws.vpc.peering-connection': ec2('DescribeVpcPeeringConnections'),
  'aws.vpn.connection': ec2('DescribeVpnConnections'),
  'aws.vpn.customer-gateway': ec2('DescribeCustomerGateways'),
  'aws.transitgateway.gateway': ec2('DescribeTransitGateways'),
  'aws.transitgateway.attachment': ec2('DescribeTransitGatewayAttachments'),
  'aws.elb.load-balancer': {
    list: [`${elb}:DescribeLoadBalancers`],
    enrich: [`${elb}:DescribeTags`],
  },
  'aws.elbv2.load-balancer': {
    list: [`${elb}:DescribeLoadBalancers`],
    enrich: [`${elb}:DescribeListeners`, `${elb}:DescribeTags`],
  },
  'aws.elbv2.target-group': {
    list: [`${elb}:DescribeTargetGroups`],
    enrich: [`${elb}:DescribeTags`],
  },
  'aws.ecs.cluster': { list: ['ecs:ListClusters', 'ecs:DescribeClusters'] },
  'aws.ecs.service': { list: ['ecs:ListClusters', 'ecs:ListServices', 'ecs:DescribeServices'] },
  'aws.ecs.task-definition': { list: ['ecs:ListTaskDefinitions', 'ecs:DescribeTaskDefinition'] },
  'aws.eks.cluster': { list: ['eks:ListClusters', 'eks:DescribeCluster'] },
  'aws.eks.nodegroup': {
    list: ['eks:ListClusters', 'eks:ListNodegroups', 'eks:DescribeNodegroup'],
  },
  'aws.lambda.function': { list: ['lambda:ListFunctions'], enrich: ['lambda:ListTags'] },
  'aws.s3.bucket': {
    list: ['s3:ListAllMyBuckets'],
    enrich: [
      's3:GetBucketLocation',
      's3:GetBucketTagging',
      's3:GetBucketVersioning',
      's3:GetEncryptionConfiguration',
      's3:GetBucketPublicAccessBlock',
    ],
  },
  'aws.rds.instance': { list: ['rds:DescribeDBInstances'] },
  'aws.rds.cluster': { list: ['rds:DescribeDBClusters'] },
  'aws.dynamodb.table': {
    list: ['dynamodb:ListTables', 'dynamodb:DescribeTable'],
    enrich: ['dynamodb:ListTagsOfResource'],
  },
  'aws.elasticache.cluster': {
    list: ['elasticache:DescribeCacheClusters'],
    enrich: ['elasticache:ListTagsForResource'],
  },
  'aws.efs.file-system': { list: ['elasticfilesystem:DescribeFileSystems'] },
  'aws.iam.user': {
    list: ['iam:GetAccountAuthorizationDetails'],
    fallback: ['iam:ListUsers'],
    enrich: ['iam:ListUserTags'],
  },
  'aws.iam.role': {
    list: ['iam:GetAccountAuthorizationDetails'],
    fallback: ['iam:ListRoles'],
    enrich: ['iam:ListRoleTags'],
  },
  'aws.kms.key': {
    list: ['kms:ListKeys', 'kms:DescribeKey'],
    enrich: ['kms:ListAliases', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
  },
  'aws.secretsmanager.secret': { list: ['secretsmanager:ListSecrets'] },
  'aws.ssm.parameter': {
    list: ['ssm:DescribeParameters'],
    enrich: ['ssm:ListTagsForResource'],
  },
  'aws.acm.certificate': {
    list: ['acm:ListCertificates'],
    enrich: ['acm:ListTagsForCertificate'],
  },
  'aws.cognito.user-pool': { list: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'] },
  'aws.waf.web-acl': {
    list: ['waf:ListWebACLs', 'waf:GetWebACL'],
    enrich: ['waf:ListTagsForResource'],
  },
  'aws.wafv2.web-acl': {
    list: ['wafv2:ListWebACLs', 'wafv2:GetWebACL'],
    enrich: ['wafv2:ListTagsForResource'],
  },
  'aws.route53.hosted-zone': {
    list: ['route53:ListHostedZones'],
    enrich: ['route53:ListTagsForResources'],
  },
  'aws.route53.record-set': {
    list: ['route53:ListHostedZones', 'route53:ListResourceRecordSets'],
  },
  'aws.cloudfront.distribution': {
    list: ['cloudfront:ListDistributions'],
    enrich: ['cloudfront:ListTagsForResource'],
  },
  'aws.cloudtrail.trail': { list: ['cloudtrail:DescribeTrails'], enrich: ['cloudtrail:ListTags'] },
  'aws.config.recorder': {
    list: ['config:DescribeConfigurationRecorders'],
    enrich: ['config:DescribeConfigurationRecorderStatus'],
  },
  'aws.config.delivery-channel': { list: ['config:DescribeDeliveryChannels'] },
  'aws.sqs.queue': {
    list: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
    enrich: ['sqs:ListQueueTags'],
  },
  'aws.sns.topic': {
    list: ['sns:ListTopics', 'sns:GetTopicAttributes'],
    enrich: ['sns:ListTagsForResource'],
  },
  'aws.eventbridge.event-bus': {
    list: ['events:ListEventBuses'],
    enrich: ['events:ListTagsForResource'],
  },
  'aws.eventbridge.rule': {
    list: ['events:ListEventBuses', 'events:ListRules'],
    enrich: ['events:ListTagsForResource'],
  },
  'aws.stepfunctions.state-machine': {
    list: ['states:ListStateMachines', 'states:DescribeStateMachine'],
    enrich: ['states:ListTagsForResource'],
  },
  'aws.kinesis.stream': {
    list: ['kinesis:ListStreams', 'kinesis:DescribeStreamSummary'],
    enrich: ['kinesis:ListTagsForStream'],
  },
  'aws.ecr.repository': {
    list: ['ecr:DescribeRepositories'],
    enrich: ['ecr:ListTagsForResource'],
  },
  'aws.apigateway.rest-api': { list: ['apigateway:GET'] },
  'aws.apigateway.http-api': { list: ['apigateway:GET'] },
  'aws.apigateway.websocket-api': { list: ['apigateway:GET'] },
  'aws.cloudwatch.alarm': {
    list: ['cloudwatch:DescribeAlarms'],
    enrich: ['cloudwatch:ListTagsForResource'],
  },
  'aws.logs.log-group': {
    list: ['logs:DescribeLogGroups'],
    enrich: ['logs:ListTagsForResource'],
  },
  'aws.backup.plan': {
    list: ['backup:ListBackupPlans', 'backup:GetBackupPlan'],
    enrich: ['backup:ListTags'],
  },
  'aws.backup.vault': { list: ['backup:ListBackupVaults'], enrich: ['backup:ListTags'] },
};
