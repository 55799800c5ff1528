import { awsTypeAccess } from './aws-type-access.ts';

export { type AwsTypeAccess, awsTypeAccess } from './aws-type-access.ts';

/** What the driver calls for one service: the IAM actions it needs and how it reads tags. */
export interface AwsServiceAccess {
  /** Read-only IAM actions the service's listing calls (every type's `list`, `fallback` and `enrich`). */
  actions: string[];
  /** How tags are collected (for the README). */
  tags: string;
}

/** Actions every run needs, whatever the services. */
export const awsBaseActions: readonly string[] = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'];

const inline = 'inline (`Tags` of each Describe* item)';

/** How each catalog service collects tags (for the README). */
export const awsTagStrategies: Record<string, string> = {
  ec2: inline,
  ebs: inline,
  autoscaling: 'inline (`Tags` of DescribeAutoScalingGroups)',
  vpc: inline,
  vpn: inline,
  transitgateway: inline,
  elb: 'batch: DescribeTags, 20 load balancer names per call',
  elbv2: 'batch: DescribeTags, 20 ARNs per call',
  ecs: 'inline (`include: [TAGS]` of DescribeClusters, DescribeServices, DescribeTaskDefinition)',
  eks: 'inline (`tags` of DescribeCluster and DescribeNodegroup)',
  lambda: 'per resource: ListTags per function (Lambda has no batch tag API)',
  s3: 'per resource: GetBucketTagging per bucket, in the bucket region',
  rds: 'inline (`TagList` of DescribeDBInstances and DescribeDBClusters)',
  dynamodb: 'per resource: ListTagsOfResource per table',
  elasticache: 'per resource: ListTagsForResource per cluster',
  efs: 'inline (`Tags` of DescribeFileSystems)',
  iam: 'inline (`Tags` of GetAccountAuthorizationDetails; one paginated call per type); ListUserTags / ListRoleTags per resource in the fallback',
  kms: 'per resource: ListResourceTags per customer managed key (AWS managed keys carry none)',
  secretsmanager: 'inline (`Tags` of ListSecrets)',
  ssm: 'per resource: ListTagsForResource per parameter',
  acm: 'per resource: ListTagsForCertificate per certificate',
  cognito: 'inline (`UserPoolTags` of DescribeUserPool)',
  waf: 'per resource: ListTagsForResource per web ACL',
  wafv2: 'per resource: ListTagsForResource per web ACL',
  route53: 'batch: ListTagsForResources, 10 hosted zones per call (record sets carry no tags)',
  cloudfront: 'per resource: ListTagsForResource per distribution',
  cloudtrail: 'batch: ListTags, 20 trail ARNs per call',
  config: 'none: recorders and delivery channels of the Config API carry no tags',
  sqs: 'per resource: ListQueueTags per queue',
  sns: 'per resource: ListTagsForResource per topic',
  eventbridge: 'per resource: ListTagsForResource per bus and rule',
  stepfunctions: 'per resource: ListTagsForResource per state machine',
  kinesis: 'per resource: ListTagsForStream per stream',
  ecr: 'per resource: ListTagsForResource per repository',
  apigateway: 'inline (`tags` of GetRestApis and GetApis)',
  cloudwatch: 'per resource: ListTagsForResource per alarm',
  logs: 'per resource: ListTagsForResource per log group',
  backup: 'per resource: ListTags per plan and vault',
};

/** The service (second part) of a resource type name. */
function serviceOfType(type: string): string {
  return type.split('.')[1] ?? '';
}

/** IAM actions and tag strategy per catalog service, gathered from the per-type table. */
export const awsServiceAccess: Record<string, AwsServiceAccess> = Object.fromEntries(
  Object.entries(awsTagStrategies).map(([service, tags]) => {
    const actions = new Set<string>();
    for (const [type, access] of Object.entries(awsTypeAccess)) {
      if (serviceOfType(type) !== service) continue;
      for (const action of [...access.list, ...(access.fallback ?? []), ...(access.enrich ?? [])]) {
        actions.add(action);
      }
    }
    return [service, { actions: [...actions], tags }];
  }),
);

/** The IAM action(s) a type's listing step calls, as named in a failed scope's `call`. */
export function awsListCall(type: string): string | undefined {
  const access = awsTypeAccess[type];
  return access ? [...access.list, ...(access.fallback ?? [])].join(', ') : undefined;
}

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
